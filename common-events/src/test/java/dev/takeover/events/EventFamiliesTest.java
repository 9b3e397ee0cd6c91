package dev.takeover.events;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.takeover.events.agent.AgentEvent;
import dev.takeover.events.bot.BotEvent;
import dev.takeover.events.conversation.ChatMessage;
import dev.takeover.events.handover.HandoverEvent;
import dev.takeover.events.transcript.TranscriptEvent;

import static org.assertj.core.api.Assertions.assertThat;

class EventFamiliesTest {

    @Test
    void everyMemberOfAFamilyHasAWireTypeAndEveryWireTypeBelongsToItsFamily() {
        assertThat(payloads(ChatMessage.TYPES)).isEqualTo(records(ChatMessage.class));
        assertThat(payloads(BotEvent.TYPES)).isEqualTo(records(BotEvent.class));
        assertThat(payloads(HandoverEvent.TYPES)).isEqualTo(records(HandoverEvent.class));
        assertThat(payloads(AgentEvent.TYPES)).isEqualTo(records(AgentEvent.class));
        assertThat(payloads(TranscriptEvent.TYPES)).isEqualTo(records(TranscriptEvent.class));
    }

    @Test
    void theContractIsExactlyTheFamilies() {
        int families = ChatMessage.TYPES.size()
                + BotEvent.TYPES.size()
                + HandoverEvent.TYPES.size()
                + AgentEvent.TYPES.size()
                + TranscriptEvent.TYPES.size();
        assertThat(EventTypes.all()).hasSize(families);
    }

    private static Set<Class<?>> payloads(List<? extends EventType<?>> types) {
        Set<Class<?>> classes = new HashSet<>();
        types.forEach(type -> classes.add(type.payloadClass()));
        return classes;
    }

    /** The records a sealed family permits, through its sealed sub-families. */
    private static Set<Class<?>> records(Class<?> family) {
        Set<Class<?>> records = new HashSet<>();
        Deque<Class<?>> open = new ArrayDeque<>(List.of(family));
        while (!open.isEmpty()) {
            Class<?> next = open.pop();
            if (next.isSealed()) {
                open.addAll(List.of(next.getPermittedSubclasses()));
            } else {
                records.add(next);
            }
        }
        return records;
    }
}
