package dev.takeover.handover;

import java.time.Clock;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import jakarta.transaction.TransactionScoped;

import dev.takeover.common.consuming.DecodedRecord;
import dev.takeover.common.consuming.EventBatch;
import dev.takeover.events.bot.MessageAnalyzed;
import dev.takeover.events.conversation.InboundMessage;
import dev.takeover.events.conversation.MessageSent;

/**
 * What a batch's use cases read, loaded for all its conversations at once, one query per kind, before its events are
 * handled one by one: the conversations, the turns of its messages and of the policy's windows, the open handovers,
 * the bot's last replies and the active incidents. It lives as long as the batch's transaction, and the batch's
 * conversations are locked for that long, so nobody else changes what it holds; what the batch itself adds (a turn, a
 * handover) is added to it. Outside a batch (the timer job, the API), or for a conversation the batch did not load,
 * each question is a query of its own.
 */
@TransactionScoped
public class WorkingSet {

    private final Clock clock;

    private final Set<String> loaded = new HashSet<>();
    private final Map<String, Handover> openHandovers = new HashMap<>();
    private final Map<String, Map<String, Turn>> turns = new HashMap<>();
    private final Set<String> windowsLoaded = new HashSet<>();
    private final Map<String, String> lastBotPurposes = new HashMap<>();
    private final Set<String> lastBotPurposesLoaded = new HashSet<>();
    private final Set<String> repliesLoaded = new HashSet<>();
    private final Set<String> knownReplies = new HashSet<>();
    private List<Incident> activeIncidents;

    WorkingSet(Clock clock) {
        this.clock = clock;
    }

    /** Loads what the batch's events will read; the batch's conversations are locked already. */
    public void load(EventBatch batch) {
        Set<String> conversationIds = new HashSet<>();
        batch.records().stream().map(DecodedRecord::conversationId).forEach(conversationIds::add);
        Conversation.ofAll(conversationIds, clock.instant());
        loaded.addAll(conversationIds);
        Handover.openForAll(conversationIds).forEach(handover -> openHandovers.put(handover.conversationId, handover));

        Set<String> messageIds = new HashSet<>();
        batch.of(InboundMessage.TYPE)
                .forEach(event -> messageIds.add(event.payload().messageId()));
        Set<String> analysed = new HashSet<>();
        batch.of(MessageAnalyzed.TYPE).forEach(event -> {
            messageIds.add(event.payload().messageId());
            analysed.add(event.payload().conversationId());
        });
        if (!messageIds.isEmpty()) {
            Turn.ofMessages(conversationIds, messageIds).forEach(this::remember);
        }
        if (!analysed.isEmpty()) {
            loadWindows(analysed);
            loadLastBotPurposes(analysed);
        }

        List<String> replyIds = batch.of(MessageSent.TYPE).stream()
                .map(event -> event.payload().messageId())
                .toList();
        if (!replyIds.isEmpty()) {
            knownReplies.addAll(Reply.stored(replyIds));
            repliesLoaded.addAll(replyIds);
        }
    }

    /** The open handover of the conversation, if it has one. */
    public Optional<Handover> openHandover(String conversationId) {
        if (!loaded.contains(conversationId)) {
            return Handover.openFor(conversationId);
        }
        return Optional.ofNullable(openHandovers.get(conversationId)).filter(Handover::isOpen);
    }

    /** A handover opened by this batch: it is stored, and is the conversation's open one for the batch's later events. */
    void opened(Handover handover) {
        handover.persist();
        if (loaded.contains(handover.conversationId)) {
            openHandovers.put(handover.conversationId, handover);
        }
    }

    /** The message's turn, if the service has heard of the message before. */
    Optional<Turn> turn(String conversationId, String messageId) {
        Map<String, Turn> known = turns.get(conversationId);
        if (known != null && known.containsKey(messageId)) {
            return Optional.of(known.get(messageId));
        }
        if (loaded.contains(conversationId)) {
            // Loaded with the batch: every turn of the batch's messages, and the batch's own new ones.
            return Optional.empty();
        }
        return Turn.known(conversationId, messageId);
    }

    /** A turn this batch created or changed, for the batch's later events. */
    Turn remember(Turn turn) {
        turns.computeIfAbsent(turn.conversationId, id -> new HashMap<>()).put(turn.messageId, turn);
        return turn;
    }

    /**
     * The latest analysed turns the policy may still act on, oldest first. Each conversation's window is loaded as it
     * was, once per transaction (with the batch, or at the first question); a turn analysed since is among the turns
     * this remembers, so none is missed.
     */
    List<Turn> window(Conversation conversation) {
        if (!windowsLoaded.contains(conversation.conversationId)) {
            loadWindows(List.of(conversation.conversationId));
        }
        List<Turn> window = turns.getOrDefault(conversation.conversationId, Map.of()).values().stream()
                .filter(turn -> turn.inWindowOf(conversation))
                .sorted(Comparator.comparing(turn -> turn.seq))
                .toList();
        return window.subList(Math.max(0, window.size() - Turn.WINDOW_LIMIT), window.size());
    }

    /** The purpose of the bot's last message, if the last message the customer got came from the bot. */
    String lastBotPurpose(String conversationId) {
        if (!lastBotPurposesLoaded.contains(conversationId)) {
            loadLastBotPurposes(List.of(conversationId));
        }
        return lastBotPurposes.get(conversationId);
    }

    private void loadWindows(Collection<String> conversationIds) {
        Turn.inWindows(conversationIds).forEach(this::remember);
        windowsLoaded.addAll(conversationIds);
    }

    private void loadLastBotPurposes(Collection<String> conversationIds) {
        lastBotPurposes.putAll(Reply.lastBotPurposes(conversationIds));
        lastBotPurposesLoaded.addAll(conversationIds);
    }

    /** Whether the message is stored already (a redelivery under another key, or a reply already recorded). */
    boolean knowsReply(String messageId) {
        if (!repliesLoaded.contains(messageId)) {
            return Reply.findById(messageId) != null;
        }
        return knownReplies.contains(messageId);
    }

    /** A reply this batch stored. */
    void replied(Reply reply) {
        reply.persist();
        knownReplies.add(reply.messageId);
    }

    /** The incidents in force, as they were when the transaction first asked: they change in transactions of their own. */
    List<Incident> activeIncidents() {
        if (activeIncidents == null) {
            activeIncidents = Incident.active();
        }
        return activeIncidents;
    }

    /** The active incident the conversation is tagged with, if any. */
    Optional<Incident> activeIncident(Conversation conversation) {
        if (conversation.incidentId == null) {
            return Optional.empty();
        }
        return activeIncidents().stream()
                .filter(incident -> incident.incidentId.equals(conversation.incidentId))
                .findFirst();
    }
}
