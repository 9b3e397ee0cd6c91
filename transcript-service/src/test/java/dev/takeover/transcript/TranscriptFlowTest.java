package dev.takeover.transcript;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import dev.takeover.events.agent.ConversationAssigned;
import dev.takeover.events.agent.ConversationOffered;
import dev.takeover.events.agent.InternalNoteAdded;
import dev.takeover.events.bot.MessageAnalyzed;
import dev.takeover.events.conversation.MessageSent;
import dev.takeover.events.conversation.Sender;
import dev.takeover.events.handover.HandoverRequested;
import dev.takeover.infrastructure.testing.RealInfrastructure;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class TranscriptFlowTest extends LogTestSupport {

    private static final List<String> HAPPY_PATH = List.of(
            "conversation.message-received.v1",
            "bot.message-analyzed.v1",
            "handover.requested.v1",
            "conversation.message-sent.v1",
            "agent.conversation-offered.v1",
            "agent.conversation-assigned.v1",
            "conversation.message-sent.v1",
            "agent.internal-note-added.v1");

    private List<ProducerRecord<String, byte[]>> happyPath;

    /** The happy path from five topics, shuffled, each record delivered twice; the same records on every call. */
    private List<ProducerRecord<String, byte[]>> happyPath() {
        if (happyPath == null) {
            happyPath = happyPathOnce();
        }
        List<ProducerRecord<String, byte[]>> twice = new ArrayList<>(happyPath);
        twice.addAll(happyPath);
        Collections.shuffle(twice, new Random(42));
        return twice;
    }

    private List<ProducerRecord<String, byte[]>> happyPathOnce() {
        return List.of(
                plain(customerSays("m1", "I want to talk to a human", start)),
                record(MessageAnalyzed.TYPE, analysisOf("m1", "human_request", -0.4, true), start.plusSeconds(1)),
                record(
                        HandoverRequested.TYPE,
                        handoverRequested("h1", List.of("m1"), start.plusSeconds(2)),
                        start.plusSeconds(2)),
                record(
                        MessageSent.TYPE,
                        new MessageSent(
                                "s1",
                                conversation,
                                "web",
                                new Sender(Sender.Type.SYSTEM, "handover-service", null),
                                "A person will take over shortly.",
                                start.plusSeconds(3),
                                "QUEUE_UPDATE"),
                        start.plusSeconds(3)),
                record(
                        ConversationOffered.TYPE,
                        offered("alice", start.plusSeconds(4), start.plusSeconds(34)),
                        start.plusSeconds(4)),
                record(ConversationAssigned.TYPE, assigned("alice", start.plusSeconds(5)), start.plusSeconds(5)),
                record(
                        MessageSent.TYPE,
                        agentSays("alice", "a1", "Hi, I am Alice. How can I help?", start.plusSeconds(6)),
                        start.plusSeconds(6)),
                record(
                        InternalNoteAdded.TYPE,
                        note("alice", "Customer is upset about the invoice", start.plusSeconds(7)),
                        start.plusSeconds(7)));
    }

    @Test
    void everyTopicIsRecordedOnceAndServedInConversationOrder() {
        send(happyPath());

        await().atMost(PATIENCE)
                .untilAsserted(() -> asSupervisor()
                        .get("/conversations/" + conversation + "/transcript")
                        .then()
                        .statusCode(200)
                        .body("entries.type", contains(HAPPY_PATH.toArray()))
                        .body("entries[0].sender.type", equalTo("CUSTOMER"))
                        .body("entries[0].sender.id", equalTo(customer))
                        .body("entries[0].text", equalTo("I want to talk to a human"))
                        .body("entries[0].analysis.intent.name", equalTo("human_request"))
                        .body("entries[1].kind", equalTo("ANALYSIS"))
                        .body("entries[1].data.humanRequested", equalTo(true))
                        .body("entries[2].kind", equalTo("EVENT"))
                        .body("entries[3].sender.type", equalTo("SYSTEM"))
                        .body("entries[5].sender.id", equalTo("alice"))
                        .body("entries[6].sender.type", equalTo("AGENT"))
                        .body("entries[7].kind", equalTo("NOTE"))
                        .body("entries[7].internal", equalTo(true))
                        .body("entries[7].text", equalTo("Customer is upset about the invoice"))
                        .body("customer.id", equalTo(customer))
                        .body("customer.name", equalTo("Ana Example"))
                        .body("channel", equalTo("web"))
                        .body("controlState", equalTo("REQUESTED"))
                        .body("page.next", nullValue()));

        // Everything again, then a marker on every topic: once the markers are in, the redelivery has been handled.
        send(happyPath());
        int markers = catchUp();
        assertThat(entries(conversation)).isEqualTo(HAPPY_PATH.size() + markers);
    }

    @Test
    void filtersNarrowTheTranscript() {
        send(happyPath());
        await().atMost(PATIENCE).until(() -> entries(conversation) == HAPPY_PATH.size());

        asSupervisor()
                .queryParam("include", "messages")
                .get("/conversations/" + conversation + "/transcript")
                .then()
                .statusCode(200)
                .body("entries.kind", everyItem(equalTo("MESSAGE")))
                .body("entries.sender.type", contains("CUSTOMER", "SYSTEM", "AGENT"))
                .body("entries[0].analysis", nullValue());
        asSupervisor()
                .queryParam("include", "messages,analyses")
                .get("/conversations/" + conversation + "/transcript")
                .then()
                .statusCode(200)
                .body(
                        "entries.type",
                        contains(
                                "conversation.message-received.v1",
                                "bot.message-analyzed.v1",
                                "conversation.message-sent.v1",
                                "conversation.message-sent.v1"))
                .body("entries[0].analysis.humanRequested", equalTo(true));
        asSupervisor()
                .queryParam("include", "notes")
                .get("/conversations/" + conversation + "/transcript")
                .then()
                .statusCode(200)
                .body("entries", hasSize(1))
                .body("entries[0].internal", equalTo(true));
        asSupervisor()
                .queryParam("include", "messages,everything")
                .get("/conversations/" + conversation + "/transcript")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("detail", equalTo("include must list some of messages, analyses, events, notes"));
    }

    @Test
    void pagesFollowEachOtherWithoutGapsOrRepeats() {
        send(happyPath());
        await().atMost(PATIENCE).until(() -> entries(conversation) == HAPPY_PATH.size());

        List<String> types = new ArrayList<>();
        String after = null;
        int pages = 0;
        do {
            var request = asSupervisor().queryParam("limit", 3);
            if (after != null) {
                request.queryParam("after", after);
            }
            JsonPath page = request.get("/conversations/" + conversation + "/transcript")
                    .then()
                    .statusCode(200)
                    .body("page.limit", equalTo(3))
                    .extract()
                    .jsonPath();
            types.addAll(page.getList("entries.type"));
            after = page.getString("page.next");
            pages++;
        } while (after != null);

        assertThat(types).containsExactlyElementsOf(HAPPY_PATH);
        assertThat(pages).isEqualTo(3);
        asSupervisor()
                .queryParam("after", "not-a-cursor")
                .get("/conversations/" + conversation + "/transcript")
                .then()
                .statusCode(400)
                .body("detail", equalTo("after is not a cursor this service handed out"));
    }

    @Test
    void anUnknownConversationIsAProblemNotAnEmptyTranscript() {
        asSupervisor()
                .get("/conversations/nothing-here/transcript")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("detail", equalTo("no conversation nothing-here"));
    }

    @Test
    void readsNeedAValidBearerToken() {
        given().get("/conversations/" + conversation + "/transcript")
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", notNullValue());
        given().auth()
                .oauth2("not.a.token")
                .get("/conversations/" + conversation + "/transcript")
                .then()
                .statusCode(401)
                .body("detail", equalTo("the bearer token is invalid or has expired"));
    }
}
