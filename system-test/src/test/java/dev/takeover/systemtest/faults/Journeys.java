package dev.takeover.systemtest.faults;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.apache.kafka.common.TopicPartition;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

import dev.takeover.events.bot.MessageAnalyzed;
import dev.takeover.events.conversation.InboundMessage;
import dev.takeover.events.handover.HandoverRequested;
import dev.takeover.systemtest.faults.CustomerStream.Sent;

import static io.restassured.RestAssured.given;

/**
 * Where each streamed message has got to: through once it is analysed, answered, in the transcript, and for a request
 * for a person, taken over and routed. Also what must hold for every message after any fault: each exactly once.
 */
final class Journeys {

    private static final String ANALYSED = MessageAnalyzed.TYPE.name();
    private static final String RECEIVED = InboundMessage.TYPE.name();
    private static final String TAKEN_OVER = HandoverRequested.TYPE.name();
    /** How often the hops outside the topics are looked at: the precision of their times. */
    private static final Duration FOLLOW_INTERVAL = Duration.ofMillis(250);
    /** Transcripts looked up per look, oldest first, so looking stays light beside the services. */
    private static final int LOOKUPS_PER_LOOK = 20;
    /** A transcript still incomplete is asked for again this late, so a stalled hop is not asked for many times a second. */
    private static final Duration LOOKUP_AGAIN_AFTER = Duration.ofSeconds(1);

    private final Observer observer;
    private final ConsumerGroups groups;
    private final Supplier<URI> transcriptService;
    private final String supervisorToken;
    private final Map<String, Instant> inTranscript = new ConcurrentHashMap<>();
    private final Map<String, Instant> takenByTheWebChannel = new ConcurrentHashMap<>();
    private final Map<String, Instant> lookedUp = new ConcurrentHashMap<>();

    Journeys(Observer observer, ConsumerGroups groups, Supplier<URI> transcriptService, String supervisorToken) {
        this.observer = observer;
        this.groups = groups;
        this.transcriptService = transcriptService;
        this.supervisorToken = supervisorToken;
    }

    /**
     * The hops a message must pass. The stream's conversations were never opened in a browser, so web-chat has nobody
     * to deliver to; its hop is having consumed and acknowledged the answer, which its committed offset tells (commits
     * follow processing by up to the consumer's commit interval).
     */
    enum Hops {
        PLATFORM,
        PLATFORM_AND_WEB_CHANNEL
    }

    /** When the message had come through every hop, as far as it has. */
    Optional<Instant> throughAt(Sent message, Hops through) {
        List<Optional<Instant>> hops = new ArrayList<>(List.of(
                observer.first(message.conversationId(), seen -> ANALYSED.equals(seen.type())),
                observer.first(message.conversationId(), seen -> seen.topic().equals("conversation.outbound")),
                Optional.ofNullable(inTranscript.get(message.conversationId()))));
        if (through == Hops.PLATFORM_AND_WEB_CHANNEL) {
            hops.add(Optional.ofNullable(takenByTheWebChannel.get(message.conversationId())));
        }
        if (message.asksForAPerson()) {
            hops.add(observer.first(message.conversationId(), seen -> TAKEN_OVER.equals(seen.type())));
            hops.add(observer.first(
                    message.conversationId(), seen -> seen.topic().equals("agent.events")));
        }
        if (hops.stream().anyMatch(Optional::isEmpty)) {
            return Optional.empty();
        }
        return hops.stream().map(Optional::get).max(Instant::compareTo);
    }

    /** Looking at the journeys of a stream, until closed. */
    interface Following extends AutoCloseable {
        @Override
        void close();
    }

    /** Whether every message has come through every hop, as far as {@link #follow} has seen. */
    boolean allThrough(List<Sent> messages, Hops through) {
        return messages.stream().allMatch(message -> throughAt(message, through).isPresent());
    }

    /**
     * Looks, every {@link #FOLLOW_INTERVAL}, for the hops the topics do not show (the transcript, and web-chat's
     * committed offset) of the messages the supplier names, until closed. Looked for only once the stream had ended,
     * they were noted seconds late: every message of a phase came out about as late as the phase's last, so the
     * recovery of a kill phase was overstated by the time the suite took to start looking.
     */
    Following follow(Supplier<List<Sent>> messages, Hops through) {
        ScheduledExecutorService looks = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "fault-journeys");
            thread.setDaemon(true);
            return thread;
        });
        looks.scheduleWithFixedDelay(
                () -> {
                    try {
                        lookUp(messages.get(), through);
                    } catch (RuntimeException e) {
                        // A service away in a fault phase answers nothing; the next look asks again.
                    }
                },
                0,
                FOLLOW_INTERVAL.toMillis(),
                TimeUnit.MILLISECONDS);
        return () -> {
            looks.shutdownNow();
            try {
                looks.awaitTermination(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
    }

    private void lookUp(List<Sent> messages, Hops through) {
        if (through == Hops.PLATFORM_AND_WEB_CHANNEL) {
            noteWhatTheWebChannelTook(messages);
        }
        Instant now = Instant.now();
        int lookups = 0;
        for (Sent message : messages) {
            String conversation = message.conversationId();
            if (lookups < LOOKUPS_PER_LOOK
                    && !inTranscript.containsKey(conversation)
                    && passedTheTopics(message)
                    && !now.isBefore(
                            lookedUp.getOrDefault(conversation, Instant.MIN).plus(LOOKUP_AGAIN_AFTER))) {
                lookups++;
                lookedUp.put(conversation, now);
                if (transcriptHasEverything(message)) {
                    inTranscript.putIfAbsent(conversation, Instant.now());
                }
            }
        }
    }

    private void noteWhatTheWebChannelTook(List<Sent> messages) {
        Map<TopicPartition, Long> committed = groups.committed("web-chat");
        Instant now = Instant.now();
        for (Sent message : messages) {
            observer.of(message.conversationId()).stream()
                    .filter(seen -> seen.topic().equals("conversation.outbound"))
                    .findFirst()
                    .filter(answer ->
                            committed.getOrDefault(new TopicPartition(answer.topic(), answer.partition()), -1L)
                                    > answer.offset())
                    .ifPresent(answer -> takenByTheWebChannel.putIfAbsent(message.conversationId(), now));
        }
    }

    private boolean passedTheTopics(Sent message) {
        return observer.first(message.conversationId(), seen -> ANALYSED.equals(seen.type()))
                        .isPresent()
                && (!message.asksForAPerson()
                        || observer.first(message.conversationId(), seen -> TAKEN_OVER.equals(seen.type()))
                                .isPresent());
    }

    private boolean transcriptHasEverything(Sent message) {
        Response response = transcript(message.conversationId());
        if (response.statusCode() != 200) {
            return false;
        }
        List<String> types = response.jsonPath().getList("entries.type", String.class);
        return types.contains(RECEIVED)
                && types.contains(ANALYSED)
                && (!message.asksForAPerson() || types.contains(TAKEN_OVER));
    }

    Response transcript(String conversationId) {
        return given().header("Authorization", "Bearer " + supervisorToken)
                .baseUri(transcriptService.get().toString())
                .get("/conversations/" + conversationId + "/transcript");
    }

    JsonPath transcriptJson(String conversationId) {
        return transcript(conversationId).then().statusCode(200).extract().jsonPath();
    }

    /**
     * Everything that is wrong with these messages' journeys: a message analysed or logged other than once, a
     * request for a person taken over other than once, or anything of theirs parked on a dead-letter topic.
     */
    List<String> problems(List<Sent> messages) {
        List<String> problems = new ArrayList<>();
        for (Sent message : messages) {
            String conversation = message.conversationId();
            long analyses = observer.distinct(conversation, "bot.analysis", ANALYSED);
            long takeovers = observer.distinct(conversation, "handover.events", TAKEN_OVER);
            if (analyses != 1) {
                problems.add(conversation + " analysed " + analyses + " times");
            }
            if (takeovers != (message.asksForAPerson() ? 1 : 0)) {
                problems.add(conversation + " taken over " + takeovers + " times");
            }
            observer.of(conversation).stream()
                    .filter(seen -> seen.topic().endsWith(".dlq"))
                    .forEach(seen -> problems.add(conversation + " parked on " + seen.topic() + ": " + seen.reason()));
            List<String> logged = transcriptJson(conversation).getList("entries.type", String.class);
            long received = logged.stream().filter(RECEIVED::equals).count();
            long analysedInLog = logged.stream().filter(ANALYSED::equals).count();
            long takenOverInLog = logged.stream().filter(TAKEN_OVER::equals).count();
            if (received != 1 || analysedInLog != 1 || takenOverInLog != (message.asksForAPerson() ? 1 : 0)) {
                problems.add(conversation + " logged " + received + " messages, " + analysedInLog + " analyses, "
                        + takenOverInLog + " takeovers");
            }
        }
        return problems;
    }
}
