package dev.takeover.transcript.read;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;

import dev.takeover.events.ConversationEvent;
import dev.takeover.events.EventCodec;
import dev.takeover.events.EventTypes;
import dev.takeover.transcript.EntryKind;
import dev.takeover.transcript.EntrySender;

/** One entry as the log holds it; its payload stays JSON text until someone needs the event itself. */
public record StoredEntry(
        long id,
        String key,
        String type,
        EntryKind kind,
        Cursor position,
        Instant occurredAt,
        EntrySender sender,
        boolean erased,
        String text,
        String payloadJson) {

    /** The event, if its type is known and its content has not been erased. */
    public Optional<ConversationEvent> event() {
        if (erased) {
            return Optional.empty();
        }
        return EventTypes.named(type)
                .map(eventType ->
                        EventCodec.fromJson(payloadJson.getBytes(StandardCharsets.UTF_8), eventType.payloadClass()));
    }
}
