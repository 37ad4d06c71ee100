package org.shequ.gridtasks.open311;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** An {@code application/x-www-form-urlencoded} body, first value of each name; malformed escapes are a 400. */
final class Open311Form {

    private static final int MAX_FIELDS = 50;

    private Open311Form() {
    }

    static Map<String, String> parse(String body, Open311Format format) {
        Map<String, String> fields = new HashMap<>();
        if (body == null || body.isBlank()) {
            return fields;
        }
        String[] pairs = body.split("&");
        if (pairs.length > MAX_FIELDS) {
            throw new Open311Exception(400, "at most " + MAX_FIELDS + " form fields", format);
        }
        for (String pair : pairs) {
            int eq = pair.indexOf('=');
            try {
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                fields.putIfAbsent(name, value);
            } catch (IllegalArgumentException e) {
                throw new Open311Exception(400, "the form is not well encoded: " + e.getMessage(), format);
            }
        }
        return fields;
    }
}
