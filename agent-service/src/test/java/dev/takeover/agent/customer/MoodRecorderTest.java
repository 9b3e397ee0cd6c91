package dev.takeover.agent.customer;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

import dev.takeover.common.consuming.DecodedRecord;
import dev.takeover.common.consuming.EventBatch;
import dev.takeover.events.CloudEvent;
import dev.takeover.events.Topic;
import dev.takeover.events.bot.MessageAnalyzed;
import dev.takeover.events.bot.MessageAnalyzed.Intent;
import dev.takeover.events.bot.MessageAnalyzed.Sentiment;
import dev.takeover.infrastructure.testing.ContractRecords;
import dev.takeover.infrastructure.testing.RealInfrastructure;

import static org.assertj.core.api.Assertions.assertThat;

/** The set-wise mood upsert against the real database: the newest analysis wins, however the batches come. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class MoodRecorderTest {

    private static final Instant NOON = Instant.parse("2026-12-02T12:00:00Z");

    @Inject
    MoodRecorder recorder;

    @Test
    void theNewestAnalysisOfABatchIsTheMoodWhateverItsPlaceInTheBatch() {
        String conversation = "conv-" + UUID.randomUUID();
        String other = "conv-" + UUID.randomUUID();

        store(
                analysis(conversation, NOON, Sentiment.Label.NEGATIVE, 0.8),
                analysis(other, NOON, Sentiment.Label.NEUTRAL, 0.1),
                analysis(conversation, NOON.minusSeconds(60), Sentiment.Label.POSITIVE, 0.0));

        assertThat(mood(conversation).sentimentLabel).isEqualTo("NEGATIVE");
        assertThat(mood(conversation).frustration).isEqualTo(0.8);
        assertThat(mood(conversation).analysedAt).isEqualTo(NOON);
        assertThat(mood(other).sentimentLabel).isEqualTo("NEUTRAL");
    }

    @Test
    void anAnalysisArrivingLateInALaterBatchChangesNothingAndANewerOneReplacesTheMood() {
        String conversation = "conv-" + UUID.randomUUID();
        DecodedRecord current = analysis(conversation, NOON, Sentiment.Label.NEGATIVE, 0.8);
        store(current);

        store(analysis(conversation, NOON.minusSeconds(1), Sentiment.Label.POSITIVE, 0.0));
        store(current);
        assertThat(mood(conversation).sentimentLabel).isEqualTo("NEGATIVE");

        store(analysis(conversation, NOON.plusSeconds(30), Sentiment.Label.POSITIVE, 0.2));
        assertThat(mood(conversation).sentimentLabel).isEqualTo("POSITIVE");
        assertThat(mood(conversation).sentimentScore).isEqualTo(0.5);
        assertThat(mood(conversation).analysedAt).isEqualTo(NOON.plusSeconds(30));
    }

    private void store(DecodedRecord... records) {
        QuarkusTransaction.requiringNew().run(() -> recorder.handle(new EventBatch(List.of(records))));
    }

    private static ConversationMood mood(String conversation) {
        return QuarkusTransaction.requiringNew()
                .call(() -> ConversationMood.of(conversation))
                .orElseThrow();
    }

    private static DecodedRecord analysis(
            String conversation, Instant analysedAt, Sentiment.Label label, double frustration) {
        MessageAnalyzed analysis = new MessageAnalyzed(
                conversation,
                "m-" + UUID.randomUUID(),
                "en",
                new Intent("refund", 0.9),
                new Sentiment(label == Sentiment.Label.POSITIVE ? 0.5 : -0.5, label),
                frustration,
                false,
                false);
        ProducerRecord<String, byte[]> produced = ContractRecords.record(
                CloudEvent.create(MessageAnalyzed.TYPE, "/test", conversation, analysedAt),
                MessageAnalyzed.TYPE,
                analysis);
        ConsumerRecord<String, byte[]> consumed = new ConsumerRecord<>(
                produced.topic(),
                0,
                0,
                analysedAt.toEpochMilli(),
                TimestampType.CREATE_TIME,
                -1,
                -1,
                produced.key(),
                produced.value(),
                produced.headers(),
                Optional.empty());
        return DecodedRecord.decode(consumed, Topic.CONVERSATION_INBOUND.defaultName());
    }
}
