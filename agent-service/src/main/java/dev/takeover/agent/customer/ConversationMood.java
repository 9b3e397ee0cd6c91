package dev.takeover.agent.customer;

import java.time.Instant;
import java.util.Optional;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

import dev.takeover.events.bot.MessageAnalyzed;

/** The customer's mood from the latest analysis of their messages, so the agent sees at a glance how it is going. */
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

    /** An older analysis arriving late never overwrites a newer one. */
    public static void record(MessageAnalyzed analysis, Instant analysedAt) {
        ConversationMood mood = findById(analysis.conversationId());
        if (mood == null) {
            mood = new ConversationMood();
            mood.conversationId = analysis.conversationId();
        } else if (mood.analysedAt.isAfter(analysedAt)) {
            return;
        }
        mood.sentimentLabel = analysis.sentiment().label().name();
        mood.sentimentScore = analysis.sentiment().score();
        mood.frustration = analysis.frustration();
        mood.analysedAt = analysedAt;
        mood.persist();
    }

    public static Optional<ConversationMood> of(String conversationId) {
        return findByIdOptional(conversationId);
    }
}
