package dev.takeover.bot.nlu;

import java.time.Duration;
import java.util.Optional;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Default;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;

import dev.takeover.bot.BotConfig;
import dev.takeover.bot.dialogue.Resources;

/**
 * Keeps every instance on the same catalogue: an accepted upload is stored with a version in PostgreSQL, each
 * instance trains the stored one at start-up (or the configured file when nothing was uploaded) and picks up a newer
 * version within {@code takeover.bot.nlu.catalogue-refresh}. Not ready until the first catalogue is trained: the
 * consumers start before it, and what they get meanwhile waits for it.
 */
// @Default as well: the NLU resource injects it, the health endpoint reads it.
@Readiness
@Default
@ApplicationScoped
public class CatalogueStore implements HealthCheck {

    private static final Logger LOG = Logger.getLogger(CatalogueStore.class);

    private final Nlu nlu;
    private final BotConfig config;
    private final Timer trainingTime;
    private volatile long loadedVersion = -1;

    CatalogueStore(Nlu nlu, BotConfig config, MeterRegistry registry) {
        this.nlu = nlu;
        this.config = config;
        this.trainingTime = Timer.builder("takeover.nlu.catalogue.training")
                .description(
                        "Training an intent catalogue, at start-up, on upload or when another instance uploaded one")
                .register(registry);
    }

    void trainAtStartUp(@Observes StartupEvent startup) {
        Optional<Stored> stored = latest();
        if (stored.isPresent()) {
            train(stored.get());
        } else {
            TrainingReport report =
                    trained(Catalogue.parse(Resources.read(config.nlu().catalogue())));
            warmUp();
            loadedVersion = 0;
            LOG.infof(
                    "trained the catalogue %s: %d phrases, %d intents in %d ms",
                    config.nlu().catalogue(), report.phrases(), report.intents(), report.trainingMillis());
        }
    }

    /** Before the first catalogue counts as loaded, so readiness waits for it (see {@link WarmUp}). */
    private void warmUp() {
        long started = System.nanoTime();
        int messages = WarmUp.run(nlu, WarmUp.MESSAGES);
        LOG.infof("warmed up the analysis on %d phrases in %d ms", messages, (System.nanoTime() - started) / 1_000_000);
    }

    /**
     * Trains the catalogue, and stores it for the other instances only once it trained. Training runs outside any
     * transaction, so a large catalogue on a slow machine cannot outlast the transaction timeout.
     */
    public TrainingReport replace(String body) {
        Catalogue catalogue = Catalogue.parse(body);
        synchronized (this) {
            TrainingReport report = trained(catalogue);
            loadedVersion = QuarkusTransaction.requiringNew()
                    .call(() -> ((Number) Panache.getEntityManager()
                                    .createNativeQuery("insert into nlu_catalogue (body) values (?1) returning version")
                                    .setParameter(1, body)
                                    .getSingleResult())
                            .longValue());
            return report;
        }
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("nlu catalogue trained")
                .status(loadedVersion >= 0)
                .build();
    }

    @Scheduled(
            every = "${takeover.bot.nlu.catalogue-refresh:PT15S}",
            delayed = "${takeover.bot.nlu.catalogue-refresh:PT15S}")
    void refresh() {
        latest().filter(stored -> stored.version() > loadedVersion).ifPresent(this::train);
    }

    private synchronized void train(Stored stored) {
        if (stored.version() <= loadedVersion) {
            return;
        }
        TrainingReport report = trained(Catalogue.parse(stored.body()));
        if (loadedVersion < 0) {
            warmUp();
        }
        loadedVersion = stored.version();
        LOG.infof(
                "trained uploaded catalogue version %d: %d phrases in %d ms",
                stored.version(), report.phrases(), report.trainingMillis());
    }

    private TrainingReport trained(Catalogue catalogue) {
        TrainingReport report = nlu.replaceCatalogue(catalogue);
        trainingTime.record(Duration.ofMillis(report.trainingMillis()));
        return report;
    }

    private record Stored(long version, String body) {}

    @Transactional
    Optional<Stored> latest() {
        @SuppressWarnings("unchecked")
        var rows = (java.util.List<Object[]>) Panache.getEntityManager()
                .createNativeQuery("select version, body from nlu_catalogue order by version desc limit 1")
                .getResultList();
        return rows.stream().findFirst().map(row -> new Stored(((Number) row[0]).longValue(), (String) row[1]));
    }
}
