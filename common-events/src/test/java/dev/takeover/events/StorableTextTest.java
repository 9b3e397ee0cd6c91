package dev.takeover.events;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class StorableTextTest {

    @Test
    void nulAndUnpairedSurrogatesBecomeReplacementCharacters() {
        assertThat(StorableText.of("a\u0000b")).isEqualTo("a\uFFFDb");
        assertThat(StorableText.of("lone \uD83D high")).isEqualTo("lone \uFFFD high");
        assertThat(StorableText.of("lone \uDE00 low")).isEqualTo("lone \uFFFD low");
        assertThat(StorableText.of("ends high \uD83D")).isEqualTo("ends high \uFFFD");
        assertThat(StorableText.of("reversed \uDE00\uD83D")).isEqualTo("reversed \uFFFD\uFFFD");
    }

    @Test
    void textThatIsAlreadyStorableIsTheSameString() {
        String emoji = "Danke \uD83D\uDE00, Grüße";

        assertThat(StorableText.of(emoji)).isSameAs(emoji);
        assertThat(StorableText.of((String) null)).isNull();
    }

    @Test
    void everyTextAndFieldNameOfATreeIsMadeStorableAndTheRestStays() throws Exception {
        JsonNode tree = EventCodec.mapper()
                .readTree("{\"text\":\"a\\u0000b\",\"added\":[\"c\\ud800\",{\"k\\u0000\":1}],\"n\":1,\"ok\":\"fine\"}");

        JsonNode storable = StorableText.of(tree);

        assertThat(EventCodec.mapper().writeValueAsString(storable))
                .isEqualTo("{\"text\":\"a\uFFFDb\",\"added\":[\"c\uFFFD\",{\"k\uFFFD\":1}],\"n\":1,\"ok\":\"fine\"}");
    }
}
