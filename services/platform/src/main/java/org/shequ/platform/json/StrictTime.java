package org.shequ.platform.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.function.Function;

/**
 * Instants only as ISO-8601 strings with an offset, dates only as {@code yyyy-MM-dd} strings. Jackson's own
 * java.time readers also take numbers as epoch seconds, so {@code "startsAt": 0} would be a notice in 1970, and
 * take a time without an offset in the server's zone.
 */
final class StrictTime<T> extends StdScalarDeserializer<T> {

    static final StrictTime<OffsetDateTime> OFFSET_DATE_TIME = new StrictTime<>(OffsetDateTime.class,
            text -> OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME));
    static final StrictTime<Instant> INSTANT = new StrictTime<>(Instant.class,
            text -> OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant());
    static final StrictTime<LocalDate> LOCAL_DATE = new StrictTime<>(LocalDate.class,
            text -> LocalDate.parse(text, DateTimeFormatter.ISO_LOCAL_DATE));

    private final Function<String, T> parser;

    private StrictTime(Class<T> type, Function<String, T> parser) {
        super(type);
        this.parser = parser;
    }

    @Override
    @SuppressWarnings("unchecked")
    public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        if (!p.hasToken(JsonToken.VALUE_STRING)) {
            return (T) ctxt.handleUnexpectedToken(handledType(), p);
        }
        String text = p.getText().strip();
        try {
            return parser.apply(text);
        } catch (DateTimeParseException e) {
            return (T) ctxt.handleWeirdStringValue(handledType(), text, "not ISO-8601");
        }
    }
}
