package dev.takeover.infrastructure;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

import io.smallrye.reactive.messaging.kafka.companion.test.EmbeddedKafkaBroker;

import dev.takeover.events.Topic;

/** A real single-node Kafka broker in KRaft mode, running inside this JVM. */
public final class KafkaBroker implements AutoCloseable {

    /** Enough partitions for two instances of each service to share the work. */
    public static final int PARTITIONS = 4;

    private final int port;
    private final int controllerPort;
    private final Path logDirectory;
    private EmbeddedKafkaBroker broker;

    private KafkaBroker(int port, int controllerPort, Path logDirectory) {
        this.port = port;
        this.controllerPort = controllerPort;
        this.logDirectory = logDirectory;
    }

    /** Starts on the given port, or on a free one when the port is 0. */
    public static KafkaBroker start(int port) {
        try {
            KafkaBroker kafka = new KafkaBroker(
                    port == 0 ? FreePorts.next() : port, FreePorts.next(), Files.createTempDirectory("kafka-logs"));
            kafka.broker = startQuietly(kafka.configured(null));
            return kafka;
        } catch (IOException e) {
            throw new UncheckedIOException("no directory for the broker's log", e);
        }
    }

    /**
     * Fixed ports and log directory, so that a restarted broker is the same broker: same address, same cluster, same
     * topics, offsets and consumer groups.
     */
    private EmbeddedKafkaBroker configured(String clusterId) {
        EmbeddedKafkaBroker configured = new EmbeddedKafkaBroker()
                .withKafkaPort(port)
                .withControllerPort(controllerPort)
                .withDeleteLogDirsOnClose(false)
                .withAdditionalProperties(properties -> {
                    properties.put("log.dir", logDirectory.toString());
                    properties.put("num.partitions", String.valueOf(PARTITIONS));
                    properties.put("auto.create.topics.enable", "true");
                    properties.put("group.initial.rebalance.delay.ms", "0");
                    properties.put("offsets.topic.num.partitions", "4");
                });
        return clusterId == null ? configured : configured.withClusterId(clusterId);
    }

    /** Stops the broker, as a crash of the whole cluster would, until {@link #start()} brings it back. */
    public synchronized void stop() {
        if (broker.isRunning()) {
            broker.close();
        }
    }

    /** Starts the stopped broker again on the same port, with everything it had stored. */
    public synchronized void start() {
        if (!broker.isRunning()) {
            broker = startQuietly(configured(broker.getClusterId()));
        }
    }

    /** Kafka's storage formatter prints to standard output; nobody starting a broker wants to read that. */
    private static synchronized EmbeddedKafkaBroker startQuietly(EmbeddedKafkaBroker broker) {
        PrintStream console = System.out;
        System.setOut(new PrintStream(OutputStream.nullOutputStream()));
        try {
            return broker.start();
        } finally {
            System.setOut(console);
        }
    }

    public synchronized String bootstrapServers() {
        return broker.getAdvertisedListeners().replaceAll("^[A-Z_]+://", "");
    }

    /** Creates the public topics and the given services' dead-letter topics, if they do not exist yet. */
    public Set<String> createTopics(Collection<String> serviceNames) {
        Set<String> names = Stream.concat(
                        Arrays.stream(Topic.values()).map(Topic::defaultName),
                        serviceNames.stream().map(Topic::deadLetterTopic))
                .collect(Collectors.toCollection(TreeSet::new));
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
            Set<String> existing = admin.listTopics().names().get();
            List<NewTopic> missing = names.stream()
                    .filter(name -> !existing.contains(name))
                    .map(name -> new NewTopic(name, PARTITIONS, (short) 1))
                    .toList();
            for (var created : admin.createTopics(missing).values().values()) {
                try {
                    created.get();
                } catch (ExecutionException e) {
                    // On a loaded machine the admin client retries a request the broker had already carried out.
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot create topics", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        }
        return names;
    }

    @Override
    public synchronized void close() {
        stop();
        deleteRecursively(logDirectory);
    }

    private static void deleteRecursively(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + directory, e);
        }
    }
}
