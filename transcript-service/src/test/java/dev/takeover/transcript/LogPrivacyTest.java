package dev.takeover.transcript;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import jakarta.inject.Inject;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

import dev.takeover.events.CloudEvent;
import dev.takeover.events.agent.ConversationOffered;
import dev.takeover.infrastructure.testing.RealInfrastructure;
import dev.takeover.infrastructure.testing.TopicRecorder;
import dev.takeover.transcript.ingest.ConversationLog;
import dev.takeover.transcript.privacy.RedactingLogFilter;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class LogPrivacyTest extends LogTestSupport {

    private final String secret = "SECRET" + UUID.randomUUID().toString().replace("-", "");
    private final List<String> logged = new CopyOnWriteArrayList<>();
    private final RedactingLogFilter filter = new RedactingLogFilter();

    @Inject
    ConversationLog log;

    /** Sees every log record as the console handler prints it: after the redaction filter. */
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            filter.isLoggable(record);
            StringWriter text = new StringWriter();
            text.append(record instanceof ExtLogRecord extended ? extended.getFormattedMessage() : record.getMessage());
            if (record.getThrown() != null) {
                record.getThrown().printStackTrace(new PrintWriter(text));
            }
            logged.add(text.toString());
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };

    @BeforeEach
    void captureLogs() {
        Logger.getLogger("").addHandler(capture);
    }

    @AfterEach
    void stopCapturing() {
        Logger.getLogger("").removeHandler(capture);
    }

    @Test
    void noMessageTextReachesTheLogsWhateverHappensToTheRecord() {
        CloudEvent unstorable = new CloudEvent(
                UUID.randomUUID(),
                ConversationOffered.TYPE.name(),
                "/agent-service",
                Instant.parse("+300000-01-01T00:00:00Z"),
                conversation);
        try (TopicRecorder deadLetters = TopicRecorder.recording(kafka, "transcript-service.dlq")) {
            send(
                    plain(customerSays("m1", "stored " + secret, start)),
                    raw("conversation.inbound", secret + " is not JSON at all"),
                    raw("conversation.inbound", "{\"messageId\": \"m2\", \"text\": \"" + secret),
                    raw(
                            "conversation.inbound",
                            "{\"messageId\": \"m3\", \"conversationId\": 7, \"text\": \"" + secret + "\"}"),
                    new ProducerRecord<>(
                            "agent.events",
                            null,
                            conversation,
                            ("{\"note\": \"" + secret + "\"}").getBytes(UTF_8),
                            new CloudEvent(
                                            UUID.randomUUID(),
                                            "agent.unheard-of.v1",
                                            "/agent-service",
                                            start,
                                            conversation)
                                    .toHeaders()),
                    new ProducerRecord<>(
                            "agent.events",
                            null,
                            conversation,
                            ("{\"conversationId\": \"" + conversation + "\", \"agentName\": \"" + secret + "\"}")
                                    .getBytes(UTF_8),
                            CloudEvent.create(ConversationOffered.TYPE, "/agent-service", conversation, Instant.now())
                                    .toHeaders()),
                    record(unstorable, ConversationOffered.TYPE, offered(secret, start, start.plusSeconds(30))),
                    plain(customerSays("m4", "nul\u0000 " + secret, start.plusSeconds(1))));

            await().atMost(PATIENCE)
                    .until(() -> entries(conversation) == 2
                            && deadLetters.records(conversation).size() == 6);
        }
        asSupervisor()
                .get("/conversations/" + conversation + "/transcript")
                .then()
                .statusCode(200);

        assertThat(logged).isNotEmpty().noneMatch(line -> line.contains(secret));
    }

    @Test
    void personalDataInAFrameworkLogLineIsMaskedAndPayloadQuotingExceptionsLoseTheirMessage() {
        ExtLogRecord record = new ExtLogRecord(
                java.util.logging.Level.WARNING, "delivery to %s failed", ExtLogRecord.FormatStyle.PRINTF, "test");
        record.setParameters(new Object[] {"ana@example.com"});
        record.setThrown(new IllegalStateException(
                "wrapped",
                new com.fasterxml.jackson.core.JsonParseException(null, "Unrecognized token '" + secret + "'")));

        assertThat(filter.isLoggable(record)).isTrue();

        assertThat(record.getFormattedMessage()).isEqualTo("delivery to [EMAIL] failed");
        StringWriter trace = new StringWriter();
        record.getThrown().printStackTrace(new PrintWriter(trace));
        assertThat(trace.toString())
                .doesNotContain(secret)
                .contains("java.lang.IllegalStateException (message withheld")
                .contains("com.fasterxml.jackson.core.JsonParseException (message withheld")
                .contains("LogPrivacyTest");
    }

    private ProducerRecord<String, byte[]> raw(String topic, String json) {
        return new ProducerRecord<>(topic, conversation, json.getBytes(UTF_8));
    }
}
