package dev.takeover.systemtest;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

import dev.takeover.events.agent.ConversationAssigned;
import dev.takeover.events.agent.ConversationOffered;
import dev.takeover.events.bot.MessageAnalyzed;
import dev.takeover.events.handover.HandoverRequested;
import dev.takeover.infrastructure.FreePorts;
import dev.takeover.infrastructure.PlatformService;
import dev.takeover.infrastructure.testing.TopicRecorder;
import dev.takeover.localstack.Platform;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

/**
 * The four packaged services as separate processes, two instances of each as in production, driven through Kafka and
 * HTTP only.
 */
class PlatformIT {

    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final int INSTANCES = 2;

    private static Platform platform;
    private static KafkaCompanion kafka;

    @BeforeAll
    static void startPlatform() {
        Path repository = Path.of(System.getProperty("takeover.repository", ".."))
                .toAbsolutePath()
                .normalize();
        Map<PlatformService, Integer> ports = new EnumMap<>(PlatformService.class);
        for (PlatformService service : PlatformService.values()) {
            ports.put(service, FreePorts.next());
        }
        platform = Platform.start(new Platform.Settings(
                repository,
                repository.resolve("system-test/target/platform"),
                INSTANCES,
                0,
                0,
                ports,
                Map.of(),
                Duration.ofMinutes(4)));
        kafka = new KafkaCompanion(platform.kafkaBootstrapServers());
    }

    @AfterAll
    static void stopPlatform() {
        if (kafka != null) {
            kafka.close();
        }
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void aCustomerWhoAsksForAPersonGetsOneAndTheTranscriptHasEverythingOnce() {
        String agent = "agent-" + UUID.randomUUID();
        registerOnlineAgent(agent, "de", 2);
        String conversation = "conv-" + UUID.randomUUID();
        String message = customerMessage(conversation, "m1", "Ich möchte mit einem Mitarbeiter sprechen");

        try (TopicRecorder analyses = TopicRecorder.recording(kafka, "bot.analysis");
                TopicRecorder handovers = TopicRecorder.recording(kafka, "handover.events");
                TopicRecorder agentEvents = TopicRecorder.recording(kafka, "agent.events")) {
            sendAsChannelAdapter(conversation, message);
            sendAsChannelAdapter(conversation, message);

            ConversationOffered offered = await().atMost(PATIENCE)
                    .until(() -> agentEvents.events(conversation, ConversationOffered.TYPE), found -> !found.isEmpty())
                    .get(0);
            assertThat(offered.agentId()).isEqualTo(agent);
            accept(conversation, agent, agentService(0)).then().statusCode(200);

            ConversationAssigned assigned = await().atMost(PATIENCE)
                    .until(() -> agentEvents.events(conversation, ConversationAssigned.TYPE), found -> !found.isEmpty())
                    .get(0);
            assertThat(assigned.agentId()).isEqualTo(agent);

            // One trace for the message: the bot's analysis, the takeover event, the offer the routing pass made and
            // the assignment the agent's accept made, each in a different service or request.
            String trace = traceId(analyses, conversation, MessageAnalyzed.TYPE.name());
            assertThat(trace).isNotNull();
            assertThat(traceId(handovers, conversation, HandoverRequested.TYPE.name()))
                    .isEqualTo(trace);
            assertThat(traceId(agentEvents, conversation, ConversationOffered.TYPE.name()))
                    .isEqualTo(trace);
            assertThat(traceId(agentEvents, conversation, ConversationAssigned.TYPE.name()))
                    .isEqualTo(trace);
            assertThat(handovers.records(conversation))
                    .allSatisfy(record -> assertThat(traceIdOf(record)).isNotNull());
        }

        List<String> types = await().atMost(PATIENCE)
                .until(
                        () -> transcript(conversation, 0).getList("entries.type", String.class),
                        found -> found.contains("agent.conversation-assigned.v1"));
        assertThat(types)
                .containsSubsequence(
                        "conversation.message-received.v1",
                        "bot.message-analyzed.v1",
                        "handover.requested.v1",
                        "agent.conversation-offered.v1",
                        "agent.conversation-assigned.v1")
                .containsOnlyOnce("conversation.message-received.v1", "bot.message-analyzed.v1");
        JsonPath transcript = transcript(conversation, 1);
        assertThat(transcript.getString("entries.find { it.type == 'bot.message-analyzed.v1' }.data.language"))
                .isEqualTo("de");
        assertThat(transcript.getBoolean("entries.find { it.type == 'bot.message-analyzed.v1' }.data.humanRequested"))
                .isTrue();
    }

    @Test
    void withTwoInstancesOfEachServiceEveryConversationIsHandledExactlyOnceAndNoAgentIsOverbooked() {
        // English-speaking agents: the only other agent on this platform speaks German, so these take every one.
        List<String> agents = IntStream.range(0, 3)
                .mapToObj(i -> "agent-" + UUID.randomUUID())
                .toList();
        agents.forEach(agent -> registerOnlineAgent(agent, "en", 3));
        List<String> conversations =
                IntStream.range(0, 8).mapToObj(i -> "conv-" + UUID.randomUUID()).toList();

        try (TopicRecorder analyses = TopicRecorder.recording(kafka, "bot.analysis");
                TopicRecorder handovers = TopicRecorder.recording(kafka, "handover.events");
                TopicRecorder agentEvents = TopicRecorder.recording(kafka, "agent.events")) {
            for (String conversation : conversations) {
                String message = customerMessage(conversation, "m1", "I want to talk to a human");
                sendAsChannelAdapter(conversation, message);
                sendAsChannelAdapter(conversation, message);
            }

            Set<ConversationOffered> answered = new HashSet<>();
            await().atMost(PATIENCE).until(() -> {
                for (String conversation : conversations) {
                    for (ConversationOffered offer : agentEvents.events(conversation, ConversationOffered.TYPE)) {
                        if (answered.add(offer)) {
                            accept(conversation, offer.agentId(), agentService(answered.size() % INSTANCES));
                        }
                    }
                }
                return conversations.stream()
                        .allMatch(conversation -> !agentEvents
                                .events(conversation, ConversationAssigned.TYPE)
                                .isEmpty());
            });

            for (String conversation : conversations) {
                assertThat(analyses.events(conversation, MessageAnalyzed.TYPE))
                        .as("analyses of %s", conversation)
                        .hasSize(1);
                assertThat(handovers.events(conversation, HandoverRequested.TYPE))
                        .as("takeover events of %s", conversation)
                        .hasSize(1);
                assertThat(agentEvents.events(conversation, ConversationAssigned.TYPE))
                        .as("assignments of %s", conversation)
                        .hasSize(1);
            }
        }
        for (String agent : agents) {
            JsonPath view = as(platform.tokens().supervisorToken("sam"))
                    .baseUri(agentService(1).toString())
                    .get("/agents/" + agent)
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            assertThat(view.getInt("activeConversations")).isLessThanOrEqualTo(view.getInt("capacity"));
        }
        for (String conversation : conversations) {
            assertThat(transcript(conversation, 1).getList("entries.type", String.class))
                    .containsOnlyOnce("conversation.message-received.v1", "handover.requested.v1");
        }
    }

    @Test
    void aMalformedCustomerMessageIsParkedWithItsReasonAndTheNextOneIsStillAnalysed() {
        String conversation = "conv-" + UUID.randomUUID();

        try (TopicRecorder deadLetters = TopicRecorder.recording(kafka, "bot-service.dlq");
                TopicRecorder analyses = TopicRecorder.recording(kafka, "bot.analysis")) {
            sendAsChannelAdapter(conversation, "{\"messageId\":\"m1\",\"channel\":\"web\"");
            sendAsChannelAdapter(conversation, customerMessage(conversation, "m2", "Where is my parcel?"));

            await().atMost(PATIENCE).until(() -> !analyses.records(conversation).isEmpty());
            ConsumerRecord<String, byte[]> parked = await().atMost(PATIENCE)
                    .until(() -> deadLetters.records(conversation), found -> !found.isEmpty())
                    .get(0);
            assertThat(TopicRecorder.header(parked, "dead-letter-reason")).startsWith("not valid JSON");
        }
    }

    @Test
    void everyInstanceIsLiveAndReadyWithItsBrokerAndDatabaseChecked() {
        for (PlatformService service : PlatformService.values()) {
            assertThat(platform.baseUris(service)).hasSize(INSTANCES);
            for (URI instance : platform.baseUris(service)) {
                given().baseUri(instance.toString())
                        .get("/q/health/live")
                        .then()
                        .statusCode(200)
                        .body("status", equalTo("UP"));
                given().baseUri(instance.toString())
                        .get("/q/health/ready")
                        .then()
                        .statusCode(200)
                        .body("status", equalTo("UP"))
                        .body(
                                "checks.name",
                                hasItems("Kafka connection health check", "Database connections health check"));
            }
        }
    }

    /** The trace id in the traceparent header of the conversation's first record of the type. */
    private static String traceId(TopicRecorder recorder, String conversation, String type) {
        return recorder.records(conversation).stream()
                .filter(record -> type.equals(TopicRecorder.header(record, "ce_type")))
                .findFirst()
                .map(PlatformIT::traceIdOf)
                .orElseThrow(() -> new AssertionError("no " + type + " of " + conversation));
    }

    /** W3C traceparent: 00-{32 hex trace id}-{16 hex parent span id}-{2 hex flags}. */
    private static String traceIdOf(ConsumerRecord<String, byte[]> record) {
        String traceparent = TopicRecorder.header(record, "traceparent");
        return traceparent != null && traceparent.matches("00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}")
                ? traceparent.substring(3, 35)
                : null;
    }

    private static URI agentService(int instance) {
        return platform.baseUris(PlatformService.AGENT).get(instance);
    }

    private static void registerOnlineAgent(String agent, String language, int capacity) {
        as(platform.tokens().supervisorToken("sam"))
                .baseUri(agentService(0).toString())
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "id",
                        agent,
                        "displayName",
                        "Agent " + agent.substring(6, 10),
                        "skills",
                        List.of(),
                        "languages",
                        List.of(language),
                        "capacity",
                        capacity))
                .post("/agents")
                .then()
                .statusCode(201);
        as(platform.tokens().agentToken(agent))
                .baseUri(agentService(1).toString())
                .contentType(ContentType.JSON)
                .body(Map.of("presence", "ONLINE"))
                .put("/agents/" + agent + "/presence")
                .then()
                .statusCode(200);
    }

    private static Response accept(String conversation, String agent, URI instance) {
        return as(platform.tokens().agentToken(agent))
                .baseUri(instance.toString())
                .post("/conversations/" + conversation + "/accept");
    }

    private static JsonPath transcript(String conversation, int instance) {
        return as(platform.tokens().supervisorToken("sam"))
                .baseUri(platform.baseUris(PlatformService.TRANSCRIPT)
                        .get(instance)
                        .toString())
                .get("/conversations/" + conversation + "/transcript")
                .then()
                .extract()
                .jsonPath();
    }

    private static RequestSpecification as(String token) {
        return given().header("Authorization", "Bearer " + token);
    }

    private static String customerMessage(String conversation, String messageId, String text) {
        return String.format(
                "{\"messageId\":\"%s\",\"conversationId\":\"%s\",\"channel\":\"web\",\"text\":\"%s\"}",
                messageId, conversation, text);
    }

    /** Plain JSON keyed by conversation, without CloudEvents headers, as a channel adapter may send it. */
    private static void sendAsChannelAdapter(String conversation, String json) {
        kafka.produce(String.class, byte[].class)
                .fromRecords(new ProducerRecord<>(
                        "conversation.inbound", conversation, json.getBytes(StandardCharsets.UTF_8)))
                .awaitCompletion(PATIENCE);
    }
}
