package dev.takeover.agent;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

import dev.takeover.events.agent.ConversationAssigned;
import dev.takeover.events.agent.ConversationOffered;
import dev.takeover.events.agent.InternalNoteAdded;
import dev.takeover.infrastructure.TokenIssuer;
import dev.takeover.infrastructure.testing.InjectKafkaCompanion;
import dev.takeover.infrastructure.testing.InjectTokenIssuer;
import dev.takeover.infrastructure.testing.RealInfrastructure;
import dev.takeover.infrastructure.testing.TopicRecorder;

import static dev.takeover.agent.Fixture.PATIENCE;
import static dev.takeover.agent.Fixture.conversation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@QuarkusTest
@TestProfile(AutoAccept.class)
@QuarkusTestResource(RealInfrastructure.class)
class AutoAcceptTest {

    @InjectKafkaCompanion
    KafkaCompanion kafka;

    @InjectTokenIssuer
    TokenIssuer tokens;

    private Fixture fixture;
    private TopicRecorder agentEvents;

    @BeforeEach
    void start() {
        fixture = new Fixture(kafka, tokens);
        agentEvents = TopicRecorder.recording(kafka, "agent.events");
    }

    @AfterEach
    void stopRecording() {
        agentEvents.close();
    }

    @Test
    void withAutoAcceptTheConversationIsAssignedAtOnceWithoutAnOffer() {
        String agent = fixture.registerOnline("en");
        String conversation = conversation();

        fixture.requestHandover(conversation, "en");

        ConversationAssigned assigned = await().atMost(PATIENCE)
                .until(() -> agentEvents.events(conversation, ConversationAssigned.TYPE), found -> !found.isEmpty())
                .get(0);
        assertThat(assigned.agentId()).isEqualTo(agent);
        fixture.as(agent)
                .body(java.util.Map.of("text", "marker"))
                .post("/conversations/" + conversation + "/notes")
                .then()
                .statusCode(201);
        await().atMost(PATIENCE)
                .until(() -> !agentEvents
                        .events(conversation, InternalNoteAdded.TYPE)
                        .isEmpty());
        assertThat(agentEvents.events(conversation, ConversationOffered.TYPE)).isEmpty();
        assertThat(Fixture.agent(agent).activeConversations).isEqualTo(1);
    }
}
