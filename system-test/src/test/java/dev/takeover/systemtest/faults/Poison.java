package dev.takeover.systemtest.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.takeover.events.CloudEvent;
import dev.takeover.infrastructure.PlatformService;

/**
 * Records no consumer can trust, for every consumed topic, built from the contract's golden samples: a NUL in the
 * text, a text near the broker's record limit, bytes that are not UTF-8, fields of the wrong JSON type, and a type
 * nobody knows.
 */
final class Poison {

    enum Kind {
        NUL,
        OVERSIZE,
        BAD_UTF8,
        WRONG_TYPES,
        UNKNOWN_TYPE
    }

    /** One poison record: its topic, its kind, and the services that consume the topic durably. */
    record Dose(String topic, Kind kind, List<PlatformService> consumers, ProducerRecord<String, byte[]> record) {

        String key() {
            return record.key();
        }
    }

    /** A record type poisoned on a topic, and the services whose durable consumers handle that type there. */
    record Sample(String topic, String type, List<PlatformService> consumers) {}

    /**
     * At least one sample per consumed topic, and for each durable consumer a type it handles: a consumer skips the
     * types it does not handle unread, so only those tell whether it parks what it cannot decode. handover-service
     * reads {@code agent.events} for routing only and skips internal notes; round 3 counted it as a consumer of the
     * note, and its skipping as "wrong JSON types processed".
     */
    static final List<Sample> SAMPLES = List.of(
            new Sample(
                    "conversation.inbound",
                    "conversation.message-received.v1",
                    List.of(PlatformService.BOT, PlatformService.HANDOVER, PlatformService.TRANSCRIPT)),
            new Sample(
                    "conversation.outbound",
                    "conversation.message-sent.v1",
                    List.of(PlatformService.HANDOVER, PlatformService.TRANSCRIPT, PlatformService.WEB_CHAT)),
            new Sample(
                    "bot.analysis",
                    "bot.message-analyzed.v1",
                    List.of(PlatformService.HANDOVER, PlatformService.AGENT, PlatformService.TRANSCRIPT)),
            new Sample(
                    "handover.events",
                    "handover.state-changed.v1",
                    List.of(PlatformService.BOT, PlatformService.AGENT, PlatformService.TRANSCRIPT)),
            new Sample("agent.events", "agent.internal-note-added.v1", List.of(PlatformService.TRANSCRIPT)),
            new Sample(
                    "agent.events",
                    "agent.conversation-assigned.v1",
                    List.of(PlatformService.HANDOVER, PlatformService.TRANSCRIPT)),
            new Sample(
                    "transcript.events",
                    "transcript.customer-data-erased.v1",
                    List.of(PlatformService.BOT, PlatformService.HANDOVER, PlatformService.AGENT)));

    static final String NUL_TEXT = "Where is my parcel?";
    private static final int OVERSIZE_CHARACTERS = 900_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private Poison() {}

    static List<Dose> everyKindOnEveryTopic(Path goldenSamples, String prefix) {
        List<Dose> doses = new ArrayList<>();
        for (Sample sample : SAMPLES) {
            for (Kind kind : Kind.values()) {
                String key = prefix + "-" + sample.type().replace('.', '-') + "-"
                        + kind.name().toLowerCase();
                doses.add(new Dose(
                        sample.topic(),
                        kind,
                        sample.consumers(),
                        record(sample.topic(), key, sample.type(), kind, read(goldenSamples, sample.type()))));
            }
        }
        return doses;
    }

    private static ObjectNode read(Path goldenSamples, String type) {
        try {
            return (ObjectNode) JSON.readTree(Files.readString(goldenSamples.resolve(type + ".json")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ProducerRecord<String, byte[]> record(
            String topic, String key, String type, Kind kind, ObjectNode sample) {
        sample.put("conversationId", key);
        String textField = sample.has("text") ? "text" : "comment";
        byte[] value;
        switch (kind) {
            case NUL -> value = bytes(sample.put(textField, NUL_TEXT + "\u0000"));
            case OVERSIZE -> value = bytes(sample.put(textField, "x".repeat(OVERSIZE_CHARACTERS)));
            case BAD_UTF8 -> value = replace(bytes(sample.put(textField, "@@")), "@@", new byte[] {(byte) 0xC3, 0x28});
            case WRONG_TYPES -> {
                Iterator<String> fields = sample.fieldNames();
                List<String> names = new ArrayList<>();
                fields.forEachRemaining(names::add);
                names.stream()
                        .filter(name -> !name.equals("conversationId"))
                        .forEach(name -> sample.putObject(name).put("wrong", true));
                value = bytes(sample);
            }
            case UNKNOWN_TYPE -> value = bytes(sample);
            default -> throw new IllegalArgumentException(kind.name());
        }
        // A channel adapter may send plain JSON on conversation.inbound; everything else carries CloudEvents headers.
        boolean plain = topic.equals("conversation.inbound") && kind != Kind.UNKNOWN_TYPE;
        RecordHeaders headers = new RecordHeaders();
        if (!plain) {
            header(headers, CloudEvent.SPEC_VERSION_HEADER, "1.0");
            header(headers, CloudEvent.ID_HEADER, UUID.randomUUID().toString());
            header(headers, CloudEvent.TYPE_HEADER, kind == Kind.UNKNOWN_TYPE ? "poison.unknown-type.v1" : type);
            header(headers, CloudEvent.SOURCE_HEADER, "/fault-injection");
            header(headers, CloudEvent.TIME_HEADER, Instant.now().toString());
            header(headers, CloudEvent.SUBJECT_HEADER, key);
            header(headers, CloudEvent.CONTENT_TYPE_HEADER, "application/json");
        }
        return new ProducerRecord<>(topic, null, key, value, headers);
    }

    private static void header(RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] bytes(ObjectNode json) {
        try {
            return JSON.writeValueAsBytes(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] replace(byte[] value, String placeholder, byte[] replacement) {
        String text = new String(value, StandardCharsets.UTF_8);
        int at = text.indexOf(placeholder);
        byte[] before = text.substring(0, at).getBytes(StandardCharsets.UTF_8);
        byte[] after = text.substring(at + placeholder.length()).getBytes(StandardCharsets.UTF_8);
        byte[] result = new byte[before.length + replacement.length + after.length];
        System.arraycopy(before, 0, result, 0, before.length);
        System.arraycopy(replacement, 0, result, before.length, replacement.length);
        System.arraycopy(after, 0, result, before.length + replacement.length, after.length);
        return result;
    }
}
