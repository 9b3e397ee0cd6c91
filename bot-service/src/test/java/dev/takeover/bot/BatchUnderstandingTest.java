package dev.takeover.bot;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.takeover.bot.BatchUnderstanding.Message;
import dev.takeover.bot.nlu.Catalogue;
import dev.takeover.bot.nlu.Nlu;
import dev.takeover.bot.nlu.TrainingReport;
import dev.takeover.bot.nlu.Understanding;
import dev.takeover.events.bot.MessageAnalyzed.Intent;
import dev.takeover.events.bot.MessageAnalyzed.Sentiment;

import static org.assertj.core.api.Assertions.assertThat;

class BatchUnderstandingTest {

    /**
     * Keeps the NLU's contract: a message that names its language ("de:" or "en:") is in it, any other in its hint's
     * (English without one); within a call, a conversation's later message takes its earlier one's language as hint.
     */
    static final class RecordingNlu implements Nlu {

        final List<List<Utterance>> calls = new ArrayList<>();

        @Override
        public List<Understanding> understandAll(List<Utterance> utterances) {
            calls.add(List.copyOf(utterances));
            Map<String, String> carried = new HashMap<>();
            List<Understanding> understood = new ArrayList<>();
            for (Utterance utterance : utterances) {
                String hint = utterance.conversationId() == null
                        ? utterance.languageHint()
                        : carried.getOrDefault(utterance.conversationId(), utterance.languageHint());
                String language = utterance.text().startsWith("de:")
                        ? "de"
                        : utterance.text().startsWith("en:") ? "en" : hint == null ? "en" : hint;
                if (utterance.conversationId() != null) {
                    carried.put(utterance.conversationId(), language);
                }
                understood.add(new Understanding(
                        language,
                        new Intent("greeting", 0.9),
                        List.of(),
                        false,
                        false,
                        new Sentiment(0, Sentiment.Label.NEUTRAL),
                        Set.of()));
            }
            return understood;
        }

        @Override
        public TrainingReport replaceCatalogue(Catalogue catalogue) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Catalogue catalogue() {
            throw new UnsupportedOperationException();
        }
    }

    private final RecordingNlu nlu = new RecordingNlu();

    @Test
    void aBatchOfDifferentConversationsIsOneCallWithEachConversationsLanguageAsHint() {
        List<Understanding> understood = BatchUnderstanding.of(
                nlu,
                List.of(new Message("a", "ok", null), new Message("b", "ok", null), new Message("c", "ok", "en")),
                Map.of("a", "de", "c", "de"));

        assertThat(nlu.calls).hasSize(1);
        assertThat(nlu.calls.get(0)).extracting(Nlu.Utterance::languageHint).containsExactly("de", null, "en");
        assertThat(understood).extracting(Understanding::language).containsExactly("de", "en", "en");
    }

    @Test
    void aConversationsSecondMessageInTheBatchTakesTheLanguageOfItsFirstInTheSameCall() {
        List<Understanding> understood = BatchUnderstanding.of(
                nlu,
                List.of(new Message("a", "de: Wo ist mein Paket?", null), new Message("a", "ok", null)),
                Map.of("a", "en"));

        assertThat(nlu.calls).hasSize(1);
        assertThat(understood).extracting(Understanding::language).containsExactly("de", "de");
    }

    @Test
    void aLaterMessageThatNamesItsOwnLanguageStartsANewCallAndKeepsIt() {
        List<Understanding> understood = BatchUnderstanding.of(
                nlu,
                List.of(
                        new Message("a", "de: Hallo", null),
                        new Message("b", "ok", null),
                        new Message("a", "ok", "en"),
                        new Message("a", "ok", null)),
                Map.of());

        assertThat(nlu.calls).extracting(List::size).containsExactly(2, 2);
        assertThat(nlu.calls.get(1).get(0).languageHint()).isEqualTo("en");
        assertThat(understood).extracting(Understanding::language).containsExactly("de", "en", "en", "en");
    }

    @Test
    void understandsEveryMessageAsOneAtATimeWould() {
        List<Message> messages = new ArrayList<>();
        String[] texts = {"ok", "de: Hallo", "en: Hello", "danke"};
        String[] named = {null, null, "de", "en"};
        for (int i = 0; i < 40; i++) {
            messages.add(new Message("c" + (i * 7 % 5), texts[i * 3 % 4], named[i * 5 % 4]));
        }
        Map<String, String> before = Map.of("c1", "de", "c3", "en");

        List<Understanding> batched = BatchUnderstanding.of(nlu, messages, before);

        Map<String, String> spoken = new HashMap<>(before);
        RecordingNlu alone = new RecordingNlu();
        for (int i = 0; i < messages.size(); i++) {
            Message message = messages.get(i);
            String hint = message.channelLanguage() != null
                    ? message.channelLanguage()
                    : spoken.get(message.conversationId());
            String language = alone.understand(message.text(), hint).language();
            spoken.put(message.conversationId(), language);
            assertThat(batched.get(i).language()).as("message %d", i).isEqualTo(language);
        }
        assertThat(nlu.calls.size()).isLessThan(messages.size());
    }
}
