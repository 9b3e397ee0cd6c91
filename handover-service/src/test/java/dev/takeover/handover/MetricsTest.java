package dev.takeover.handover;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

import dev.takeover.events.handover.ControlState;
import dev.takeover.infrastructure.testing.MetricsScrape;
import dev.takeover.infrastructure.testing.RealInfrastructure;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.oneOf;

@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class MetricsTest extends FlowTest {

    private static final Map<String, String> FRUSTRATED_GERMAN = Map.of("priority", "high", "language", "de");

    @Test
    void aHandoverIsCountedOnceWithItsReasonPriorityChannelAndLanguageButNeverItsConversation() {
        MetricsScrape before = scrape();

        flow.speaking("de")
                .says("m1", "Das ist jetzt das dritte Mal!", flow.analysis("m1").frustration(0.85));
        flow.awaitTakeover();
        flow.awaitTransitionTo(ControlState.REQUESTED);

        await().untilAsserted(() -> {
            MetricsScrape after = scrape();
            assertThat(after.sum("takeover_handovers_requested_total", FRUSTRATED_GERMAN)
                            - before.sum("takeover_handovers_requested_total", FRUSTRATED_GERMAN))
                    .isEqualTo(1);
            assertThat(after.sum("takeover_handover_reasons_total", Map.of("reason", "negative_sentiment"))
                            - before.sum("takeover_handover_reasons_total", Map.of("reason", "negative_sentiment")))
                    .isEqualTo(1);
            assertThat(after.sum("takeover_events_published_total", Map.of("type", "handover.requested.v1")))
                    .isGreaterThan(
                            before.sum("takeover_events_published_total", Map.of("type", "handover.requested.v1")));
        });
        MetricsScrape after = scrape();
        assertThat(after.series("takeover_handovers_requested_total"))
                .allSatisfy(series -> assertThat(series).containsKeys("priority", "channel", "language"));
        assertThat(after.labelValues()).noneMatch(value -> value.contains(flow.conversation));
    }

    @Test
    void opsSeeTheOutboxTheConsumersLagAndTheHttpLatency() {
        given().auth()
                .oauth2(tokens.supervisorToken("sam"))
                .get("/conversations/" + flow.conversation + "/control")
                .then()
                .statusCode(oneOf(200, 404));

        MetricsScrape metrics = scrape();

        assertThat(metrics.has("takeover_outbox_backlog")).isTrue();
        assertThat(metrics.has("takeover_outbox_oldest_age_seconds")).isTrue();
        assertThat(metrics.has("takeover_outbox_set_aside")).isTrue();
        // Per partition once the client reports it (the binder looks for new partitions every minute); per channel at
        // once.
        assertThat(metrics.series("kafka_consumer_fetch_manager_records_lag_max"))
                .anySatisfy(series -> assertThat(series).containsEntry("client_id", "kafka-consumer-analyses"));
        assertThat(metrics.has("jvm_memory_used_bytes")).isTrue();
        assertThat(metrics.series("http_server_requests_seconds_count"))
                .anySatisfy(series -> assertThat(series).containsEntry("uri", "/conversations/{id}/control"));
        assertThat(metrics.labelValues()).noneMatch(value -> value.contains(flow.conversation));
    }

    private static MetricsScrape scrape() {
        return MetricsScrape.of(
                given().get("/q/metrics").then().statusCode(200).extract().asString());
    }
}
