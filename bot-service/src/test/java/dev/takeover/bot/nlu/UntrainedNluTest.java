package dev.takeover.bot.nlu;

import org.junit.jupiter.api.Test;

import dev.takeover.common.consuming.Failure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * A relaunched bot's consumers start before its catalogue is trained (SmallRye starts the channels on start-up before
 * the application's own observers run). The messages they get meanwhile must wait, not be parked as poison.
 */
class UntrainedNluTest {

    @Test
    void anNluWithoutACatalogueIsNotReadyAndTheConsumerWaitsForIt() {
        try (SentenceEncoder encoder = new SentenceEncoder(SentenceEncoder.Model.ALL_MINILM_L6_V2_Q, 1)) {
            LinearNlu untrained =
                    new LinearNlu(NluSettings.defaults(), new LanguageDetector(), new SentimentAnalyzer(), encoder);

            Throwable failure = catchThrowable(() -> untrained.understand("Where is my parcel?", null));

            assertThat(Failure.of(failure)).isEqualTo(Failure.NOT_READY);
            assertThat(Failure.of(failure).retriesRecord(1_000, 8))
                    .as("retried however long training takes")
                    .isTrue();
        }
    }
}
