package dev.takeover.transcript.ingest;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.takeover.events.handover.ControlState;
import dev.takeover.transcript.EntryKind;
import dev.takeover.transcript.EntrySender;
import dev.takeover.transcript.ingest.AgentInvolvement.StandsUntil;
import dev.takeover.transcript.ingest.LogBatch.AgentChange;

import static org.assertj.core.api.Assertions.assertThat;

class LogBatchTest {

    private static final Instant T = Instant.parse("2026-11-23T10:00:00Z");

    @Test
    void aKeyDeliveredTwiceInOneBatchIsKeptOnceInItsFirstPlace() {
        LogEntry first = entry("conv-1", "k1", T, ConversationFacts.NONE, List.of(), null);
        LogEntry second = entry("conv-1", "k2", T, ConversationFacts.NONE, List.of(), null);
        LogEntry sameKeyOtherConversation = entry("conv-2", "k1", T, ConversationFacts.NONE, List.of(), null);

        assertThat(new LogBatch(List.of(first, second, first, sameKeyOtherConversation)).entries())
                .containsExactly(first, second, sameKeyOtherConversation);
    }

    @Test
    void eachConversationChangesOnceWithTheFirstCustomerTheLatestNameAndTheLatestState() {
        List<LogEntry> stored = List.of(
                entry(
                        "conv-b",
                        "1",
                        T.plusSeconds(5),
                        new ConversationFacts("c1", "Ana", "web", "en"),
                        List.of(),
                        new ControlStateChange(ControlState.REQUESTED, T.plusSeconds(5))),
                entry("conv-a", "2", T, ConversationFacts.NONE, List.of(), null),
                entry(
                        "conv-b",
                        "3",
                        T,
                        new ConversationFacts("c2", "Ana Example", null, "de"),
                        List.of(),
                        new ControlStateChange(ControlState.BOT, T)));

        var changes = LogBatch.conversationChanges(stored);

        assertThat(changes.keySet()).containsExactly("conv-a", "conv-b");
        ConversationChange b = changes.get("conv-b");
        assertThat(b.entries()).isEqualTo(2);
        assertThat(b.startedAt()).isEqualTo(T);
        assertThat(b.lastActivityAt()).isEqualTo(T.plusSeconds(5));
        assertThat(b.customerId()).isEqualTo("c1");
        assertThat(b.customerName()).isEqualTo("Ana Example");
        assertThat(b.channel()).isEqualTo("web");
        assertThat(b.language()).isEqualTo("de");
        assertThat(b.controlState().state()).isEqualTo(ControlState.REQUESTED);
    }

    @Test
    void anAgentsInvolvementsFoldInTheOrderTheyHappened() {
        List<LogEntry> stored = List.of(
                entry(
                        "conv-1",
                        "1",
                        T.plusSeconds(1),
                        ConversationFacts.NONE,
                        List.of(AgentInvolvement.offered("bob", "Bob", T.plusSeconds(30))),
                        null),
                entry(
                        "conv-1",
                        "2",
                        T.plusSeconds(2),
                        ConversationFacts.NONE,
                        List.of(AgentInvolvement.offerWithdrawn("bob")),
                        null),
                entry(
                        "conv-1",
                        "3",
                        T,
                        ConversationFacts.NONE,
                        List.of(AgentInvolvement.offered("alice", "Alice", T.plusSeconds(30))),
                        null),
                entry(
                        "conv-1",
                        "4",
                        T.plusSeconds(3),
                        ConversationFacts.NONE,
                        List.of(AgentInvolvement.handled("alice", null)),
                        null));

        List<AgentChange> changes = LogBatch.agentChanges(stored);

        assertThat(changes)
                .containsExactly(
                        new AgentChange(
                                "conv-1",
                                new AgentInvolvement("alice", "Alice", true, new StandsUntil(T.plusSeconds(30))),
                                T),
                        new AgentChange(
                                "conv-1",
                                AgentInvolvement.offerWithdrawn("bob")
                                        .then(new AgentInvolvement(
                                                "bob", "Bob", false, AgentInvolvement.Offer.WITHDRAWN)),
                                T.plusSeconds(1)));
    }

    private static LogEntry entry(
            String conversationId,
            String key,
            Instant at,
            ConversationFacts facts,
            List<AgentInvolvement> agents,
            ControlStateChange state) {
        return new LogEntry(
                conversationId,
                key,
                "test.event.v1",
                EntryKind.EVENT,
                3,
                at,
                null,
                EntrySender.system("test"),
                "/test",
                "{}",
                false,
                facts,
                agents,
                state);
    }
}
