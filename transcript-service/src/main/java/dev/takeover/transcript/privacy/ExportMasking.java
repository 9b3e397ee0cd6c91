package dev.takeover.transcript.privacy;

import java.util.EnumSet;
import java.util.Map;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import dev.takeover.transcript.TranscriptConfig;

/** The masker exports use, as configured; masking switched off for exports masks nothing. */
@ApplicationScoped
public class ExportMasking {

    @Produces
    @Singleton
    PiiMasker exportMasker(TranscriptConfig config) {
        return config.masking().exports()
                ? new PiiMasker(config.masking().kinds(), config.masking().patterns())
                : new PiiMasker(EnumSet.noneOf(PiiKind.class), Map.of());
    }
}
