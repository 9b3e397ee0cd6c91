package dev.takeover.transcript.export;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

import dev.takeover.common.domain.Caller;
import dev.takeover.events.EventCodec;
import dev.takeover.events.conversation.MessageSent;
import dev.takeover.transcript.EntryKind;
import dev.takeover.transcript.EntrySender;
import dev.takeover.transcript.privacy.PiiMasker;
import dev.takeover.transcript.read.ConversationRecord;
import dev.takeover.transcript.read.HandoverPackageView;
import dev.takeover.transcript.read.StoredEntry;
import dev.takeover.transcript.read.Transcripts;

/**
 * A conversation for other systems: our own JSON, and the Microsoft Bot Framework handoff protocol's
 * {@code handoff.initiate} event activity with the transcript attached as activities, which agent platforms that speak
 * the protocol accept. Both are masked as configured; erased content stays erased.
 */
@ApplicationScoped
public class ConversationExports {

    public static final String FORMAT = "takeover.transcript-export.v1";

    private final Transcripts transcripts;
    private final PiiMasker masker;
    private final Clock clock;

    ConversationExports(Transcripts transcripts, PiiMasker masker, Clock clock) {
        this.transcripts = transcripts;
        this.masker = masker;
        this.clock = clock;
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record JsonExport(
            String format,
            String conversationId,
            Instant exportedAt,
            String exportedBy,
            List<String> masked,
            Customer customer,
            String channel,
            String language,
            Instant startedAt,
            Instant lastActivityAt,
            List<Entry> entries) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Customer(String id, String name) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Entry(
            String eventId,
            String type,
            EntryKind kind,
            boolean internal,
            Instant occurredAt,
            EntrySender sender,
            String text,
            Boolean erased,
            JsonNode data) {}

    public JsonExport json(ConversationRecord conversation, Set<EntryKind> kinds, Caller exportedBy) {
        List<Entry> entries = transcripts.entries(conversation.conversationId(), kinds).stream()
                .map(entry -> new Entry(
                        entry.key(),
                        entry.type(),
                        entry.kind(),
                        entry.kind().isInternal(),
                        entry.occurredAt(),
                        maskedSender(entry.sender()),
                        masker.mask(entry.text()),
                        entry.erased() ? Boolean.TRUE : null,
                        masker.mask(parse(entry.payloadJson()))))
                .toList();
        return new JsonExport(
                FORMAT,
                conversation.conversationId(),
                clock.instant(),
                exportedBy.id(),
                masker.maskedKinds(),
                conversation.customerId() == null && conversation.customerName() == null
                        ? null
                        : new Customer(masker.mask(conversation.customerId()), conversation.customerName()),
                conversation.channel(),
                conversation.language(),
                conversation.startedAt(),
                conversation.lastActivityAt(),
                entries);
    }

    /** A Bot Framework channel account; {@code role} is {@code user} for the customer, {@code bot} otherwise. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Account(String id, String name, String role) {}

    public record ConversationAccount(String id) {}

    public record Attachment(String contentType, String name, Object content) {}

    public record Transcript(List<Activity> activities) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Activity(
            String type,
            String name,
            String id,
            Instant timestamp,
            String channelId,
            ConversationAccount conversation,
            Account from,
            Account recipient,
            String text,
            String locale,
            Object value,
            Map<String, Object> channelData,
            List<Attachment> attachments,
            List<Object> entities) {}

    public Activity botFramework(ConversationRecord conversation, Optional<HandoverPackageView> packageView) {
        String channel = conversation.channel() != null ? conversation.channel() : "takeover";
        ConversationAccount account = new ConversationAccount(conversation.conversationId());
        Account customer = new Account(
                conversation.customerId() != null ? masker.mask(conversation.customerId()) : "customer",
                conversation.customerName(),
                "user");
        Account bot = new Account("takeover-bot", "Bot", "bot");
        List<Activity> activities = new ArrayList<>();
        for (StoredEntry entry : transcripts.entries(conversation.conversationId(), Set.of(EntryKind.MESSAGE))) {
            if (entry.erased() || entry.text() == null) {
                continue;
            }
            boolean fromCustomer = entry.sender().type() == EntrySender.Type.CUSTOMER;
            Map<String, Object> channelData = new LinkedHashMap<>();
            channelData.put("senderType", entry.sender().type().name());
            entry.event().ifPresent(event -> {
                if (event instanceof MessageSent sent && sent.purpose() != null) {
                    channelData.put("purpose", sent.purpose());
                }
            });
            activities.add(new Activity(
                    "message",
                    null,
                    entry.key(),
                    entry.occurredAt(),
                    channel,
                    account,
                    fromCustomer
                            ? customer
                            : new Account(
                                    entry.sender().id(),
                                    entry.sender().name() != null
                                            ? entry.sender().name()
                                            : entry.sender().id(),
                                    "bot"),
                    fromCustomer ? bot : customer,
                    masker.mask(entry.text()),
                    conversation.language(),
                    null,
                    channelData,
                    null,
                    null));
        }
        return new Activity(
                "event",
                "handoff.initiate",
                UUID.randomUUID().toString(),
                clock.instant(),
                channel,
                account,
                customer,
                null,
                null,
                conversation.language(),
                handoffContext(conversation, packageView),
                null,
                List.of(new Attachment("application/json", "Transcript", new Transcript(activities))),
                List.of());
    }

    /** The handoff's agent-hub context: why, how urgent, for which skills, and what the agent should know. */
    private Map<String, Object> handoffContext(
            ConversationRecord conversation, Optional<HandoverPackageView> packageView) {
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("conversationId", conversation.conversationId());
        packageView.ifPresent(found -> {
            context.put("handoverId", found.handoverId());
            context.put("priority", found.priority());
            context.put("skills", found.requiredSkills());
            context.put(
                    "reasons",
                    found.reasons().stream()
                            .map(reason -> Map.of("code", reason.code(), "detail", masker.mask(reason.detail())))
                            .toList());
            context.put("intents", found.intents());
            if (!found.sentimentTrend().isEmpty()) {
                context.put(
                        "sentiment",
                        found.sentimentTrend()
                                .get(found.sentimentTrend().size() - 1)
                                .score());
            }
            Map<String, String> collected = new LinkedHashMap<>();
            found.collectedData().forEach((key, value) -> collected.put(key, masker.mask(value)));
            context.put("collectedData", collected);
            context.put("summary", masker.mask(found.summary()));
        });
        return context;
    }

    private EntrySender maskedSender(EntrySender sender) {
        return sender.type() == EntrySender.Type.CUSTOMER
                ? new EntrySender(sender.type(), masker.mask(sender.id()), sender.name())
                : sender;
    }

    private static JsonNode parse(String json) {
        try {
            return EventCodec.mapper().readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException("a stored payload is not JSON", e);
        }
    }
}
