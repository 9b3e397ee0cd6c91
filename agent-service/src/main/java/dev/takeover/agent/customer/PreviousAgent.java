package dev.takeover.agent.customer;

import java.time.Instant;
import java.util.Optional;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** Who last served a customer, so their next conversation goes to the person who already knows them. */
@Entity
@Table(name = "previous_agent")
public class PreviousAgent extends PanacheEntityBase {

    @Id
    @Column(name = "customer_id")
    public String customerId;

    @Column(name = "agent_id")
    public String agentId;

    @Column(name = "served_at")
    public Instant servedAt;

    public static void remember(String customerId, String agentId, Instant servedAt) {
        if (customerId == null) {
            return;
        }
        PreviousAgent previous = findById(customerId);
        if (previous == null) {
            previous = new PreviousAgent();
            previous.customerId = customerId;
            previous.agentId = agentId;
            previous.servedAt = servedAt;
            previous.persist();
        } else {
            previous.agentId = agentId;
            previous.servedAt = servedAt;
        }
    }

    public static Optional<PreviousAgent> servedSince(String customerId, Instant since) {
        if (customerId == null) {
            return Optional.empty();
        }
        return PreviousAgent.<PreviousAgent>findByIdOptional(customerId)
                .filter(previous -> !previous.servedAt.isBefore(since));
    }
}
