package dev.takeover.bot;

import java.util.Locale;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;

import dev.takeover.common.delivery.Published;
import dev.takeover.common.metrics.AfterCommit;
import dev.takeover.common.metrics.Labels;
import dev.takeover.events.bot.MessageAnalyzed;
import dev.takeover.events.bot.SatisfactionRated;
import dev.takeover.events.conversation.MessageSent;
import dev.takeover.events.conversation.Sender;

/**
 * Where the bot stands, from what it publishes: analyses by language and scope (the out-of-scope rate), the signals
 * that lead to a person (requests, critical issues, rejected answers, failed clarifications), and the bot's replies by
 * purpose (the clarification rate is clarifications over analyses), and the customers' satisfaction ratings, bot vs
 * agent.
 */
@ApplicationScoped
public class BotMetrics {

    private final MeterRegistry registry;
    private final AfterCommit afterCommit;

    BotMetrics(MeterRegistry registry, AfterCommit afterCommit) {
        this.registry = registry;
        this.afterCommit = afterCommit;
    }

    void count(@Observes Published published) {
        published.as(MessageAnalyzed.TYPE).ifPresent(this::analysed);
        published.as(SatisfactionRated.TYPE).ifPresent(this::rated);
        published
                .as(MessageSent.TYPE)
                .filter(sent -> sent.sender().type() == Sender.Type.BOT)
                .ifPresent(this::replied);
    }

    private void analysed(MessageAnalyzed analysis) {
        String language = Labels.language(analysis.language());
        String scope = analysis.outOfScope() ? "out" : "in";
        boolean humanRequested = analysis.humanRequested();
        String critical = analysis.critical() == null
                ? null
                : Labels.code(analysis.critical().kind());
        boolean rejected = Boolean.TRUE.equals(analysis.rejectedBotAnswer());
        boolean clarificationFailed = Boolean.TRUE.equals(analysis.clarificationFailed());
        afterCommit.record(() -> {
            registry.counter("takeover.nlu.analyses", "language", language, "scope", scope)
                    .increment();
            if (humanRequested) {
                signal("human_request", language);
            }
            if (critical != null) {
                signal("critical_" + critical, language);
            }
            if (rejected) {
                signal("rejected_answer", language);
            }
            if (clarificationFailed) {
                signal("clarification_failed", language);
            }
        });
    }

    private void signal(String signal, String language) {
        registry.counter("takeover.nlu.signals", "signal", signal, "language", language)
                .increment();
    }

    /**
     * Scores feed a distribution (its mean is the CSAT average); every answer, scores and words alike, is counted by
     * score, so the share of each score and of answers in words can be read.
     */
    private void rated(SatisfactionRated rated) {
        String servedBy = rated.servedBy().name().toLowerCase(Locale.ROOT);
        String channel = Labels.code(rated.channel());
        String language = Labels.language(rated.language());
        Integer score = rated.score();
        afterCommit.record(() -> {
            if (score != null) {
                DistributionSummary.builder("takeover.satisfaction.score")
                        .description("Customers' satisfaction ratings, 1 (not at all) to 5 (very)")
                        .serviceLevelObjectives(1, 2, 3, 4, 5)
                        .tags("served_by", servedBy, "channel", channel, "language", language)
                        .register(registry)
                        .record(score);
            }
            registry.counter(
                            "takeover.satisfaction.answers",
                            "served_by",
                            servedBy,
                            "channel",
                            channel,
                            "language",
                            language,
                            "score",
                            score == null ? "words" : score.toString())
                    .increment();
        });
    }

    private void replied(MessageSent sent) {
        String purpose =
                Labels.code(sent.purpose() == null ? null : sent.purpose().toLowerCase(Locale.ROOT));
        afterCommit.record(() ->
                registry.counter("takeover.bot.replies", "purpose", purpose).increment());
    }
}
