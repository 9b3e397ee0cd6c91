package dev.takeover.handover;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

import dev.takeover.events.agent.ConversationAssigned;
import dev.takeover.events.agent.ConversationHandedBack;
import dev.takeover.events.handover.ControlState;
import dev.takeover.infrastructure.testing.GrafanaDashboard;
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
    void eachConsumerTimesItsBatchesAndCountsTheirRecords() {
        Map<String, String> analyses = Map.of("channel", "analyses");
        MetricsScrape before = scrape();

        flow.speaking("en").says("m1", "Where is my parcel?", flow.analysis("m1"));

        await().untilAsserted(() -> {
            MetricsScrape after = scrape();
            assertThat(after.sum("takeover_consuming_batch_seconds_count", analyses))
                    .isGreaterThan(before.sum("takeover_consuming_batch_seconds_count", analyses));
            assertThat(after.sum("takeover_consuming_batch_records_sum", analyses)
                            - before.sum("takeover_consuming_batch_records_sum", analyses))
                    .isGreaterThanOrEqualTo(1);
        });
        MetricsScrape after = scrape();
        assertThat(after.sum("takeover_consuming_batch_seconds_sum", analyses)).isPositive();
        assertThat(after.series("takeover_consuming_batch_seconds_bucket"))
                .anySatisfy(series ->
                        assertThat(series).containsEntry("channel", "analyses").containsKey("le"));
        assertThat(after.series("takeover_consuming_batch_seconds_count"))
                .extracting(series -> series.get("channel"))
                .contains("customer-messages", "analyses", "outbound-messages", "transcript-events");
    }

    @Test
    void everyMetricTheDashboardReadsFromHandoverServiceAndFromEveryServiceIsExposed() {
        flow.says("m1", "person please", flow.analysis("m1").asksForAPerson());
        String handoverId = flow.awaitTakeover().handoverId();
        flow.agentService(
                ConversationAssigned.TYPE,
                new ConversationAssigned(flow.conversation, handoverId, "sam", "Sam", Instant.now()));
        flow.agentService(
                ConversationHandedBack.TYPE,
                new ConversationHandedBack(flow.conversation, handoverId, "sam", null, Instant.now()));
        flow.awaitTransitionTo(ControlState.HANDED_BACK);
        flow.send(new ProducerRecord<>("bot.analysis", flow.conversation, "not json".getBytes(StandardCharsets.UTF_8)));
        given().auth()
                .oauth2(tokens.supervisorToken("sam"))
                .get("/conversations/" + flow.conversation + "/control")
                .then()
                .statusCode(oneOf(200, 404));
        GrafanaDashboard dashboard = GrafanaDashboard.committed();
        Set<String> expected = new TreeSet<>(dashboard.metricsOf("handover-service"));
        expected.addAll(dashboard.metricsOf(GrafanaDashboard.EVERY_SERVICE));

        // The Kafka binder adds a consumer's per-partition lag when it next looks for new client metrics (each minute).
        await().atMost(Duration.ofMinutes(2)).untilAsserted(() -> {
            MetricsScrape metrics = scrape();
            assertThat(expected).as("what the dashboard reads").allMatch(metrics::has);
        });
        assertThat(scrape().labelValues()).noneMatch(value -> value.contains(flow.conversation));
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
