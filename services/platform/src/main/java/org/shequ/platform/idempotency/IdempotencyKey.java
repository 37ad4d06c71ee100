package org.shequ.platform.idempotency;

import org.greenbytes.http.sfv.Item;
import org.greenbytes.http.sfv.Parser;
import org.greenbytes.http.sfv.StringItem;
import org.shequ.platform.problem.InvalidInputException;

/**
 * The {@code Idempotency-Key} request header: an RFC 8941 sf-string, as the IETF draft defines it, read by a
 * structured-field parser. Clients that send the key bare (a UUID without quotes, as many do) are accepted too, as long
 * as it is one run of visible ASCII; anything else, or a key over 255 characters, is a 400 naming the header.
 */
final class IdempotencyKey {

    static final String HEADER = "Idempotency-Key";
    private static final int MAX_LENGTH = 255;

    private IdempotencyKey() {
    }

    static String parse(String header) {
        String key;
        try {
            Item<?> item = Parser.parseItem(header);
            key = item instanceof StringItem string ? string.get() : bare(header);
        } catch (IllegalArgumentException notAnItem) { // the parser's ParseException: not a structured item
            key = bare(header);
        }
        if (key.isEmpty() || key.length() > MAX_LENGTH) {
            throw refused();
        }
        return key;
    }

    /** A key sent without the quotes: visible ASCII only, no quote, comma or space. */
    private static String bare(String header) {
        String key = header.strip();
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c <= 0x20 || c >= 0x7f || c == '"' || c == ',' || c == ';' || c == '\\') {
                throw refused();
            }
        }
        return key;
    }

    private static InvalidInputException refused() {
        return InvalidInputException.of(HEADER, "must be a string of 1 to " + MAX_LENGTH
                + " visible ASCII characters, e.g. \"8e03978e-40d5-43e8-bc93-6894a57f9324\"");
    }
}
