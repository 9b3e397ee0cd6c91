package dev.takeover.common.membership;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StaticMembershipTest {

    @Test
    void eachChannelsConsumerOfANamedInstanceIsAStaticMemberOfItsOwn() {
        Map<String, Object> consumer = Map.of("group.id", "bot-service", "bootstrap.servers", "localhost:9092");

        assertThat(StaticMembership.withInstanceId("customer-messages", consumer, "bot-service-2"))
                .containsEntry("group.instance.id", "bot-service-2.customer-messages")
                .containsEntry("group.id", "bot-service");
        assertThat(StaticMembership.withInstanceId("handover-events", consumer, "bot-service-2"))
                .containsEntry("group.instance.id", "bot-service-2.handover-events");
    }

    @Test
    void withoutAStableNameConsumersStayDynamicMembers() {
        Map<String, Object> consumer = Map.of("group.id", "bot-service");

        assertThat(StaticMembership.withInstanceId("customer-messages", consumer, null))
                .doesNotContainKey("group.instance.id");
    }

    @Test
    void producersAreLeftAlone() {
        Map<String, Object> producer = Map.of("bootstrap.servers", "localhost:9092", "acks", "all");

        assertThat(StaticMembership.withInstanceId("outbox", producer, "bot-service-2"))
                .isEqualTo(producer);
    }
}
