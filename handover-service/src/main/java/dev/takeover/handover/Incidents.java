package dev.takeover.handover;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.narayana.jta.QuarkusTransaction;

import dev.takeover.common.domain.Refused;
import dev.takeover.events.handover.HandoverRequested.Priority;

/**
 * Incident mode: an operator declares a known problem, conversations about it are tagged (the ones of the last
 * hours at once, new ones as they come), prioritised and told; ending it lifts the tags. Each conversation changes in
 * its own transaction under its own lock, like every other change to a conversation.
 */
@ApplicationScoped
public class Incidents {

    private final Escalations escalations;
    private final HandoverConfig config;
    private final Clock clock;

    Incidents(Escalations escalations, HandoverConfig config, Clock clock) {
        this.escalations = escalations;
        this.config = config;
        this.clock = clock;
    }

    public record Declared(Incident incident, int taggedConversations) {}

    public Declared declare(
            String description,
            List<String> intents,
            List<String> keywords,
            Priority priority,
            Map<String, String> customerNotice,
            String declaredBy) {
        Instant now = clock.instant();
        Incident incident = Incident.declare(
                description,
                intents,
                keywords,
                priority == null ? config.incidents().defaultPriority() : priority,
                customerNotice,
                declaredBy,
                now);
        QuarkusTransaction.requiringNew().run(incident::persist);
        List<String> recent = QuarkusTransaction.requiringNew()
                .call(() -> Conversation.<Conversation>list(
                                "incidentId is null and lastMessageAt >= ?1",
                                now.minus(config.incidents().lookback()))
                        .stream()
                        .map(conversation -> conversation.conversationId)
                        .toList());
        int tagged = 0;
        for (String conversationId : recent) {
            if (QuarkusTransaction.requiringNew().call(() -> tagIfMatching(conversationId, incident.incidentId))) {
                tagged++;
            }
        }
        return new Declared(incident, tagged);
    }

    private boolean tagIfMatching(String conversationId, String incidentId) {
        Instant now = clock.instant();
        Conversation conversation = Conversation.lock(conversationId, now);
        Incident incident = Incident.findById(incidentId);
        if (conversation.incidentId != null || incident == null || !incident.isActive()) {
            return false;
        }
        Instant since = now.minus(config.incidents().lookback());
        boolean matches = Turn.<Turn>list("conversationId = ?1 and seenAt >= ?2", conversationId, since).stream()
                .anyMatch(turn -> incident.matches(turn.intent, turn.text));
        if (matches) {
            escalations.tag(conversation, incident, now);
        }
        return matches;
    }

    public record Ended(Incident incident, int untaggedConversations) {}

    public Ended end(String incidentId) {
        Incident incident = QuarkusTransaction.requiringNew().call(() -> {
            Incident found = Incident.<Incident>findByIdOptional(incidentId)
                    .orElseThrow(() -> Refused.notFound("no incident " + incidentId));
            if (!found.isActive()) {
                throw Refused.conflict("incident " + incidentId + " has already ended");
            }
            found.end(clock.instant());
            return found;
        });
        List<String> tagged = QuarkusTransaction.requiringNew()
                .call(() -> Conversation.<Conversation>list("incidentId", incidentId).stream()
                        .map(conversation -> conversation.conversationId)
                        .toList());
        int untagged = 0;
        for (String conversationId : tagged) {
            boolean lifted = QuarkusTransaction.requiringNew().call(() -> {
                Instant now = clock.instant();
                Conversation conversation = Conversation.lock(conversationId, now);
                if (!incidentId.equals(conversation.incidentId)) {
                    return false;
                }
                escalations.untag(conversation, incident, now);
                return true;
            });
            if (lifted) {
                untagged++;
            }
        }
        return new Ended(incident, untagged);
    }

    public List<Incident> list(boolean activeOnly) {
        return activeOnly ? Incident.active() : Incident.list("order by declaredAt desc");
    }
}
