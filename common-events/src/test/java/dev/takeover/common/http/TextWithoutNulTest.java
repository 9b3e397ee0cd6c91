package dev.takeover.common.http;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TextWithoutNulTest {

    record Declaration(String description, List<String> intents, Map<String, String> notice) {}

    private final ObjectMapper mapper = new ObjectMapper();

    TextWithoutNulTest() {
        new TextWithoutNul().customize(mapper);
    }

    @Test
    void aNulAnywhereInATextIsRefusedWithTheFieldNamed() {
        assertThatThrownBy(() -> mapper.readValue("{\"description\":\"down\\u0000\"}", Declaration.class))
                .isInstanceOf(InvalidFormatException.class)
                .hasMessageContaining("NUL")
                .hasMessageContaining("description");
        assertThatThrownBy(() -> mapper.readValue("{\"intents\":[\"a\\u0000\"]}", Declaration.class))
                .isInstanceOf(InvalidFormatException.class);
        assertThatThrownBy(() -> mapper.readValue("{\"notice\":{\"de\":\"a\\u0000\"}}", Declaration.class))
                .isInstanceOf(InvalidFormatException.class);
    }

    @Test
    void otherTextPassesUntouched() throws Exception {
        Declaration read = mapper.readValue("{\"description\":\"Störung 😀\\n\\ttabs\"}", Declaration.class);
        assertThat(read.description()).isEqualTo("Störung 😀\n\ttabs");
    }
}
