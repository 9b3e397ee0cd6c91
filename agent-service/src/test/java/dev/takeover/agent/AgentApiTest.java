package dev.takeover.agent;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

import dev.takeover.agent.customer.PreviousAgent;
import dev.takeover.events.ConversationEvent;
import dev.takeover.events.EventType;
import dev.takeover.events.agent.ConversationHandedBack;
import dev.takeover.events.agent.ConversationOffered;
import dev.takeover.events.agent.ConversationResolved;
import dev.takeover.events.agent.ConversationTransferred;
import dev.takeover.events.agent.InternalNoteAdded;
import dev.takeover.events.bot.MessageAnalyzed;
import dev.takeover.events.bot.MessageAnalyzed.Intent;
import dev.takeover.events.bot.MessageAnalyzed.Sentiment;
import dev.takeover.events.conversation.InboundMessage;
import dev.takeover.events.conversation.MessageSent;
import dev.takeover.events.conversation.Sender;
import dev.takeover.events.handover.HandoverRequested.Priority;
import dev.takeover.events.transcript.CustomerDataErased;
import dev.takeover.infrastructure.TokenIssuer;
import dev.takeover.infrastructure.testing.InjectKafkaCompanion;
import dev.takeover.infrastructure.testing.InjectTokenIssuer;
import dev.takeover.infrastructure.testing.RealInfrastructure;
import dev.takeover.infrastructure.testing.TopicRecorder;

import static dev.takeover.agent.Fixture.PATIENCE;
import static dev.takeover.agent.Fixture.conversation;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/** Every call of the agents' API, as an authenticated agent or supervisor, with its refusals. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class AgentApiTest {

    @InjectKafkaCompanion
    KafkaCompanion kafka;

    @InjectTokenIssuer
    TokenIssuer tokens;

    @TestHTTPResource("/me/stream")
    URI streamUri;

    private Fixture fixture;
    private TopicRecorder events;

    @BeforeEach
    void start() {
        fixture = new Fixture(kafka, tokens);
        events = TopicRecorder.recording(kafka, "agent.events", "conversation.outbound");
    }

    @AfterEach
    void stopRecording() {
        events.close();
    }

    @Test
    void refusesUnauthenticatedForbiddenMalformedUnknownAndConflictingRequestsWithProblems() {
        given().contentType(ContentType.JSON)
                .body(Map.of("presence", "ONLINE"))
                .put("/agents/anyone/presence")
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer");
        given().auth()
                .oauth2("not-a-token")
                .get("/me")
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .body("detail", containsString("invalid"));
        String agent = fixture.register("en");
        fixture.as(agent)
                .body(Map.of("id", "x", "displayName", "X", "capacity", 1))
                .post("/agents")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        fixture.as(agent)
                .body(Map.of("presence", "ONLINE"))
                .put("/agents/" + fixture.register("en") + "/presence")
                .then()
                .statusCode(403)
                .body("detail", containsString("only act for themselves"));
        fixture.asSupervisor()
                .body(Map.of("id", "x", "displayName", "X", "capacity", 0))
                .post("/agents")
                .then()
                .statusCode(400)
                .body("detail", containsString("capacity must be greater than or equal to 1 (Min)"));
        fixture.asSupervisor()
                .body("{not json")
                .post("/agents")
                .then()
                .statusCode(400)
                .body("status", equalTo(400));
        fixture.asSupervisor()
                .body(Map.of("presence", "SLEEPING"))
                .put("/agents/" + agent + "/presence")
                .then()
                .statusCode(400);
        fixture.asSupervisor()
                .body(Map.of("presence", "ONLINE"))
                .put("/agents/nobody/presence")
                .then()
                .statusCode(404)
                .body("detail", equalTo("no agent nobody"));
        fixture.asSupervisor()
                .body(Map.of("id", agent, "displayName", "Again", "capacity", 1))
                .post("/agents")
                .then()
                .statusCode(409)
                .body("detail", containsString("already registered"));
        fixture.as(agent)
                .post("/conversations/" + conversation() + "/accept")
                .then()
                .statusCode(404);
        fixture.as(agent).get("/queue").then().statusCode(403);
        fixture.as("unregistered-" + UUID.randomUUID()).get("/me").then().statusCode(404);
    }

    @Test
    void supervisorsListAndReprofileAgentsAndMoreCapacityIsUsedAtOnce() {
        String agent = fixture.register("en", 1, List.of());
        fixture.presence(agent, Presence.ONLINE);
        String first = conversation();
        fixture.requestHandover(first, "en");
        first(first, ConversationOffered.TYPE);
        String second = conversation();
        String waiting = fixture.requestHandover(second, "en");
        await().atMost(PATIENCE).until(() -> Fixture.stateOf(waiting) == TakeoverState.WAITING);

        fixture.asSupervisor()
                .body(Map.of(
                        "displayName",
                        "Renamed",
                        "skills",
                        List.of(fixture.skill),
                        "languages",
                        List.of("en"),
                        "capacity",
                        2,
                        "teams",
                        List.of("billing")))
                .put("/agents/" + agent)
                .then()
                .statusCode(200)
                .body("capacity", equalTo(2))
                .body("teams", hasItem("billing"));

        assertThat(first(second, ConversationOffered.TYPE).agentName()).isEqualTo("Renamed");
        fixture.asSupervisor()
                .get("/agents?presence=ONLINE")
                .then()
                .statusCode(200)
                .body("id", hasItem(agent));
        fixture.asSupervisor().get("/agents/" + agent).then().statusCode(200).body("activeConversations", equalTo(2));
        fixture.asSupervisor()
                .get("/agents/" + agent + "/conversations")
                .then()
                .body("conversationId", org.hamcrest.Matchers.hasItems(first, second));
    }

    @Test
    void anAgentRepliesAsThemselvesOnceEvenWhenTheRequestIsRetried() {
        String agent = fixture.registerOnline("en");
        String other = fixture.register("en");
        String conversation = assignedTo(agent);

        fixture.as(other)
                .body(Map.of("text", "not mine"))
                .post("/conversations/" + conversation + "/messages")
                .then()
                .statusCode(403);
        fixture.as(agent)
                .body(Map.of("text", "Hello, I am looking at your refund now.", "messageId", "reply-1"))
                .post("/conversations/" + conversation + "/messages")
                .then()
                .statusCode(202)
                .body("messageId", equalTo("reply-1"));
        fixture.as(agent)
                .body(Map.of("text", "Hello, I am looking at your refund now.", "messageId", "reply-1"))
                .post("/conversations/" + conversation + "/messages")
                .then()
                .statusCode(202);
        fixture.as(agent)
                .body(Map.of("text", "Done."))
                .post("/conversations/" + conversation + "/messages")
                .then()
                .statusCode(202);

        List<MessageSent> sent = await().atMost(PATIENCE)
                .until(() -> events.events(conversation, MessageSent.TYPE), found -> found.size() == 2);
        MessageSent reply = sent.get(0);
        assertThat(reply.messageId()).isEqualTo("reply-1");
        assertThat(reply.sender().type()).isEqualTo(Sender.Type.AGENT);
        assertThat(reply.sender().id()).isEqualTo(agent);
        assertThat(reply.sender().name()).startsWith("Agent ");
        assertThat(reply.purpose()).isEqualTo(Desk.AGENT_REPLY);
        assertThat(reply.channel()).isEqualTo("web");
        assertThat(sent.get(1).text()).isEqualTo("Done.");
    }

    @Test
    void anOfferedAgentMustAcceptBeforeReplyingOrResolving() {
        String agent = fixture.registerOnline("en");
        String conversation = conversation();
        fixture.requestHandover(conversation, "en");
        first(conversation, ConversationOffered.TYPE);

        fixture.as(agent)
                .body(Map.of("text", "hi"))
                .post("/conversations/" + conversation + "/messages")
                .then()
                .statusCode(409)
                .body("detail", containsString("accept it first"));
        fixture.as(agent)
                .post("/conversations/" + conversation + "/resolve")
                .then()
                .statusCode(409);
    }

    @Test
    void internalNotesAreForTheHandlingAgentAndSupervisorsOnly() {
        String agent = fixture.registerOnline("en");
        String stranger = fixture.register("en");
        String conversation = assignedTo(agent);

        fixture.as(agent)
                .body(Map.of("text", "Customer is a long-standing client."))
                .post("/conversations/" + conversation + "/notes")
                .then()
                .statusCode(201)
                .body("agentId", equalTo(agent));
        fixture.as(stranger)
                .body(Map.of("text", "sneaky"))
                .post("/conversations/" + conversation + "/notes")
                .then()
                .statusCode(403);
        fixture.asSupervisor()
                .body(Map.of("text", "Offer a voucher."))
                .post("/conversations/" + conversation + "/notes")
                .then()
                .statusCode(201);
        fixture.as(agent)
                .body(Map.of())
                .post("/conversations/" + conversation + "/notes")
                .then()
                .statusCode(400);

        List<InternalNoteAdded> notes = await().atMost(PATIENCE)
                .until(() -> events.events(conversation, InternalNoteAdded.TYPE), found -> found.size() == 2);
        assertThat(notes)
                .extracting(InternalNoteAdded::text)
                .containsExactly("Customer is a long-standing client.", "Offer a voucher.");
        assertThat(events.events(conversation, MessageSent.TYPE)).isEmpty();
    }

    @Test
    void anAgentTransfersToAColleagueWhoIsOfferedItWithTheNote() {
        String from = fixture.registerOnline("en");
        String conversation = assignedTo(from);
        String offline = fixture.register("en");
        String to = fixture.registerOnline("en");

        fixture.as(from)
                .body(Map.of("toAgentId", offline, "note", "x"))
                .post("/conversations/" + conversation + "/transfer")
                .then()
                .statusCode(409)
                .body("detail", containsString("offline"));
        fixture.as(from)
                .body(Map.of("toAgentId", to, "note", "Needs a refund approval."))
                .post("/conversations/" + conversation + "/transfer")
                .then()
                .statusCode(200)
                .body("state", equalTo("OFFERED"))
                .body("agentId", equalTo(to));

        ConversationTransferred transferred = first(conversation, ConversationTransferred.TYPE);
        assertThat(transferred.fromAgentId()).isEqualTo(from);
        assertThat(transferred.toAgentId()).isEqualTo(to);
        assertThat(transferred.note()).isEqualTo("Needs a refund approval.");
        assertThat(transferred.transferredBy()).isNull();
        fixture.accept(to, conversation).statusCode(200);
        assertThat(Fixture.agent(from).activeConversations).isZero();
        fixture.as(from)
                .post("/conversations/" + conversation + "/resolve")
                .then()
                .statusCode(403);
    }

    @Test
    void aTransferToATeamGoesToAMemberWhoSpeaksTheLanguageAndSupervisorsReassignAnything() {
        String team = "team-" + UUID.randomUUID();
        String from = fixture.registerOnline("de");
        String conversation = assignedTo(from, "de");
        String member = fixture.register(List.of("unrelated"), "de", 2, List.of(team));
        fixture.presence(member, Presence.ONLINE);

        fixture.as(from)
                .body(Map.of("toTeam", "no-such-team"))
                .post("/conversations/" + conversation + "/transfer")
                .then()
                .statusCode(404);
        fixture.as(from)
                .body(Map.of("toTeam", team, "note", "Billing question."))
                .post("/conversations/" + conversation + "/transfer")
                .then()
                .statusCode(200);

        assertThat(first(conversation, ConversationTransferred.TYPE).toTeam()).isEqualTo(team);
        await().atMost(PATIENCE)
                .until(() -> events.events(conversation, ConversationOffered.TYPE), found -> found.size() == 2);
        assertThat(events.events(conversation, ConversationOffered.TYPE).get(1).agentId())
                .isEqualTo(member);
        fixture.accept(member, conversation).statusCode(200);

        fixture.asSupervisor()
                .body(Map.of("toAgentId", from, "note", "Back to you, you know the customer."))
                .post("/conversations/" + conversation + "/transfer")
                .then()
                .statusCode(200);
        await().atMost(PATIENCE)
                .until(() -> events.events(conversation, ConversationTransferred.TYPE), found -> found.size() == 2);
        ConversationTransferred reassigned =
                events.events(conversation, ConversationTransferred.TYPE).get(1);
        assertThat(reassigned.fromAgentId()).isEqualTo(member);
        assertThat(reassigned.toAgentId()).isEqualTo(from);
        assertThat(reassigned.transferredBy()).isEqualTo(fixture.supervisor);
    }

    @Test
    void resolvingAndHandingBackEndTheTakeoverAndFreeTheSlot() {
        String agent = fixture.registerOnline("en");
        String resolved = assignedTo(agent);
        String handedBack = assignedTo(agent);

        fixture.as(agent)
                .body(Map.of("summary", "Refunded."))
                .post("/conversations/" + resolved + "/resolve")
                .then()
                .statusCode(200)
                .body("state", equalTo("RESOLVED"));
        fixture.as(agent)
                .body(Map.of("note", "Customer only needs the tracking link now."))
                .post("/conversations/" + handedBack + "/hand-back")
                .then()
                .statusCode(200)
                .body("state", equalTo("HANDED_BACK"));

        assertThat(first(resolved, ConversationResolved.TYPE).summary()).isEqualTo("Refunded.");
        assertThat(first(handedBack, ConversationHandedBack.TYPE).note())
                .isEqualTo("Customer only needs the tracking link now.");
        assertThat(Fixture.agent(agent).activeConversations).isZero();
        fixture.as(agent)
                .post("/conversations/" + resolved + "/resolve")
                .then()
                .statusCode(409)
                .body("detail", containsString("resolved"));
        fixture.as(agent)
                .get("/conversations/" + resolved)
                .then()
                .statusCode(200)
                .body("closeReason", equalTo("RESOLVED"));
    }

    @Test
    void theConversationShowsTheCustomersMoodAndForgetsTheCustomerOnErasure() {
        String agent = fixture.registerOnline("en");
        String customer = "customer-" + UUID.randomUUID();
        String conversation = conversation();
        fixture.publish(fixture.request(conversation, Priority.HIGH, customer, "en"));
        fixture.accept(first(conversation, ConversationOffered.TYPE).agentId(), conversation)
                .statusCode(200);
        fixture.produce(
                MessageAnalyzed.TYPE,
                new MessageAnalyzed(
                        conversation,
                        "m-9",
                        "en",
                        new Intent("refund", 0.9),
                        new Sentiment(-0.7, Sentiment.Label.NEGATIVE),
                        0.8,
                        false,
                        false));

        await().atMost(PATIENCE)
                .until(
                        () -> fixture.as(agent)
                                .get("/conversations/" + conversation)
                                .jsonPath()
                                .getString("mood.sentiment"),
                        "NEGATIVE"::equals);
        fixture.as(agent)
                .get("/conversations/" + conversation)
                .then()
                .body("customerName", equalTo("Kim Customer"))
                .body("priority", equalTo("HIGH"))
                .body("mood.frustration", equalTo(0.8f));
        fixture.as(fixture.register("en"))
                .get("/conversations/" + conversation)
                .then()
                .statusCode(403);

        fixture.produce(
                CustomerDataErased.TYPE,
                new CustomerDataErased(conversation, customer, "erasure-" + UUID.randomUUID(), Instant.now()));

        await().atMost(PATIENCE)
                .until(() -> fixture.asSupervisor()
                                .get("/conversations/" + conversation)
                                .jsonPath()
                                .getString("customerName")
                        == null);
        fixture.asSupervisor()
                .get("/conversations/" + conversation)
                .then()
                .body("customerId", nullValue())
                .body("summary", nullValue())
                .body("mood", nullValue());
        PreviousAgent previous = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
                .call(() -> PreviousAgent.<PreviousAgent>findById(customer));
        assertThat(previous).isNull();
    }

    @Test
    void theLiveStreamCarriesNewOffersAndTheCustomersNewMessages() throws Exception {
        LiveStreams.awaitLiveFeedAssigned();
        String agent = fixture.registerOnline("en");
        try (LiveStreams.Stream stream = new LiveStreams.Stream(streamUri, tokens.agentToken(agent))) {
            await().atMost(PATIENCE).until(() -> !stream.named("snapshot").isEmpty());
            String conversation = conversation();
            fixture.requestHandover(conversation, "en");

            LiveStreams.Received offer = await().atMost(PATIENCE)
                    .until(() -> stream.named("agent.conversation-offered.v1"), found -> !found.isEmpty())
                    .get(0);
            assertThat(offer.data()).contains(conversation).contains("\"customerName\":\"Kim Customer\"");
            fixture.accept(agent, conversation).statusCode(200);
            fixture.produce(
                    InboundMessage.TYPE,
                    new InboundMessage(
                            "m-" + UUID.randomUUID(),
                            conversation,
                            "web",
                            "Are you still there?",
                            null,
                            null,
                            "en",
                            Instant.now(),
                            null));

            LiveStreams.Received message = await().atMost(PATIENCE)
                    .until(() -> stream.named("conversation.message-received.v1"), found -> !found.isEmpty())
                    .get(0);
            assertThat(message.data()).contains("Are you still there?");
        }
    }

    @Test
    void theApiIsDocumentedWithOpenApi() {
        given().get("/q/openapi?format=json")
                .then()
                .statusCode(200)
                .body("paths.'/agents'.post", notNullValue())
                .body("paths.'/agents/{id}/presence'.put", notNullValue())
                .body("paths.'/conversations/{conversationId}/accept'.post", notNullValue())
                .body("paths.'/conversations/{conversationId}/transfer'.post", notNullValue())
                .body("paths.'/queue'.get", notNullValue())
                .body("paths.'/me/stream'.get", notNullValue())
                .body("components.securitySchemes", notNullValue());
    }

    private String assignedTo(String agent) {
        return assignedTo(agent, "en");
    }

    private String assignedTo(String agent, String language) {
        String conversation = conversation();
        fixture.requestHandover(conversation, language);
        assertThat(first(conversation, ConversationOffered.TYPE).agentId()).isEqualTo(agent);
        fixture.accept(agent, conversation).statusCode(200);
        return conversation;
    }

    private <T extends ConversationEvent> T first(String conversation, EventType<T> type) {
        return await().atMost(PATIENCE)
                .until(() -> events.events(conversation, type), found -> !found.isEmpty())
                .get(0);
    }
}
