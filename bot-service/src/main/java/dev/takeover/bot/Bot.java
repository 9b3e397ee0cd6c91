package dev.takeover.bot;

import java.time.Clock;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import dev.takeover.bot.dialogue.CustomerData;
import dev.takeover.bot.dialogue.CustomerData.Field;
import dev.takeover.bot.dialogue.Dialogue;
import dev.takeover.bot.dialogue.Dialogue.Reply;
import dev.takeover.bot.dialogue.Dialogue.Turn;
import dev.takeover.bot.dialogue.KnowledgeBase;
import dev.takeover.bot.dialogue.Prompts;
import dev.takeover.bot.dialogue.Resources;
import dev.takeover.bot.dialogue.SurveyAnswer;
import dev.takeover.bot.nlu.LanguageDetector;
import dev.takeover.bot.nlu.Nlu;
import dev.takeover.bot.nlu.Understanding;
import dev.takeover.common.delivery.OutboundMessages;
import dev.takeover.common.delivery.Outbox;
import dev.takeover.events.ReceivedEvent;
import dev.takeover.events.bot.CustomerDataCollected;
import dev.takeover.events.bot.MessageAnalyzed;
import dev.takeover.events.bot.SatisfactionRated;
import dev.takeover.events.bot.SatisfactionRated.ServedBy;
import dev.takeover.events.conversation.InboundMessage;
import dev.takeover.events.conversation.Sender;
import dev.takeover.events.handover.ControlState;
import dev.takeover.events.handover.HandoverRequested;
import dev.takeover.events.handover.HandoverStateChanged;
import dev.takeover.events.transcript.CustomerDataErased;

/**
 * The bot's use cases. Each customer message is analysed exactly once and the analysis published with it; while the
 * bot is in charge it also answers, clarifies or collects. Control-state changes from handover-service decide who is
 * in charge; after a person served the customer, or when the bot alone did, it asks for a rating and publishes the
 * answer. The consumers call each use case once per new event, in their batch's transaction; everything a use case
 * publishes goes out through the outbox in that transaction.
 */
@ApplicationScoped
public class Bot {

    private final Nlu nlu;
    private final Outbox outbox;
    private final OutboundMessages outboundMessages;
    private final Dialogue dialogue;
    private final CustomerData customerData;
    private final BotConfig config;
    private final Clock clock;

    /**
     * The batch being handled on this thread, understood ahead in one model call. Per thread because a consumer's
     * lanes run side by side, each preparing and then handling its own batch; each preparation replaces the last.
     */
    private final ThreadLocal<Map<ReceivedEvent<InboundMessage>, Understanding>> understoodAhead =
            ThreadLocal.withInitial(IdentityHashMap::new);

    Bot(Nlu nlu, Outbox outbox, OutboundMessages outboundMessages, BotConfig config, Clock clock) {
        this.nlu = nlu;
        this.outbox = outbox;
        this.outboundMessages = outboundMessages;
        this.config = config;
        this.clock = clock;
        BotConfig.Dialogue settings = config.dialogue();
        this.customerData = new CustomerData(settings.customerNumberPattern());
        this.dialogue = new Dialogue(
                KnowledgeBase.parse(Resources.read(settings.knowledgeBase())),
                new Prompts(),
                customerData,
                new Dialogue.Settings(
                        settings.answerConfidence(),
                        settings.criticalIntents(),
                        settings.likelyHandoverFrustration(),
                        settings.dataAttempts(),
                        settings.botSurvey()));
    }

    /**
     * Understands a batch's new customer messages in one model call before they are handled one by one, each in its
     * conversation's context as it will be when its turn comes. The consumer has locked the batch's conversations.
     */
    @Transactional
    public void understandAhead(List<ReceivedEvent<InboundMessage>> messages) {
        Map<ReceivedEvent<InboundMessage>, Understanding> ahead = new IdentityHashMap<>();
        understoodAhead.set(ahead);
        if (messages.isEmpty()) {
            return;
        }
        Map<String, String> spoken = Conversation.languages(messages.stream()
                .map(event -> event.payload().conversationId())
                .distinct()
                .toList());
        List<Understanding> understood = BatchUnderstanding.of(
                nlu,
                messages.stream()
                        .map(event -> new BatchUnderstanding.Message(
                                event.payload().conversationId(),
                                event.payload().text(),
                                channelLanguage(event.payload())))
                        .toList(),
                spoken);
        for (int i = 0; i < messages.size(); i++) {
            ahead.put(messages.get(i), understood.get(i));
        }
    }

    @Transactional
    public void onCustomerMessage(ReceivedEvent<InboundMessage> event) {
        InboundMessage message = event.payload();
        Conversation conversation = Conversation.lock(message.conversationId());
        boolean knownFromChannel = rememberChannelData(conversation, message);

        Understanding ahead = understoodAhead.get().remove(event);
        Understanding understanding =
                ahead != null ? ahead : nlu.understand(message.text(), languageHint(message, conversation));
        conversation.language = understanding.language();
        boolean repeated = conversation.repeats(message.text());
        Frustration.Assessment frustration =
                Frustration.assess(understanding, conversation.frustration, repeated, conversation.consecutiveFailures);
        conversation.frustration = frustration.score();
        Turn turn = dialogue.respond(conversation, understanding, message.text(), frustration.score());

        MessageAnalyzed analysis = new MessageAnalyzed(
                conversation.conversationId,
                message.messageId(),
                understanding.language(),
                understanding.intent(),
                understanding.sentiment(),
                frustration.score(),
                understanding.humanRequested() || turn.humanRequested(),
                understanding.outOfScope(),
                understanding.alternatives(),
                turn.rejectedBotAnswer(),
                turn.clarificationFailed(),
                frustration.signals(),
                conversation.consecutiveFailures,
                understanding.critical());
        AnalysedMessage.of(
                        analysis,
                        turn.reply().map(reply -> reply.purpose().name()).orElse(null),
                        clock.instant())
                .persist();
        outbox.publish(MessageAnalyzed.TYPE, analysis);
        if (turn.collectedGrew() || knownFromChannel) {
            publishCollected(conversation);
        }
        turn.surveyAnswer().ifPresent(answer -> publishRating(conversation, event, answer));
        turn.reply().ifPresent(reply -> send(conversation, reply));
    }

    @Transactional
    public void onControlStateChanged(ReceivedEvent<HandoverStateChanged> event) {
        HandoverStateChanged change = event.payload();
        Conversation conversation = Conversation.lock(change.conversationId());
        boolean applied = conversation.controlChanged(change.to(), change.changedAt());
        boolean personServed = change.from() == ControlState.WITH_AGENT || change.to() == ControlState.WITH_AGENT;
        if (personServed && (applied || !conversation.servedByPerson())) {
            conversation.servedInHandover(change.handoverId());
        }
        boolean handedBack = change.from() == ControlState.WITH_AGENT
                && (change.to() == ControlState.HANDED_BACK || change.to() == ControlState.RESOLVED);
        if (applied && handedBack && config.dialogue().survey() && conversation.channel != null) {
            send(conversation, dialogue.survey(conversation, change.handoverId()));
        } else if (applied && conversation.waitingForPerson() && conversation.channel != null) {
            dialogue.requestForHandover(conversation).ifPresent(reply -> send(conversation, reply));
        }
    }

    @Transactional
    public void onHandoverRequested(ReceivedEvent<HandoverRequested> event) {
        HandoverRequested requested = event.payload();
        Conversation conversation = Conversation.lock(requested.conversationId());
        if (conversation.controlChanged(ControlState.REQUESTED, requested.requestedAt())
                && conversation.channel != null) {
            dialogue.requestForHandover(conversation).ifPresent(reply -> send(conversation, reply));
        }
    }

    @Transactional
    public void onCustomerDataErased(ReceivedEvent<CustomerDataErased> event) {
        Conversation.peek(event.conversationId()).ifPresent(conversation -> {
            Conversation.getEntityManager().lock(conversation, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
            conversation.erase();
        });
    }

    /** The analysis of a text without publishing anything; with a conversation, in its context. */
    @Transactional
    public MessageAnalyzed analyse(String text, String language, String conversationId) {
        Optional<Conversation> conversation =
                conversationId == null ? Optional.empty() : Conversation.peek(conversationId);
        String hint =
                language != null ? language : conversation.map(c -> c.language).orElse(null);
        Understanding understanding = nlu.understand(text, hint);
        if (language != null) {
            understanding = understanding.inLanguage(language);
        }
        double previous = conversation.map(c -> c.frustration).orElse(0.0);
        int failures = conversation.map(c -> c.consecutiveFailures).orElse(0);
        Frustration.Assessment frustration = Frustration.assess(understanding, previous, false, failures);
        boolean answeredBefore = conversation.map(c -> c.lastBotPurpose != null).orElse(true);
        return new MessageAnalyzed(
                conversationId == null ? "none" : conversationId,
                "none",
                understanding.language(),
                understanding.intent(),
                understanding.sentiment(),
                frustration.score(),
                understanding.humanRequested(),
                understanding.outOfScope(),
                understanding.alternatives(),
                answeredBefore && understanding.cues().contains(dev.takeover.bot.nlu.MessageCues.Cue.REJECTION),
                null,
                frustration.signals(),
                null,
                understanding.critical());
    }

    /** The channel's own knowledge of the customer counts as collected, once validated. */
    private boolean rememberChannelData(Conversation conversation, InboundMessage message) {
        conversation.channel = message.channel();
        boolean grew = false;
        if (message.customerId() != null && !message.customerId().equals(conversation.customerId)) {
            conversation.customerId = message.customerId();
            grew = true;
            grew |= customerData
                    .valid(message.customerId())
                    .map(number -> conversation.learn(Field.CUSTOMER_NUMBER, number))
                    .orElse(false);
        }
        if (message.customerName() != null) {
            grew |= conversation.learn(Field.NAME, message.customerName().strip());
        }
        String email = message.attributes().get("email");
        if (email != null) {
            grew |= customerData
                    .email(email)
                    .map(valid -> conversation.learn(Field.EMAIL, valid))
                    .orElse(false);
        }
        return grew;
    }

    private static String languageHint(InboundMessage message, Conversation conversation) {
        String named = channelLanguage(message);
        return named != null ? named : conversation.language;
    }

    /** The language the channel names, if we support it. */
    private static String channelLanguage(InboundMessage message) {
        return message.language() != null && LanguageDetector.SUPPORTED.contains(message.language())
                ? message.language()
                : null;
    }

    private void publishCollected(Conversation conversation) {
        outbox.publish(
                CustomerDataCollected.TYPE,
                new CustomerDataCollected(conversation.conversationId, conversation.collected(), clock.instant()));
    }

    /** The rating is the customer's, so it happened when they sent it. */
    private void publishRating(Conversation conversation, ReceivedEvent<InboundMessage> event, SurveyAnswer answer) {
        String handoverId = conversation.surveyHandoverId;
        ServedBy servedBy = handoverId == null ? ServedBy.BOT : ServedBy.AGENT;
        String messageId = event.payload().messageId();
        SatisfactionRated rated = answer.isInWords()
                ? SatisfactionRated.inWords(
                        conversation.conversationId,
                        messageId,
                        servedBy,
                        handoverId,
                        conversation.language,
                        conversation.channel,
                        event.occurredAt())
                : SatisfactionRated.scored(
                        conversation.conversationId,
                        messageId,
                        answer.score(),
                        servedBy,
                        handoverId,
                        conversation.language,
                        conversation.channel,
                        event.occurredAt());
        outbox.publish(SatisfactionRated.TYPE, rated);
    }

    private void send(Conversation conversation, Reply reply) {
        outboundMessages.send(
                conversation.conversationId,
                conversation.channel,
                new Sender(Sender.Type.BOT, "bot-service", config.dialogue().name()),
                reply.text(),
                reply.purpose().name());
    }
}
