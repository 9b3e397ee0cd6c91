package dev.takeover.handover;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

import dev.takeover.events.handover.ControlState;
import dev.takeover.events.handover.HandoverRequested.Priority;
import dev.takeover.events.handover.HandoverRequested.Reason;

/** One escalation of a conversation to a person, and where it stands. */
@Entity
@Table(name = "handover")
public class Handover extends PanacheEntityBase {

    @Id
    @Column(name = "handover_id")
    public String handoverId;

    @Column(name = "conversation_id")
    public String conversationId;

    @Enumerated(EnumType.STRING)
    public ControlState state;

    @Column(name = "reason_codes")
    public String reasonCodes;

    @Enumerated(EnumType.STRING)
    public Priority priority;

    @Column(name = "requested_at")
    public Instant requestedAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    public static Handover request(String conversationId, List<Reason> reasons, Priority priority) {
        Handover handover = new Handover();
        handover.handoverId = UUID.randomUUID().toString();
        handover.conversationId = conversationId;
        handover.state = ControlState.REQUESTED;
        handover.reasonCodes = reasons.stream().map(Reason::code).collect(Collectors.joining(","));
        handover.priority = priority;
        handover.requestedAt = Instant.now();
        handover.updatedAt = handover.requestedAt;
        return handover;
    }

    public static boolean isOpenFor(String conversationId) {
        return count("conversationId = ?1 and state in ?2", conversationId, openStates()) > 0;
    }

    private static List<ControlState> openStates() {
        return List.of(ControlState.values()).stream()
                .filter(ControlState::isEscalated)
                .toList();
    }
}
