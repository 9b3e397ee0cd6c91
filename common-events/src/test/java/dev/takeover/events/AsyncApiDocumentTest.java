package dev.takeover.events;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import dev.takeover.events.GoldenSamplesTest.GoldenSamples;
import dev.takeover.events.conversation.InboundMessage;
import dev.takeover.events.handover.HandoverRequested;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The AsyncAPI document every service serves at {@code /asyncapi.yaml} against the contract it describes, so that it
 * cannot drift from common-events: every event type has its message on its topic's channel, every golden sample and
 * the headers CloudEvent writes validate, each payload schema names exactly its record's fields, and a sample missing
 * a field is refused by the schema exactly when the decoder refuses it.
 */
class AsyncApiDocumentTest {

    private static final String DOCUMENT_URI = "https://takeover.invalid/asyncapi.json";
    private static final String SPEC_URI = "https://takeover.invalid/asyncapi-3.0.0.schema.json";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNode DOCUMENT = readYaml("/META-INF/resources/asyncapi.yaml");
    // AsyncAPI 3.0's default schema format is a superset of JSON Schema draft 7; payloads use only draft 7.
    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_7,
            builder -> builder.schemas(Map.of(
                    DOCUMENT_URI,
                    DOCUMENT.toString(),
                    SPEC_URI,
                    resource("/asyncapi-spec/asyncapi-3.0.0.schema.json"))));

    @Test
    void theDocumentIsValidAsyncApi300() {
        List<Error> errors =
                SCHEMAS.getSchema(SchemaLocation.of(SPEC_URI)).validate(DOCUMENT.toString(), InputFormat.JSON);

        assertThat(errors).isEmpty();
        assertThat(DOCUMENT.path("asyncapi").asText()).isEqualTo("3.0.0");
    }

    @TestFactory
    Stream<DynamicTest> everyEventTypeHasItsMessageOnItsTopicsChannel() {
        return EventTypes.all().stream()
                .map(type -> DynamicTest.dynamicTest(type.name(), () -> {
                    JsonNode message =
                            DOCUMENT.path("components").path("messages").path(type.name());
                    assertThat(message.isObject())
                            .as("components.messages.%s", type.name())
                            .isTrue();
                    assertThat(message.path("name").asText()).isEqualTo(type.name());
                    assertThat(channel(type.topic().defaultName())
                                    .path("messages")
                                    .path(type.name())
                                    .path("$ref")
                                    .asText())
                            .as("channel %s lists %s", type.topic().defaultName(), type.name())
                            .isEqualTo("#/components/messages/" + type.name());
                }));
    }

    @Test
    void theDocumentDescribesNothingTheContractLacks() {
        Set<String> documented = new HashSet<>();
        DOCUMENT.path("components").path("messages").fieldNames().forEachRemaining(documented::add);
        documented.remove("deadLetter");
        Set<String> addresses = new HashSet<>();
        DOCUMENT.path("channels")
                .forEach(channel -> addresses.add(channel.path("address").asText()));

        assertThat(documented)
                .isEqualTo(EventTypes.all().stream().map(EventType::name).collect(Collectors.toSet()));
        assertThat(addresses)
                .isEqualTo(Stream.concat(
                                Arrays.stream(Topic.values()).map(Topic::defaultName),
                                Stream.of(Topic.deadLetterTopic("{service}")))
                        .collect(Collectors.toSet()));
    }

    @TestFactory
    Stream<DynamicTest> everyGoldenSampleValidatesAgainstItsPayload() {
        return EventTypes.all().stream()
                .map(type -> DynamicTest.dynamicTest(type.name(), () -> {
                    String golden = new String(GoldenSamples.bytes(type), StandardCharsets.UTF_8);

                    assertThat(payloadSchema(type).validate(golden, InputFormat.JSON))
                            .isEmpty();
                }));
    }

    @TestFactory
    Stream<DynamicTest> theHeadersOurServicesWriteValidate() {
        return EventTypes.all().stream()
                .map(type -> DynamicTest.dynamicTest(type.name(), () -> {
                    Map<String, String> headers = new LinkedHashMap<>();
                    CloudEvent.create(type, "/agent-service", "conv-1001", Instant.now())
                            .toHeaders()
                            .forEach(header ->
                                    headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8)));

                    assertThat(headersSchema(type).validate(JSON.writeValueAsString(headers), InputFormat.JSON))
                            .isEmpty();
                }));
    }

    @Test
    void aChannelAdaptersPlainMessageNeedsNoHeadersButBrokenHeadersAreRefused() {
        Schema inbound = headersSchema(InboundMessage.TYPE);

        assertThat(inbound.validate("{\"traceparent\":\"00-x\"}", InputFormat.JSON))
                .isEmpty();
        assertThat(headersSchema(HandoverRequested.TYPE)
                        .validate(
                                "{\"ce_specversion\":\"1.0\",\"ce_id\":\"not-a-uuid\",\"ce_type\":\"handover.requested.v1\","
                                        + "\"ce_source\":\"/handover-service\",\"ce_time\":\"yesterday\","
                                        + "\"ce_subject\":\"conv-1\",\"content-type\":\"application/json\"}",
                                InputFormat.JSON))
                .hasSize(2);
    }

    @TestFactory
    Stream<DynamicTest> eachPayloadNamesExactlyItsRecordsFields() {
        return EventTypes.all().stream()
                .map(type -> DynamicTest.dynamicTest(
                        type.name(), () -> assertNamesTheFields(type.payloadClass(), payloadNode(type), type.name())));
    }

    @TestFactory
    Stream<DynamicTest> aSampleMissingAFieldIsRefusedByTheSchemaExactlyWhenTheDecoderRefusesIt() {
        return EventTypes.all().stream()
                .map(type -> DynamicTest.dynamicTest(type.name(), () -> {
                    JsonNode golden = JSON.readTree(GoldenSamples.bytes(type));
                    for (String path : fieldPaths(golden, payloadNode(type), "")) {
                        JsonNode without = withoutField(golden, path);
                        boolean decodes = decodes(without, type);

                        assertThat(payloadSchema(type)
                                        .validate(without.toString(), InputFormat.JSON)
                                        .isEmpty())
                                .as(
                                        "%s without %s: the decoder %s it",
                                        type.name(), path, decodes ? "accepts" : "refuses")
                                .isEqualTo(decodes);
                    }
                }));
    }

    private static void assertNamesTheFields(Class<?> record, JsonNode schema, String where) {
        Set<String> components = Arrays.stream(record.getRecordComponents())
                .map(RecordComponent::getName)
                .collect(Collectors.toSet());
        Set<String> properties = new HashSet<>();
        schema.path("properties").fieldNames().forEachRemaining(properties::add);
        assertThat(properties)
                .as("properties of %s (%s)", where, record.getSimpleName())
                .isEqualTo(components);
        assertThat(schema.path("required"))
                .allSatisfy(required -> assertThat(components).contains(required.asText()));
        for (RecordComponent component : record.getRecordComponents()) {
            JsonNode property = resolve(schema.path("properties").path(component.getName()));
            String at = where + "." + component.getName();
            assertTypeMatches(component.getType(), component.getGenericType(), property, at);
        }
    }

    private static void assertTypeMatches(Class<?> type, Type generic, JsonNode schema, String where) {
        if (type.isRecord()) {
            assertNamesTheFields(type, schema, where);
        } else if (type.isEnum()) {
            Set<String> constants = Arrays.stream(type.getEnumConstants())
                    .map(constant -> ((Enum<?>) constant).name())
                    .collect(Collectors.toSet());
            Set<String> documented = new HashSet<>();
            schema.path("enum").forEach(value -> documented.add(value.asText()));
            assertThat(documented).as("enum of %s", where).isEqualTo(constants);
        } else if (List.class.isAssignableFrom(type) && generic instanceof ParameterizedType list) {
            Type element = list.getActualTypeArguments()[0];
            assertThat(schema.path("type").asText()).as("type of %s", where).isEqualTo("array");
            if (element instanceof Class<?> elementClass) {
                assertTypeMatches(elementClass, elementClass, resolve(schema.path("items")), where + "[]");
            }
        }
    }

    /** Every field of the sample where the schema describes the object's properties (not the entries of a map). */
    private static List<String> fieldPaths(JsonNode sample, JsonNode schema, String prefix) {
        List<String> paths = new ArrayList<>();
        if (sample.isObject() && schema.has("properties")) {
            sample.fieldNames().forEachRemaining(field -> {
                paths.add(prefix + "/" + field);
                paths.addAll(fieldPaths(
                        sample.get(field), resolve(schema.path("properties").path(field)), prefix + "/" + field));
            });
        } else if (sample.isArray() && !sample.isEmpty()) {
            paths.addAll(fieldPaths(sample.get(0), resolve(schema.path("items")), prefix + "/0"));
        }
        return paths;
    }

    private static JsonNode withoutField(JsonNode sample, String path) {
        JsonNode copy = sample.deepCopy();
        int last = path.lastIndexOf('/');
        JsonNode parent = last == 0 ? copy : copy.at(path.substring(0, last));
        ((ObjectNode) parent).remove(path.substring(last + 1));
        return copy;
    }

    private static boolean decodes(JsonNode sample, EventType<?> type) {
        try {
            EventCodec.fromJson(sample.toString().getBytes(StandardCharsets.UTF_8), type.payloadClass());
            return true;
        } catch (MalformedEventException e) {
            return false;
        }
    }

    private static JsonNode channel(String address) {
        for (JsonNode channel : DOCUMENT.path("channels")) {
            if (channel.path("address").asText().equals(address)) {
                return channel;
            }
        }
        throw new AssertionError("no channel has the address " + address);
    }

    private static JsonNode message(EventType<?> type) {
        return DOCUMENT.path("components").path("messages").path(type.name());
    }

    private static JsonNode payloadNode(EventType<?> type) {
        return resolve(message(type).path("payload"));
    }

    private static Schema payloadSchema(EventType<?> type) {
        return SCHEMAS.getSchema(SchemaLocation.of(
                DOCUMENT_URI + message(type).path("payload").path("$ref").asText()));
    }

    private static Schema headersSchema(EventType<?> type) {
        return SCHEMAS.getSchema(SchemaLocation.of(
                DOCUMENT_URI + message(type).path("headers").path("$ref").asText()));
    }

    private static JsonNode resolve(JsonNode schema) {
        JsonNode resolved = schema;
        while (resolved.has("$ref")) {
            resolved = DOCUMENT.at(resolved.get("$ref").asText().substring(1));
        }
        return resolved;
    }

    private static JsonNode readYaml(String path) {
        try {
            return new YAMLMapper().readTree(resource(path));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String resource(String path) {
        try (InputStream in = AsyncApiDocumentTest.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("no resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
