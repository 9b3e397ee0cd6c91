package dev.takeover.common.http;

import java.io.IOException;
import jakarta.inject.Singleton;

import io.quarkus.jackson.ObjectMapperCustomizer;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;

/**
 * Refuses a request body whose text contains NUL (U+0000): PostgreSQL cannot store it, so it would fail deep inside a
 * transaction; refused at the door, the caller learns which field is wrong.
 */
@Singleton
public class TextWithoutNul implements ObjectMapperCustomizer {

    /** First, before anything reads with the mapper: Jackson keeps the String deserializer it looked up first. */
    @Override
    public int priority() {
        return MAXIMUM_PRIORITY;
    }

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(new SimpleModule("text-without-nul").addDeserializer(String.class, new Refusing()));
    }

    private static final class Refusing extends StringDeserializer {

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = super.deserialize(parser, context);
            if (text != null && text.indexOf('\0') >= 0) {
                throw InvalidFormatException.from(
                        parser, "text must not contain the NUL character (U+0000)", null, String.class);
            }
            return text;
        }
    }
}
