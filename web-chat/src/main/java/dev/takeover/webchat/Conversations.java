package dev.takeover.webchat;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import dev.takeover.common.delivery.Outbox;
import dev.takeover.common.delivery.ProcessedEvents;
import dev.takeover.events.ReceivedEvent;
import dev.takeover.events.conversation.InboundMessage;
import dev.takeover.events.conversation.MessageSent;
import dev.takeover.webchat.ConversationAccess.Decision;
import dev.takeover.webchat.store.ConversationStore;
import dev.takeover.webchat.store.DeliveryLog;
import dev.takeover.webchat.store.DeliveryLog.Appended;

/**
 * The adapter's use cases, each one transaction: a browser opens its conversation, a customer's message is logged and
 * published through the outbox together, and what the platform sends on the web channel is logged for delivery.
 */
@ApplicationScoped
public class Conversations {

    /** The channel name this adapter publishes and delivers. */
    public static final String CHANNEL = "web";

    private static final Logger LOG = Logger.getLogger(Conversations.class);

    /** The conversation a browser opened, and the token to give it when it needs a new one. */
    public record Opened(WebConversation conversation, Optional<String> issuedToken) {}

    private final ConversationStore store;
    private final DeliveryLog log;
    private final Outbox outbox;
    private final ProcessedEvents processed;
    private final Clock clock;

    Conversations(ConversationStore store, DeliveryLog log, Outbox outbox, ProcessedEvents processed, Clock clock) {
        this.store = store;
        this.log = log;
        this.outbox = outbox;
        this.processed = processed;
        this.clock = clock;
    }

    @Transactional
    public Opened open(Optional<String> token, Optional<CustomerIdentity> identity, String language) {
        Optional<WebConversation> byToken = token.flatMap(store::byToken);
        Optional<WebConversation> latest = identity.flatMap(customer -> store.latestOf(customer.customerId()));
        Decision decision = ConversationAccess.decide(byToken, identity, latest);
        Instant now = clock.instant();
        WebConversation conversation = decision.conversation()
                .map(existing -> store.refresh(existing, decision.identity(), language))
                .orElseGet(() -> store.start(decision.identity(), language, now));
        Optional<String> issued = decision.issuesToken()
                ? Optional.of(store.issueToken(conversation.conversationId(), now))
                : Optional.empty();
        return new Opened(conversation, issued);
    }

    /**
     * Logs the customer's message for all their tabs and publishes it to {@code conversation.inbound}, once however
     * often the browser sends it (it resends what was not confirmed before a reconnect). Returns its number.
     */
    @Transactional
    public long receive(String conversationId, String messageId, String text) {
        WebConversation conversation = store.find(conversationId)
                .orElseThrow(() -> new IllegalStateException("conversation " + conversationId + " is not open"));
        Instant now = clock.instant();
        Appended appended = log.append(conversationId, LogEntry.fromCustomer(messageId, text, now))
                .orElseThrow();
        if (appended.first()) {
            outbox.publish(
                    InboundMessage.TYPE,
                    new InboundMessage(
                            messageId,
                            conversationId,
                            CHANNEL,
                            text,
                            conversation.customerId(),
                            conversation.customerName(),
                            conversation.language(),
                            now,
                            conversation.attributes()));
        }
        return appended.seq();
    }

    /** A message to a customer of this channel is logged once; the instance holding their sockets delivers it. */
    @Transactional
    public void deliver(ReceivedEvent<MessageSent> event) {
        MessageSent message = event.payload();
        if (!CHANNEL.equals(message.channel()) || !processed.firstDelivery(event.idempotencyKey())) {
            return;
        }
        if (log.append(message.conversationId(), LogEntry.toCustomer(message)).isEmpty()) {
            LOG.debugf("conversation %s was never opened here; nothing to deliver", message.conversationId());
        }
    }
}
