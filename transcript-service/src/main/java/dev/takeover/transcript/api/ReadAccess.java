package dev.takeover.transcript.api;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import jakarta.enterprise.context.RequestScoped;

import io.quarkus.security.identity.SecurityIdentity;

import dev.takeover.common.domain.Caller;
import dev.takeover.common.http.ProblemException;
import dev.takeover.common.http.Roles;
import dev.takeover.transcript.read.ConversationRecord;
import dev.takeover.transcript.read.Transcripts;

/** Finds what the request asks for and refuses it, with a problem response, to a reader who may not see it. */
@RequestScoped
public class ReadAccess {

    private final SecurityIdentity identity;
    private final Transcripts transcripts;
    private final Clock clock;

    ReadAccess(SecurityIdentity identity, Transcripts transcripts, Clock clock) {
        this.identity = identity;
        this.transcripts = transcripts;
        this.clock = clock;
    }

    public Caller reader() {
        String id = identity.getPrincipal().getName();
        return new Caller(id, id, identity.hasRole(Roles.SUPERVISOR));
    }

    public ConversationRecord conversation(String conversationId) {
        ConversationRecord conversation = transcripts
                .conversation(conversationId)
                .orElseThrow(() -> ProblemException.notFound("no conversation " + conversationId));
        Caller reader = reader();
        if (!conversation.isReadableBy(reader, clock.instant())) {
            throw ProblemException.forbidden("agent " + reader.id() + " has not handled conversation " + conversationId
                    + " and has no standing offer for it");
        }
        return conversation;
    }

    /** An agent sees a customer's history while they may read one of the customer's conversations. */
    public List<ConversationRecord> customerHistory(String customerId, int limit) {
        List<ConversationRecord> conversations = transcripts.conversationsOf(customerId, limit);
        if (conversations.isEmpty()) {
            throw ProblemException.notFound("no conversations of customer " + customerId);
        }
        Caller reader = reader();
        Instant now = clock.instant();
        if (conversations.stream().noneMatch(conversation -> conversation.isReadableBy(reader, now))) {
            throw ProblemException.forbidden(
                    "agent " + reader.id() + " handles no conversation of customer " + customerId);
        }
        return conversations;
    }
}
