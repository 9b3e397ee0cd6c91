package dev.takeover.webchat;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import jakarta.inject.Inject;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import io.quarkus.test.common.http.TestHTTPResource;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

import dev.takeover.events.conversation.MessageSent;
import dev.takeover.events.conversation.Sender;
import dev.takeover.infrastructure.testing.AdjustableClock;
import dev.takeover.infrastructure.testing.ContractRecords;
import dev.takeover.infrastructure.testing.InjectKafkaCompanion;

/** What the adapter's tests share: the broker, the clock, browser tabs, and the platform's side of a conversation. */
abstract class ChatTestSupport {

    @InjectKafkaCompanion
    KafkaCompanion kafka;

    @Inject
    AdjustableClock clock;

    @TestHTTPResource("/")
    URI adapter;

    private final List<ChatClient> tabs = new ArrayList<>();

    ChatClient tab() {
        ChatClient tab = ChatClient.connect(adapter);
        tabs.add(tab);
        return tab;
    }

    /** The adapter's clock stands still from the first test on, so no limit runs out while a test looks. */
    @BeforeEach
    void clockStandsStill() {
        clock.stopAt(clock.instant());
    }

    @AfterEach
    void closeTabs() {
        tabs.forEach(ChatClient::close);
        tabs.clear();
    }

    static MessageSent fromBot(String conversationId, String text) {
        return sent(
                conversationId, "web", new Sender(Sender.Type.BOT, "bot-service", "Shop assistant"), text, "ANSWER");
    }

    static MessageSent fromAgent(String conversationId, String text) {
        return sent(conversationId, "web", new Sender(Sender.Type.AGENT, "anna", "Anna"), text, "AGENT_REPLY");
    }

    static MessageSent sent(String conversationId, String channel, Sender sender, String text, String purpose) {
        return new MessageSent(
                UUID.randomUUID().toString(), conversationId, channel, sender, text, Instant.now(), purpose);
    }

    /** As bot-, handover- and agent-service publish it: keyed by conversation, with CloudEvents headers. */
    void publish(MessageSent... messages) {
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
        for (MessageSent message : messages) {
            records.add(ContractRecords.record(MessageSent.TYPE, message));
        }
        publish(records);
    }

    void publish(List<ProducerRecord<String, byte[]>> records) {
        kafka.produce(String.class, byte[].class).fromRecords(records).awaitCompletion(ChatClient.PATIENCE);
    }
}
