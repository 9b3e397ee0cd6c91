package dev.takeover.common.consuming;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import dev.takeover.common.domain.NotReady;
import dev.takeover.common.domain.Refused;
import dev.takeover.events.MalformedEventException;

import static dev.takeover.common.consuming.Records.decoded;
import static dev.takeover.common.consuming.Records.messageId;
import static org.assertj.core.api.Assertions.assertThat;

class LaneProcessorTest {

    private final Database database = new Database();
    private final List<Duration> pauses = new ArrayList<>();
    private final List<Integer> healthReports = new ArrayList<>();
    private final LaneProcessor processor = new LaneProcessor(
            "test-channel",
            database,
            new Backoff(Duration.ofMillis(100), Duration.ofSeconds(5)),
            8,
            pauses::add,
            new LaneProcessor.Health() {
                @Override
                public void failed(int attemptsInARow) {
                    healthReports.add(attemptsInARow);
                }

                @Override
                public void succeeded() {
                    healthReports.add(0);
                }
            });

    @Test
    void aBatchIsStoredInOneTransaction() {
        List<DeadLetter> parked = processor.process(lane("m1", "m2", "m3"));

        assertThat(parked).isEmpty();
        assertThat(database.committed).containsExactly("m1", "m2", "m3");
        assertThat(database.transactions).isEqualTo(1);
    }

    @Test
    void aPoisonRecordInTheMiddleIsParkedAloneAndItsNeighboursAreStoredInOrder() {
        database.failing("m2", new IllegalStateException("bug", new SQLException("value out of range", "22003")));

        List<DeadLetter> parked = processor.process(lane("m1", "m2", "m3"));

        assertThat(parked).singleElement().satisfies(letter -> {
            assertThat(letter.record().offset()).isEqualTo(2);
            assertThat(letter.reason())
                    .isEqualTo("cannot be processed: java.lang.IllegalStateException (SQLState 22003)");
        });
        assertThat(database.committed).containsExactly("m1", "m3");
        assertThat(pauses).as("refused data is not retried").isEmpty();
    }

    @Test
    void aRecordAUseCaseFindsMalformedIsParkedWithItsReason() {
        database.failing("m1", new MalformedEventException("a handover id is required"));

        List<DeadLetter> parked = processor.process(lane("m1", "m2"));

        assertThat(parked).singleElement().extracting(DeadLetter::reason).isEqualTo("a handover id is required");
        assertThat(database.committed).containsExactly("m2");
    }

    @Test
    void anEventAUseCaseRefusesIsParkedAtOnceWithTheRefusalAndItsNeighboursCommit() {
        database.failing(
                "m2", new IllegalStateException("wrapped", Refused.conflict("the handover is already closed")));

        List<DeadLetter> parked = processor.process(lane("m1", "m2", "m3"));

        assertThat(parked)
                .singleElement()
                .extracting(DeadLetter::reason)
                .isEqualTo("refused (CONFLICT): the handover is already closed");
        assertThat(database.attemptsOf("m2"))
                .as("once in the batch, once alone")
                .isEqualTo(2);
        assertThat(pauses).as("a refusal is not retried").isEmpty();
        assertThat(database.committed).containsExactly("m1", "m3");
    }

    @Test
    void anUnexpectedFailureIsRetriedAFewTimesThenParked() {
        database.failing("m2", new IllegalStateException("a bug"));

        List<DeadLetter> parked = processor.process(lane("m1", "m2", "m3"));

        assertThat(parked)
                .singleElement()
                .extracting(DeadLetter::reason)
                .isEqualTo("cannot be processed: java.lang.IllegalStateException");
        assertThat(database.attemptsOf("m2"))
                .as("once in the batch, then 8 alone")
                .isEqualTo(9);
        assertThat(pauses).hasSize(7);
        assertThat(database.committed).containsExactly("m1", "m3");
    }

    @Test
    void anUnexpectedFailureThatPassesLosesNothing() {
        database.failingTimes("m2", 2, new IllegalStateException("flaky"));

        List<DeadLetter> parked = processor.process(lane("m1", "m2", "m3"));

        assertThat(parked).isEmpty();
        assertThat(database.committed).containsExactly("m1", "m2", "m3");
    }

    @Test
    void whileTheDatabaseIsUnavailableTheWholeBatchIsRetriedAndNothingIsParked() {
        database.failingTimes("m1", 20, new IllegalStateException(new SQLException("terminating connection", "57P01")));

        List<DeadLetter> parked = processor.process(lane("m1", "m2", "m3"));

        assertThat(parked).isEmpty();
        assertThat(database.committed).containsExactly("m1", "m2", "m3");
        assertThat(database.transactions).isEqualTo(21);
        assertThat(pauses).hasSize(20).last().isEqualTo(Duration.ofSeconds(5));
        assertThat(healthReports).startsWith(1, 2, 3).endsWith(20, 0);
    }

    @Test
    void aRecordAloneIsRetriedWhileTheDatabaseIsUnavailableBeyondTheAttemptsOtherFailuresGet() {
        database.failingTimes("m1", 30, new IllegalStateException(new SQLException("no connection", "08001")));

        List<DeadLetter> parked = processor.process(lane("m1"));

        assertThat(parked).isEmpty();
        assertThat(database.committed).containsExactly("m1");
        assertThat(database.attemptsOf("m1")).isEqualTo(31);
    }

    @Test
    void customerMessagesThatArriveBeforeTheServiceIsReadyWaitForItBeyondTheAttemptsAndAreNeverParked() {
        // A relaunched bot consumes before it has trained its catalogue; that took longer than 8 attempts' backoff.
        database.failingTimes("m1", 30, new IllegalStateException(new NotReady("no catalogue has been trained yet")));

        List<DeadLetter> parked = processor.process(lane("m1", "m2"));

        assertThat(parked).isEmpty();
        assertThat(database.committed).containsExactly("m1", "m2");
        assertThat(database.transactions)
                .as("the batch retried whole, as while the database is away")
                .isEqualTo(31);
        assertThat(healthReports).startsWith(1, 2, 3).endsWith(30, 0);
    }

    @Test
    void theDatabaseGoingAwayWhileLookingForTheCulpritParksNothingValid() {
        database.failing("m2", new IllegalStateException(new SQLException("bad value", "22P02")));
        database.failingTimes("m3", 4, new IllegalStateException(new SQLException("gone", "08006")));

        List<DeadLetter> parked = processor.process(lane("m1", "m2", "m3"));

        assertThat(parked).extracting(letter -> letter.record().offset()).containsExactly(2L);
        assertThat(database.committed).containsExactly("m1", "m3");
    }

    @Test
    void anEventTwiceInOnePollIsHandledOnce() {
        List<DecodedRecord> polled =
                List.of(decoded(0, 1, "conv-1", "m1"), decoded(0, 2, "conv-1", "m2"), decoded(0, 3, "conv-1", "m1"));

        List<DecodedRecord> distinct = LaneProcessor.firstOfEachKey(polled);

        assertThat(distinct).extracting(record -> record.record().offset()).containsExactly(1L, 2L);
    }

    @Test
    void nothingToStoreStartsNoTransaction() {
        assertThat(processor.process(List.of())).isEmpty();
        assertThat(database.transactions).isZero();
    }

    private static List<DecodedRecord> lane(String... messageIds) {
        List<DecodedRecord> records = new ArrayList<>();
        for (int i = 0; i < messageIds.length; i++) {
            records.add(decoded(0, i + 1, "conv-1", messageIds[i]));
        }
        return records;
    }

    /** Commits a transaction's records only if none of them fails; counts attempts per record. */
    private static final class Database implements LaneProcessor.Store {
        final List<String> committed = new ArrayList<>();
        final Map<String, Integer> attempts = new HashMap<>();
        final Map<String, Function<Integer, RuntimeException>> faults = new HashMap<>();
        int transactions;

        void failing(String messageId, RuntimeException failure) {
            faults.put(messageId, attempt -> failure);
        }

        void failingTimes(String messageId, int times, RuntimeException failure) {
            faults.put(messageId, attempt -> attempt <= times ? failure : null);
        }

        int attemptsOf(String messageId) {
            return attempts.getOrDefault(messageId, 0);
        }

        @Override
        public void store(List<DecodedRecord> records) {
            transactions++;
            List<String> pending = new ArrayList<>();
            for (DecodedRecord record : records) {
                String id = messageId(record);
                int attempt = attempts.merge(id, 1, Integer::sum);
                RuntimeException failure = faults.getOrDefault(id, any -> null).apply(attempt);
                if (failure != null) {
                    throw failure;
                }
                pending.add(id);
            }
            committed.addAll(pending);
        }
    }
}
