package dev.takeover.agent;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

import dev.takeover.agent.routing.RoutingPolicy.Candidate;
import dev.takeover.common.domain.Refused;

/**
 * A person who takes over conversations: what they know, how many they can hold at once, and whether they are here.
 * {@code activeConversations} counts offers as well as assignments, so a slot is reserved the moment it is offered.
 */
@Entity
@Table(name = "agent")
public class Agent extends PanacheEntityBase {

    @Id
    @Column(name = "agent_id")
    public String agentId;

    @Column(name = "display_name")
    public String displayName;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]")
    public List<String> skills;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]")
    public List<String> languages;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]")
    public List<String> teams;

    public int capacity;

    @Enumerated(EnumType.STRING)
    public Presence presence;

    @Column(name = "active_conversations")
    public int activeConversations;

    @Column(name = "idle_since")
    public Instant idleSince;

    @Column(name = "presence_changed_at")
    public Instant presenceChangedAt;

    public static Agent register(
            String agentId,
            String displayName,
            List<String> skills,
            List<String> languages,
            List<String> teams,
            int capacity) {
        Agent agent = new Agent();
        agent.agentId = agentId;
        agent.presence = Presence.OFFLINE;
        agent.describe(displayName, skills, languages, teams, capacity);
        return agent;
    }

    /** Lowering the capacity below the current load takes nothing away; the agent just gets nothing new for a while. */
    public void describe(
            String displayName, List<String> skills, List<String> languages, List<String> teams, int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1");
        }
        this.displayName = displayName;
        this.skills = List.copyOf(skills);
        this.languages = List.copyOf(languages);
        this.teams = List.copyOf(teams);
        this.capacity = capacity;
    }

    public static List<Agent> online() {
        return list("presence", Presence.ONLINE);
    }

    /** Returns the presence it had. */
    public Presence changePresence(Presence newPresence, Instant now) {
        Presence previous = presence;
        if (newPresence == Presence.ONLINE && previous != Presence.ONLINE) {
            idleSince = now;
        }
        if (newPresence != previous) {
            presenceChangedAt = now;
        }
        presence = newPresence;
        return previous;
    }

    public boolean canServe(Requirements requirements) {
        return requirements.metBy(Set.copyOf(skills), Set.copyOf(languages), Set.copyOf(teams));
    }

    public boolean hasFreeSlot() {
        return activeConversations < capacity;
    }

    /** Routing only offers to online agents; an agent who is away may still take a conversation themselves. */
    void reserveSlot(Instant now) {
        if (presence == Presence.OFFLINE) {
            throw Refused.conflict("agent " + agentId + " is offline");
        }
        if (!hasFreeSlot()) {
            throw Refused.conflict(
                    "agent " + agentId + " has no free capacity (" + activeConversations + " of " + capacity + ")");
        }
        activeConversations++;
        idleSince = now;
    }

    void releaseSlot() {
        activeConversations = Math.max(0, activeConversations - 1);
    }

    public Candidate asCandidate() {
        return new Candidate(
                agentId,
                Set.copyOf(skills),
                Set.copyOf(languages),
                Set.copyOf(teams),
                capacity,
                activeConversations,
                idleSince);
    }
}
