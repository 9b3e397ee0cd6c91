package dev.takeover.agent;

import java.time.Instant;
import java.util.List;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

import dev.takeover.events.handover.HandoverRequested;

/** A conversation that needs a person: waiting in the queue until an agent is assigned. */
@Entity
@Table(name = "queue_entry")
public class QueueEntry extends PanacheEntityBase {

    private static final String WAITING_IN_SERVING_ORDER = """
            select * from queue_entry where agent_id is null
            order by priority_rank desc, requested_at
            for update skip locked
            """;

    @Id
    @Column(name = "handover_id")
    public String handoverId;

    @Column(name = "conversation_id")
    public String conversationId;

    public String language;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "required_skills", columnDefinition = "text[]")
    public List<String> requiredSkills;

    @Column(name = "priority_rank")
    public int priorityRank;

    @Column(name = "requested_at")
    public Instant requestedAt;

    @Column(name = "agent_id")
    public String agentId;

    @Column(name = "assigned_at")
    public Instant assignedAt;

    public static QueueEntry of(HandoverRequested request) {
        QueueEntry entry = new QueueEntry();
        entry.handoverId = request.handoverId();
        entry.conversationId = request.conversationId();
        entry.language = request.language();
        entry.requiredSkills = request.requiredSkills();
        entry.priorityRank = request.priority().ordinal();
        entry.requestedAt = request.requestedAt();
        return entry;
    }

    /** Locked, so two instances never hand out the same waiting conversation. */
    @SuppressWarnings("unchecked")
    public static List<QueueEntry> waitingInServingOrder() {
        return getEntityManager()
                .createNativeQuery(WAITING_IN_SERVING_ORDER, QueueEntry.class)
                .getResultList();
    }

    void assignTo(Agent agent, Instant now) {
        agentId = agent.agentId;
        assignedAt = now;
    }
}
