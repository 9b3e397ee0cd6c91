package dev.takeover.handover.policy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.TreeMap;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import dev.takeover.events.handover.HandoverRequested.Priority;

/**
 * The escalation policy as configuration: {@code takeover.escalation.rules.<name>.*} and
 * {@code takeover.escalation.priority-boosts.<name>.*}. Named entries, so one threshold can be changed with one
 * property or environment variable.
 */
@ConfigMapping(prefix = "takeover.escalation")
public interface EscalationConfig {

    @WithDefault("NORMAL")
    Priority defaultPriority();

    Map<String, RuleConfig> rules();

    Map<String, BoostConfig> priorityBoosts();

    interface RuleConfig {
        @WithDefault("true")
        boolean enabled();

        Trigger when();

        String reason();

        Optional<Priority> priority();

        Optional<List<String>> skills();

        OptionalDouble threshold();

        OptionalInt count();

        OptionalInt window();

        Optional<List<String>> intents();

        Optional<List<String>> ignoredIntents();

        Optional<Duration> period();

        OptionalDouble minConfidence();
    }

    interface BoostConfig {
        String attribute();

        List<String> values();

        Priority priority();

        Optional<List<String>> skills();
    }

    default PolicyDefinition toDefinition() {
        Map<String, RuleDefinition> rules = new TreeMap<>();
        rules().forEach((name, rule) -> rules.put(
                name,
                new RuleDefinition(
                        rule.enabled(),
                        rule.when(),
                        rule.reason(),
                        rule.priority().orElse(null),
                        rule.skills().orElse(null),
                        rule.threshold().isPresent() ? rule.threshold().getAsDouble() : null,
                        rule.count().isPresent() ? rule.count().getAsInt() : null,
                        rule.window().isPresent() ? rule.window().getAsInt() : null,
                        rule.intents().orElse(null),
                        rule.ignoredIntents().orElse(null),
                        rule.period().map(Duration::toString).orElse(null),
                        rule.minConfidence().isPresent() ? rule.minConfidence().getAsDouble() : null)));
        Map<String, BoostDefinition> boosts = new TreeMap<>();
        priorityBoosts()
                .forEach((name, boost) -> boosts.put(
                        name,
                        new BoostDefinition(
                                boost.attribute(),
                                boost.values(),
                                boost.priority(),
                                boost.skills().orElse(null))));
        return new PolicyDefinition(defaultPriority(), rules, boosts);
    }
}
