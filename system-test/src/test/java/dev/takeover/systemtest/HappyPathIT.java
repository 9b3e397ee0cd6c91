package dev.takeover.systemtest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

import dev.takeover.events.agent.ConversationAssigned;
import dev.takeover.events.agent.ConversationOffered;
import dev.takeover.infrastructure.PlatformService;
import dev.takeover.infrastructure.testing.TopicRecorder;
import dev.takeover.localstack.Platform;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

/** The four packaged services as separate processes, driven through Kafka and HTTP only, as in production. */
class HappyPathIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private static Platform platform;
    private static KafkaCompanion kafka;

    @BeforeAll
    static void startPlatform() {
        Path repository = Path.of(System.getProperty("takeover.repository", ".."))
                .toAbsolutePath()
                .normalize();
        Map<PlatformService, Integer> ports = new EnumMap<>(PlatformService.class);
        for (PlatformService service : PlatformService.values()) {
            ports.put(service, freePort());
        }
        platform = Platform.start(new Platform.Settings(
                repository,
                repository.resolve("system-test/target/platform"),
                0,
                0,
                ports,
                Map.of(),
                Duration.ofMinutes(3)));
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
        registerOnlineAgent(agent, "de");
        String conversation = "conv-" + UUID.randomUUID();
        String message = customerMessage(conversation, "m1", "Ich möchte mit einem Mitarbeiter sprechen");

        try (TopicRecorder agentEvents = TopicRecorder.recording(kafka, "agent.events")) {
            sendAsChannelAdapter(conversation, message);
            sendAsChannelAdapter(conversation, message);

            ConversationOffered offered = await().atMost(PATIENCE)
                    .until(() -> agentEvents.events(conversation, ConversationOffered.TYPE), found -> !found.isEmpty())
                    .get(0);
            assertThat(offered.agentId()).isEqualTo(agent);
            as(platform.tokens().agentToken(agent))
                    .baseUri(platform.baseUri(PlatformService.AGENT).toString())
                    .post("/conversations/" + conversation + "/accept")
                    .then()
                    .statusCode(200);

            ConversationAssigned assigned = await().atMost(PATIENCE)
                    .until(() -> agentEvents.events(conversation, ConversationAssigned.TYPE), found -> !found.isEmpty())
                    .get(0);
            assertThat(assigned.agentId()).isEqualTo(agent);
        }

        List<String> types = await().atMost(PATIENCE)
                .until(
                        () -> transcript(conversation).getList("entries.type", String.class),
                        found -> found.contains("agent.conversation-assigned.v1"));
        assertThat(types)
                .containsSubsequence(
                        "conversation.message-received.v1",
                        "bot.message-analyzed.v1",
                        "handover.requested.v1",
                        "agent.conversation-offered.v1",
                        "agent.conversation-assigned.v1")
                .containsOnlyOnce("conversation.message-received.v1", "bot.message-analyzed.v1");
        JsonPath transcript = transcript(conversation);
        assertThat(transcript.getString("entries.find { it.type == 'bot.message-analyzed.v1' }.data.language"))
                .isEqualTo("de");
        assertThat(transcript.getBoolean("entries.find { it.type == 'bot.message-analyzed.v1' }.data.humanRequested"))
                .isTrue();
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
    void everyServiceIsLiveAndReadyWithItsBrokerAndDatabaseChecked() {
        for (PlatformService service : PlatformService.values()) {
            given().baseUri(platform.baseUri(service).toString())
                    .get("/q/health/live")
                    .then()
                    .statusCode(200)
                    .body("status", equalTo("UP"));
            given().baseUri(platform.baseUri(service).toString())
                    .get("/q/health/ready")
                    .then()
                    .statusCode(200)
                    .body("status", equalTo("UP"))
                    .body(
                            "checks.name",
                            hasItems("Kafka connection health check", "Database connections health check"));
        }
    }

    private static void registerOnlineAgent(String agent, String language) {
        as(platform.tokens().supervisorToken("supervisor-" + agent))
                .baseUri(platform.baseUri(PlatformService.AGENT).toString())
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
                        2))
                .post("/agents")
                .then()
                .statusCode(201);
        as(platform.tokens().agentToken(agent))
                .baseUri(platform.baseUri(PlatformService.AGENT).toString())
                .contentType(ContentType.JSON)
                .body(Map.of("presence", "ONLINE"))
                .put("/agents/" + agent + "/presence")
                .then()
                .statusCode(200);
    }

    private static JsonPath transcript(String conversation) {
        return as(platform.tokens().supervisorToken("supervisor"))
                .baseUri(platform.baseUri(PlatformService.TRANSCRIPT).toString())
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

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
