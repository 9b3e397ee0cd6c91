package dev.takeover.transcript;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

import dev.takeover.events.agent.ConversationAssigned;
import dev.takeover.events.agent.InternalNoteAdded;
import dev.takeover.events.bot.CustomerDataCollected;
import dev.takeover.events.bot.MessageAnalyzed;
import dev.takeover.events.conversation.MessageSent;
import dev.takeover.events.handover.HandoverRequested;
import dev.takeover.infrastructure.testing.RealInfrastructure;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class ExportTest extends LogTestSupport {

    private static final String PERSONAL = "Mail me at ana.example@mail.com or call +49 170 1234567."
            + " IBAN DE89 3704 0044 0532 0130 00, card 4111 1111 1111 1111, order 12345678 on 01.12.2026.";
    private static final String MASKED =
            "Mail me at [EMAIL] or call [PHONE]." + " IBAN [IBAN], card [CARD], order 12345678 on 01.12.2026.";

    private final String alice = "alice-" + conversation;

    private void conversationWithPersonalData() {
        send(
                plain(customerSays("m1", PERSONAL, start)),
                record(MessageAnalyzed.TYPE, analysisOf("m1", "payment_issue", -0.3, true), start.plusSeconds(1)),
                record(
                        MessageSent.TYPE,
                        botSays("b1", "I am handing you over to a colleague.", "HANDOVER", start.plusSeconds(2)),
                        start.plusSeconds(2)),
                record(
                        HandoverRequested.TYPE,
                        handoverRequested("h-" + conversation, List.of("m1"), start.plusSeconds(3)),
                        start.plusSeconds(3)),
                record(
                        CustomerDataCollected.TYPE,
                        collected(
                                Map.of("customerNumber", "K-1001", "email", "ana.example@mail.com"),
                                start.plusSeconds(4)),
                        start.plusSeconds(4)),
                record(ConversationAssigned.TYPE, assigned(alice, start.plusSeconds(5)), start.plusSeconds(5)),
                record(
                        MessageSent.TYPE,
                        agentSays(alice, "a1", "Thanks, I can see the card 4111 1111 1111 1111.", start.plusSeconds(6)),
                        start.plusSeconds(6)),
                record(
                        InternalNoteAdded.TYPE,
                        note(alice, "Refund to DE89 3704 0044 0532 0130 00 approved", start.plusSeconds(7)),
                        start.plusSeconds(7)));
        await().atMost(PATIENCE).until(() -> entries(conversation) == 8);
    }

    @Test
    void theJsonExportMasksPersonalDataAndLeavesInternalNotesOut() {
        conversationWithPersonalData();

        asAgent(alice)
                .get("/conversations/" + conversation + "/export")
                .then()
                .statusCode(200)
                .header(
                        "Content-Disposition",
                        equalTo("attachment; filename=\"conversation-" + conversation + "-json.json\""))
                .body("format", equalTo("takeover.transcript-export.v1"))
                .body("exportedBy", equalTo(alice))
                .body("masked", contains("EMAIL", "IBAN", "CARD", "PHONE", "CUSTOMER_NUMBER"))
                .body("entries.kind", not(hasItem("NOTE")))
                .body("entries[0].text", equalTo(MASKED))
                .body("entries[0].data.text", equalTo(MASKED))
                .body("entries[4].data.data.email", equalTo("[EMAIL]"))
                .body("entries[4].data.data.customerNumber", equalTo("[CUSTOMER_NUMBER]"))
                .body("entries[6].text", equalTo("Thanks, I can see the card [CARD]."));

        asSupervisor()
                .queryParam("include", "messages,notes")
                .get("/conversations/" + conversation + "/export")
                .then()
                .statusCode(200)
                .body("entries.kind", contains("MESSAGE", "MESSAGE", "MESSAGE", "NOTE"))
                .body("entries[3].text", equalTo("Refund to [IBAN] approved"));

        // The agent's own transcript is not an export: agents see what the customer wrote.
        asAgent(alice)
                .get("/conversations/" + conversation + "/transcript")
                .then()
                .body("entries[0].text", equalTo(PERSONAL));
    }

    @Test
    void theBotFrameworkExportIsAHandoffInitiationWithTheTranscriptAttached() {
        conversationWithPersonalData();

        asSupervisor()
                .queryParam("format", "bot-framework")
                .get("/conversations/" + conversation + "/export")
                .then()
                .statusCode(200)
                .body("type", equalTo("event"))
                .body("name", equalTo("handoff.initiate"))
                .body("channelId", equalTo("web"))
                .body("conversation.id", equalTo(conversation))
                .body("from.role", equalTo("user"))
                .body("value.handoverId", equalTo("h-" + conversation))
                .body("value.reasons[0].code", equalTo("CUSTOMER_REQUEST"))
                .body("value.collectedData.email", equalTo("[EMAIL]"))
                .body("value.summary", equalTo("Invoice question, asked for a person."))
                .body("attachments[0].contentType", equalTo("application/json"))
                .body("attachments[0].name", equalTo("Transcript"))
                .body("attachments[0].content.activities.type", everyItem(equalTo("message")))
                .body("attachments[0].content.activities.from.role", contains("user", "bot", "bot"))
                .body("attachments[0].content.activities[0].text", equalTo(MASKED))
                .body("attachments[0].content.activities[0].recipient.role", equalTo("bot"))
                .body("attachments[0].content.activities[1].channelData.purpose", equalTo("HANDOVER"))
                .body("attachments[0].content.activities[2].from.id", equalTo(alice))
                .body("attachments[0].content.activities[2].channelData.senderType", equalTo("AGENT"))
                .body("attachments[0].content.activities[2].recipient.role", equalTo("user"));
    }

    @Test
    void anUnknownFormatIsABadRequest() {
        conversationWithPersonalData();

        asSupervisor()
                .queryParam("format", "pdf")
                .get("/conversations/" + conversation + "/export")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("detail", equalTo("format must be json or bot-framework, not pdf"));
    }
}
