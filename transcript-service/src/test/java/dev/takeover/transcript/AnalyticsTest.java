package dev.takeover.transcript;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

import dev.takeover.events.agent.BotAnswerFlagged;
import dev.takeover.events.agent.ConversationAssigned;
import dev.takeover.events.agent.ConversationOffered;
import dev.takeover.events.agent.ConversationResolved;
import dev.takeover.events.bot.MessageAnalyzed;
import dev.takeover.events.bot.MessageAnalyzed.Intent;
import dev.takeover.events.bot.MessageAnalyzed.Sentiment;
import dev.takeover.events.bot.SatisfactionRated;
import dev.takeover.events.bot.SatisfactionRated.ServedBy;
import dev.takeover.events.conversation.InboundMessage;
import dev.takeover.events.conversation.MessageSent;
import dev.takeover.events.conversation.Sender;
import dev.takeover.events.handover.HandoverRequested;
import dev.takeover.infrastructure.testing.AdjustableClock;
import dev.takeover.infrastructure.testing.RealInfrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/**
 * Four conversations on a day of their own, long ago, so no other test's conversations fall in the range: one the bot
 * contained, one escalated and resolved by an agent ({@code conversation}), one with a clarification and a flagged
 * answer whose customer comes back about the same intent, and that repeat contact. The agent's customer rates alice 4;
 * the bot's customers rate it 2 and in words.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class AnalyticsTest extends LogTestSupport {

    private final LocalDate day =
            LocalDate.of(1990, 1, 1).plusDays(Math.floorMod(UUID.randomUUID().hashCode(), 10_000));
    private final Instant base = day.atTime(9, 0).toInstant(ZoneOffset.UTC);
    private final String contained = "conv-" + UUID.randomUUID();
    private final String clarified = "conv-" + UUID.randomUUID();
    private final String repeat = "conv-" + UUID.randomUUID();
    private final String returningCustomer = "cust-" + UUID.randomUUID();
    private final AdjustableClock clock;

    AnalyticsTest(AdjustableClock clock) {
        this.clock = clock;
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void theSummaryCountsWhatTheConsumersRecorded() {
        List<ProducerRecord<String, byte[]>> escalated = escalated();
        send(conversations(escalated));
        clock.travelTo(base.plus(Duration.ofDays(10)));

        await().atMost(PATIENCE)
                .untilAsserted(() -> summary("day")
                        .then()
                        .statusCode(200)
                        .contentType("application/json")
                        .body("groupBy", equalTo("day"))
                        .body("repeatContactWindow", equalTo("PT72H"))
                        .body("total.volume.conversations", equalTo(4))
                        .body("total.volume.customerMessages", equalTo(6))
                        .body("total.containment.contained", equalTo(2))
                        .body("total.containment.repeated", equalTo(1))
                        .body("total.containment.pending", equalTo(0))
                        .body("total.containment.rate", equalTo(0.5f))
                        .body("total.handovers.count", equalTo(1))
                        .body("total.handovers.rate", equalTo(0.25f))
                        .body("total.handovers.reasons.CUSTOMER_REQUEST", equalTo(1))
                        .body("total.times.timeToTakeover.p50Seconds", equalTo(60))
                        .body("total.times.timeToTakeover.p90Seconds", equalTo(60))
                        .body("total.times.queueWait.p50Seconds", equalTo(30))
                        .body("total.times.firstResponse.p50Seconds", equalTo(30))
                        .body("total.times.handleTime.p50Seconds", equalTo(300))
                        .body("total.times.handleTime.count", equalTo(1))
                        .body("total.satisfaction.agent.scores", equalTo(1))
                        .body("total.satisfaction.agent.average", equalTo(4.0f))
                        .body("total.satisfaction.agent.distribution.4", equalTo(1))
                        .body("total.satisfaction.agent.satisfiedRate", equalTo(1.0f))
                        .body("total.satisfaction.bot.scores", equalTo(1))
                        .body("total.satisfaction.bot.inWords", equalTo(1))
                        .body("total.satisfaction.bot.average", equalTo(2.0f))
                        .body("total.satisfaction.bot.distribution.2", equalTo(1))
                        .body("total.satisfaction.bot.distribution.5", equalTo(0))
                        .body("total.satisfaction.bot.satisfiedRate", equalTo(0.0f))
                        .body("total.cost.botConversations", equalTo(3))
                        .body("total.cost.humanConversations", equalTo(1))
                        .body("total.cost.botPerConversation", equalTo(0.5f))
                        .body("total.cost.humanPerConversation", equalTo(5.5f))
                        .body("total.cost.total", equalTo(7.0f))
                        .body("total.cost.allHumanBaseline", equalTo(20.0f))
                        .body("total.cost.saving", equalTo(13.0f))
                        .body("total.failures.clarifications", equalTo(1))
                        .body("total.failures.rejections", equalTo(1))
                        .body("total.failures.botFailures", equalTo(1))
                        .body("total.failures.escalations", equalTo(1))
                        .body("total.failures.flags", equalTo(1))
                        .body(
                                "groups.key",
                                contains(day.toString(), day.plusDays(1).toString()))
                        .body("groups[0].figures.volume.conversations", equalTo(2))
                        .body("groups[0].figures.handovers.count", equalTo(1))
                        .body("groups[1].figures.volume.conversations", equalTo(2))
                        .body("groups[1].figures.handovers.rate", equalTo(0.0f))
                        .body("groups[1].figures.times.handleTime.p50Seconds", nullValue())
                        .body("groups[1].figures.cost.saving", nullValue())
                        .body("whereTheBotFails.clarifications.intent", contains("contract_change"))
                        .body("whereTheBotFails.clarifications[0].examples", contains(clarified))
                        .body("whereTheBotFails.rejections.intent", contains("invoice_question"))
                        .body("whereTheBotFails.rejections[0].examples", contains(conversation))
                        .body("whereTheBotFails.botFailures.intent", contains("contract_change"))
                        .body("whereTheBotFails.escalations.intent", contains("invoice_question"))
                        .body("whereTheBotFails.flags[0].count", equalTo(1))
                        .body("whereTheBotFails.flags[0].examples", contains(clarified))
                        .body("whereTheBotFails.lowBotRatings.intent", contains("contract_change"))
                        .body("whereTheBotFails.lowBotRatings[0].examples", contains(clarified)));

        summary("channel")
                .then()
                .statusCode(200)
                .body("groups.key", contains("web", "whatsapp"))
                .body("groups[0].figures.volume.conversations", equalTo(3))
                .body("groups[0].figures.satisfaction.bot.scores", equalTo(1))
                .body("groups[0].figures.satisfaction.agent.scores", equalTo(0))
                .body("groups[0].figures.satisfaction.agent.average", nullValue())
                .body("groups[1].figures.handovers.count", equalTo(1))
                .body("groups[1].figures.satisfaction.agent.average", equalTo(4.0f))
                .body("groups[1].figures.satisfaction.bot.scores", equalTo(0));
        summary("language")
                .then()
                .statusCode(200)
                .body("groups.key", contains("de", "en"))
                .body("groups[0].figures.volume.conversations", equalTo(1))
                .body("groups[1].figures.volume.conversations", equalTo(3));
        summary("reason")
                .then()
                .statusCode(200)
                .body("groups.key", contains("CUSTOMER_REQUEST", "none"))
                .body("groups[0].figures.volume.conversations", equalTo(1))
                .body("groups[1].figures.containment.contained", equalTo(2));
        summary("intent")
                .then()
                .statusCode(200)
                .body("groups.key", contains("contract_change", "invoice_question", "opening_hours"))
                .body("groups[0].figures.volume.conversations", equalTo(2))
                .body("groups[0].figures.containment.repeated", equalTo(1))
                .body("groups[2].figures.containment.rate", equalTo(1.0f));

        // A day after the first conversations, the repeat-contact window of the ones the bot kept is still open.
        clock.travelTo(base.plus(Duration.ofDays(1)));
        summary("day")
                .then()
                .statusCode(200)
                .body("total.containment.contained", equalTo(0))
                .body("total.containment.pending", equalTo(2))
                .body("total.containment.repeated", equalTo(1))
                .body("total.containment.rate", equalTo(0.0f));
        clock.travelTo(base.plus(Duration.ofDays(10)));

        // Every record of the escalated conversation again: the read model counts each entry once.
        send(escalated);
        int markers = catchUp();
        assertThat(markers).isEqualTo(5);
        summary("day")
                .then()
                .statusCode(200)
                .body("total.volume.conversations", equalTo(4))
                // The marker is one more customer message; the redelivered two are not counted again.
                .body("total.volume.customerMessages", equalTo(7))
                .body("total.handovers.count", equalTo(1))
                .body("total.failures.rejections", equalTo(1))
                .body("total.times.handleTime.p50Seconds", equalTo(300))
                .body("total.satisfaction.agent.scores", equalTo(1))
                .body("total.cost.total", equalTo(7.0f));
    }

    @Test
    void theSummaryIsAlsoCsv() {
        send(conversations(escalated()));
        clock.travelTo(base.plus(Duration.ofDays(10)));
        String total = "total,4,6,2,1,0,0.5,1,0.25,CUSTOMER_REQUEST:1,60,60,30,30,30,30,300,300,"
                + "1,1,2.0,0.0,1:0;2:1;3:0;4:0;5:0,1,0,4.0,1.0,1:0;2:0;3:0;4:1;5:0,"
                + "3,1,0.5,5.5,7.0,20.0,13.0,1,1,1,1,1";
        await().atMost(PATIENCE)
                .untilAsserted(
                        () -> assertThat(csv("/analytics/summary.csv").lines().toList())
                                .contains(total));

        String csv = csv("/analytics/summary.csv");
        List<String> lines = csv.lines().toList();
        assertThat(lines.get(0)).startsWith("group,conversations,customer_messages,contained,repeated,");
        assertThat(lines).hasSize(4);
        assertThat(lines.get(1)).isEqualTo(total);
        assertThat(lines.get(2)).startsWith("CUSTOMER_REQUEST,1,2,0,0,0,0.0,1,1.0,");
        assertThat(lines.get(3)).startsWith("none,3,4,2,1,0,0.6667,0,0.0,,,,");
        // Asking the summary itself for CSV gives the same rows.
        assertThat(asSupervisor()
                        .accept("text/csv")
                        .queryParam("from", day.toString())
                        .queryParam("to", day.plusDays(3).toString())
                        .queryParam("groupBy", "reason")
                        .get("/analytics/summary")
                        .then()
                        .statusCode(200)
                        .contentType("text/csv")
                        .extract()
                        .asString())
                .isEqualTo(csv);
    }

    @Test
    void onlySupervisorsReadAnalyticsAndBadParametersAreRefused() {
        RestAssured.given().get("/analytics/summary").then().statusCode(401);
        RestAssured.given().get("/analytics/summary.csv").then().statusCode(401);
        asAgent("alice").get("/analytics/summary").then().statusCode(403);
        asAgent("alice").get("/analytics/summary.csv").then().statusCode(403);
        asSupervisor().get("/analytics/summary").then().statusCode(200).body("groupBy", equalTo("day"));

        refused(Map.of("groupBy", "agent"), "groupBy must be day, channel, language, reason or intent");
        refused(Map.of("from", "yesterday"), "from must be an ISO-8601 instant or date, such as 2026-11-23");
        refused(Map.of("to", "2026-13-01"), "to must be an ISO-8601 instant or date, such as 2026-11-23");
        refused(Map.of("from", "2026-11-02", "to", "2026-11-01"), "from must be before to");
        refused(Map.of("from", "2024-01-01", "to", "2026-01-01"), "the range may be at most 366 days");
        asSupervisor()
                .queryParam("groupBy", "agent")
                .get("/analytics/summary.csv")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
    }

    private void refused(Map<String, String> parameters, String detail) {
        asSupervisor()
                .queryParams(parameters)
                .get("/analytics/summary")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("detail", equalTo(detail));
    }

    private io.restassured.response.Response summary(String groupBy) {
        return asSupervisor()
                .queryParam("from", day.toString())
                .queryParam("to", day.plusDays(3).toString())
                .queryParam("groupBy", groupBy)
                .get("/analytics/summary");
    }

    private String csv(String path) {
        return asSupervisor()
                .queryParam("from", day.toString())
                .queryParam("to", day.plusDays(3).toString())
                .queryParam("groupBy", "reason")
                .get(path)
                .then()
                .statusCode(200)
                .contentType("text/csv")
                .extract()
                .asString();
    }

    private List<ProducerRecord<String, byte[]>> conversations(List<ProducerRecord<String, byte[]>> escalated) {
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>(escalated);
        String other = "cust-" + UUID.randomUUID();
        Instant a = base.plusSeconds(600);
        records.add(plain(message(contained, "a1", other, "web", "en", a)));
        records.add(record(
                MessageAnalyzed.TYPE, analysis(contained, "a1", "opening_hours", "en", null, null), a.plusSeconds(1)));
        records.add(record(MessageSent.TYPE, bot(contained, "ab1", "ANSWER", a.plusSeconds(2)), a.plusSeconds(2)));
        records.add(record(
                SatisfactionRated.TYPE,
                SatisfactionRated.inWords(contained, "a2", ServedBy.BOT, null, "en", "web", a.plusSeconds(30)),
                a.plusSeconds(31)));

        Instant c = base.plus(Duration.ofDays(1));
        records.add(plain(message(clarified, "c1", returningCustomer, "web", "en", c)));
        records.add(record(
                MessageAnalyzed.TYPE,
                analysis(clarified, "c1", "contract_change", "en", null, null),
                c.plusSeconds(1)));
        records.add(
                record(MessageSent.TYPE, bot(clarified, "cb1", "CLARIFICATION", c.plusSeconds(2)), c.plusSeconds(2)));
        records.add(plain(message(clarified, "c2", returningCustomer, "web", "en", c.plusSeconds(20))));
        records.add(record(
                MessageAnalyzed.TYPE,
                analysis(clarified, "c2", "tariff_question", "en", null, true),
                c.plusSeconds(21)));
        records.add(record(MessageSent.TYPE, bot(clarified, "cb2", "ANSWER", c.plusSeconds(22)), c.plusSeconds(22)));
        records.add(record(
                SatisfactionRated.TYPE,
                SatisfactionRated.scored(clarified, "c3", 2, ServedBy.BOT, null, "en", "web", c.plusSeconds(40)),
                c.plusSeconds(41)));
        records.add(record(
                BotAnswerFlagged.TYPE,
                new BotAnswerFlagged(
                        clarified, "f-" + clarified, "cb2", "zoe", "Zoe", "contract_change", null, c.plusSeconds(3600)),
                c.plusSeconds(3600)));

        Instant d = c.plus(Duration.ofHours(2));
        records.add(plain(message(repeat, "d1", returningCustomer, "web", "en", d)));
        records.add(record(
                MessageAnalyzed.TYPE, analysis(repeat, "d1", "contract_change", "en", null, null), d.plusSeconds(1)));
        return records;
    }

    /** Asks for a person after the bot's answer is rejected; alice answers and resolves it in five minutes. */
    private List<ProducerRecord<String, byte[]>> escalated() {
        Instant b = base.plusSeconds(3600);
        String handover = "h-" + conversation;
        return List.of(
                plain(message(conversation, "b1", customer, "whatsapp", "de", b)),
                record(
                        MessageAnalyzed.TYPE,
                        analysis(conversation, "b1", "invoice_question", "de", null, null),
                        b.plusSeconds(1)),
                record(MessageSent.TYPE, bot(conversation, "bb1", "ANSWER", b.plusSeconds(2)), b.plusSeconds(2)),
                plain(message(conversation, "b2", customer, "whatsapp", "de", b.plusSeconds(50))),
                record(
                        MessageAnalyzed.TYPE,
                        analysis(conversation, "b2", "human_request", "de", true, null),
                        b.plusSeconds(51)),
                record(
                        HandoverRequested.TYPE,
                        handoverRequested(handover, List.of("b2"), b.plusSeconds(60)),
                        b.plusSeconds(60)),
                record(
                        ConversationOffered.TYPE,
                        new ConversationOffered(
                                conversation, handover, "alice", "Alice", b.plusSeconds(90), b.plusSeconds(120)),
                        b.plusSeconds(90)),
                record(
                        ConversationAssigned.TYPE,
                        new ConversationAssigned(conversation, handover, "alice", "Alice", b.plusSeconds(120)),
                        b.plusSeconds(120)),
                record(
                        MessageSent.TYPE,
                        agentSays("alice", "al1", "Let me look", b.plusSeconds(150)),
                        b.plusSeconds(150)),
                record(
                        ConversationResolved.TYPE,
                        new ConversationResolved(conversation, handover, "alice", "corrected", b.plusSeconds(420)),
                        b.plusSeconds(420)),
                record(
                        SatisfactionRated.TYPE,
                        SatisfactionRated.scored(
                                conversation, "b3", 4, ServedBy.AGENT, handover, "de", "whatsapp", b.plusSeconds(480)),
                        b.plusSeconds(481)));
    }

    private static InboundMessage message(
            String conversationId, String messageId, String customerId, String channel, String language, Instant at) {
        return new InboundMessage(
                messageId, conversationId, channel, "text", customerId, "Ana", language, at, Map.of());
    }

    private static MessageAnalyzed analysis(
            String conversationId, String messageId, String intent, String language, Boolean rejected, Boolean failed) {
        return new MessageAnalyzed(
                conversationId,
                messageId,
                language,
                new Intent(intent, 0.9),
                new Sentiment(0, Sentiment.Label.NEUTRAL),
                0.1,
                false,
                false,
                null,
                rejected,
                failed,
                null,
                failed == null ? null : 1);
    }

    private static MessageSent bot(String conversationId, String messageId, String purpose, Instant at) {
        return new MessageSent(
                messageId, conversationId, "web", new Sender(Sender.Type.BOT, "bot", "Bot"), "reply", at, purpose);
    }
}
