package dev.takeover.events;

import java.io.IOException;
import java.io.InputStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import com.fasterxml.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Each event type has a golden sample that decodes into its record and encodes back to the same JSON. */
class GoldenSamplesTest {

    @TestFactory
    Stream<DynamicTest> everyEventTypeRoundTripsItsGoldenSample() {
        return EventTypes.all().stream().map(type -> DynamicTest.dynamicTest(type.name(), () -> assertRoundTrip(type)));
    }

    private static void assertRoundTrip(EventType<?> type) throws IOException {
        byte[] golden = GoldenSamples.bytes(type);

        ConversationEvent decoded = EventCodec.fromJson(golden, type.payloadClass());
        JsonNode reEncoded = EventCodec.mapper().readTree(EventCodec.toJson(decoded));

        assertThat(decoded.conversationId()).isEqualTo("conv-1001");
        assertThat(reEncoded).isEqualTo(EventCodec.mapper().readTree(golden));
    }

    static final class GoldenSamples {
        static byte[] bytes(EventType<?> type) throws IOException {
            String path = "/golden/" + type.name() + ".json";
            try (InputStream in = GoldenSamplesTest.class.getResourceAsStream(path)) {
                assertThat(in).as("golden sample %s", path).isNotNull();
                return in.readAllBytes();
            }
        }
    }
}
