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
}
