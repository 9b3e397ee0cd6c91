package dev.takeover.events;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import dev.takeover.events.agent.AgentEvent;
import dev.takeover.events.bot.BotEvent;
import dev.takeover.events.conversation.ChatMessage;
import dev.takeover.events.handover.HandoverEvent;
import dev.takeover.events.transcript.TranscriptEvent;

/** Every event type of the contract, looked up by its {@code ce_type} name. */
public final class EventTypes {

    private static final Map<String, EventType<?>> BY_NAME = Stream.of(
                    ChatMessage.TYPES, BotEvent.TYPES, HandoverEvent.TYPES, AgentEvent.TYPES, TranscriptEvent.TYPES)
            .flatMap(List::stream)
            .collect(Collectors.toUnmodifiableMap(EventType::name, Function.identity()));

    private EventTypes() {}

    public static Optional<EventType<?>> named(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    public static Collection<EventType<?>> all() {
        return BY_NAME.values();
    }
}
