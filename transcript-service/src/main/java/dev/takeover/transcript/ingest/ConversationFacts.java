package dev.takeover.transcript.ingest;

/** What one entry tells about its conversation: the customer, the channel, the language. Any of them may be unknown. */
public record ConversationFacts(String customerId, String customerName, String channel, String language) {

    public static final ConversationFacts NONE = new ConversationFacts(null, null, null, null);

    /** These facts, completed by the ones an earlier entry already told. */
    public ConversationFacts orElse(ConversationFacts earlier) {
        return new ConversationFacts(
                customerId != null ? customerId : earlier.customerId,
                customerName != null ? customerName : earlier.customerName,
                channel != null ? channel : earlier.channel,
                language != null ? language : earlier.language);
    }
}
