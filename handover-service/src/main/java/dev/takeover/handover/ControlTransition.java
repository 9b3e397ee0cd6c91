package dev.takeover.handover;

import java.time.Instant;
import java.util.List;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

import dev.takeover.events.handover.ControlState;
import dev.takeover.events.handover.HandoverStateChanged;

/** The record of one control-state transition, so anyone can see afterwards who was in charge when, and why. */
@Entity
@Table(name = "control_transition")
public class ControlTransition extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "conversation_id")
    public String conversationId;

    @Column(name = "handover_id")
    public String handoverId;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_state")
    public ControlState from;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_state")
    public ControlState to;

    public String cause;

    public String detail;

    @Column(name = "changed_at")
    public Instant changedAt;

    static void record(HandoverStateChanged change) {
        ControlTransition transition = new ControlTransition();
        transition.conversationId = change.conversationId();
        transition.handoverId = change.handoverId();
        transition.from = change.from();
        transition.to = change.to();
        transition.cause = change.cause();
        transition.detail = change.detail();
        transition.changedAt = change.changedAt();
        transition.persist();
    }

    public static List<ControlTransition> of(String conversationId) {
        return list("conversationId = ?1 order by id", conversationId);
    }
}
