package dev.takeover.common.delivery;

import java.time.Clock;
import java.util.UUID;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import dev.takeover.events.conversation.MessageSent;
import dev.takeover.events.conversation.Sender;

/**
 * Writes to the customer, whoever writes: the bot, a system notice or an agent. The message leaves on {@code
 * conversation.outbound} through the outbox, with the transaction that decided to send it.
 */
@ApplicationScoped
public class OutboundMessages {

    private final Outbox outbox;
    private final Clock clock;

    OutboundMessages(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Returns the new message's id. {@code purpose} says why it is sent (see {@link MessageSent}), or is null. */
    @Transactional(Transactional.TxType.MANDATORY)
    public String send(String conversationId, String channel, Sender sender, String text, String purpose) {
        return send(UUID.randomUUID().toString(), conversationId, channel, sender, text, purpose);
    }

    /** With the writer's own message id, so a request that is repeated sends its message once. */
    @Transactional(Transactional.TxType.MANDATORY)
    public String send(
            String messageId, String conversationId, String channel, Sender sender, String text, String purpose) {
        outbox.publish(
                MessageSent.TYPE,
                new MessageSent(messageId, conversationId, channel, sender, text, clock.instant(), purpose));
        return messageId;
    }
}
