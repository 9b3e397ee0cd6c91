package dev.takeover.infrastructure.testing;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The committed dashboard draws what issue 12 asks for, and every query says which service it reads. */
class GrafanaDashboardTest {

    @Test
    void theDashboardHasTheHandoverWaitLagAndOutboxPanelsAndEveryQueryNamesItsService() {
        GrafanaDashboard dashboard = GrafanaDashboard.committed();

        assertThat(dashboard.titles())
                .contains(
                        "Handovers by reason",
                        "Queue wait",
                        "Consumer lag by topic and partition",
                        "Outbox backlog",
                        "Oldest unsent event");
        assertThat(dashboard.metricsOf("handover-service")).contains("takeover_handovers_requested_total");
        assertThat(dashboard.metricsOf("agent-service")).contains("takeover_handover_queue_wait_seconds_bucket");
        assertThat(dashboard.metricsOf(GrafanaDashboard.EVERY_SERVICE))
                .contains(
                        "kafka_consumer_fetch_manager_records_lag",
                        "takeover_outbox_backlog",
                        "takeover_consuming_batch_seconds_bucket");
    }

    @Test
    void aMetricReadWithoutASelectorIsFound() {
        assertThat(GrafanaDashboard.bareMetric("sum by (job) (rate(takeover_outbox_sent_total[5m]))"))
                .contains("takeover_outbox_sent_total");
        assertThat(GrafanaDashboard.bareMetric(
                        "histogram_quantile(0.9, sum by (le, job) (rate(x_bucket{job=~\"$service\"}[$__rate_interval])))"
                                + " / on (job) group_left sum(y{job=\"a\",status=~\"5..\"}) and bool 1"))
                .isEmpty();
    }
}
