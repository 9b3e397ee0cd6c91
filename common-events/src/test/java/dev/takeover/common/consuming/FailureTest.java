package dev.takeover.common.consuming;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import org.junit.jupiter.api.Test;

import dev.takeover.common.domain.NotReady;
import dev.takeover.common.domain.Refused;
import dev.takeover.events.MalformedEventException;

import static org.assertj.core.api.Assertions.assertThat;

class FailureTest {

    @Test
    void anUnavailableDatabaseIsRecognisedByItsSqlStateClassOrItsTransientType() {
        assertThat(of("57P01")).isEqualTo(Failure.DATABASE_UNAVAILABLE);
        assertThat(of("08006")).isEqualTo(Failure.DATABASE_UNAVAILABLE);
        assertThat(of("40P01")).isEqualTo(Failure.DATABASE_UNAVAILABLE);
        assertThat(of("42P01")).isEqualTo(Failure.DATABASE_UNAVAILABLE);
        assertThat(of("55P03")).isEqualTo(Failure.DATABASE_UNAVAILABLE);
        assertThat(Failure.of(new RuntimeException(new SQLTransientConnectionException("timeout"))))
                .isEqualTo(Failure.DATABASE_UNAVAILABLE);
        assertThat(Failure.of(new RuntimeException(new SQLException("Sorry, acquisition timeout!"))))
                .isEqualTo(Failure.DATABASE_UNAVAILABLE);
    }

    @Test
    void aServiceStillStartingIsWaitedForAndNeverParksARecord() {
        Failure notReady = Failure.of(new IllegalStateException(new NotReady("no catalogue has been trained yet")));

        assertThat(notReady).isEqualTo(Failure.NOT_READY);
        assertThat(notReady.retriesTheWholeBatch()).isTrue();
        assertThat(notReady.retriesRecord(1_000, 8)).isTrue();
    }

    @Test
    void dataTheDatabaseRefusesIsRecognisedByItsSqlStateClass() {
        assertThat(of("22021")).isEqualTo(Failure.REFUSED_DATA);
        assertThat(of("22008")).isEqualTo(Failure.REFUSED_DATA);
        assertThat(of("23502")).isEqualTo(Failure.REFUSED_DATA);
        assertThat(of("54000")).isEqualTo(Failure.REFUSED_DATA);
    }

    @Test
    void malformedInputAndEverythingElse() {
        assertThat(Failure.of(new IllegalStateException(new MalformedEventException("not valid JSON"))))
                .isEqualTo(Failure.MALFORMED);
        assertThat(of("P0001")).isEqualTo(Failure.UNEXPECTED);
        assertThat(Failure.of(new NullPointerException())).isEqualTo(Failure.UNEXPECTED);
    }

    @Test
    void onlyAnUnavailableDatabaseRetriesAWholeBatch() {
        assertThat(Failure.DATABASE_UNAVAILABLE.retriesTheWholeBatch()).isTrue();
        assertThat(Failure.UNEXPECTED.retriesTheWholeBatch()).isFalse();
        assertThat(Failure.REFUSED_DATA.retriesTheWholeBatch()).isFalse();
        assertThat(Failure.MALFORMED.retriesTheWholeBatch()).isFalse();
    }

    @Test
    void aRecordIsRetriedWhileTheDatabaseIsAwayAndAFewTimesForAnythingUnexpected() {
        assertThat(Failure.DATABASE_UNAVAILABLE.retriesRecord(1_000, 8)).isTrue();
        assertThat(Failure.UNEXPECTED.retriesRecord(7, 8)).isTrue();
        assertThat(Failure.UNEXPECTED.retriesRecord(8, 8)).isFalse();
        assertThat(Failure.REFUSED_DATA.retriesRecord(1, 8)).isFalse();
        assertThat(Failure.MALFORMED.retriesRecord(1, 8)).isFalse();
    }

    @Test
    void aDescriptionNamesTheFailureNeverItsMessage() {
        RuntimeException refused = new IllegalStateException(
                "cannot store", new SQLException("Failing row contains (my IBAN is DE89...)", "23502"));

        assertThat(Failure.describe(refused)).isEqualTo("java.lang.IllegalStateException (SQLState 23502)");
        assertThat(Failure.describe(new MalformedEventException("text is required")))
                .isEqualTo("text is required");
    }

    @Test
    void aRefusalIsPermanentAndOnlyItsReasonIsLogged() {
        RuntimeException refused = new IllegalStateException("rolled back", Refused.invalid("the note is empty"));

        assertThat(Failure.of(refused)).isEqualTo(Failure.REFUSED);
        assertThat(Failure.REFUSED.retriesTheWholeBatch()).isFalse();
        assertThat(Failure.REFUSED.retriesRecord(1, 8)).isFalse();
        assertThat(Failure.describe(refused)).isEqualTo("java.lang.IllegalStateException (refused: INVALID)");
        assertThat(Failure.REFUSED.deadLetterReason(refused)).isEqualTo("refused (INVALID): the note is empty");
    }

    private static Failure of(String sqlState) {
        return Failure.of(new IllegalStateException("wrapped", new SQLException("reason", sqlState)));
    }
}
