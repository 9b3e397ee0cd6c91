package dev.takeover.handover;

import java.util.List;

import dev.takeover.handover.policy.ConversationView;
import dev.takeover.handover.policy.ConversationView.EarlierContact;

/** A stored conversation as the policy sees it, from its first analysed message, for replays. */
public final class StoredConversations {

    private StoredConversations() {}

    public static ConversationView view(Conversation conversation, List<EarlierContact> earlierContacts) {
        List<ConversationView.Turn> turns = Turn.<Turn>list(
                        "conversationId = ?1 and analysed = true order by seq", conversation.conversationId)
                .stream()
                .map(Turn::view)
                .toList();
        return new ConversationView(
                conversation.conversationId,
                conversation.customerId,
                conversation.attributes,
                turns,
                earlierContacts,
                null);
    }
}
