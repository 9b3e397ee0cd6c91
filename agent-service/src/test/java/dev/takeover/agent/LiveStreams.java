package dev.takeover.agent;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListGroupsOptions;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.ConfigProvider;

import dev.takeover.events.Topic;

import static dev.takeover.agent.Fixture.PATIENCE;
import static org.awaitility.Awaitility.await;

/** A test client for an agent's Server-Sent Events stream, and a wait until the live feed's consumers are assigned. */
final class LiveStreams {

    private LiveStreams() {}

    /** One SSE event as received: its name and its data line. */
    record Received(String name, String data) {}

    static final class Stream implements AutoCloseable {
        final List<Received> events = new CopyOnWriteArrayList<>();
        private final InputStream body;
        private final Thread reader;

        Stream(URI uri, String token) throws Exception {
            HttpResponse<InputStream> response = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(uri)
                                    .header("Authorization", "Bearer " + token)
                                    .header("Accept", "text/event-stream")
                                    .build(),
                            HttpResponse.BodyHandlers.ofInputStream());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("stream refused with " + response.statusCode());
            }
            body = response.body();
            reader = new Thread(this::read, "sse-test-reader");
            reader.setDaemon(true);
            reader.start();
        }

        private void read() {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
                String name = "message";
                StringBuilder data = new StringBuilder();
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    if (line.isEmpty()) {
                        if (!data.isEmpty()) {
                            events.add(new Received(name, data.toString()));
                        }
                        name = "message";
                        data.setLength(0);
                    } else if (line.startsWith("event:")) {
                        name = line.substring(6).trim();
                    } else if (line.startsWith("data:")) {
                        data.append(line.substring(5).trim());
                    }
                }
            } catch (java.io.IOException closed) {
                // The test closed the stream.
            }
        }

        List<Received> named(String name) {
            return events.stream().filter(event -> event.name().equals(name)).toList();
        }

        @Override
        public void close() throws Exception {
            body.close();
            reader.interrupt();
        }
    }

    private static final Set<String> LIVE_TOPICS = Set.of(
            Topic.AGENT_EVENTS.defaultName(),
            Topic.CONVERSATION_INBOUND.defaultName(),
            Topic.BOT_ANALYSIS.defaultName(),
            Topic.HANDOVER_EVENTS.defaultName());

    /** The live feed reads from the latest offset, so a test must not publish before its consumers have partitions. */
    static void awaitLiveFeedAssigned() {
        String servers = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, servers))) {
            await().atMost(PATIENCE).until(() -> {
                List<String> groups = admin.listGroups(ListGroupsOptions.forConsumerGroups()).all().get().stream()
                        .map(GroupListing::groupId)
                        .filter(id -> id.startsWith("agent-service-live-"))
                        .toList();
                Set<String> assigned = admin.describeConsumerGroups(groups).all().get().values().stream()
                        .filter(group -> group.groupState() == GroupState.STABLE)
                        .flatMap(group -> group.members().stream())
                        .flatMap(member -> member.assignment().topicPartitions().stream())
                        .map(TopicPartition::topic)
                        .collect(Collectors.toSet());
                return assigned.containsAll(LIVE_TOPICS);
            });
        }
    }
}
