package dev.takeover.transcript;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import dev.takeover.transcript.privacy.PiiKind;

/** How the log keeps, serves and protects conversations. */
@ConfigMapping(prefix = "takeover.transcript")
public interface TranscriptConfig {

    Retention retention();

    Masking masking();

    Paging paging();

    Analytics analytics();

    interface Retention {
        /** How long a conversation is kept after its last entry. */
        @WithDefault("P365D")
        Duration period();

        /** How often the purge runs, as the scheduler reads it (for example {@code 1h} or {@code 15m}). */
        @WithDefault("1h")
        String checkEvery();

        /** Conversations purged per transaction, so a large backlog never holds long locks. */
        @WithDefault("500")
        int batchSize();
    }

    interface Masking {
        /** Whether exports mask personal data. Logs never carry message text, and always mask what they carry. */
        @WithDefault("true")
        boolean exports();

        /** The kinds of personal data masked. */
        @WithDefault("EMAIL,PHONE,IBAN,CARD")
        Set<PiiKind> kinds();

        /** More patterns to mask, by name: {@code takeover.transcript.masking.patterns.order-number=ORD-\d{8}}. */
        Map<String, String> patterns();
    }

    interface Paging {
        @WithDefault("200")
        int defaultSize();

        @WithDefault("1000")
        int maxSize();
    }

    interface Analytics {
        /** A conversation the bot closed is contained only if the customer does not come back about it this soon. */
        @WithDefault("P3D")
        Duration repeatContactWindow();

        /** What one conversation costs the bot, whoever else handles it. */
        @WithDefault("0.50")
        double botConversationCost();

        /** What one minute of an agent's handle time costs. */
        @WithDefault("1.00")
        double agentMinuteCost();

        /** Example conversations named for each way the bot fails. */
        @WithDefault("3")
        int examples();

        /** The longest range one summary covers. */
        @WithDefault("P366D")
        Duration longestRange();
    }
}
