package dev.takeover.agent.live;

import java.util.List;
import java.util.Optional;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import dev.takeover.agent.ConversationView;
import dev.takeover.agent.Takeover;
import dev.takeover.agent.TakeoverState;

/** Read-only lookups for the live streams, which run on consumer and worker threads outside any request. */
@ApplicationScoped
public class LiveLookups {

    @Transactional
    public Optional<ConversationView> byHandover(String handoverId) {
        return Takeover.<Takeover>findByIdOptional(handoverId).map(ConversationView::of);
    }

    /** The conversation of an agent who is handling it now. */
    @Transactional
    public Optional<ConversationView> handled(String conversationId) {
        return Takeover.openFor(conversationId)
                .filter(takeover -> takeover.state == TakeoverState.ASSIGNED)
                .map(ConversationView::of);
    }

    /** Offered to or handled by the agent. */
    @Transactional
    public List<ConversationView> heldBy(String agentId) {
        return Takeover.heldBy(agentId).stream().map(ConversationView::of).toList();
    }

    @Transactional
    public Optional<ConversationView> latest(String conversationId) {
        return Takeover.latestFor(conversationId).map(ConversationView::of);
    }
}
