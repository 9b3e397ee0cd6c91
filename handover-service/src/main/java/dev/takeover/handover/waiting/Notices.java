package dev.takeover.handover.waiting;

import java.time.Instant;
import jakarta.enterprise.context.ApplicationScoped;

import dev.takeover.common.delivery.OutboundMessages;
import dev.takeover.events.conversation.Sender;
import dev.takeover.handover.Conversation;
import dev.takeover.handover.HandoverConfig;

/** Sends system notices to the customer on their own channel, in the transaction that decided to send them. */
@ApplicationScoped
public class Notices {

    public static final String SENDER_ID = "handover-service";

    private final OutboundMessages outboundMessages;
    private final HandoverConfig config;

    Notices(OutboundMessages outboundMessages, HandoverConfig config) {
        this.outboundMessages = outboundMessages;
        this.config = config;
    }

    public NoticeTexts textsFor(String language) {
        return NoticeTexts.in(language, config.defaultLanguage());
    }

    public boolean send(Conversation conversation, Notice notice, Instant now) {
        return send(conversation, notice.purpose(), notice.text(), now);
    }

    /** False when the customer's channel is not known yet, so nothing could be sent. */
    public boolean send(Conversation conversation, String purpose, String text, Instant now) {
        if (!conversation.canNotify()) {
            return false;
        }
        outboundMessages.send(
                conversation.conversationId,
                conversation.channel,
                new Sender(Sender.Type.SYSTEM, SENDER_ID, config.systemSenderName()),
                text,
                purpose);
        return true;
    }
}
