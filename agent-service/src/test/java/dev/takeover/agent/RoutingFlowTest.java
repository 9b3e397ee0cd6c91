package dev.takeover.agent;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

import dev.takeover.agent.routing.RoutingConfig;
import dev.takeover.events.CloudEvent;
import dev.takeover.events.ConversationEvent;
import dev.takeover.events.EventType;
import dev.takeover.events.agent.ConversationAssigned;
import dev.takeover.events.agent.ConversationOffered;
import dev.takeover.events.agent.ConversationRequeued;
import dev.takeover.events.agent.OfferDeclined;
import dev.takeover.events.agent.QueuePositionChanged;
import dev.takeover.events.handover.ControlState;
import dev.takeover.events.handover.HandoverRequested;
import dev.takeover.events.handover.HandoverRequested.Priority;
import dev.takeover.events.handover.HandoverStateChanged;
import dev.takeover.infrastructure.TokenIssuer;
import dev.takeover.infrastructure.testing.AdjustableClock;
import dev.takeover.infrastructure.testing.ContractRecords;
import dev.takeover.infrastructure.testing.InjectKafkaCompanion;
import dev.takeover.infrastructure.testing.InjectTokenIssuer;
import dev.takeover.infrastructure.testing.RealInfrastructure;
import dev.takeover.infrastructure.testing.TopicRecorder;

import static dev.takeover.agent.Fixture.PATIENCE;
import static dev.takeover.agent.Fixture.conversation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * Routing end to end against the real broker and database: offers, acceptance, timeouts, stickiness, requeueing. The
 * test profile's deadlines are minutes long; a test about one advances the service's clock past it, and the timer,
 * ticking every second, acts on it.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class RoutingFlowTest {

    @InjectKafkaCompanion
    KafkaCompanion kafka;

    @InjectTokenIssuer
    TokenIssuer tokens;

    private final AdjustableClock clock;
    private final RoutingConfig config;
    private Fixture fixture;
    private TopicRecorder agentEvents;

    RoutingFlowTest(AdjustableClock clock, RoutingConfig config) {
        this.clock = clock;
        this.config = config;
    }

    @BeforeEach
    void start() {
        clock.reset();
        fixture = new Fixture(kafka, tokens);
        agentEvents = TopicRecorder.recording(kafka, "agent.events", "agent-service.dlq");
    }

    @AfterEach
    void stopRecording() {
        agentEvents.close();
        clock.reset();
    }

    @Test
    void theWalkingSkeletonRegisterOnlineRequestOfferAcceptAssign() {
        String offline = fixture.register("en");
        String online = fixture.registerOnline("en");
        String conversation = conversation();

        fixture.requestHandover(conversation, "en");

        ConversationOffered offered = first(conversation, ConversationOffered.TYPE);
        assertThat(offered.agentId()).isEqualTo(online).isNotEqualTo(offline);
        assertThat(offered.expiresAt()).isAfter(offered.offeredAt());
        fixture.accept(online, conversation).statusCode(200).body("state", equalTo("ASSIGNED"));
        ConversationAssigned assigned = first(conversation, ConversationAssigned.TYPE);
        assertThat(assigned.agentId()).isEqualTo(online);
        assertThat(assigned.agentName()).startsWith("Agent ");
        fixture.as(online).get("/me").then().body("activeConversations", equalTo(1));
        fixture.as(online).get("/me/conversations").then().body("[0].conversationId", equalTo(conversation));
    }

    @Test
    void offersOnlyToAnAgentWithTheSkillsAndTheLanguage() {
        String wrongLanguage = fixture.registerOnline("fr");
        String withoutSkill = fixture.register(List.of("other-" + UUID.randomUUID()), "de", 2, List.of());
        fixture.presence(withoutSkill, Presence.ONLINE);
        String suitable = fixture.registerOnline("de");
        String conversation = conversation();

        fixture.requestHandover(conversation, "de");

        assertThat(first(conversation, ConversationOffered.TYPE).agentId())
                .isEqualTo(suitable)
                .isNotIn(wrongLanguage, withoutSkill);
    }

    @Test
    void givesTheLeastLoadedAgentTheNextConversationAndOnATieTheOneIdleLongest() {
        String first = fixture.register("en", 3, List.of());
        String second = fixture.register("en", 3, List.of());
        fixture.presence(first, Presence.ONLINE);
        fixture.presence(second, Presence.ONLINE);

        String one = offerAndAccept();
        String two = offerAndAccept();
        String three = offerAndAccept();

        assertThat(List.of(one, two, three)).containsExactly(first, second, first);
    }

    @Test
    void servesTheQueueByPriorityThenWaitingTime() {
        String agent = fixture.register("en", 1, List.of());
        Instant start = Instant.now().minusSeconds(60);
        String low = conversation();
        String normalLate = conversation();
        String normalEarly = conversation();
        String urgent = conversation();
        fixture.publish(fixture.request(low, Priority.LOW, null, "en", start));
        fixture.publish(fixture.request(normalLate, Priority.NORMAL, null, "en", start.plusSeconds(2)));
        fixture.publish(fixture.request(normalEarly, Priority.NORMAL, null, "en", start.plusSeconds(1)));
        fixture.publish(fixture.request(urgent, Priority.URGENT, null, "en", start.plusSeconds(3)));
        await().atMost(PATIENCE)
                .until(
                        () -> fixture.asSupervisor()
                                .get("/queue")
                                .jsonPath()
                                .getList("findAll { it.conversation.requiredSkills.contains('" + fixture.skill
                                        + "') }.conversation.conversationId"),
                        found -> found.equals(List.of(urgent, normalEarly, normalLate, low)));

        fixture.presence(agent, Presence.ONLINE);

        assertThat(first(urgent, ConversationOffered.TYPE).agentId()).isEqualTo(agent);
        fixture.accept(agent, urgent).statusCode(200);
        fixture.as(agent).post("/conversations/" + urgent + "/resolve").then().statusCode(200);
        assertThat(first(normalEarly, ConversationOffered.TYPE).agentId()).isEqualTo(agent);
        fixture.accept(agent, normalEarly).statusCode(200);
        fixture.as(agent)
                .post("/conversations/" + normalEarly + "/resolve")
                .then()
                .statusCode(200);
        assertThat(first(normalLate, ConversationOffered.TYPE).agentId()).isEqualTo(agent);
    }

    @Test
    void aReturningCustomerGoesFirstToTheirPreviousAgentEvenIfOthersAreLessLoaded() {
        String previous = fixture.register("en", 3, List.of());
        String other = fixture.register("en", 3, List.of());
        fixture.presence(previous, Presence.ONLINE);
        String customer = "customer-" + UUID.randomUUID();
        String earlier = conversation();
        fixture.publish(fixture.request(earlier, Priority.NORMAL, customer, "en"));
        assertThat(first(earlier, ConversationOffered.TYPE).agentId()).isEqualTo(previous);
        fixture.accept(previous, earlier).statusCode(200);
        fixture.presence(other, Presence.ONLINE);

        String again = conversation();
        fixture.publish(fixture.request(again, Priority.NORMAL, customer, "en"));

        assertThat(first(again, ConversationOffered.TYPE).agentId()).isEqualTo(previous);
    }

    @Test
    void aPreviousAgentWhoIsOfflineIsSkippedAtOnce() {
        String previous = fixture.registerOnline("en");
        String customer = "customer-" + UUID.randomUUID();
        String earlier = conversation();
        fixture.publish(fixture.request(earlier, Priority.NORMAL, customer, "en"));
        fixture.accept(previous, first(earlier, ConversationOffered.TYPE).conversationId())
                .statusCode(200);
        fixture.as(previous)
                .post("/conversations/" + earlier + "/resolve")
                .then()
                .statusCode(200);
        fixture.presence(previous, Presence.OFFLINE);
        String other = fixture.registerOnline("en");

        String again = conversation();
        Instant requested = clock.instant();
        fixture.publish(fixture.request(again, Priority.NORMAL, customer, "en", requested));

        // The clock stands still (bar real time), so had it been held for the previous agent it would never come.
        ConversationOffered offered = first(again, ConversationOffered.TYPE);
        assertThat(offered.agentId()).isEqualTo(other);
        assertThat(Duration.between(requested, offered.offeredAt()))
                .isLessThan(config.sticky().hold());
    }

    @Test
    void aBusyPreviousAgentIsWaitedForDuringTheStickyWindowThenAnyoneSuitableGetsIt() {
        String previous = fixture.register("en", 1, List.of());
        fixture.presence(previous, Presence.ONLINE);
        String customer = "customer-" + UUID.randomUUID();
        String earlier = conversation();
        fixture.publish(fixture.request(earlier, Priority.NORMAL, customer, "en"));
        fixture.accept(previous, first(earlier, ConversationOffered.TYPE).conversationId())
                .statusCode(200);
        String other = fixture.registerOnline("en");

        String again = conversation();
        Instant requested = clock.instant();
        String handover = fixture.publish(fixture.request(again, Priority.NORMAL, customer, "en", requested));

        // Its first position comes from the routing pass of its batch: that pass left it waiting for the busy agent.
        positionOf(again, position -> true);
        assertThat(Fixture.stateOf(handover)).isEqualTo(TakeoverState.WAITING);
        // (The database keeps microseconds, hence a millisecond's leeway.)
        assertThat(Fixture.takeover(handover).stickyUntil)
                .isBetween(
                        requested.plus(config.sticky().hold()).minusMillis(1),
                        clock.instant().plus(config.sticky().hold()));
        assertThat(events(again, ConversationOffered.TYPE)).isEmpty();

        clock.advance(config.sticky().hold().plusSeconds(1));

        ConversationOffered offered = first(again, ConversationOffered.TYPE);
        assertThat(offered.agentId()).isEqualTo(other);
        assertThat(Duration.between(requested, offered.offeredAt()))
                .isGreaterThanOrEqualTo(config.sticky().hold());
    }

    @Test
    void anOfferNotAcceptedInTimeGoesToTheNextAgentAndNeverBackInTheSameRound() {
        String a = fixture.registerOnline("en");
        String b = fixture.registerOnline("en");
        String conversation = conversation();
        String handover = fixture.requestHandover(conversation, "en");
        ConversationOffered firstOffer = first(conversation, ConversationOffered.TYPE);
        assertThat(Duration.between(firstOffer.offeredAt(), firstOffer.expiresAt()))
                .isEqualTo(config.offer().timeout());

        clock.advance(config.offer().timeout().plusSeconds(1));
        List<ConversationOffered> offers = countOf(conversation, ConversationOffered.TYPE, 2);
        List<OfferDeclined> timeouts = countOf(conversation, OfferDeclined.TYPE, 1);
        assertThat(timeouts.get(0).timedOut()).isTrue();
        assertThat(timeouts.get(0).reason()).isEqualTo(OfferDeclined.TIMED_OUT);
        assertThat(timeouts.get(0).agentId()).isEqualTo(firstOffer.agentId());
        assertThat(timeouts.get(0).declinedAt()).isAfterOrEqualTo(firstOffer.expiresAt());
        assertThat(offers.get(0).agentId()).isIn(a, b);
        assertThat(offers.get(1).agentId())
                .isIn(a, b)
                .isNotEqualTo(offers.get(0).agentId());

        // Both let it expire: the round is over, and only after a pause does the next round ask again.
        clock.advance(config.offer().timeout().plusSeconds(1));
        timeouts = countOf(conversation, OfferDeclined.TYPE, 2);
        assertThat(timeouts.get(1).agentId()).isEqualTo(offers.get(1).agentId());
        await().atMost(PATIENCE).until(() -> Fixture.takeover(handover).round == 2);
        assertThat(Fixture.takeover(handover).notBefore)
                .isAfterOrEqualTo(
                        timeouts.get(1).declinedAt().plus(config.roundPause()).minusMillis(1));
        assertThat(events(conversation, ConversationOffered.TYPE)).hasSize(2);

        clock.advance(config.roundPause().plusSeconds(1));
        offers = countOf(conversation, ConversationOffered.TYPE, 3);
        assertThat(offers.get(2).agentId()).isIn(a, b);
        assertThat(Duration.between(timeouts.get(1).declinedAt(), offers.get(2).offeredAt()))
                .isGreaterThanOrEqualTo(config.roundPause());
    }

    @Test
    void aDeclinedOfferGoesToTheNextAgentAndFreesTheSlot() {
        String a = fixture.registerOnline("en");
        String b = fixture.registerOnline("en");
        String conversation = conversation();
        fixture.requestHandover(conversation, "en");
        ConversationOffered offered = first(conversation, ConversationOffered.TYPE);
        String declining = offered.agentId();
        String next = declining.equals(a) ? b : a;

        fixture.as(declining)
                .post("/conversations/" + conversation + "/decline")
                .then()
                .statusCode(200);

        List<ConversationOffered> offers = await().atMost(PATIENCE)
                .until(() -> events(conversation, ConversationOffered.TYPE), found -> found.size() == 2);
        assertThat(offers.get(1).agentId()).isEqualTo(next);
        OfferDeclined declined = first(conversation, OfferDeclined.TYPE);
        assertThat(declined.timedOut()).isFalse();
        assertThat(declined.reason()).isEqualTo(OfferDeclined.DECLINED);
        assertThat(Fixture.agent(declining).activeConversations).isZero();
        fixture.as(declining)
                .post("/conversations/" + conversation + "/accept")
                .then()
                .statusCode(409);
    }

    @Test
    void anAgentGoingOfflineHasTheirConversationsRequeuedForOthers() {
        String leaving = fixture.registerOnline("en");
        String conversation = conversation();
        String handover = fixture.requestHandover(conversation, "en");
        fixture.accept(first(conversation, ConversationOffered.TYPE).agentId(), conversation)
                .statusCode(200);
        String staying = fixture.registerOnline("en");

        fixture.presence(leaving, Presence.OFFLINE).body("activeConversations", equalTo(0));

        ConversationRequeued requeued = first(conversation, ConversationRequeued.TYPE);
        assertThat(requeued.agentId()).isEqualTo(leaving);
        assertThat(requeued.reason()).isEqualTo("AGENT_OFFLINE");
        List<ConversationOffered> offers = await().atMost(PATIENCE)
                .until(() -> events(conversation, ConversationOffered.TYPE), found -> found.size() == 2);
        assertThat(offers.get(1).agentId()).isEqualTo(staying);
        assertThat(Fixture.takeover(handover).requestedAt)
                .as("keeps its place in the queue")
                .isBefore(requeued.requeuedAt());
    }

    @Test
    void anAgentGoingAwayLosesTheirPendingOffer() {
        String goingAway = fixture.registerOnline("en");
        String conversation = conversation();
        fixture.requestHandover(conversation, "en");
        first(conversation, ConversationOffered.TYPE);
        String other = fixture.registerOnline("en");

        fixture.presence(goingAway, Presence.AWAY);

        OfferDeclined withdrawn = first(conversation, OfferDeclined.TYPE);
        assertThat(withdrawn.agentId()).isEqualTo(goingAway);
        assertThat(withdrawn.reason()).isEqualTo(OfferDeclined.AGENT_AWAY);
        List<ConversationOffered> offers = await().atMost(PATIENCE)
                .until(() -> events(conversation, ConversationOffered.TYPE), found -> found.size() == 2);
        assertThat(offers.get(1).agentId()).isEqualTo(other);
    }

    @Test
    void aCustomerWhoLeavesFreesTheAgentsSlot() {
        String agent = fixture.registerOnline("en");
        String conversation = conversation();
        String handover = fixture.requestHandover(conversation, "en");
        fixture.accept(agent, first(conversation, ConversationOffered.TYPE).conversationId())
                .statusCode(200);

        fixture.produce(
                HandoverStateChanged.TYPE,
                new HandoverStateChanged(
                        handover,
                        conversation,
                        ControlState.WITH_AGENT,
                        ControlState.ABANDONED,
                        "CUSTOMER_LEFT",
                        "the customer closed the chat",
                        Instant.now()));

        await().atMost(PATIENCE).until(() -> Fixture.stateOf(handover) == TakeoverState.CLOSED);
        assertThat(Fixture.takeover(handover).closeReason).isEqualTo("ABANDONED");
        assertThat(Fixture.agent(agent).activeConversations).isZero();
    }

    @Test
    void waitingCustomersLearnTheirPositionAndExpectedWaitWhenTheQueueMoves() {
        String agent = fixture.register("en", 1, List.of());
        String first = conversation();
        String second = conversation();
        String third = conversation();
        Instant start = Instant.now().minusSeconds(30);
        fixture.publish(fixture.request(first, Priority.NORMAL, null, "en", start));
        fixture.publish(fixture.request(second, Priority.NORMAL, null, "en", start.plusSeconds(1)));
        fixture.publish(fixture.request(third, Priority.NORMAL, null, "en", start.plusSeconds(2)));

        assertThat(positionOf(third, position -> true).position()).isEqualTo(3);
        assertThat(positionOf(third, position -> true).matchingAgentsOnline()).isZero();

        fixture.presence(agent, Presence.ONLINE);

        assertThat(first(first, ConversationOffered.TYPE).agentId()).isEqualTo(agent);
        // A customer hears of a move at most once per interval: past it at once, instead of waiting for it.
        clock.advance(config.queue().minUpdateInterval());
        QueuePositionChanged moved = positionOf(third, position -> position.position() == 2);
        assertThat(moved.matchingAgentsOnline()).isEqualTo(1);
        assertThat(moved.expectedWaitSeconds()).isPositive();
        assertThat(positionOf(second, position -> position.position() == 1).matchingAgentsOnline())
                .isEqualTo(1);
    }

    @Test
    void aRedeliveredRequestIsRoutedOnce() {
        String agent = fixture.register("en", 5, List.of());
        fixture.presence(agent, Presence.ONLINE);
        String conversation = conversation();
        HandoverRequested request = fixture.request(conversation, Priority.NORMAL, null, "en");
        CloudEvent ce = CloudEvent.create(HandoverRequested.TYPE, "/handover-service", conversation, Instant.now());
        HandoverStateChanged later = new HandoverStateChanged(
                request.handoverId(),
                conversation,
                ControlState.REQUESTED,
                ControlState.QUEUED,
                "QUEUED",
                null,
                Instant.now());
        CloudEvent laterCe =
                CloudEvent.create(HandoverStateChanged.TYPE, "/handover-service", conversation, Instant.now());

        fixture.produceAll(List.of(
                ContractRecords.record(ce, HandoverRequested.TYPE, request),
                ContractRecords.record(ce, HandoverRequested.TYPE, request),
                ContractRecords.record(laterCe, HandoverStateChanged.TYPE, later)));

        await().atMost(PATIENCE).until(() -> processed(laterCe.id().toString()));
        assertThat(Fixture.agent(agent).activeConversations).isEqualTo(1);
        long takeovers = QuarkusTransaction.requiringNew().call(() -> Takeover.count("conversationId", conversation));
        assertThat(takeovers).isEqualTo(1);
    }

    @Test
    void aMalformedRequestIsParkedWithItsReasonAndTheNextOneIsRouted() {
        String agent = fixture.registerOnline("en");
        String conversation = conversation();
        kafka.produce(String.class, byte[].class)
                .fromRecords(new org.apache.kafka.clients.producer.ProducerRecord<>(
                        "handover.events",
                        null,
                        conversation,
                        "{\"handoverId\":\"x\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                        CloudEvent.create(HandoverRequested.TYPE, "/test", conversation, Instant.now())
                                .toHeaders()))
                .awaitCompletion(PATIENCE);
        fixture.requestHandover(conversation, "en");

        assertThat(first(conversation, ConversationOffered.TYPE).agentId()).isEqualTo(agent);
        ConsumerRecord<String, byte[]> parked = await().atMost(PATIENCE)
                .until(
                        () -> agentEvents.records(conversation).stream()
                                .filter(record -> record.topic().equals("agent-service.dlq"))
                                .toList(),
                        found -> !found.isEmpty())
                .get(0);
        assertThat(TopicRecorder.header(parked, "dead-letter-reason")).contains("HandoverRequested");
    }

    private String offerAndAccept() {
        String conversation = conversation();
        fixture.requestHandover(conversation, "en");
        String agent = first(conversation, ConversationOffered.TYPE).agentId();
        fixture.accept(agent, conversation).statusCode(200);
        return agent;
    }

    /** Waits for {@code count} such events, checks no more came, and returns them. */
    private <T extends ConversationEvent> List<T> countOf(String conversation, EventType<T> type, int count) {
        List<T> found =
                await().atMost(PATIENCE).until(() -> events(conversation, type), events -> events.size() >= count);
        assertThat(found).hasSize(count);
        return found;
    }

    private QueuePositionChanged positionOf(String conversation, Predicate<QueuePositionChanged> wanted) {
        return await().atMost(PATIENCE)
                .until(
                        () -> events(conversation, QueuePositionChanged.TYPE).stream()
                                .filter(wanted)
                                .toList(),
                        found -> !found.isEmpty())
                .get(0);
    }

    private <T extends ConversationEvent> T first(String conversation, EventType<T> type) {
        return await().atMost(PATIENCE)
                .until(() -> events(conversation, type), found -> !found.isEmpty())
                .get(0);
    }

    private <T extends ConversationEvent> List<T> events(String conversation, EventType<T> type) {
        return agentEvents.events(conversation, type);
    }

    private static boolean processed(String key) {
        return QuarkusTransaction.requiringNew()
                .call(() -> ((Number) Takeover.getEntityManager()
                                        .createNativeQuery(
                                                "select count(*) from processed_event where idempotency_key = ?1")
                                        .setParameter(1, key)
                                        .getSingleResult())
                                .longValue()
                        == 1);
    }
}
