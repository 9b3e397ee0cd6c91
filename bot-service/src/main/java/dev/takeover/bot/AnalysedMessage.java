package dev.takeover.bot;

import java.time.Instant;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

import dev.takeover.events.bot.MessageAnalyzed;

/** A customer message as the bot understood it; the conversation's context for the messages that follow. */
@Entity
@Table(name = "analysed_message")
public class AnalysedMessage extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "conversation_id")
    public String conversationId;

    @Column(name = "message_id")
    public String messageId;

    public String language;
    public String intent;
    public double confidence;
    public double sentiment;
    public double frustration;

    @Column(name = "human_requested")
    public boolean humanRequested;

    @Column(name = "out_of_scope")
    public boolean outOfScope;

    @Column(name = "analysed_at")
    public Instant analysedAt;

    @Column(name = "reply_purpose")
    public String replyPurpose;

    public String signals;

    public static AnalysedMessage of(MessageAnalyzed analysis, String replyPurpose, Instant analysedAt) {
        AnalysedMessage message = new AnalysedMessage();
        message.conversationId = analysis.conversationId();
        message.messageId = analysis.messageId();
        message.language = analysis.language();
        message.intent = analysis.intent().name();
        message.confidence = analysis.intent().confidence();
        message.sentiment = analysis.sentiment().score();
        message.frustration = analysis.frustration();
        message.humanRequested = analysis.humanRequested();
        message.outOfScope = analysis.outOfScope();
        message.analysedAt = analysedAt;
        message.replyPurpose = replyPurpose;
        message.signals = analysis.signals() == null ? null : String.join(",", analysis.signals());
        return message;
    }
}
