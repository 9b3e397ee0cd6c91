package dev.takeover.bot;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

import dev.takeover.events.EventCodec;
import dev.takeover.events.conversation.InboundMessage;
import dev.takeover.events.handover.ControlState;
import dev.takeover.events.handover.HandoverStateChanged;
import dev.takeover.infrastructure.testing.ContractRecords;
import dev.takeover.infrastructure.testing.GrafanaDashboard;
import dev.takeover.infrastructure.testing.InjectKafkaCompanion;
import dev.takeover.infrastructure.testing.MetricsScrape;
import dev.takeover.infrastructure.testing.RealInfrastructure;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class MetricsTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final Map<String, String> GERMAN_REQUEST = Map.of("signal", "human_request", "language", "de");

    @InjectKafkaCompanion
    KafkaCompanion kafka;

    private final String conversation = "conv-" + UUID.randomUUID();

    @Test
    void analysesRequestsForAPersonAndRepliesAreCountedWithoutTheConversation() {
        MetricsScrape before = scrape();

        send("m1", "Ich möchte mit einem Mitarbeiter sprechen");

        await().atMost(PATIENCE).untilAsserted(() -> {
            MetricsScrape after = scrape();
            assertThat(after.sum("takeover_nlu_signals_total", GERMAN_REQUEST)
                            - before.sum("takeover_nlu_signals_total", GERMAN_REQUEST))
                    .isEqualTo(1);
            assertThat(after.sum("takeover_nlu_analyses_total", Map.of("language", "de"))
                            - before.sum("takeover_nlu_analyses_total", Map.of("language", "de")))
                    .isEqualTo(1);
        });
        MetricsScrape after = scrape();
        assertThat(after.has("takeover_nlu_catalogue_training_seconds_count"))
                .as("the catalogue trained at start-up")
                .isTrue();
        assertThat(after.sum("takeover_nlu_catalogue_training_seconds_count")).isGreaterThanOrEqualTo(1);
        assertThat(after.series("takeover_nlu_analyses_total"))
                .allSatisfy(series -> assertThat(series.get("scope")).isIn("in", "out"));
        assertThat(after.labelValues()).noneMatch(value -> value.contains(conversation));
        assertThat(GrafanaDashboard.committed().metricsOf("bot-service"))
                .as("what the dashboard reads from bot-service")
                .isNotEmpty()
                .allMatch(after::has);
    }

    @Test
    void aRatingOfAnAgentIsMeasuredByWhoServedChannelAndLanguage() {
        Map<String, String> agentWebGerman = Map.of("served_by", "agent", "channel", "web", "language", "de");
        Map<String, String> fours = Map.of("served_by", "agent", "channel", "web", "language", "de", "score", "4");
        MetricsScrape before = scrape();

        send("m1", "Hallo, ich habe eine Frage zu meiner Rechnung");
        await().atMost(PATIENCE)
                .until(() -> scrape().sum("takeover_nlu_analyses_total", Map.of("language", "de"))
                        > before.sum("takeover_nlu_analyses_total", Map.of("language", "de")));
        changeControl(ControlState.QUEUED, ControlState.WITH_AGENT);
        changeControl(ControlState.WITH_AGENT, ControlState.HANDED_BACK);
        await().pollInSameThread()
                .atMost(PATIENCE)
                .until(() -> Conversation.count("conversationId = ?1 and awaiting = ?2", conversation, Awaiting.SURVEY)
                        == 1);
        send("m2", "4");

        await().atMost(PATIENCE).untilAsserted(() -> {
            MetricsScrape after = scrape();
            assertThat(after.sum("takeover_satisfaction_score_count", agentWebGerman)
                            - before.sum("takeover_satisfaction_score_count", agentWebGerman))
                    .isEqualTo(1);
            assertThat(after.sum("takeover_satisfaction_score_sum", agentWebGerman)
                            - before.sum("takeover_satisfaction_score_sum", agentWebGerman))
                    .isEqualTo(4);
            assertThat(after.sum("takeover_satisfaction_answers_total", fours)
                            - before.sum("takeover_satisfaction_answers_total", fours))
                    .isEqualTo(1);
        });
        assertThat(scrape().series("takeover_satisfaction_answers_total")).allSatisfy(series -> {
            assertThat(series.get("served_by")).isIn("bot", "agent");
            assertThat(series.get("score")).isIn("1", "2", "3", "4", "5", "words");
        });
        assertThat(scrape().labelValues()).noneMatch(value -> value.contains(conversation));
    }

    @Test
    void aParkedRecordIsCountedByTopicAndCause() {
        Map<String, String> malformedInbound = Map.of("topic", "conversation.inbound", "cause", "malformed");
        MetricsScrape before = scrape();

        sendRaw("I need help, this is not JSON");

        await().atMost(PATIENCE)
                .untilAsserted(() -> assertThat(scrape().sum("takeover_dead_letters_total", malformedInbound)
                                - before.sum("takeover_dead_letters_total", malformedInbound))
                        .isEqualTo(1));
    }

    private void send(String messageId, String text) {
        InboundMessage message = new InboundMessage(messageId, conversation, "web", text, null, null, null, null, null);
        sendRaw(new String(EventCodec.toJson(message), StandardCharsets.UTF_8));
    }

    private void changeControl(ControlState from, ControlState to) {
        HandoverStateChanged change =
                new HandoverStateChanged("h-" + conversation, conversation, from, to, "TEST", null, Instant.now());
        kafka.produce(String.class, byte[].class)
                .fromRecords(ContractRecords.record(HandoverStateChanged.TYPE, change))
                .awaitCompletion(PATIENCE);
    }

    private void sendRaw(String value) {
        kafka.produce(String.class, String.class)
                .fromRecords(new ProducerRecord<>("conversation.inbound", conversation, value))
                .awaitCompletion(PATIENCE);
    }

    private static MetricsScrape scrape() {
        return MetricsScrape.of(
                given().get("/q/metrics").then().statusCode(200).extract().asString());
    }
}
