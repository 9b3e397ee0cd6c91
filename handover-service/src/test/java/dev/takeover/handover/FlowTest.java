package dev.takeover.handover;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

import dev.takeover.infrastructure.TokenIssuer;
import dev.takeover.infrastructure.testing.AdjustableClock;
import dev.takeover.infrastructure.testing.InjectKafkaCompanion;
import dev.takeover.infrastructure.testing.InjectTokenIssuer;

/** Where every flow test of this service starts: a working Wednesday morning and a fresh conversation on the broker. */
abstract class FlowTest {

    @InjectKafkaCompanion
    KafkaCompanion kafka;

    @InjectTokenIssuer
    TokenIssuer tokens;

    @Inject
    AdjustableClock clock;

    ConversationFlow flow;

    @BeforeEach
    void startConversation() {
        clock.travelTo(AdjustableClock.WEDNESDAY_MORNING);
        flow = new ConversationFlow(kafka);
    }

    @AfterEach
    void closeConversation() {
        flow.close();
    }
}
