package dev.takeover.transcript;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;

import dev.takeover.events.CloudEvent;
import dev.takeover.events.ConversationEvent;
import dev.takeover.events.EventCodec;
import dev.takeover.events.EventType;
import dev.takeover.events.agent.ConversationAssigned;
import dev.takeover.events.agent.ConversationOffered;
import dev.takeover.events.agent.InternalNoteAdded;
import dev.takeover.events.bot.MessageAnalyzed;
import dev.takeover.events.conversation.InboundMessage;
import dev.takeover.events.conversation.MessageSent;
import dev.takeover.events.conversation.Sender;
import dev.takeover.events.handover.HandoverPackage;
import dev.takeover.events.handover.HandoverRequested;
import dev.takeover.infrastructure.ServiceProcess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Sustained ingest and transcript read latency of the packaged service, against the embedded broker and database on
 * this machine. Run with {@code -Pbenchmark}; writes target/benchmark/transcript-benchmark.md.
 */
class TranscriptBenchmark {

    private static final int CONVERSATIONS = Integer.getInteger("benchmark.conversations", 1_000);
    private static final int EVENTS_PER_CONVERSATION = 200;
    private static final int EVENTS = CONVERSATIONS * EVENTS_PER_CONVERSATION;
    private static final int TRANSCRIPT_ENTRIES = 500;
    private static final int WARM_UP_READS = 200;
    private static final int MEASURED_READS = 1_000;

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void measureIngestAndReads() throws Exception {
        StringBuilder report = new StringBuilder();
        try (ProcessInfrastructure infrastructure = ProcessInfrastructure.start()) {
            String run = UUID.randomUUID().toString().substring(0, 8);

            // Ingest: a backlog published while the service is down, drained once it is up.
            long published = System.nanoTime();
            List<ProducerRecord<String, byte[]>> backlog = new ArrayList<>(EVENTS);
            for (int e = 0; e < EVENTS_PER_CONVERSATION; e++) {
                for (int c = 0; c < CONVERSATIONS; c++) {
                    backlog.add(event("conv-" + run + "-" + c, e));
                }
            }
            infrastructure.publish(backlog);
            double publishSeconds = (System.nanoTime() - published) / 1e9;

            try (ServiceProcess service = infrastructure.startService("benchmark")) {
                await().atMost(Duration.ofMinutes(5))
                        .pollInterval(Duration.ofMillis(20))
                        .until(() -> infrastructure.count("select count(*) from transcript_entry") > 0);
                long firstStored = System.nanoTime();
                long storedAtFirst = infrastructure.count("select count(*) from transcript_entry");
                try {
                    await().atMost(Duration.ofMinutes(Integer.getInteger("benchmark.minutes", 10)))
                            .pollInterval(Duration.ofMillis(100))
                            .conditionEvaluationListener(condition -> {
                                if (condition.getElapsedTimeInMS() % 5_000 < 100) {
                                    System.out.printf(
                                            "%d s: %d of %d stored%n",
                                            condition.getElapsedTimeInMS() / 1000,
                                            infrastructure.count("select count(*) from transcript_entry"),
                                            EVENTS);
                                }
                            })
                            .until(() -> infrastructure.count("select count(*) from transcript_entry") == EVENTS);
                } catch (ConditionTimeoutException e) {
                    throw new AssertionError(
                            "stored " + infrastructure.count("select count(*) from transcript_entry") + " of " + EVENTS
                                    + "; see " + service.log().toAbsolutePath(),
                            e);
                }
                double drainSeconds = (System.nanoTime() - firstStored) / 1e9;
                double eventsPerSecond = (EVENTS - storedAtFirst) / drainSeconds;

                // Reads: one conversation of exactly 500 entries of every kind.
                String conversation = "conv-" + run + "-read";
                infrastructure.publish(fiveHundredEntries(conversation));
                await().atMost(Duration.ofMinutes(2))
                        .until(() -> infrastructure.count(
                                        "select count(*) from transcript_entry where conversation_id = ?", conversation)
                                == TRANSCRIPT_ENTRIES);
                String token = infrastructure.tokens.supervisorToken("benchmark");
                String base = service.baseUri() + "/conversations/" + conversation;

                Latency everything =
                        measure(base + "/transcript?limit=" + TRANSCRIPT_ENTRIES, token, TRANSCRIPT_ENTRIES);
                Latency messages =
                        measure(base + "/transcript?include=messages&limit=" + TRANSCRIPT_ENTRIES, token, -1);
                Latency handoverPackage = measure(base + "/handover-package", token, -1);

                report.append("| measurement | result |\n|---|---|\n");
                report.append(String.format(
                        Locale.ROOT,
                        "| sustained ingest | **%.0f events/s** (%d events, %d conversations, drained in %.1f s;"
                                + " backlog published in %.1f s) |\n",
                        eventsPerSecond,
                        EVENTS,
                        CONVERSATIONS,
                        drainSeconds,
                        publishSeconds));
                report.append(row("transcript, 500 entries, everything", everything));
                report.append(row("transcript, 500 entries, include=messages", messages));
                report.append(row("handover package of the same conversation", handoverPackage));
            }
        }
        Path file = Files.createDirectories(Path.of("target", "benchmark")).resolve("transcript-benchmark.md");
        Files.writeString(file, report.toString());
        System.out.println(report);
    }

    private record Latency(double p50, double p95, double p99, double max, int bytes) {}

    private static String row(String what, Latency latency) {
        return String.format(
                Locale.ROOT,
                "| %s | p50 **%.1f ms**, p95 %.1f ms, p99 **%.1f ms**, max %.1f ms (%d sequential requests, %d KB) |\n",
                what,
                latency.p50,
                latency.p95,
                latency.p99,
                latency.max,
                MEASURED_READS,
                latency.bytes / 1024);
    }

    /** Sequential requests from one client after a warm-up; {@code expectedEntries} checks the body's size. */
    private static Latency measure(String url, String token, int expectedEntries)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token)
                .build();
        int bytes = 0;
        for (int i = 0; i < WARM_UP_READS; i++) {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            if (expectedEntries > 0) {
                assertThat(EventCodec.mapper()
                                .readTree(response.body())
                                .get("entries")
                                .size())
                        .isEqualTo(expectedEntries);
            }
            bytes = response.body().length();
        }
        double[] millis = new double[MEASURED_READS];
        for (int i = 0; i < MEASURED_READS; i++) {
            long before = System.nanoTime();
            HttpResponse<byte[]> response = HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
            millis[i] = (System.nanoTime() - before) / 1e6;
            assertThat(response.statusCode()).isEqualTo(200);
        }
        Arrays.sort(millis);
        return new Latency(
                percentile(millis, 0.50),
                percentile(millis, 0.95),
                percentile(millis, 0.99),
                millis[millis.length - 1],
                bytes);
    }

    private static double percentile(double[] sorted, double quantile) {
        return sorted[(int) Math.ceil(quantile * sorted.length) - 1];
    }

    /** The traffic mix of a busy deployment: customer messages and analyses, bot replies, some lifecycle events. */
    private static ProducerRecord<String, byte[]> event(String conversation, int n) {
        Instant at = Instant.now().minusSeconds(3600).plusMillis(n * 50L);
        return switch (n % 10) {
            case 0, 3, 6 -> inbound(conversation, "m" + n, at);
            case 1, 4, 7 -> analysis(conversation, "m" + (n - 1), at);
            case 2, 5, 8 -> withHeaders(MessageSent.TYPE, botReply(conversation, "b" + n, at), at);
            default ->
                withHeaders(
                        InternalNoteAdded.TYPE,
                        new InternalNoteAdded(
                                conversation, "n" + n, "agent-1", "Agent", "Checked the order history", at),
                        at);
        };
    }

    private static List<ProducerRecord<String, byte[]>> fiveHundredEntries(String conversation) {
        Instant start = Instant.now().minusSeconds(7200);
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
        int n = 0;
        while (records.size() < TRANSCRIPT_ENTRIES - 3) {
            Instant at = start.plusSeconds(n);
            records.add(inbound(conversation, "m" + n, at));
            records.add(analysis(conversation, "m" + n, at.plusMillis(200)));
            if (records.size() < TRANSCRIPT_ENTRIES - 3) {
                records.add(withHeaders(MessageSent.TYPE, botReply(conversation, "b" + n, at.plusMillis(400)), at));
            }
            n++;
        }
        Instant later = start.plusSeconds(n + 1);
        records.add(withHeaders(
                HandoverRequested.TYPE,
                new HandoverRequested(
                        "h-" + conversation,
                        conversation,
                        List.of(new HandoverRequested.Reason("CUSTOMER_REQUEST", "asked for a person", null)),
                        HandoverRequested.Priority.NORMAL,
                        List.of("billing"),
                        "en",
                        later,
                        new HandoverPackage(null, null, "web", Map.of(), List.of(), List.of(), List.of(), "")),
                later));
        records.add(withHeaders(
                ConversationOffered.TYPE,
                new ConversationOffered(
                        conversation, "h-" + conversation, "agent-1", "Agent", later, later.plusSeconds(30)),
                later.plusSeconds(1)));
        records.add(withHeaders(
                ConversationAssigned.TYPE,
                new ConversationAssigned(conversation, "h-" + conversation, "agent-1", "Agent", later.plusSeconds(2)),
                later.plusSeconds(2)));
        return records;
    }

    private static ProducerRecord<String, byte[]> inbound(String conversation, String messageId, Instant at) {
        InboundMessage message = new InboundMessage(
                messageId,
                conversation,
                "web",
                "Hello, I ordered a pair of shoes last week and the parcel has still not arrived. Order 12345678.",
                "customer-" + conversation,
                "Customer Name",
                "en",
                at,
                Map.of("tier", "gold"));
        return new ProducerRecord<>("conversation.inbound", conversation, EventCodec.toJson(message));
    }

    private static ProducerRecord<String, byte[]> analysis(String conversation, String messageId, Instant at) {
        return withHeaders(
                MessageAnalyzed.TYPE,
                new MessageAnalyzed(
                        conversation,
                        messageId,
                        "en",
                        new MessageAnalyzed.Intent("order_status", 0.87),
                        new MessageAnalyzed.Sentiment(-0.2, MessageAnalyzed.Sentiment.Label.NEUTRAL),
                        0.2,
                        false,
                        false),
                at);
    }

    private static MessageSent botReply(String conversation, String messageId, Instant at) {
        return new MessageSent(
                messageId,
                conversation,
                "web",
                new Sender(Sender.Type.BOT, "bot", "Bot"),
                "I am sorry to hear that. Your parcel is with the carrier and should arrive tomorrow.",
                at,
                "ANSWER");
    }

    private static <T extends ConversationEvent> ProducerRecord<String, byte[]> withHeaders(
            EventType<T> type, T event, Instant at) {
        CloudEvent ce = new CloudEvent(UUID.randomUUID(), type.name(), "/benchmark", at, event.conversationId());
        return new ProducerRecord<>(
                type.topic().defaultName(), null, event.conversationId(), EventCodec.toJson(event), ce.toHeaders());
    }
}
