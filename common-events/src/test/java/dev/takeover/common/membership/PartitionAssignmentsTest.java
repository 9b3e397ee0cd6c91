package dev.takeover.common.membership;

import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PartitionAssignmentsTest {

    @Test
    void aConsumerWhoseGroupHasNotAssignedAnythingYetIsNotConsuming() {
        Assignment waiting = new Assignment();

        assertThat(waiting.consuming()).isFalse();
        assertThat(PartitionAssignments.report(Map.of("customer-messages", List.of(waiting)))
                        .getStatus())
                .isEqualTo(HealthCheckResponse.Status.DOWN);
    }

    @Test
    void anAssignmentMakesItConsumingAndARevocationOnlyShrinksWhatItHolds() {
        Assignment assignment = new Assignment();

        assignment.assigned(List.of("conversation.inbound-0", "conversation.inbound-1"));
        assignment.revoked(List.of("conversation.inbound-1"));

        assertThat(assignment.consuming()).isTrue();
        assertThat(assignment.partitionsHeld()).isEqualTo(1);
    }

    @Test
    void aMemberGivenNoPartitionsBecauseTheGroupHasMoreMembersThanPartitionsIsConsuming() {
        Assignment assignment = new Assignment();

        assignment.assigned(List.of());

        assertThat(assignment.consuming()).isTrue();
    }

    @Test
    void lostPartitionsMakeItWaitForItsGroupAgainUntilTheNextAssignment() {
        Assignment assignment = new Assignment();
        assignment.assigned(List.of("bot.analysis-0"));

        assignment.lost();
        assertThat(assignment.consuming()).isFalse();
        assertThat(assignment.partitionsHeld()).isZero();

        assignment.assigned(List.of("bot.analysis-0"));
        assertThat(assignment.consuming()).isTrue();
    }

    @Test
    void theServiceIsReadyOnlyWhenEveryChannelIsConsumingAndTheReportSaysWhichWaits() {
        Assignment consuming = new Assignment();
        consuming.assigned(List.of("bot.analysis-0", "bot.analysis-1"));
        Assignment waiting = new Assignment();

        HealthCheckResponse response =
                PartitionAssignments.report(Map.of("analyses", List.of(consuming), "agent-events", List.of(waiting)));

        assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
        assertThat(response.getData().orElseThrow())
                .containsEntry("analyses", "2 partitions")
                .containsEntry("agent-events", "waiting for its group");

        waiting.assigned(List.of("agent.events-3"));
        assertThat(PartitionAssignments.report(Map.of("analyses", List.of(consuming), "agent-events", List.of(waiting)))
                        .getStatus())
                .isEqualTo(HealthCheckResponse.Status.UP);
    }
}
