package dev.takeover.webchat;

import java.util.HashMap;
import java.util.Map;

import dev.takeover.events.Fields;

/**
 * Who the host site says its signed-in customer is, once the signature has been verified. Only these fields reach the
 * platform: the customer id and name as the message's own fields, the e-mail and the host's attributes (tier, VIP, ...)
 * as its attributes, which the escalation policy reads.
 */
public record CustomerIdentity(String customerId, String name, String email, Map<String, String> attributes) {

    public CustomerIdentity {
        Fields.requireText(customerId, "customerId");
        attributes = Fields.mapOrEmpty(attributes);
    }

    /** The attributes an inbound message carries for this customer. */
    public Map<String, String> forwardedAttributes() {
        Map<String, String> forwarded = new HashMap<>(attributes);
        if (email != null) {
            forwarded.put("email", email);
        }
        return Map.copyOf(forwarded);
    }
}
