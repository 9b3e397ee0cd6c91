package dev.takeover.bot;

import java.util.Locale;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.micrometer.core.instrument.MeterRegistry;

import dev.takeover.common.delivery.Published;
import dev.takeover.common.metrics.AfterCommit;
import dev.takeover.common.metrics.Labels;
import dev.takeover.events.bot.MessageAnalyzed;
import dev.takeover.events.conversation.MessageSent;
import dev.takeover.events.conversation.Sender;

/**
 * Where the bot stands, from what it publishes: analyses by language and scope (the out-of-scope rate), the signals
 * that lead to a person (requests, critical issues, rejected answers, failed clarifications), and the bot's replies by
 * purpose (the clarification rate is clarifications over analyses).
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

    private void replied(MessageSent sent) {
        String purpose =
                Labels.code(sent.purpose() == null ? null : sent.purpose().toLowerCase(Locale.ROOT));
        afterCommit.record(() ->
                registry.counter("takeover.bot.replies", "purpose", purpose).increment());
    }
}
