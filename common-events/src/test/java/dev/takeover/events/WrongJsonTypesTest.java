package dev.takeover.events;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import com.fasterxml.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The fault suite's wrong-types poison, for every event type: each field but the conversation id an object. Every
 * type must refuse it as malformed, so that every consumer that handles the type parks it with a reason.
 */
class WrongJsonTypesTest {

    @TestFactory
    Stream<DynamicTest> everyEventTypeRefusesFieldsOfTheWrongJsonType() {
        return EventTypes.all().stream()
                .map(type -> DynamicTest.dynamicTest(type.name(), () -> assertMalformedWithWrongTypes(type)));
    }

    private static void assertMalformedWithWrongTypes(EventType<?> type) throws IOException {
        ObjectNode sample = (ObjectNode) EventCodec.mapper().readTree(GoldenSamplesTest.GoldenSamples.bytes(type));
        List<String> fields = new ArrayList<>();
        sample.fieldNames().forEachRemaining(fields::add);
        fields.stream()
                .filter(field -> !field.equals("conversationId"))
                .forEach(field -> sample.putObject(field).put("wrong", true));

        assertThatThrownBy(() -> EventCodec.fromTree(sample, type.payloadClass()))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageStartingWith("invalid " + type.payloadClass().getSimpleName());
    }
}
