package dev.takeover.transcript;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

import dev.takeover.events.agent.ConversationAssigned;
import dev.takeover.events.agent.ConversationResolved;
import dev.takeover.events.bot.MessageAnalyzed;
import dev.takeover.events.conversation.InboundMessage;
import dev.takeover.events.handover.ControlState;
import dev.takeover.events.handover.HandoverRequested;
import dev.takeover.events.handover.HandoverStateChanged;
import dev.takeover.infrastructure.testing.RealInfrastructure;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class CustomerHistoryTest extends LogTestSupport {

    private final String earlier = "conv-" + UUID.randomUUID();
    private final String alice = "alice-" + conversation;
    private final String bob = "bob-" + conversation;

    @Test
    void anAgentSeesTheCustomersEarlierContactsAcrossChannelsAndWhoHandledThem() {
        Instant yesterday = start.minusSeconds(86_400);
        send(
                plain(new InboundMessage(
                        "e1",
                        earlier,
                        "whatsapp",
                        "My router is down",
                        customer,
                        "Ana Example",
                        "en",
                        yesterday,
                        Map.of())),
                record(
                        MessageAnalyzed.TYPE,
                        new MessageAnalyzed(
                                earlier,
                                "e1",
                                "en",
                                new MessageAnalyzed.Intent("outage", 0.9),
                                new MessageAnalyzed.Sentiment(-0.5, MessageAnalyzed.Sentiment.Label.NEGATIVE),
                                0.6,
                                false,
                                false),
                        yesterday.plusSeconds(1)),
                record(
                        ConversationAssigned.TYPE,
                        new ConversationAssigned(earlier, "h-e", alice, "Alice", yesterday.plusSeconds(60)),
                        yesterday.plusSeconds(60)),
                record(
                        ConversationResolved.TYPE,
                        new ConversationResolved(earlier, "h-e", alice, "Router reset", yesterday.plusSeconds(600)),
                        yesterday.plusSeconds(600)),
                record(
                        HandoverStateChanged.TYPE,
                        new HandoverStateChanged(
                                "h-e",
                                earlier,
                                ControlState.WITH_AGENT,
                                ControlState.RESOLVED,
                                "AGENT_RESOLVED",
                                null,
                                yesterday.plusSeconds(600)),
                        yesterday.plusSeconds(600)),
                plain(customerSays("m1", "My router is down again", start)),
                record(MessageAnalyzed.TYPE, analysisOf("m1", "outage", -0.7, true), start.plusSeconds(1)),
                record(
                        HandoverRequested.TYPE,
                        handoverRequested("h-" + conversation, List.of("m1"), start.plusSeconds(2)),
                        start.plusSeconds(2)),
                record(ConversationAssigned.TYPE, assigned(bob, start.plusSeconds(3)), start.plusSeconds(3)));
        await().atMost(PATIENCE).until(() -> entries(earlier) == 5 && entries(conversation) == 4);

        asAgent(bob)
                .get("/customers/" + customer + "/conversations")
                .then()
                .statusCode(200)
                .body("customerId", equalTo(customer))
                .body("customerName", equalTo("Ana Example"))
                .body("conversations.conversationId", contains(conversation, earlier))
                .body("conversations.channel", contains("web", "whatsapp"))
                .body("conversations[0].handledBy.agentId", contains(bob))
                .body("conversations[0].handoverReasons", contains("CUSTOMER_REQUEST"))
                .body("conversations[0].handoverSummary", equalTo("Invoice question, asked for a person."))
                .body("conversations[1].handledBy.agentName", contains("Alice"))
                .body("conversations[1].controlState", equalTo("RESOLVED"))
                .body("conversations[1].intents", contains("outage"))
                .body("conversations[1].entries", equalTo(5));

        asSupervisor()
                .queryParam("limit", 1)
                .get("/customers/" + customer + "/conversations")
                .then()
                .statusCode(200)
                .body("conversations.conversationId", contains(conversation));

        // Bob handles the current conversation, not the earlier one: its transcript stays Alice's and supervisors'.
        asAgent(bob).get("/conversations/" + earlier + "/transcript").then().statusCode(403);
        asAgent(alice).get("/conversations/" + earlier + "/transcript").then().statusCode(200);
        asAgent("mallory-" + conversation)
                .get("/customers/" + customer + "/conversations")
                .then()
                .statusCode(403);
    }

    @Test
    void anUnknownCustomerIsAProblem() {
        asSupervisor()
                .get("/customers/nobody-" + customer + "/conversations")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("detail", equalTo("no conversations of customer nobody-" + customer));
    }
}
