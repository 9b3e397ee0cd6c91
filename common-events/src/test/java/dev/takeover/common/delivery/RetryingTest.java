package dev.takeover.common.delivery;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import dev.takeover.events.MalformedEventException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RetryingTest {

    private static final Duration PAUSE = Duration.ofMillis(1);

    @Test
    void malformedInputIsNotRetried() {
        AtomicInteger attempts = new AtomicInteger();

        assertThatThrownBy(() -> Retrying.process(
                        () -> {
                            attempts.incrementAndGet();
                            throw new MalformedEventException("not valid JSON");
                        },
                        PAUSE,
                        PAUSE))
                .isInstanceOf(MalformedEventException.class);
        assertThat(attempts).hasValue(1);
    }

    @Test
    void anUnavailableDatabaseIsWaitedForBeyondTheAttemptsAnyOtherFailureGets() {
        AtomicInteger attempts = new AtomicInteger();

        Retrying.process(
                () -> {
                    if (attempts.incrementAndGet() < 20) {
                        throw new IllegalStateException(
                                "could not open a connection", new SQLException("connection refused", "08001"));
                    }
                },
                PAUSE,
                PAUSE);

        assertThat(attempts).hasValue(20);
    }

    @Test
    void aFailureThatIsNotAnOutageIsParkedAfterAFewAttempts() {
        AtomicInteger attempts = new AtomicInteger();

        assertThatThrownBy(() -> Retrying.process(
                        () -> {
                            attempts.incrementAndGet();
                            throw new IllegalStateException(
                                    "constraint",
                                    new SQLException("duplicate key value violates unique constraint", "23505"));
                        },
                        PAUSE,
                        PAUSE))
                .isInstanceOf(IllegalStateException.class);
        assertThat(attempts).hasValue(8);
    }

    @Test
    void recognisesOutagesByTheirSqlStateClassOrTransientType() {
        assertThat(Retrying.databaseUnavailable(new RuntimeException(new SQLException("x", "57P01"))))
                .isTrue();
        assertThat(Retrying.databaseUnavailable(new RuntimeException(new SQLTransientConnectionException("timeout"))))
                .isTrue();
        assertThat(Retrying.databaseUnavailable(new RuntimeException(new SQLException("x", "23502"))))
                .isFalse();
        assertThat(Retrying.databaseUnavailable(new IllegalArgumentException("bug")))
                .isFalse();
    }
}
