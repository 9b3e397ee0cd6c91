package dev.takeover.agent;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A person who takes over conversations: what they know, how many they can hold, and whether they are here. */
@Entity
@Table(name = "agent")
public class Agent extends PanacheEntityBase {

    private static final String BEST_FREE_AGENT_FOR = """
            select * from agent
            where presence = 'ONLINE' and active_conversations < capacity
              and skills @> cast(:skills as text[])
              and (cast(:language as text) is null or cast(:language as text) = any(languages))
            order by active_conversations, last_assigned_at nulls first
            limit 1
            for update skip locked
            """;

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

    public int capacity;

    @Enumerated(EnumType.STRING)
    public Presence presence;

    @Column(name = "active_conversations")
    public int activeConversations;

    @Column(name = "last_assigned_at")
    public Instant lastAssignedAt;

    public static Agent register(
            String agentId, String displayName, List<String> skills, List<String> languages, int capacity) {
        Agent agent = new Agent();
        agent.agentId = agentId;
        agent.displayName = displayName;
        agent.skills = List.copyOf(skills);
        agent.languages = List.copyOf(languages);
        agent.capacity = capacity;
        agent.presence = Presence.OFFLINE;
        return agent;
    }

    /**
     * The least loaded online agent with the skills, language and a free slot, idle longest on a tie; locked, so a
     * concurrent assignment elsewhere can neither pick the same slot nor overbook.
     */
    public static Optional<Agent> bestFreeAgentFor(List<String> requiredSkills, String language) {
        @SuppressWarnings("unchecked")
        List<Agent> found = getEntityManager()
                .createNativeQuery(BEST_FREE_AGENT_FOR, Agent.class)
                .setParameter("skills", requiredSkills.toArray(String[]::new))
                .setParameter("language", language)
                .getResultList();
        return found.stream().findFirst();
    }

    public void take(QueueEntry entry, Instant now) {
        if (activeConversations >= capacity) {
            throw new IllegalStateException(agentId + " has no free capacity");
        }
        activeConversations++;
        lastAssignedAt = now;
        entry.assignTo(this, now);
    }
}
