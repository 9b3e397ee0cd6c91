package dev.takeover.infrastructure;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.Collection;
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
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.errors.TopicExistsException;

import io.smallrye.reactive.messaging.kafka.companion.test.EmbeddedKafkaBroker;

import dev.takeover.events.Topic;

/** A real single-node Kafka broker in KRaft mode, running inside this JVM. */
public final class KafkaBroker implements AutoCloseable {

    /** Enough partitions for two instances of each service to share the work. */
    public static final int PARTITIONS = 4;

    private final EmbeddedKafkaBroker broker;

    private KafkaBroker(EmbeddedKafkaBroker broker) {
        this.broker = broker;
    }

    /** Starts on the given port, or on a free one when the port is 0. */
    public static KafkaBroker start(int port) {
        EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker()
                .withDeleteLogDirsOnClose(true)
                .withAdditionalProperties(properties -> {
                    properties.put("num.partitions", String.valueOf(PARTITIONS));
                    properties.put("auto.create.topics.enable", "true");
                    properties.put("group.initial.rebalance.delay.ms", "0");
                    properties.put("offsets.topic.num.partitions", "4");
                });
        if (port != 0) {
            broker.withKafkaPort(port);
        }
        return new KafkaBroker(startQuietly(broker));
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

    public String bootstrapServers() {
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
            // On a loaded machine the admin client may time out and resend a request the broker had already carried
            // out: a topic that exists by then is what was asked for.
            for (KafkaFuture<Void> created :
                    admin.createTopics(missing).values().values()) {
                try {
                    created.get();
                } catch (ExecutionException e) {
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
    public void close() {
        broker.close();
    }
}
