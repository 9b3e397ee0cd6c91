package dev.takeover.bot;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import dev.takeover.common.delivery.Outbox;
import dev.takeover.common.delivery.ProcessedEvents;
import dev.takeover.events.ReceivedEvent;
import dev.takeover.events.bot.MessageAnalyzed;
import dev.takeover.events.conversation.InboundMessage;

/** The bot's use cases: each customer message is analysed exactly once, and the analysis published with it. */
@ApplicationScoped
public class Bot {

    private final MessageAnalyzer analyzer;
    private final ProcessedEvents processed;
    private final Outbox outbox;

    Bot(MessageAnalyzer analyzer, ProcessedEvents processed, Outbox outbox) {
        this.analyzer = analyzer;
        this.processed = processed;
        this.outbox = outbox;
    }

    @Transactional
    public void onCustomerMessage(ReceivedEvent<InboundMessage> message) {
        if (!processed.firstDelivery(message.idempotencyKey())) {
            return;
        }
        MessageAnalyzed analysis = analyzer.analyze(message.payload());
        AnalysedMessage.of(analysis).persist();
        outbox.publish(MessageAnalyzed.TYPE, analysis);
    }
}
