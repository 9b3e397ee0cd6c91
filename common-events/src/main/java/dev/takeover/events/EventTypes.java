package dev.takeover.events;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import dev.takeover.events.agent.AgentEvents;
import dev.takeover.events.bot.BotEvents;
import dev.takeover.events.conversation.ConversationEvents;
import dev.takeover.events.handover.HandoverEvents;
import dev.takeover.events.transcript.TranscriptEvents;

/** Every event type of the contract, looked up by its {@code ce_type} name. */
public final class EventTypes {

    private static final Map<String, EventType<?>> BY_NAME = Stream.of(
                    ConversationEvents.ALL, BotEvents.ALL, HandoverEvents.ALL, AgentEvents.ALL, TranscriptEvents.ALL)
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
