package dev.takeover.events.agent;

import java.time.Instant;

import dev.takeover.events.EventType;
import dev.takeover.events.Fields;
import dev.takeover.events.Topic;

/**
 * An agent says a bot message in this conversation was wrong, optionally naming the intent it should have been
 * understood as ({@code expectedIntent}) and why ({@code comment}): feedback for whoever trains the bot and for the
 * failure report. {@code messageId} is the bot's message on {@code conversation.outbound}.
 */
public record BotAnswerFlagged(
        String conversationId,
        String flagId,
        String messageId,
        String agentId,
        String agentName,
        String expectedIntent,
        String comment,
        Instant flaggedAt)
        implements AgentEvent {

    public static final EventType<BotAnswerFlagged> TYPE =
            EventType.of("agent.bot-answer-flagged.v1", Topic.AGENT_EVENTS, BotAnswerFlagged.class);

    public BotAnswerFlagged {
        Fields.requireText(conversationId, "conversationId");
        Fields.requireText(flagId, "flagId");
        Fields.requireText(messageId, "messageId");
        Fields.requireText(agentId, "agentId");
        Fields.require(flaggedAt, "flaggedAt");
        expectedIntent = expectedIntent == null || expectedIntent.isBlank() ? null : expectedIntent.strip();
        comment = comment == null || comment.isBlank() ? null : comment.strip();
    }
}
