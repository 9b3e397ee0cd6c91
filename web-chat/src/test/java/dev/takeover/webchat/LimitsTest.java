package dev.takeover.webchat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

import com.fasterxml.jackson.databind.JsonNode;

import dev.takeover.infrastructure.testing.RealInfrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Refused frames get an error frame; the socket, the adapter and the consumer carry on. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class LimitsTest extends ChatTestSupport {

    @Test
    void aMessageOfMoreThan4000CharactersIsRefusedAndTheSocketCarriesOn() {
        ChatClient tab = tab();
        tab.hello();

        tab.say("too-long", "ä".repeat(4001));
        JsonNode error = tab.awaitError("too-long");
        assertThat(error.path("messageId").asText()).isEqualTo("too-long");
        assertThat(error.path("reason").asText()).contains("4000");

        tab.say("just-right", "ä".repeat(4000));
        assertThat(tab.awaitEntries(1).get(0).path("messageId").asText()).isEqualTo("just-right");
        assertThat(tab.isOpen()).isTrue();
    }

    @Test
    void malformedFramesGetErrorFramesWithoutQuotingThemAndTheSocketCarriesOn() {
        CapturedLog log = CapturedLog.start();
        try {
            ChatClient tab = tab();
            tab.hello();
            String secret = "my card number is 4111 1111 1111 1111";
            List<String> broken = List.of(
                    "{\"type\":\"message\",\"text\":\"" + secret,
                    "[\"" + secret + "\"]",
                    "{\"text\":\"" + secret + "\"}",
                    "{\"type\":\"shout\",\"text\":\"" + secret + "\"}",
                    "{\"type\":\"message\",\"messageId\":\"no spaces allowed\",\"text\":\"" + secret + "\"}",
                    "{\"type\":\"message\",\"messageId\":\"m-1\",\"text\":42}",
                    "{\"type\":\"hello\",\"after\":-1}");
            broken.forEach(tab::sendRaw);
            tab.sendBinary(secret.getBytes(StandardCharsets.UTF_8));

            await().atMost(ChatClient.PATIENCE)
                    .until(() -> tab.framesOfType("error").size() == broken.size() + 1);
            assertThat(tab.framesOfType("error")).allSatisfy(error -> {
                assertThat(error.path("code").asText()).isEqualTo("malformed");
                assertThat(error.toString()).doesNotContain("4111");
            });

            tab.say("m-1", "Now a proper message");
            assertThat(tab.awaitEntries(1).get(0).path("text").asText()).isEqualTo("Now a proper message");
            assertThat(log.messages()).noneMatch(message -> message.contains("4111"));
        } finally {
            log.stop();
        }
    }

    @Test
    void aMessageBeforeHelloIsRefused() {
        ChatClient tab = tab();
        tab.say("m-1", "Hello?");
        assertThat(tab.awaitError("hello-first").path("messageId").asText()).isEqualTo("m-1");
        tab.hello();
        tab.say("m-1", "Hello?");
        assertThat(tab.awaitEntries(1)).hasSize(1);
    }

    @Test
    void eachSocketHasARateLimitThatRefillsWithTime() {
        ChatClient flooding = tab();
        flooding.hello();
        // The hello took one of the ten frames a socket may send at once.
        for (int i = 1; i <= 10; i++) {
            flooding.say("m-" + i, "message " + i);
        }
        JsonNode refused = flooding.awaitError("rate-limited");
        assertThat(refused.path("retryAfterMs").asLong()).isBetween(1L, 1000L);
        flooding.awaitEntries(9);
        await().during(Duration.ofMillis(300))
                .atMost(ChatClient.PATIENCE)
                .until(() -> flooding.entries().size() == 9);
        assertThat(flooding.entryTexts()).doesNotContain("message 10");

        ChatClient neighbour = tab();
        neighbour.hello();
        neighbour.say("n-1", "I'm not slowed down by somebody else");
        assertThat(neighbour.awaitEntries(1)).hasSize(1);

        clock.advance(Duration.ofSeconds(2));
        flooding.say("m-10", "message 10");
        flooding.say("m-11", "message 11");
        flooding.awaitEntries(11);
        assertThat(flooding.entryTexts()).endsWith("message 10", "message 11");
        flooding.say("m-12", "message 12");
        await().atMost(ChatClient.PATIENCE)
                .until(() -> flooding.framesOfType("error").size() == 2);
    }

    @Test
    void aSecondHelloOnTheSameSocketIsRefused() {
        ChatClient tab = tab();
        String conversation = tab.hello().path("conversationId").asText();
        tab.send(Map.of("type", "hello"));
        tab.awaitError("already-open");
        tab.say("m-1", "still the same conversation");
        tab.awaitEntries(1);
        publish(fromBot(conversation, "Yes, it is."));
        assertThat(tab.awaitEntries(2).get(1).path("text").asText()).isEqualTo("Yes, it is.");
    }

    /** Everything the service logs while a test runs. */
    static final class CapturedLog extends Handler {
        private final List<String> messages = new CopyOnWriteArrayList<>();

        static CapturedLog start() {
            CapturedLog log = new CapturedLog();
            Logger.getLogger("").addHandler(log);
            return log;
        }

        List<String> messages() {
            return List.copyOf(messages);
        }

        void stop() {
            Logger.getLogger("").removeHandler(this);
        }

        @Override
        public void publish(LogRecord record) {
            String text = record.getMessage() + " " + java.util.Arrays.toString(record.getParameters());
            Throwable thrown = record.getThrown();
            for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
                text += " " + cause;
            }
            messages.add(text);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    }
}
