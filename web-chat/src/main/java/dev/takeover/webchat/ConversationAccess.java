package dev.takeover.webchat;

import java.util.Optional;

/**
 * Which conversation a connecting browser may open. It may bring the visitor token it was given and, on a host site
 * where the customer is signed in, a verified identity:
 * <ul>
 *   <li>a token opens its conversation, unless that conversation belongs to a signed-in customer and the browser no
 *       longer vouches for them (signed out on a shared computer), or vouches for somebody else;
 *   <li>a visitor who signs in mid-conversation keeps it, now with their identity;
 *   <li>a signed-in customer without a usable token continues their latest conversation, on any device;
 *   <li>everybody else starts a new one.
 * </ul>
 */
public final class ConversationAccess {

    public enum Outcome {
        /** Continue this conversation; the browser keeps its token. */
        RESUME,
        /** Continue this conversation, on a device that needs a token of its own. */
        RESUME_ON_NEW_DEVICE,
        /** Start a new conversation. */
        START
    }

    /** The outcome, the conversation to continue (not for START), and the identity to record (if any). */
    public record Decision(
            Outcome outcome, Optional<WebConversation> conversation, Optional<CustomerIdentity> identity) {

        public boolean issuesToken() {
            return outcome != Outcome.RESUME;
        }
    }

    private ConversationAccess() {}

    /**
     * @param byToken the conversation the browser's token opens, if the token is valid
     * @param identity the verified identity, if the host site passed one
     * @param customersLatest the signed-in customer's latest conversation, if they have one
     */
    public static Decision decide(
            Optional<WebConversation> byToken,
            Optional<CustomerIdentity> identity,
            Optional<WebConversation> customersLatest) {
        if (byToken.isPresent()) {
            WebConversation claimed = byToken.get();
            if (identity.isEmpty() && claimed.anonymous()) {
                return new Decision(Outcome.RESUME, byToken, Optional.empty());
            }
            if (identity.isPresent() && (claimed.anonymous() || claimed.belongsTo(identity.get()))) {
                return new Decision(Outcome.RESUME, byToken, identity);
            }
        }
        if (identity.isPresent()
                && customersLatest.isPresent()
                && customersLatest.get().belongsTo(identity.get())) {
            return new Decision(Outcome.RESUME_ON_NEW_DEVICE, customersLatest, identity);
        }
        return new Decision(Outcome.START, Optional.empty(), identity);
    }
}
