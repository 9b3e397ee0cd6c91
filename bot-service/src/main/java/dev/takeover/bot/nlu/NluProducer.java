package dev.takeover.bot.nlu;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import dev.takeover.bot.BotConfig;

/** The NLU backend in use: the in-process linear one. Another backend replaces this producer, nothing else. */
public class NluProducer {

    @Produces
    @ApplicationScoped
    Nlu nlu(BotConfig config) {
        BotConfig.Nlu settings = config.nlu();
        return new LinearNlu(
                new NluSettings(
                        settings.minimumScore(),
                        settings.minimumSimilarity(),
                        settings.cost(),
                        settings.outOfScopeIntents(),
                        settings.maxAnalysedLength()),
                new LanguageDetector(),
                new SentimentAnalyzer());
    }
}
