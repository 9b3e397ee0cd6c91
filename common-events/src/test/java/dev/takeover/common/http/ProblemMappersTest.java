package dev.takeover.common.http;

import jakarta.ws.rs.core.Response;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;

import dev.takeover.events.Fields;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ProblemMappersTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A request body type as the services declare them, its constructor checking its values. */
    record Note(String text, int priority) {
        Note {
            Fields.require(text, "text");
            if (priority < 0) {
                throw new IllegalArgumentException("priority cannot be negative");
            }
            if (text.isBlank()) {
                // Java's own message here names our classes and variables: nothing a client should read.
                text.substring(text.length() + 1);
            }
        }
    }

    record Carrier(Note note) {}

    @Test
    void aValueRefusedOnPurposeIsExplainedInTheConstructorsOwnWords() {
        assertThat(detail("{\"text\":\"hi\",\"priority\":-1}", Note.class))
                .isEqualTo("the request body is invalid: priority cannot be negative");
        assertThat(detail("{\"priority\":1}", Note.class)).isEqualTo("the request body is invalid: text is required");
    }

    @Test
    void whatJavaItselfThrowsInAConstructorNeverReachesTheClient() {
        String detail = detail("{\"text\":\" \",\"priority\":1}", Note.class);

        assertThat(detail).isEqualTo("the request body is invalid: a value is missing or not allowed");
        assertThat(detail).doesNotContain("String", "index", "length", "Note");
    }

    @Test
    void theDetailSaysWhereInTheBodyTheValueIs() {
        assertThat(detail("{\"note\":{\"text\":\" \",\"priority\":1}}", Carrier.class))
                .isEqualTo("the request body is invalid at 'note': a value is missing or not allowed");
    }

    private static String detail(String body, Class<?> type) {
        ValueInstantiationException refused =
                catchThrowableOfType(ValueInstantiationException.class, () -> JSON.readValue(body, type));
        Response response = new ProblemMappers().invalidValue(refused);
        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.getMediaType()).hasToString(Problem.MEDIA_TYPE);
        return ((Problem) response.getEntity()).detail();
    }
}
