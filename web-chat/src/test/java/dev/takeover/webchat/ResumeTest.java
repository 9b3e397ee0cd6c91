package dev.takeover.webchat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

import com.fasterxml.jackson.databind.JsonNode;

import dev.takeover.events.EventCodec;
import dev.takeover.events.conversation.InboundMessage;
import dev.takeover.infrastructure.testing.RealInfrastructure;
import dev.takeover.infrastructure.testing.TopicRecorder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Nothing is lost across a reconnect or a reload, and nothing arrives twice. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class ResumeTest extends ChatTestSupport {

    @Test
    void aTabThatReconnectsWithTheLastEntryItSawGetsEverythingAfterItInOrderOnce() {
        ChatClient before = tab();
        JsonNode welcome = before.hello();
        String conversation = welcome.path("conversationId").asText();
        String token = welcome.path("token").asText();
        before.say("m-1", "Hello");
        publish(fromBot(conversation, "Hi! How can I help?"), fromBot(conversation, "Ask me anything."));
        before.awaitEntries(3);
        long lastSeen = before.entries().get(2).path("seq").asLong();
        before.close();

        publish(
                fromBot(conversation, "Are you still there?"),
                fromAgent(conversation, "Anna here, I've got your request."),
                fromAgent(conversation, "Your parcel left the warehouse today."));

        ChatClient after = tab();
        JsonNode resumed = after.hello(token, conversation, lastSeen);
        assertThat(resumed.path("conversationId").asText()).isEqualTo(conversation);
        assertThat(resumed.has("token")).as("the browser keeps its token").isFalse();
        after.awaitEntries(3);
        await().during(Duration.ofMillis(300))
                .atMost(ChatClient.PATIENCE)
                .until(() -> after.entries().size() == 3);
        assertThat(after.entryTexts())
                .containsExactly(
                        "Are you still there?",
                        "Anna here, I've got your request.",
                        "Your parcel left the warehouse today.");
        assertThat(after.entries().stream().map(entry -> entry.path("seq").asLong()))
                .containsExactly(4L, 5L, 6L);
    }

    @Test
    void aReloadedPageGetsTheWholeConversationBack() {
        ChatClient page = tab();
        JsonNode welcome = page.hello();
        String conversation = welcome.path("conversationId").asText();
        page.say("m-1", "I want to talk to a person");
        publish(fromBot(conversation, "A colleague will be with you shortly."), fromAgent(conversation, "Hi!"));
        page.awaitEntries(3);
        page.close();

        ChatClient reloaded = tab();
        reloaded.hello(welcome.path("token").asText(), conversation, 0);
        reloaded.awaitEntries(3);
        assertThat(reloaded.entryTexts())
                .containsExactly("I want to talk to a person", "A colleague will be with you shortly.", "Hi!");
    }

    @Test
    void aMessageResentAfterAReconnectIsLoggedAndPublishedOnce() {
        try (TopicRecorder inbound = TopicRecorder.recording(kafka, "conversation.inbound")) {
            ChatClient before = tab();
            JsonNode welcome = before.hello();
            String conversation = welcome.path("conversationId").asText();
            before.say("m-1", "Is the blue jacket in stock?");
            before.awaitEntries(1);
            before.close();

            // The browser never saw the confirmation, so it sends the message again on the new socket.
            ChatClient after = tab();
            after.hello(welcome.path("token").asText(), conversation, 0);
            after.say("m-1", "Is the blue jacket in stock?");
            after.say("m-2", "Size M, please.");

            after.awaitEntries(2);
            await().during(Duration.ofMillis(500))
                    .atMost(ChatClient.PATIENCE)
                    .until(() -> after.entries().size() == 2
                            && inbound.records(conversation).size() == 2);
            assertThat(after.entryTexts()).containsExactly("Is the blue jacket in stock?", "Size M, please.");
            assertThat(inbound.records(conversation).stream()
                            .map(record -> EventCodec.fromJson(record.value(), InboundMessage.class)
                                    .messageId()))
                    .containsExactly("m-1", "m-2");
        }
    }

    @Test
    void aTokenNobodyIssuedOpensANewConversationNotSomebodyElses() {
        ChatClient owner = tab();
        String conversation = owner.hello().path("conversationId").asText();
        owner.say("m-1", "My address is Hauptstraße 1");
        owner.awaitEntries(1);

        ChatClient guesser = tab();
        JsonNode welcome = guesser.hello("made-up-token", conversation, 0);
        assertThat(welcome.path("conversationId").asText()).isNotEqualTo(conversation);
        assertThat(welcome.path("token").asText()).isNotBlank();
        await().during(Duration.ofMillis(300))
                .atMost(ChatClient.PATIENCE)
                .until(() -> guesser.entries().isEmpty());
    }
}
