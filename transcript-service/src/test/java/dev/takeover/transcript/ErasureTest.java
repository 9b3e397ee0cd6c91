package dev.takeover.transcript;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import dev.takeover.events.agent.ConversationAssigned;
import dev.takeover.events.agent.InternalNoteAdded;
import dev.takeover.events.bot.MessageAnalyzed;
import dev.takeover.events.conversation.InboundMessage;
import dev.takeover.events.transcript.CustomerDataErased;
import dev.takeover.infrastructure.testing.RealInfrastructure;
import dev.takeover.infrastructure.testing.TopicRecorder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class ErasureTest extends LogTestSupport {

    private final String second = "conv-" + UUID.randomUUID();
    private final String someoneElses = "conv-" + UUID.randomUUID();
    private final String alice = "alice-" + conversation;

    @Test
    void erasureAnonymisesEveryConversationOfTheCustomerAndTellsTheOtherServices() {
        send(
                plain(customerSays("m1", "I am Ana, my e-mail is ana@example.com", start)),
                record(MessageAnalyzed.TYPE, analysisOf("m1", "account", 0.0, true), start.plusSeconds(1)),
                record(ConversationAssigned.TYPE, assigned(alice, start.plusSeconds(2)), start.plusSeconds(2)),
                record(InternalNoteAdded.TYPE, note(alice, "Ana is a VIP", start.plusSeconds(3)), start.plusSeconds(3)),
                plain(new InboundMessage(
                        "s1", second, "whatsapp", "Hello again", customer, "Ana Example", "en", start, Map.of())),
                plain(new InboundMessage(
                        "o1", someoneElses, "web", "Not Ana", "other-" + customer, "Bo", "en", start, Map.of())));
        await().atMost(PATIENCE)
                .until(() -> entries(conversation) == 4 && entries(second) == 1 && entries(someoneElses) == 1);
        String analyticsCustomers =
                "select count(*) from analytics_conversation where conversation_id = any(?) and customer_hash is not null";
        assertThat(count(analyticsCustomers, (Object) new String[] {conversation, second}))
                .isEqualTo(2);

        try (TopicRecorder transcriptEvents = TopicRecorder.recording(kafka, "transcript.events")) {
            JsonPath receipt = asSupervisor()
                    .delete("/customers/" + customer)
                    .then()
                    .statusCode(200)
                    .body("customerId", equalTo(customer))
                    .body("conversations", containsInAnyOrder(conversation, second))
                    .extract()
                    .jsonPath();
            String erasureId = receipt.getString("erasureId");

            await().atMost(PATIENCE).untilAsserted(() -> {
                List<CustomerDataErased> first = transcriptEvents.events(conversation, CustomerDataErased.TYPE);
                List<CustomerDataErased> other = transcriptEvents.events(second, CustomerDataErased.TYPE);
                assertThat(first).singleElement().satisfies(event -> {
                    assertThat(event.customerId()).isEqualTo(customer);
                    assertThat(event.erasureId()).isEqualTo(erasureId);
                });
                assertThat(other).singleElement();
            });
        }

        asSupervisor()
                .get("/conversations/" + conversation + "/transcript")
                .then()
                .statusCode(200)
                .body("erased", equalTo(true))
                .body("customer", nullValue())
                .body(
                        "entries.type",
                        contains(
                                "conversation.message-received.v1",
                                "bot.message-analyzed.v1",
                                "agent.conversation-assigned.v1",
                                "agent.internal-note-added.v1"))
                .body("entries.erased", everyItem(equalTo(true)))
                .body("entries.text", everyItem(nullValue()))
                .body("entries[0].sender.type", equalTo("CUSTOMER"))
                .body("entries[0].sender.id", nullValue())
                .body("entries[0].analysis", nullValue())
                .body("entries[2].sender.id", equalTo(alice));
        assertThat(count(
                        "select count(*) from transcript_entry where conversation_id = any(?) and payload::text like ?",
                        new String[] {conversation, second},
                        "%Ana%"))
                .isZero();
        // The analytics no longer recognise the customer; someone else's conversation keeps its customer.
        assertThat(count(analyticsCustomers, (Object) new String[] {conversation, second}))
                .isZero();
        assertThat(count(analyticsCustomers, (Object) new String[] {someoneElses}))
                .isEqualTo(1);
        asSupervisor()
                .get("/conversations/" + someoneElses + "/transcript")
                .then()
                .body("entries[0].text", equalTo("Not Ana"));
        asSupervisor().get("/customers/" + customer + "/conversations").then().statusCode(404);

        // Asked again: nothing left to anonymise, the request is still on record.
        asSupervisor()
                .delete("/customers/" + customer)
                .then()
                .statusCode(200)
                .body("conversations", empty())
                .body("erasureId", not(equalTo(null)));
    }

    @Test
    void dataOfAnErasedCustomerThatArrivesLateIsStoredAnonymisedAndNewDataIsNot() {
        send(plain(customerSays("m1", "Please forget me", start)));
        await().atMost(PATIENCE).until(() -> entries(conversation) == 1);
        asSupervisor().delete("/customers/" + customer).then().statusCode(200);
        Instant now = Instant.now();

        String inFlight = "conv-" + UUID.randomUUID();
        send(
                // Analysed before the erasure, delivered after it.
                record(MessageAnalyzed.TYPE, analysisOf("m1", "privacy_request", 0.0, false), start.plusSeconds(1)),
                // A conversation the erasure could not know of: its first message was still in flight.
                plain(new InboundMessage(
                        "f1",
                        inFlight,
                        "sms",
                        "Also this number",
                        customer,
                        "Ana Example",
                        "en",
                        start.plusSeconds(2),
                        Map.of())),
                // The customer comes back after the erasure: that is new data, kept.
                plain(customerSays("m2", "Hello, I am back", now.plusSeconds(1))));
        await().atMost(PATIENCE).until(() -> entries(conversation) == 3 && entries(inFlight) == 1);

        asSupervisor()
                .get("/conversations/" + conversation + "/transcript")
                .then()
                .statusCode(200)
                .body("entries.erased", contains(true, true, null))
                .body("entries[2].text", equalTo("Hello, I am back"))
                .body("customer.id", equalTo(customer));
        asSupervisor()
                .get("/conversations/" + inFlight + "/transcript")
                .then()
                .statusCode(200)
                .body("erased", equalTo(true))
                .body("customer", nullValue())
                .body("entries[0].erased", equalTo(true));
    }

    @Test
    void onlySupervisorsErase() {
        asAgent(alice).delete("/customers/" + customer).then().statusCode(403).contentType("application/problem+json");
    }
}
