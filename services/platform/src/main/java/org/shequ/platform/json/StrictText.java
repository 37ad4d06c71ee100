package org.shequ.platform.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import java.io.IOException;

/**
 * Text only from a JSON string, never from a number, boolean or object, and without characters that no resident
 * ever types: C0 control characters and DEL (NUL among them, which truncates text in C clients and some drivers),
 * and unpaired surrogates, which are not text at all and which utf8mb4 columns refuse. Tab and line breaks are
 * allowed in {@link LongText} fields only. Everything else, quotes and angle brackets included, is kept as sent:
 * text is data, escaped where it is written out, never interpreted.
 */
public final class StrictText extends StdScalarDeserializer<String> implements ContextualDeserializer {

    static final StrictText ONE_LINE = new StrictText(false);
    private static final StrictText LONG = new StrictText(true);

    private final boolean lineBreaksAllowed;

    private StrictText(boolean lineBreaksAllowed) {
        super(String.class);
        this.lineBreaksAllowed = lineBreaksAllowed;
    }

    @Override
    public JsonDeserializer<?> createContextual(DeserializationContext ctxt, BeanProperty property) {
        return property != null && property.getAnnotation(LongText.class) != null ? LONG : ONE_LINE;
    }

    @Override
    public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        if (!p.hasToken(JsonToken.VALUE_STRING)) {
            return (String) ctxt.handleUnexpectedToken(String.class, p);
        }
        String text = p.getText();
        String problem = problemIn(text, lineBreaksAllowed);
        if (problem != null) {
            throw new UnacceptableTextException(p, problem);
        }
        return text;
    }

    /** Why the text is refused, or null when it is fine; also for text that arrives outside JSON (forms, queries). */
    public static String problemIn(String text, boolean lineBreaksAllowed) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c == 0x7F) {
                if (lineBreaksAllowed && (c == '\t' || c == '\n' || c == '\r')) {
                    continue;
                }
                return String.format("must not contain control characters (U+%04X at position %d)", (int) c, i);
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return String.format("must not contain an unpaired surrogate (U+%04X at position %d)", (int) c, i);
            }
        }
        return null;
    }
}
