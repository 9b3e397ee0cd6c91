package dev.takeover.webchat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

import com.fasterxml.jackson.databind.JsonNode;

import dev.takeover.events.conversation.MessageSent;
import dev.takeover.infrastructure.FreePorts;
import dev.takeover.infrastructure.Infrastructure;
import dev.takeover.infrastructure.PlatformService;
import dev.takeover.infrastructure.ServiceProcess;
import dev.takeover.infrastructure.testing.ContractRecords;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two packaged instances of the adapter, as processes, in one consumer group, with no load balancer that knows about
 * conversations: a customer's tabs sit on different instances, and each sees every message of the conversation, in
 * order, once, whichever instance consumed it.
 */
class TwoInstancesIT {

    private static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");
    private static final int CONVERSATIONS = 8;
    private static final int MESSAGES = 15;

    private static Infrastructure infrastructure;
    private static KafkaCompanion kafka;
    private static ServiceProcess first;
    private static ServiceProcess second;

    @BeforeAll
    static void start() throws IOException {
        infrastructure = Infrastructure.start(0, 0, Files.createTempDirectory("web-chat-it"));
        kafka = new KafkaCompanion(infrastructure.kafka().bootstrapServers());
        first = launch("web-chat-1");
        second = launch("web-chat-2");
        ServiceProcess.awaitReady(List.of(first, second), Duration.ofMinutes(2));
    }

    @AfterAll
    static void stop() {
        for (AutoCloseable closeable : new AutoCloseable[] {first, second, kafka, infrastructure}) {
            try {
                if (closeable != null) {
                    closeable.close();
                }
            } catch (Exception e) {
                // Stopping the rest matters more than this one's failure.
            }
        }
    }

    @Test
    void everyTabOnEitherInstanceGetsItsConversationInOrderOnceWhicheverInstanceConsumedIt() {
        List<ChatClient> onFirst = new ArrayList<>();
        List<ChatClient> onSecond = new ArrayList<>();
        List<String> conversations = new ArrayList<>();
        try {
            for (int c = 0; c < CONVERSATIONS; c++) {
                ChatClient tab = ChatClient.connect(first.baseUri());
                JsonNode welcome = tab.hello();
                ChatClient otherTab = ChatClient.connect(second.baseUri());
                otherTab.hello(
                        welcome.path("token").asText(),
                        welcome.path("conversationId").asText(),
                        0);
                onFirst.add(tab);
                onSecond.add(otherTab);
                conversations.add(welcome.path("conversationId").asText());
            }
            for (int c = 0; c < CONVERSATIONS; c++) {
                onSecond.get(c).say("m-1", "written on the second instance");
            }
            for (int c = 0; c < CONVERSATIONS; c++) {
                onSecond.get(c).awaitEntries(1);
            }
            // Interleaved across conversations, so both instances' partitions carry some of them.
            List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
            for (int m = 1; m <= MESSAGES; m++) {
                for (String conversation : conversations) {
                    records.add(ContractRecords.record(
                            MessageSent.TYPE, ChatTestSupport.fromBot(conversation, "answer " + m)));
                }
            }
            kafka.produce(String.class, byte[].class).fromRecords(records).awaitCompletion(ChatClient.PATIENCE);

            List<String> expected = expectedTranscript();
            for (int c = 0; c < CONVERSATIONS; c++) {
                for (ChatClient tab : List.of(onFirst.get(c), onSecond.get(c))) {
                    tab.awaitEntries(MESSAGES + 1);
                }
            }
            await().during(Duration.ofMillis(500))
                    .atMost(ChatClient.PATIENCE)
                    .until(() -> IntStream.range(0, CONVERSATIONS)
                            .allMatch(c -> onFirst.get(c).entries().size() == MESSAGES + 1
                                    && onSecond.get(c).entries().size() == MESSAGES + 1));
            for (int c = 0; c < CONVERSATIONS; c++) {
                for (ChatClient tab : List.of(onFirst.get(c), onSecond.get(c))) {
                    assertThat(tab.entryTexts()).containsExactlyElementsOf(expected);
                    assertThat(tab.entries().stream()
                                    .map(entry -> entry.path("seq").asLong()))
                            .containsExactlyElementsOf(IntStream.rangeClosed(1, MESSAGES + 1)
                                    .mapToObj(Long::valueOf)
                                    .toList());
                }
            }
        } finally {
            onFirst.forEach(ChatClient::close);
            onSecond.forEach(ChatClient::close);
        }
    }

    @Test
    void aTabThatLeavesOneInstanceAndReconnectsToTheOtherResumesWhereItLeftOff() {
        ChatClient before = ChatClient.connect(first.baseUri());
        JsonNode welcome = before.hello();
        String conversation = welcome.path("conversationId").asText();
        publish(conversation, "one", "two");
        before.awaitEntries(2);
        long lastSeen = before.entries().get(1).path("seq").asLong();
        before.close();

        publish(conversation, "three", "four", "five");
        try (ChatClient after = ChatClient.connect(second.baseUri())) {
            after.hello(welcome.path("token").asText(), conversation, lastSeen);
            after.awaitEntries(3);
            await().during(Duration.ofMillis(300))
                    .atMost(ChatClient.PATIENCE)
                    .until(() -> after.entries().size() == 3);
            assertThat(after.entryTexts()).containsExactly("three", "four", "five");
            publish(conversation, "six");
            after.awaitEntries(4);
            assertThat(after.entryTexts()).endsWith("six");
        }
    }

    private static List<String> expectedTranscript() {
        List<String> expected = new ArrayList<>();
        expected.add("written on the second instance");
        IntStream.rangeClosed(1, MESSAGES).forEach(m -> expected.add("answer " + m));
        return expected;
    }

    private static void publish(String conversation, String... texts) {
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
        for (String text : texts) {
            records.add(ContractRecords.record(MessageSent.TYPE, ChatTestSupport.fromBot(conversation, text)));
        }
        kafka.produce(String.class, byte[].class).fromRecords(records).awaitCompletion(ChatClient.PATIENCE);
    }

    private static ServiceProcess launch(String name) {
        Map<String, String> environment = infrastructure.serviceEnvironment(PlatformService.WEB_CHAT);
        return ServiceProcess.launch(
                name,
                JAR,
                FreePorts.next(),
                environment,
                List.of("-Xmx256m", "-XX:+UseSerialGC"),
                Path.of("target", "packaged-service", name + ".log"));
    }
}
