package dev.takeover.bot;

/** What the bot's last message asked the customer for. */
public enum Awaiting {
    NOTHING,
    CLARIFICATION,
    CUSTOMER_NUMBER,
    EMAIL,
    SURVEY,
    HUMAN_OFFER
}
