package dev.takeover.webchat;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

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

/** A host site vouches for its signed-in customer; only what it signed reaches the platform. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class IdentityTest extends ChatTestSupport {

    /** The secret the test profile shares with the "host site". */
    static final String SECRET = "test-secret-shared-with-the-host-site";

    static final String ERIKA = "{\"customerId\":\"K-100234\",\"name\":\"Erika Mustermann\","
            + "\"email\":\"erika@example.com\",\"attributes\":{\"tier\":\"gold\",\"vip\":true}}";

    @Test
    void aVerifiedCustomersIdNameEmailAndAttributesTravelWithTheirMessages() {
        try (TopicRecorder inbound = TopicRecorder.recording(kafka, "conversation.inbound")) {
            ChatClient tab = tab();
            String identity = IdentityVerifier.encode(ERIKA);
            JsonNode welcome = signedHello(tab, identity, IdentityVerifier.sign(SECRET, identity), null);
            assertThat(welcome.path("customerName").asText()).isEqualTo("Erika Mustermann");
            String conversation = welcome.path("conversationId").asText();
            tab.say("m-1", "My order hasn't arrived");

            InboundMessage message = EventCodec.fromJson(
                    await().atMost(ChatClient.PATIENCE)
                            .until(() -> inbound.records(conversation), found -> !found.isEmpty())
                            .get(0)
                            .value(),
                    InboundMessage.class);
            assertThat(message.customerId()).isEqualTo("K-100234");
            assertThat(message.customerName()).isEqualTo("Erika Mustermann");
            assertThat(message.attributes())
                    .containsExactlyInAnyOrderEntriesOf(
                            Map.of("tier", "gold", "vip", "true", "email", "erika@example.com"));
        }
    }

    @Test
    void aBadSignatureIsRefusedAndTheSocketClosedBeforeAnythingIsOpened() {
        ChatClient tab = tab();
        String identity = IdentityVerifier.encode(ERIKA);
        tab.send(helloWith(identity, IdentityVerifier.sign("not-the-secret", identity), null));

        assertThat(tab.awaitError("identity-refused").path("reason").asText())
                .isEqualTo("the signature does not match the identity");
        assertThat(tab.awaitClosed()).isEqualTo(1008);
        assertThat(tab.framesOfType("welcome")).isEmpty();
    }

    @Test
    void fieldsChangedAfterSigningAreRefused() {
        ChatClient tab = tab();
        String signed = IdentityVerifier.encode(ERIKA);
        String promoted = IdentityVerifier.encode(ERIKA.replace("gold", "platinum"));
        tab.send(helloWith(promoted, IdentityVerifier.sign(SECRET, signed), null));

        tab.awaitError("identity-refused");
        assertThat(tab.awaitClosed()).isEqualTo(1008);
    }

    @Test
    void anExpiredIdentityIsRefused() {
        String expiring = IdentityVerifier.encode(
                ERIKA.replace("}}", "},\"expiresAt\":\"" + clock.instant().plus(Duration.ofMinutes(5)) + "\"}"));
        String signature = IdentityVerifier.sign(SECRET, expiring);
        ChatClient inTime = tab();
        signedHello(inTime, expiring, signature, null);

        clock.advance(Duration.ofMinutes(6));
        ChatClient late = tab();
        late.send(helloWith(expiring, signature, null));
        assertThat(late.awaitError("identity-refused").path("reason").asText()).isEqualTo("the identity has expired");
    }

    @Test
    void aSignedInCustomerContinuesTheirConversationOnAnotherDeviceAndASignedOutBrowserDoesNot() {
        String customer = "{\"customerId\":\"K-" + System.nanoTime() + "\",\"name\":\"Jonas\"}";
        String identity = IdentityVerifier.encode(customer);
        String signature = IdentityVerifier.sign(SECRET, identity);
        ChatClient laptop = tab();
        JsonNode onLaptop = signedHello(laptop, identity, signature, null);
        String conversation = onLaptop.path("conversationId").asText();
        laptop.say("m-1", "Started on my laptop");
        laptop.awaitEntries(1);

        ChatClient phone = tab();
        JsonNode onPhone = signedHello(phone, identity, signature, null);
        assertThat(onPhone.path("conversationId").asText()).isEqualTo(conversation);
        assertThat(onPhone.path("token").asText())
                .isNotEqualTo(onLaptop.path("token").asText());
        assertThat(phone.awaitEntries(1).get(0).path("text").asText()).isEqualTo("Started on my laptop");

        ChatClient signedOut = tab();
        JsonNode anonymous = signedOut.hello(onLaptop.path("token").asText(), conversation, 0);
        assertThat(anonymous.path("conversationId").asText()).isNotEqualTo(conversation);
        await().during(Duration.ofMillis(300))
                .atMost(ChatClient.PATIENCE)
                .until(() -> signedOut.entries().isEmpty());
    }

    @Test
    void aVisitorWhoSignsInMidConversationKeepsItUnderTheirIdentity() {
        try (TopicRecorder inbound = TopicRecorder.recording(kafka, "conversation.inbound")) {
            ChatClient anonymous = tab();
            JsonNode welcome = anonymous.hello();
            String conversation = welcome.path("conversationId").asText();
            anonymous.say("m-1", "Browsing jackets");
            anonymous.awaitEntries(1);
            anonymous.close();

            ChatClient signedIn = tab();
            String identity = IdentityVerifier.encode(ERIKA);
            JsonNode resumed = signedHello(
                    signedIn,
                    identity,
                    IdentityVerifier.sign(SECRET, identity),
                    welcome.path("token").asText());
            assertThat(resumed.path("conversationId").asText()).isEqualTo(conversation);
            signedIn.say("m-2", "Now signed in");

            await().atMost(ChatClient.PATIENCE)
                    .until(() -> inbound.records(conversation).size() == 2);
            InboundMessage second =
                    EventCodec.fromJson(inbound.records(conversation).get(1).value(), InboundMessage.class);
            assertThat(second.customerId()).isEqualTo("K-100234");
        }
    }

    private static JsonNode signedHello(ChatClient tab, String identity, String signature, String token) {
        int before = tab.frames().size();
        tab.send(helloWith(identity, signature, token));
        return tab.awaitFrame(before, "welcome");
    }

    private static Map<String, Object> helloWith(String identity, String signature, String token) {
        Map<String, Object> hello = new HashMap<>();
        hello.put("type", "hello");
        hello.put("identity", identity);
        hello.put("signature", signature);
        hello.put("language", "de-DE");
        if (token != null) {
            hello.put("token", token);
        }
        return hello;
    }
}
