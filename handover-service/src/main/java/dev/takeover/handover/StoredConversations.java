package dev.takeover.handover;

import java.util.List;

import dev.takeover.handover.policy.PolicyInput;
import dev.takeover.handover.policy.PolicyInput.EarlierContact;

/** A stored conversation as the policy sees it, from its first analysed message, for replays. */
public final class StoredConversations {

    private StoredConversations() {}

    public static PolicyInput view(Conversation conversation, List<EarlierContact> earlierContacts) {
        List<PolicyInput.Turn> turns = Turn.<Turn>list(
                        "conversationId = ?1 and analysed = true order by seq", conversation.conversationId)
                .stream()
                .map(Turn::view)
                .toList();
        return new PolicyInput(
                conversation.conversationId,
                conversation.customerId,
                conversation.attributes,
                turns,
                earlierContacts,
                null);
    }
}
