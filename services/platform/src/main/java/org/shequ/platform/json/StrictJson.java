package org.shequ.platform.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * Binding rules of every Shequ service, in the one ObjectMapper they share: a JSON value of the wrong type is
 * refused rather than coerced, enums are read by name only, instants only as ISO-8601 strings with an offset,
 * text without control characters, and a field the resource does not have is an error, not silently dropped:
 * a client that misspells {@code endsAt} must hear about it instead of publishing a notice without an end.
 * Runs after Quarkus' own customizer, so these deserializers replace the JavaTimeModule's lenient ones.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        apply(mapper);
    }

    @Override
    public int priority() {
        return MINIMUM_PRIORITY; // last: after Quarkus registers its modules
    }

    /** The same rules for an ObjectMapper made outside CDI (tests, tools). */
    public static ObjectMapper apply(ObjectMapper mapper) {
        mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
                DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS,
                DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES,
                DeserializationFeature.FAIL_ON_TRAILING_TOKENS,
                DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        // {"title": "a", "title": "b"}: which one wins differs between parsers; refuse it instead of guessing.
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

        refuse(mapper, LogicalType.Textual, CoercionInputShape.Integer, CoercionInputShape.Float,
                CoercionInputShape.Boolean);
        // Text for a number is refused whatever the text: "", "  ", "\t\n\r" and "\u0000" included, which Jackson
        // would otherwise trim to nothing and take as null for an optional field.
        mapper.coercionConfigDefaults().setAcceptBlankAsEmpty(false);
        refuse(mapper, LogicalType.Integer, CoercionInputShape.String, CoercionInputShape.EmptyString,
                CoercionInputShape.Boolean, CoercionInputShape.Float);
        refuse(mapper, LogicalType.Float, CoercionInputShape.String, CoercionInputShape.EmptyString,
                CoercionInputShape.Boolean);
        refuse(mapper, LogicalType.Boolean, CoercionInputShape.String, CoercionInputShape.EmptyString,
                CoercionInputShape.Integer, CoercionInputShape.Float);
        refuse(mapper, LogicalType.Enum, CoercionInputShape.Integer, CoercionInputShape.Float,
                CoercionInputShape.EmptyString);
        refuse(mapper, LogicalType.Collection, CoercionInputShape.EmptyString, CoercionInputShape.String);
        refuse(mapper, LogicalType.POJO, CoercionInputShape.EmptyString, CoercionInputShape.String);

        SimpleModule strict = new SimpleModule("shequ-strict-input");
        strict.addDeserializer(String.class, StrictText.ONE_LINE);
        strict.addDeserializer(OffsetDateTime.class, StrictTime.OFFSET_DATE_TIME);
        strict.addDeserializer(Instant.class, StrictTime.INSTANT);
        strict.addDeserializer(LocalDate.class, StrictTime.LOCAL_DATE);
        mapper.registerModule(strict);
        return mapper;
    }

    private static void refuse(ObjectMapper mapper, LogicalType type, CoercionInputShape... shapes) {
        for (CoercionInputShape shape : shapes) {
            mapper.coercionConfigFor(type).setCoercion(shape, CoercionAction.Fail);
        }
    }
}
