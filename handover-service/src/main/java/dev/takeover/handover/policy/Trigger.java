package dev.takeover.handover.policy;

/** What a rule looks at; each rule names one, and its parameters say how sensitive it is. */
public enum Trigger {
    /** The customer asked for a person (the analysis says so, or the intent is one of the rule's intents). */
    HUMAN_REQUESTED,
    /** The latest message's frustration reached {@code threshold}. */
    FRUSTRATION,
    /** Sentiment fell over the last {@code window} messages by at least {@code threshold}, ending negative. */
    SENTIMENT_FALLING,
    /** {@code count} consecutive turns out of scope, below {@code minConfidence}, or failed clarifications. */
    BOT_FAILURES,
    /** The customer rejected the bot's answer: flagged by the bot, or one of the rule's intents right after one. */
    ANSWER_REJECTED,
    /**
     * A critical issue the bot recognised in the message (outage, lost data, security breach, a payment the customer
     * did not make), whatever the intent and its confidence; or, where the rule lists intents, one of them with at
     * least {@code minConfidence}.
     */
    CRITICAL_INTENT,
    /** At least {@code count} earlier conversations of this customer on the same topic within {@code period}. */
    REPEATED_CONTACT
}
