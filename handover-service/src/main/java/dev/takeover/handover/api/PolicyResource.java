package dev.takeover.handover.api;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;

import com.fasterxml.jackson.databind.JsonNode;

import dev.takeover.common.http.ProblemException;
import dev.takeover.common.http.Roles;
import dev.takeover.events.Fields;
import dev.takeover.events.handover.HandoverRequested.Priority;
import dev.takeover.events.handover.HandoverRequested.Reason;
import dev.takeover.handover.policy.CurrentPolicy;
import dev.takeover.handover.policy.Decision;
import dev.takeover.handover.policy.EscalationPolicy;
import dev.takeover.handover.policy.PolicyDefinition;
import dev.takeover.handover.policy.PolicyInput;
import dev.takeover.handover.policy.PolicyReplay;

/** The escalation policy: what it is, how it decides a given conversation, and how a change would have decided. */
@Path("/policy")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.SUPERVISOR)
public class PolicyResource {

    private static final int MAX_REPLAY = 5000;

    private final CurrentPolicy policy;
    private final PolicyReplay replay;
    private final Clock clock;

    PolicyResource(CurrentPolicy policy, PolicyReplay replay, Clock clock) {
        this.policy = policy;
        this.replay = replay;
        this.clock = clock;
    }

    @Operation(summary = "The escalation policy in force")
    @GET
    public PolicyDefinition current() {
        return policy.get().definition();
    }

    /** One customer message as the bot analysed it; absent flags are false, absent scores neutral. */
    public record DryRunMessage(
            String messageId,
            Instant at,
            String intent,
            Double confidence,
            Double sentiment,
            Double frustration,
            Boolean humanRequested,
            Boolean outOfScope,
            Boolean failedClarification,
            Boolean answerRejected,
            String afterBot) {

        PolicyInput.Turn turn(Instant fallback) {
            Fields.requireText(messageId, "messageId");
            double confidenceValue =
                    Fields.requireBetween(confidence == null ? 1 : confidence, 0, 1, "confidence of " + messageId);
            double sentimentValue =
                    Fields.requireBetween(sentiment == null ? 0 : sentiment, -1, 1, "sentiment of " + messageId);
            double frustrationValue =
                    Fields.requireBetween(frustration == null ? 0 : frustration, 0, 1, "frustration of " + messageId);
            return new PolicyInput.Turn(
                    messageId,
                    at == null ? fallback : at,
                    intent == null ? "unknown" : intent,
                    confidenceValue,
                    sentimentValue,
                    frustrationValue,
                    Boolean.TRUE.equals(humanRequested),
                    Boolean.TRUE.equals(outOfScope),
                    Boolean.TRUE.equals(failedClarification),
                    Boolean.TRUE.equals(answerRejected),
                    afterBot);
        }
    }

    public record DryRunConversation(
            String conversationId,
            String customerId,
            Map<String, String> attributes,
            List<DryRunMessage> messages,
            List<PolicyInput.EarlierContact> earlierContacts,
            PolicyInput.Incident incident) {}

    /** The conversation to decide on; {@code policy}, if given, overrides the current policy for this request. */
    public record EvaluationRequest(DryRunConversation conversation, JsonNode policy) {}

    public record Evaluation(
            String decidedOn,
            boolean escalate,
            List<Reason> reasons,
            List<Reason> priorityFactors,
            Priority priority,
            List<String> requiredSkills,
            String incidentId) {}

    /** A dry run: nothing is stored or published. */
    @Operation(summary = "Evaluates the policy on a described conversation, changing nothing")
    @POST
    @Path("/evaluate")
    public Evaluation evaluate(EvaluationRequest request) {
        if (request == null || request.conversation() == null) {
            throw ProblemException.badRequest("a body with the conversation is required");
        }
        DryRunConversation conversation = request.conversation();
        if (conversation.messages() == null || conversation.messages().isEmpty()) {
            throw ProblemException.badRequest("conversation.messages must hold at least one analysed message");
        }
        Instant now = clock.instant();
        List<PolicyInput.Turn> turns = conversation.messages().stream()
                .map(message -> {
                    if (message == null) {
                        throw new IllegalArgumentException("conversation.messages must not contain null");
                    }
                    return message.turn(now);
                })
                .toList();
        PolicyInput view = new PolicyInput(
                conversation.conversationId() == null ? "dry-run" : conversation.conversationId(),
                conversation.customerId(),
                conversation.attributes(),
                turns,
                conversation.earlierContacts(),
                conversation.incident());
        Decision decision = policy.withOverrides(request.policy()).decide(view);
        return new Evaluation(
                view.latest().messageId(),
                decision.escalate(),
                decision.reasons(),
                decision.priorityFactors(),
                decision.priority(),
                decision.requiredSkills(),
                decision.incidentId());
    }

    /** Stored conversations from {@code since} (default: 7 days ago) until {@code until} (default: now). */
    public record ReplayRequest(JsonNode policy, Instant since, Instant until, Integer limit) {}

    @Operation(summary = "Replays a policy over recent conversations and reports what would have escalated")
    @POST
    @Path("/replay")
    public PolicyReplay.Report replay(ReplayRequest request) {
        ReplayRequest what = request == null ? new ReplayRequest(null, null, null, null) : request;
        Instant until = what.until() == null ? clock.instant() : what.until();
        Instant since = what.since() == null ? until.minus(Duration.ofDays(7)) : what.since();
        if (!since.isBefore(until)) {
            throw ProblemException.badRequest("since must be before until");
        }
        int limit = what.limit() == null ? 500 : what.limit();
        if (limit < 1 || limit > MAX_REPLAY) {
            throw ProblemException.badRequest("limit must be between 1 and " + MAX_REPLAY);
        }
        EscalationPolicy candidate = policy.withOverrides(what.policy());
        return replay.replay(policy.get(), candidate, since, until, limit);
    }
}
