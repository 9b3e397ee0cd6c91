package dev.takeover.handover.policy;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import dev.takeover.events.handover.HandoverRequested.Evidence;
import dev.takeover.events.handover.HandoverRequested.Priority;
import dev.takeover.events.handover.HandoverRequested.Reason;
import dev.takeover.handover.policy.PolicyInput.EarlierContact;
import dev.takeover.handover.policy.PolicyInput.Turn;

/**
 * Decides, from a conversation as the policy sees it, whether a person should take over, and explains why with the
 * evidence each rule rests on. Pure and immutable: the live path, the dry run and the replay all use the same code.
 */
public final class EscalationPolicy {

    public static final String CUSTOMER_ATTRIBUTE = "CUSTOMER_ATTRIBUTE";
    public static final String KNOWN_INCIDENT = "KNOWN_INCIDENT";

    private final PolicyDefinition definition;
    private final List<Rule> rules;

    private EscalationPolicy(PolicyDefinition definition, List<Rule> rules) {
        this.definition = definition;
        this.rules = rules;
    }

    /** Validates every rule and boost; an incomplete one is refused with what is missing, never half-applied. */
    public static EscalationPolicy of(PolicyDefinition definition) {
        List<Rule> rules = new ArrayList<>();
        new TreeMap<>(definition.rules()).forEach((name, rule) -> {
            if (rule == null) {
                throw new IllegalArgumentException("rule '" + name + "' is empty");
            }
            if (rule.isEnabled()) {
                rules.add(Rule.of(name, rule));
            }
        });
        definition.priorityBoosts().forEach((name, boost) -> {
            if (boost == null || boost.attribute() == null || boost.attribute().isBlank()) {
                throw new IllegalArgumentException("priority boost '" + name + "' needs an attribute");
            }
            if (boost.values() == null || boost.values().isEmpty()) {
                throw new IllegalArgumentException("priority boost '" + name + "' needs values");
            }
            if (boost.priority() == null) {
                throw new IllegalArgumentException("priority boost '" + name + "' needs a priority");
            }
        });
        return new EscalationPolicy(definition, List.copyOf(rules));
    }

    public PolicyDefinition definition() {
        return definition;
    }

    /** The decision on the conversation's latest turn. */
    public Decision decide(PolicyInput conversation) {
        if (conversation.turns().isEmpty()) {
            return Decision.stay(definition.defaultPriority());
        }
        List<Fired> fired = new ArrayList<>();
        for (Rule rule : rules) {
            rule.evaluate(conversation).ifPresent(reason -> fired.add(new Fired(rule.definition, reason)));
        }
        if (fired.isEmpty()) {
            return Decision.stay(definition.defaultPriority());
        }
        // The most urgent reason comes first: it is the cause of the escalation and what the customer is told.
        fired.sort(Comparator.comparing((Fired rule) -> priorityOf(rule.definition), Comparator.reverseOrder()));
        Priority priority = definition.defaultPriority();
        Set<String> skills = new LinkedHashSet<>();
        for (Fired rule : fired) {
            priority = max(priority, rule.definition.priority());
            if (rule.definition.skills() != null) {
                skills.addAll(rule.definition.skills());
            }
        }
        List<Reason> factors = new ArrayList<>();
        for (Map.Entry<String, BoostDefinition> entry : new TreeMap<>(definition.priorityBoosts()).entrySet()) {
            BoostDefinition boost = entry.getValue();
            String value = conversation.attributes().get(boost.attribute());
            if (value != null && boost.values().stream().anyMatch(value::equalsIgnoreCase)) {
                priority = max(priority, boost.priority());
                if (boost.skills() != null) {
                    skills.addAll(boost.skills());
                }
                factors.add(new Reason(
                        CUSTOMER_ATTRIBUTE,
                        "Customer attribute " + boost.attribute() + "=" + value + " raises the priority to "
                                + boost.priority() + " (boost '" + entry.getKey() + "').",
                        Evidence.NONE));
            }
        }
        PolicyInput.Incident incident = conversation.incident();
        if (incident != null) {
            priority = max(priority, incident.priority());
            factors.add(new Reason(
                    KNOWN_INCIDENT,
                    "Matches the known incident " + incident.incidentId() + ": " + incident.description(),
                    new Evidence(List.of(conversation.latest().messageId()), Map.of(), Map.of())));
        }
        return new Decision(
                true,
                fired.stream().map(Fired::reason).toList(),
                List.copyOf(factors),
                priority,
                List.copyOf(skills),
                incident == null ? null : incident.incidentId());
    }

    private Priority priorityOf(RuleDefinition rule) {
        return rule.priority() != null ? rule.priority() : definition.defaultPriority();
    }

    private static Priority max(Priority current, Priority candidate) {
        return candidate != null && candidate.compareTo(current) > 0 ? candidate : current;
    }

    private record Fired(RuleDefinition definition, Reason reason) {}

    /** One validated rule with its trigger's defaults filled in. */
    private record Rule(
            String name,
            RuleDefinition definition,
            double threshold,
            int count,
            int window,
            Set<String> intents,
            Set<String> ignoredIntents,
            Duration period,
            double minConfidence) {

        static Rule of(String name, RuleDefinition rule) {
            if (rule.when() == null) {
                throw new IllegalArgumentException(
                        "rule '" + name + "' needs 'when' (one of " + List.of(Trigger.values()) + ")");
            }
            if (rule.reason() == null || !rule.reason().matches("[A-Z][A-Z0-9_]*")) {
                throw new IllegalArgumentException(
                        "rule '" + name + "' needs a 'reason' code in capitals, such as CUSTOMER_REQUEST");
            }
            Set<String> intents = lower(rule.intents());
            Trigger when = rule.when();
            if (when == Trigger.ANSWER_REJECTED && intents.isEmpty()) {
                throw new IllegalArgumentException("rule '" + name + "' (" + when + ") needs 'intents'");
            }
            double threshold = rule.threshold() != null ? rule.threshold() : defaultThreshold(when);
            if (Double.isNaN(threshold) || threshold < 0 || threshold > 2) {
                throw new IllegalArgumentException("rule '" + name + "': threshold must be between 0 and 2");
            }
            int count = rule.count() != null ? rule.count() : (when == Trigger.BOT_FAILURES ? 3 : 1);
            int window = rule.window() != null ? rule.window() : 3;
            if (count < 1 || window < 2) {
                throw new IllegalArgumentException("rule '" + name + "': count must be at least 1, window at least 2");
            }
            Duration period;
            try {
                period = rule.period() != null ? Duration.parse(rule.period()) : Duration.ofDays(3);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(
                        "rule '" + name + "': period must be an ISO-8601 duration such as P3D or PT12H");
            }
            double minConfidence =
                    rule.minConfidence() != null ? rule.minConfidence() : (when == Trigger.BOT_FAILURES ? 0.4 : 0.5);
            return new Rule(
                    name, rule, threshold, count, window, intents, lower(rule.ignoredIntents()), period, minConfidence);
        }

        private static double defaultThreshold(Trigger when) {
            return when == Trigger.SENTIMENT_FALLING ? 0.6 : 0.7;
        }

        private static Set<String> lower(List<String> values) {
            Set<String> lower = new LinkedHashSet<>();
            if (values != null) {
                values.forEach(value -> lower.add(value.toLowerCase(Locale.ROOT)));
            }
            return lower;
        }

        Optional<Reason> evaluate(PolicyInput conversation) {
            Turn latest = conversation.latest();
            return switch (definition.when()) {
                case HUMAN_REQUESTED -> humanRequested(latest);
                case FRUSTRATION -> frustration(latest);
                case SENTIMENT_FALLING -> sentimentFalling(conversation.turns());
                case BOT_FAILURES -> botFailures(conversation.turns());
                case ANSWER_REJECTED -> answerRejected(latest);
                case CRITICAL_INTENT -> criticalIntent(latest);
                case REPEATED_CONTACT -> repeatedContact(latest, conversation.earlierContacts());
            };
        }

        private Optional<Reason> humanRequested(Turn turn) {
            if (!turn.humanRequested() && !intents.contains(lower(turn.intent()))) {
                return Optional.empty();
            }
            return reason(
                    "The customer asked for a person.",
                    List.of(turn.messageId()),
                    Map.of("confidence", turn.confidence()),
                    Map.of());
        }

        private Optional<Reason> frustration(Turn turn) {
            if (turn.frustration() < threshold) {
                return Optional.empty();
            }
            return reason(
                    String.format(
                            Locale.ROOT,
                            "The customer's frustration %.2f reached the threshold %.2f.",
                            turn.frustration(),
                            threshold),
                    List.of(turn.messageId()),
                    Map.of("frustration", turn.frustration(), "threshold", threshold),
                    Map.of());
        }

        private Optional<Reason> sentimentFalling(List<Turn> turns) {
            if (turns.size() < window) {
                return Optional.empty();
            }
            List<Turn> recent = turns.subList(turns.size() - window, turns.size());
            for (int i = 1; i < recent.size(); i++) {
                if (recent.get(i).sentiment() > recent.get(i - 1).sentiment()) {
                    return Optional.empty();
                }
            }
            double from = recent.get(0).sentiment();
            double to = recent.get(recent.size() - 1).sentiment();
            double drop = from - to;
            if (to >= 0 || drop < threshold) {
                return Optional.empty();
            }
            return reason(
                    String.format(
                            Locale.ROOT,
                            "Sentiment fell from %.2f to %.2f over the last %d messages (threshold %.2f).",
                            from,
                            to,
                            window,
                            threshold),
                    recent.stream().map(Turn::messageId).toList(),
                    Map.of("from", from, "to", to, "drop", round(drop), "threshold", threshold),
                    Map.of("window", window));
        }

        private Optional<Reason> botFailures(List<Turn> turns) {
            List<Turn> run = new ArrayList<>();
            for (int i = turns.size() - 1; i >= 0 && isFailure(turns.get(i)); i--) {
                run.add(0, turns.get(i));
            }
            if (run.size() < count) {
                return Optional.empty();
            }
            int outOfScope = (int) run.stream().filter(Turn::outOfScope).count();
            int failedClarification =
                    (int) run.stream().filter(Turn::failedClarification).count();
            int lowConfidence = (int) run.stream()
                    .filter(turn -> turn.confidence() < minConfidence)
                    .count();
            Map<String, Integer> counts = new LinkedHashMap<>();
            counts.put("consecutiveFailures", run.size());
            counts.put("outOfScope", outOfScope);
            counts.put("lowConfidence", lowConfidence);
            counts.put("failedClarification", failedClarification);
            counts.put("threshold", count);
            return reason(
                    "The bot could not help " + run.size() + " times in a row (" + outOfScope + " out of scope, "
                            + lowConfidence + " with low confidence, " + failedClarification
                            + " failed clarifications).",
                    run.stream().map(Turn::messageId).toList(),
                    Map.of("minConfidence", minConfidence),
                    counts);
        }

        private boolean isFailure(Turn turn) {
            return !turn.humanRequested()
                    && (turn.outOfScope() || turn.failedClarification() || turn.confidence() < minConfidence);
        }

        private Optional<Reason> answerRejected(Turn turn) {
            boolean afterAnswer = "ANSWER".equalsIgnoreCase(turn.afterBotPurpose());
            boolean inferred = afterAnswer && intents.contains(lower(turn.intent()));
            if (!turn.answerRejected() && !inferred) {
                return Optional.empty();
            }
            String how = turn.answerRejected()
                    ? "the bot flagged the message as a rejection of its answer"
                    : "intent " + turn.intent() + " right after the bot's answer";
            return reason(
                    "The customer rejected the bot's answer (" + how + ").",
                    List.of(turn.messageId()),
                    Map.of("confidence", turn.confidence()),
                    Map.of());
        }

        private Optional<Reason> criticalIntent(Turn turn) {
            if (turn.critical() != null) {
                Map<String, Double> scores = new LinkedHashMap<>();
                scores.put("criticalConfidence", turn.critical().confidence());
                scores.put("intentConfidence", turn.confidence());
                String evidence = turn.critical().evidence().isEmpty()
                        ? ""
                        : ", in the words " + String.join(", ", turn.critical().evidence());
                return reason(
                        "The customer reports a critical issue ("
                                + turn.critical().kind() + evidence + ").",
                        List.of(turn.messageId()),
                        scores,
                        Map.of());
            }
            if (!intents.contains(lower(turn.intent())) || turn.confidence() < minConfidence) {
                return Optional.empty();
            }
            return reason(
                    "The customer reports a critical issue (" + turn.intent() + ").",
                    List.of(turn.messageId()),
                    Map.of("confidence", turn.confidence(), "minConfidence", minConfidence),
                    Map.of());
        }

        private Optional<Reason> repeatedContact(Turn turn, List<EarlierContact> earlier) {
            String topic = lower(turn.intent());
            if (topic.isEmpty()
                    || ignoredIntents.contains(topic)
                    || (!intents.isEmpty() && !intents.contains(topic))
                    || turn.at() == null) {
                return Optional.empty();
            }
            List<String> conversations = earlier.stream()
                    .filter(contact -> topic.equals(lower(contact.topic())))
                    .filter(contact -> contact.at() != null
                            && !contact.at().isAfter(turn.at())
                            && !contact.at().isBefore(turn.at().minus(period)))
                    .sorted(Comparator.comparing(EarlierContact::at))
                    .map(EarlierContact::conversationId)
                    .distinct()
                    .toList();
            if (conversations.size() < count) {
                return Optional.empty();
            }
            return reason(
                    "The customer contacted us about " + turn.intent() + " " + conversations.size()
                            + " time(s) before within " + period.toHours() + "h (conversations "
                            + String.join(", ", conversations) + ").",
                    List.of(turn.messageId()),
                    Map.of(),
                    Map.of("earlierContacts", conversations.size(), "periodHours", (int) period.toHours()));
        }

        private Optional<Reason> reason(
                String detail, List<String> messageIds, Map<String, Double> scores, Map<String, Integer> counts) {
            return Optional.of(new Reason(
                    definition.reason(), detail + " [rule " + name + "]", new Evidence(messageIds, scores, counts)));
        }

        private static String lower(String value) {
            return value == null ? "" : value.toLowerCase(Locale.ROOT);
        }

        private static double round(double value) {
            return Math.round(value * 1000) / 1000.0;
        }
    }
}
