package dev.takeover.agent.customer;

import java.time.Instant;
import java.util.Optional;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * The customer's mood from the latest analysis of their messages, so the agent sees at a glance how it is going
 * ({@link MoodRecorder} writes it).
 */
@Entity
@Table(name = "conversation_mood")
public class ConversationMood extends PanacheEntityBase {

    @Id
    @Column(name = "conversation_id")
    public String conversationId;

    @Column(name = "sentiment_label")
    public String sentimentLabel;

    @Column(name = "sentiment_score")
    public double sentimentScore;

    public double frustration;

    @Column(name = "analysed_at")
    public Instant analysedAt;

    public static Optional<ConversationMood> of(String conversationId) {
        return findByIdOptional(conversationId);
    }
}
