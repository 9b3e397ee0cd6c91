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
import dev.takeover.events.bot.CustomerDataCollected;
import dev.takeover.events.bot.MessageAnalyzed;
import dev.takeover.events.conversation.InboundMessage;
import dev.takeover.events.conversation.MessageSent;
import dev.takeover.events.handover.HandoverPackage;
import dev.takeover.events.handover.HandoverRequested;
import dev.takeover.events.handover.IncidentTagChanged;
import dev.takeover.infrastructure.testing.RealInfrastructure;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class HandoverPackageTest extends LogTestSupport {

    private final String alice = "alice-" + conversation;

    @Test
    void theHandoverPackageMergesWhatTheLogLearntAfterTheRequest() {
        String earlier = "conv-" + UUID.randomUUID();
        Instant lastWeek = start.minusSeconds(7 * 86_400);
        send(
                plain(new InboundMessage(
                        "e1",
                        earlier,
                        "email",
                        "Question about my contract",
                        customer,
                        "Ana Example",
                        "en",
                        lastWeek,
                        Map.of())),
                record(
                        ConversationResolved.TYPE,
                        new ConversationResolved(earlier, "h-e", "zoe", "answered", lastWeek.plusSeconds(60)),
                        lastWeek.plusSeconds(60)),
                plain(customerSays("m1", "My invoice is wrong", start)),
                record(MessageAnalyzed.TYPE, analysisOf("m1", "invoice_question", -0.2, false), start.plusSeconds(1)),
                record(
                        MessageSent.TYPE,
                        botSays("b1", "Here is how to read your invoice", "ANSWER", start.plusSeconds(2)),
                        start.plusSeconds(2)),
                plain(customerSays("m2", "That does not help, I want a person now", start.plusSeconds(10))),
                record(MessageAnalyzed.TYPE, analysisOf("m2", "human_request", -0.7, true), start.plusSeconds(11)),
                record(
                        HandoverRequested.TYPE,
                        handoverRequested("h-" + conversation, List.of("m2"), start.plusSeconds(12)),
                        start.plusSeconds(12)),
                // After the request: the bot collects the e-mail, the customer writes again, and an agent is assigned.
                record(
                        CustomerDataCollected.TYPE,
                        collected(
                                Map.of("customerNumber", "K-1001", "email", "ana@example.com"), start.plusSeconds(13)),
                        start.plusSeconds(13)),
                record(
                        MessageSent.TYPE,
                        botSays("b2", "Could you give me your e-mail address?", "DATA_REQUEST", start.plusSeconds(13)),
                        start.plusSeconds(13)),
                plain(customerSays("m3", "Still waiting!", start.plusSeconds(30))),
                record(MessageAnalyzed.TYPE, analysisOf("m3", "complaint", -0.8, false), start.plusSeconds(31)),
                record(ConversationAssigned.TYPE, assigned(alice, start.plusSeconds(40)), start.plusSeconds(40)));
        await().atMost(PATIENCE).until(() -> entries(conversation) == 11 && entries(earlier) == 2);

        asAgent(alice)
                .get("/conversations/" + conversation + "/handover-package")
                .then()
                .statusCode(200)
                .body("handoverId", equalTo("h-" + conversation))
                .body("priority", equalTo("HIGH"))
                .body("requiredSkills", contains("billing"))
                .body("customer.id", equalTo(customer))
                .body("customer.name", equalTo("Ana Example"))
                .body("customer.channel", equalTo("web"))
                .body("reasons[0].code", equalTo("CUSTOMER_REQUEST"))
                .body("reasons[0].evidence.scores.frustration", equalTo(0.7f))
                .body("reasons[0].messages[0].messageId", equalTo("m2"))
                .body("reasons[0].messages[0].text", equalTo("That does not help, I want a person now"))
                .body("collectedData.customerNumber", equalTo("K-1001"))
                .body("collectedData.email", equalTo("ana@example.com"))
                .body("intents", contains("invoice_question", "human_request", "complaint"))
                .body("sentimentTrend.score", contains(-0.2f, -0.7f, -0.8f))
                .body("sentimentTrend.messageId", contains("m1", "m2", "m3"))
                .body(
                        "botAttempts.text",
                        contains("Here is how to read your invoice", "Could you give me your e-mail address?"))
                .body("botAttempts.messageId", contains("b1", "b2"))
                .body("botAttempts.at", everyItem(notNullValue()))
                .body("botAttempts[1].purpose", equalTo("DATA_REQUEST"))
                .body("earlierContacts.conversationId", contains(earlier))
                .body("earlierContacts[0].channel", equalTo("email"))
                .body("earlierContacts[0].handledBy", contains("zoe"))
                .body("agents.agentId", contains(alice))
                .body("incident", nullValue())
                .body("summary", equalTo("Invoice question, asked for a person."));
    }

    @Test
    void eachBotMessageTheHandoverAlsoListsIsOneAttemptWithItsTime() {
        HandoverRequested request = handoverRequested("h-" + conversation, List.of("m1"), start.plusSeconds(3));
        HandoverPackage listed = new HandoverPackage(
                customer,
                "Ana Example",
                "web",
                Map.of(),
                List.of("human_request"),
                List.of(-0.3),
                List.of("ANSWER: Here is how to read your invoice"),
                "Ana möchte mit einem Menschen sprechen.");
        send(
                plain(customerSays("m0", "Meine Rechnung stimmt nicht", start)),
                record(
                        MessageSent.TYPE,
                        botSays("b1", "Here is how to read your invoice", "ANSWER", start.plusSeconds(1)),
                        start.plusSeconds(1)),
                plain(customerSays("m1", "Ich will einen Menschen", start.plusSeconds(2))),
                record(
                        HandoverRequested.TYPE,
                        new HandoverRequested(
                                request.handoverId(),
                                conversation,
                                request.reasons(),
                                request.priority(),
                                request.requiredSkills(),
                                "de",
                                request.requestedAt(),
                                listed,
                                "inc-1"),
                        start.plusSeconds(3)),
                record(
                        IncidentTagChanged.TYPE,
                        new IncidentTagChanged(conversation, "inc-1", "Invoices show double charges", true, start),
                        start.plusSeconds(4)));
        await().atMost(PATIENCE).until(() -> entries(conversation) == 5);

        asSupervisor()
                .get("/conversations/" + conversation + "/handover-package")
                .then()
                .statusCode(200)
                .body("botAttempts", hasSize(1))
                .body("botAttempts[0].messageId", equalTo("b1"))
                .body("botAttempts[0].purpose", equalTo("ANSWER"))
                .body("botAttempts[0].text", equalTo("Here is how to read your invoice"))
                .body("botAttempts[0].at", notNullValue())
                .body("language", equalTo("de"))
                .body("summary", equalTo("Ana möchte mit einem Menschen sprechen."))
                .body("incident.incidentId", equalTo("inc-1"))
                .body("incident.description", equalTo("Invoices show double charges"));
    }

    @Test
    void withoutTheBotsMessagesInTheLogTheHandoversListIsReadAsPurposeAndText() {
        send(
                plain(customerSays("m1", "I want a person", start)),
                record(
                        HandoverRequested.TYPE,
                        handoverRequested("h-" + conversation, List.of("m1"), start.plusSeconds(1)),
                        start.plusSeconds(1)));
        await().atMost(PATIENCE).until(() -> entries(conversation) == 2);

        asSupervisor()
                .get("/conversations/" + conversation + "/handover-package")
                .then()
                .statusCode(200)
                .body("botAttempts", hasSize(1))
                .body("botAttempts[0].text", equalTo("Explained the invoice layout"))
                .body("botAttempts[0].at", nullValue());
    }

    @Test
    void withoutAHandoverThereIsNoPackage() {
        send(plain(customerSays("m1", "Where is my parcel?", start)));
        await().atMost(PATIENCE).until(() -> entries(conversation) == 1);

        asSupervisor()
                .get("/conversations/" + conversation + "/handover-package")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("detail", equalTo("nobody has asked for a person in conversation " + conversation));
        asAgent(alice)
                .get("/conversations/" + conversation + "/handover-package")
                .then()
                .statusCode(403);
    }
}
