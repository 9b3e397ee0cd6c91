package dev.takeover.handover;

import java.time.Instant;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

import dev.takeover.events.conversation.InboundMessage;

/** Who the customer is and where they write from, as their messages tell it. */
@Entity
@Table(name = "conversation")
public class Conversation extends PanacheEntityBase {

    @Id
    @Column(name = "conversation_id")
    public String conversationId;

    public String channel;

    @Column(name = "customer_id")
    public String customerId;

    @Column(name = "customer_name")
    public String customerName;

    @Column(name = "last_message_at")
    public Instant lastMessageAt;

    public static void noteMessage(InboundMessage message, Instant sentAt) {
        Conversation known = findById(message.conversationId());
        Conversation conversation = known != null ? known : new Conversation();
        conversation.conversationId = message.conversationId();
        conversation.channel = message.channel();
        if (message.customerId() != null) {
            conversation.customerId = message.customerId();
        }
        if (message.customerName() != null) {
            conversation.customerName = message.customerName();
        }
        conversation.lastMessageAt = sentAt;
        if (known == null) {
            conversation.persist();
        }
    }
}
