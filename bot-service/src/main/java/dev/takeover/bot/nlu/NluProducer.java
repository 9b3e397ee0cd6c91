package dev.takeover.bot.nlu;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import dev.takeover.bot.BotConfig;

/** The NLU backend in use: the in-process one. Another backend (an LLM, say) replaces this producer, nothing else. */
public class NluProducer {

    @Produces
    @ApplicationScoped
    Nlu nlu(BotConfig config) {
        BotConfig.Nlu settings = config.nlu();
        return new LinearNlu(
                new NluSettings(
                        settings.cost(),
                        settings.outOfScopeIntents(),
                        settings.maxAnalysedLength(),
                        settings.englishEmbeddingWeight(),
                        settings.otherEmbeddingWeight(),
                        settings.englishOutOfScopeQuantile(),
                        settings.otherOutOfScopeQuantile(),
                        settings.minimumConfidence(),
                        settings.minimumScore(),
                        settings.minimumSimilarity()),
                new LanguageDetector(),
                new SentimentAnalyzer(),
                new SentenceEncoder(
                        settings.embeddingModel(), Runtime.getRuntime().availableProcessors()),
                settings.calibratedConfidence() ? ConfidenceCalibration.FITTED : ConfidenceCalibration.NONE);
    }
}
