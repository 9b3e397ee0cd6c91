package dev.takeover.bot;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

import dev.takeover.events.EventCodec;
import dev.takeover.events.bot.CustomerDataCollected;
import dev.takeover.events.bot.MessageAnalyzed;
import dev.takeover.events.bot.SatisfactionRated;
import dev.takeover.events.bot.SatisfactionRated.ServedBy;
import dev.takeover.events.conversation.InboundMessage;
import dev.takeover.events.conversation.MessageSent;
import dev.takeover.events.handover.ControlState;
import dev.takeover.events.handover.HandoverStateChanged;
import dev.takeover.infrastructure.testing.ContractRecords;
import dev.takeover.infrastructure.testing.InjectKafkaCompanion;
import dev.takeover.infrastructure.testing.RealInfrastructure;
import dev.takeover.infrastructure.testing.TopicRecorder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The bot in conversation, through the real broker and database: answering, clarifying, collecting, keeping quiet. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class ConversationFlowTest {

    private static final Duration PATIENCE = Duration.ofSeconds(45);

    @InjectKafkaCompanion
    KafkaCompanion kafka;

    private TopicRecorder recorder;
    private final String conversation = "conv-" + UUID.randomUUID();
    private int sequence;

    @BeforeEach
    void record() {
        recorder = TopicRecorder.recording(kafka, "bot.analysis", "conversation.outbound");
    }

    @AfterEach
    void stopRecording() {
        recorder.close();
    }

    @Test
    void answersARoutineQuestionInTheCustomersLanguageAndSwitchesWhenTheCustomerDoes() {
        send("Was kostet der Versand nach Österreich?");
        MessageSent german = awaitReply(1);
        assertThat(german.purpose()).isEqualTo("ANSWER");
        assertThat(german.sender().type().name()).isEqualTo("BOT");
        assertThat(german.text()).contains("Österreich");

        send("And how long does the delivery take?");
        MessageSent english = awaitReply(2);
        assertThat(english.purpose()).isEqualTo("ANSWER");
        assertThat(english.text()).contains("shipping");
        assertThat(analyses()).extracting(MessageAnalyzed::language).containsExactly("de", "en");
    }

    @Test
    void asksForTheCustomerNumberOnceThenUsesIt() {
        send("Where is my order?");
        MessageSent question = awaitReply(1);
        assertThat(question.purpose()).isEqualTo("DATA_REQUEST");

        send("K-482913");
        MessageSent answer = awaitReply(2);
        assertThat(answer.purpose()).isEqualTo("ANSWER");
        assertThat(answer.text()).contains("K-482913");
        assertThat(collected()).containsEntry("customerNumber", "K-482913");

        send("Has my order been shipped yet?");
        MessageSent again = awaitReply(3);
        assertThat(again.purpose())
                .as("it never asks for what it already knows")
                .isEqualTo("ANSWER");
    }

    @Test
    void collectsWhatAnAgentNeedsWhenAPersonIsRequestedAndValidatesIt() {
        send("I want to talk to a human");
        MessageAnalyzed request = awaitAnalyses(1).get(0);
        assertThat(request.humanRequested()).isTrue();
        assertThat(awaitReply(1).purpose()).isEqualTo("DATA_REQUEST");

        send("it is 12");
        assertThat(awaitReply(2).text()).contains("customer number");
        send("my customer number is C-77123");
        assertThat(awaitReply(3).text()).contains("e-mail");
        send("erika(at)example");
        assertThat(awaitReply(4).purpose()).isEqualTo("DATA_REQUEST");
        send("erika.muster@example.org");
        MessageSent done = awaitReply(5);
        assertThat(done.purpose()).isEqualTo("ACKNOWLEDGEMENT");

        assertThat(collected())
                .containsEntry("customerNumber", "C-77123")
                .containsEntry("email", "erika.muster@example.org");
    }

    @Test
    void staysSilentWhileAPersonIsInChargeButStillAnalysesThenAsksForARatingWhenHandedBack() {
        send("Hallo, mein Name ist Erika Muster");
        awaitReply(1);
        changeControl(ControlState.QUEUED, ControlState.WITH_AGENT);
        await().pollInSameThread()
                .atMost(PATIENCE)
                .until(() -> Conversation.count(
                                "conversationId = ?1 and controlState = ?2", conversation, ControlState.WITH_AGENT)
                        == 1);

        send("Das ist wirklich ärgerlich!!");
        send("Wo ist meine Bestellung?");
        List<MessageAnalyzed> analyses = awaitAnalyses(3);
        assertThat(analyses.get(1).sentiment().label().name()).isEqualTo("NEGATIVE");
        assertThat(replies()).hasSize(1);

        changeControl(ControlState.WITH_AGENT, ControlState.HANDED_BACK);
        MessageSent survey = awaitReply(2);
        assertThat(survey.purpose()).isEqualTo("SURVEY");
        assertThat(survey.text()).contains("Erika");

        send("5");
        MessageSent thanks = awaitReply(3);
        assertThat(thanks.purpose()).isEqualTo("SURVEY");
        await().pollInSameThread()
                .atMost(PATIENCE)
                .until(() -> Conversation.count("conversationId = ?1 and surveyScore = 5", conversation) == 1);
        SatisfactionRated rated = awaitRating();
        assertThat(rated.score()).isEqualTo(5);
        assertThat(rated.answeredInWords()).isFalse();
        assertThat(rated.servedBy()).isEqualTo(ServedBy.AGENT);
        assertThat(rated.handoverId()).isEqualTo("h-" + conversation);
        assertThat(rated.messageId()).isEqualTo("m4-" + conversation);
        assertThat(rated.language()).isEqualTo("de");
        assertThat(rated.channel()).isEqualTo("web");
    }

    @Test
    void asksOnceForARatingOfItsOwnHelpWhenACustomerItServedAloneSaysGoodbyeAndTakesWordsForAnAnswer() {
        send("How much is shipping to Austria?");
        assertThat(awaitReply(1).purpose()).isEqualTo("ANSWER");

        send("Goodbye");
        MessageSent survey = awaitReply(2);
        assertThat(survey.purpose()).isEqualTo("SURVEY");
        assertThat(survey.text()).contains("my help");

        send("Thank you, that was really helpful");
        assertThat(awaitReply(3).purpose()).isEqualTo("SURVEY");
        SatisfactionRated rated = awaitRating();
        assertThat(rated.answeredInWords()).isTrue();
        assertThat(rated.score()).isNull();
        assertThat(rated.servedBy()).isEqualTo(ServedBy.BOT);
        assertThat(rated.handoverId()).isNull();
        assertThat(rated.language()).isEqualTo("en");

        send("How much is shipping to Austria?");
        awaitReply(4);
        send("Goodbye");
        assertThat(awaitReply(5).purpose()).as("it asks only once").isEqualTo("ANSWER");
        assertThat(recorder.events(conversation, SatisfactionRated.TYPE)).hasSize(1);
    }

    private void changeControl(ControlState from, ControlState to) {
        HandoverStateChanged change =
                new HandoverStateChanged("h-" + conversation, conversation, from, to, "TEST", null, Instant.now());
        kafka.produce(String.class, byte[].class)
                .fromRecords(ContractRecords.record(HandoverStateChanged.TYPE, change))
                .awaitCompletion(PATIENCE);
    }

    private void send(String text) {
        sequence++;
        InboundMessage message = new InboundMessage(
                "m" + sequence + "-" + conversation, conversation, "web", text, null, null, null, null, Map.of());
        kafka.produce(String.class, String.class)
                .fromRecords(new ProducerRecord<>(
                        "conversation.inbound",
                        conversation,
                        new String(EventCodec.toJson(message), StandardCharsets.UTF_8)))
                .awaitCompletion(PATIENCE);
    }

    private List<MessageAnalyzed> analyses() {
        return recorder.events(conversation, MessageAnalyzed.TYPE);
    }

    private List<MessageAnalyzed> awaitAnalyses(int count) {
        return await().atMost(PATIENCE).until(this::analyses, found -> found.size() >= count);
    }

    private List<MessageSent> replies() {
        return recorder.events(conversation, MessageSent.TYPE);
    }

    private MessageSent awaitReply(int count) {
        return await().atMost(PATIENCE)
                .until(this::replies, found -> found.size() >= count)
                .get(count - 1);
    }

    private SatisfactionRated awaitRating() {
        return await().atMost(PATIENCE)
                .until(() -> recorder.events(conversation, SatisfactionRated.TYPE), found -> found.size() == 1)
                .get(0);
    }

    private Map<String, String> collected() {
        List<CustomerDataCollected> events = await().atMost(PATIENCE)
                .until(() -> recorder.events(conversation, CustomerDataCollected.TYPE), found -> !found.isEmpty());
        return events.get(events.size() - 1).data();
    }
}
