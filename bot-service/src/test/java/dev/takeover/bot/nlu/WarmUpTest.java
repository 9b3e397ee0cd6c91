package dev.takeover.bot.nlu;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WarmUpTest {

    /** Records what it was asked, one batch per call. */
    private static final class Recording implements Nlu {
        final Catalogue catalogue;
        final List<List<Utterance>> batches = new ArrayList<>();

        Recording(Catalogue catalogue) {
            this.catalogue = catalogue;
        }

        @Override
        public List<Understanding> understandAll(List<Utterance> utterances) {
            batches.add(List.copyOf(utterances));
            return utterances.stream().map(u -> (Understanding) null).toList();
        }

        @Override
        public TrainingReport replaceCatalogue(Catalogue catalogue) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Catalogue catalogue() {
            return catalogue;
        }
    }

    private static Catalogue phrases(int count) {
        return new Catalogue(IntStream.range(0, count)
                .mapToObj(i -> new TrainingPhrase("phrase " + i, "intent" + i / 10, i % 2 == 0 ? "en" : "de"))
                .toList());
    }

    @Test
    void analysesPhrasesSpreadOverTheWholeCatalogueOneMessageAtATimeWithTheirLanguage() {
        Recording nlu = new Recording(phrases(1000));

        assertThat(WarmUp.run(nlu, 100)).isEqualTo(100);

        assertThat(nlu.batches)
                .hasSize(100)
                .allSatisfy(batch -> assertThat(batch).hasSize(1));
        assertThat(nlu.batches.get(0).get(0).text()).isEqualTo("phrase 0");
        assertThat(nlu.batches.get(99).get(0).text()).isEqualTo("phrase 990");
        assertThat(nlu.batches.get(1).get(0).languageHint()).isEqualTo("en");
        assertThat(nlu.batches.stream().map(b -> b.get(0).text()).distinct()).hasSize(100);
    }

    @Test
    void aSmallCatalogueIsAnalysedOnceAndAnEmptyOneNotAtAll() {
        Recording small = new Recording(phrases(7));
        assertThat(WarmUp.run(small, 100)).isEqualTo(7);
        assertThat(small.batches).hasSize(7);

        Recording empty = new Recording(new Catalogue(List.of()));
        assertThat(WarmUp.run(empty, 100)).isZero();
        assertThat(empty.batches).isEmpty();
    }
}
