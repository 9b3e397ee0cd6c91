package dev.takeover.agent;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

import dev.takeover.events.agent.ConversationOffered;
import dev.takeover.infrastructure.TokenIssuer;
import dev.takeover.infrastructure.testing.GrafanaDashboard;
import dev.takeover.infrastructure.testing.InjectKafkaCompanion;
import dev.takeover.infrastructure.testing.InjectTokenIssuer;
import dev.takeover.infrastructure.testing.MetricsScrape;
import dev.takeover.infrastructure.testing.RealInfrastructure;
import dev.takeover.infrastructure.testing.TopicRecorder;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class MetricsTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @InjectKafkaCompanion
    KafkaCompanion kafka;

    @InjectTokenIssuer
    TokenIssuer tokens;

    private Fixture fixture;
    private TopicRecorder events;

    @BeforeEach
    void start() {
        fixture = new Fixture(kafka, tokens);
        events = TopicRecorder.recording(kafka, "agent.events");
    }

    @AfterEach
    void stopRecording() {
        events.close();
    }

    @Test
    void aTakeoverRecordsTheWaitTheTakeoverTheFirstAnswerOnceAndTheHandleTime() {
        String agent = fixture.registerOnline("en");
        String conversation = Fixture.conversation();
        MetricsScrape before = scrape();

        fixture.requestHandover(conversation, "en");
        await().atMost(PATIENCE)
                .until(() ->
                        !events.events(conversation, ConversationOffered.TYPE).isEmpty());
        fixture.accept(agent, conversation).statusCode(200);
        for (String text : new String[] {"Hello, I am on it.", "Found it."}) {
            fixture.as(agent)
                    .body(Map.of("text", text))
                    .post("/conversations/" + conversation + "/messages")
                    .then()
                    .statusCode(202);
        }
        fixture.as(agent)
                .body(Map.of("summary", "Explained the invoice."))
                .post("/conversations/" + conversation + "/resolve")
                .then()
                .statusCode(200);

        await().atMost(PATIENCE).untilAsserted(() -> {
            MetricsScrape after = scrape();
            assertThat(increase(before, after, "takeover_handover_queue_wait_seconds_count", Map.of()))
                    .isEqualTo(1);
            assertThat(increase(before, after, "takeover_handover_time_to_takeover_seconds_count", Map.of()))
                    .isEqualTo(1);
            assertThat(increase(before, after, "takeover_handover_first_response_seconds_count", Map.of()))
                    .as("two replies, one first answer")
                    .isEqualTo(1);
            assertThat(increase(
                            before,
                            after,
                            "takeover_handover_handle_time_seconds_count",
                            Map.of("outcome", "resolved")))
                    .isEqualTo(1);
        });
        MetricsScrape after = scrape();
        assertThat(after.series("takeover_handover_time_to_takeover_seconds_bucket"))
                .as("a histogram, so p50 and p90 can be computed")
                .isNotEmpty();
        assertThat(after.labelValues()).noneMatch(value -> value.contains(conversation) || value.equals(agent));
        assertThat(GrafanaDashboard.committed().metricsOf("agent-service"))
                .as("what the dashboard reads from agent-service")
                .isNotEmpty()
                .allMatch(after::has);
    }

    private static double increase(
            MetricsScrape before, MetricsScrape after, String metric, Map<String, String> labels) {
        return after.sum(metric, labels) - before.sum(metric, labels);
    }

    private static MetricsScrape scrape() {
        return MetricsScrape.of(
                given().get("/q/metrics").then().statusCode(200).extract().asString());
    }
}
