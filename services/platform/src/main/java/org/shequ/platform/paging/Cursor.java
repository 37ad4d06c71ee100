package org.shequ.platform.paging;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.shequ.platform.problem.InvalidInputException;

/**
 * A keyset position: the sort instant and id of the last item a client saw. Keyset rather than offset paging, so a
 * notice published while a resident scrolls neither repeats nor hides an item. Opaque to clients (base64url).
 */
public record Cursor(Instant at, String id) {

    public String encode() {
        String raw = at.getEpochSecond() + "." + at.getNano() + "." + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** Null for no cursor; a 400 naming {@code cursor} for one this service did not hand out. */
    public static Cursor decode(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            String[] parts = raw.split("\\.", 3);
            Instant at = Instant.ofEpochSecond(Long.parseLong(parts[0]), Long.parseLong(parts[1]));
            if (parts[2].isBlank() || parts[2].length() > 64) {
                throw new IllegalArgumentException("bad id");
            }
            return new Cursor(at, parts[2]);
        } catch (RuntimeException e) {
            throw InvalidInputException.of("cursor", "is not a cursor from a previous page; start again without it");
        }
    }
}
