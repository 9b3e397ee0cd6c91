package dev.takeover.webchat;

import java.util.Map;

import dev.takeover.events.Fields;

/** One customer's conversation on the web channel, and who the customer is when the host site has vouched for them. */
public record WebConversation(
        String conversationId,
        String customerId,
        String customerName,
        Map<String, String> attributes,
        String language) {

    public WebConversation {
        Fields.requireText(conversationId, "conversationId");
        attributes = Fields.mapOrEmpty(attributes);
    }

    public boolean anonymous() {
        return customerId == null;
    }

    public boolean belongsTo(CustomerIdentity identity) {
        return customerId != null && customerId.equals(identity.customerId());
    }
}
