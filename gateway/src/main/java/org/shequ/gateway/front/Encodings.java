package org.shequ.gateway.front;

import com.aayushatharva.brotli4j.Brotli4jLoader;
import com.aayushatharva.brotli4j.encoder.Encoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;

/**
 * The front door's compression: brotli when the client accepts it, else gzip, on a whole body held in memory
 * (bodies over {@link #MAX_BYTES} pass as they are). Which answers are worth it is the full pipeline's rule
 * ({@code Compression.worthIt}).
 */
final class Encodings {

    /** Largest body compressed; a larger one streams through as it came. */
    static final int MAX_BYTES = 1 << 20;
    /** {@code q=0}: the client refuses this coding (RFC 9110 §12.5.3). */
    private static final Pattern NOT_ACCEPTABLE = Pattern.compile("q=0(\\.0*)?");
    private static final Encoder.Parameters BROTLI = new Encoder.Parameters().setQuality(4);

    private Encodings() {
    }

    /** {@code br}, {@code gzip} or {@code null}, from an {@code Accept-Encoding} value. */
    static String choose(String acceptEncoding) {
        if (acceptEncoding == null) {
            return null;
        }
        boolean gzip = false;
        for (String offer : acceptEncoding.split(",")) {
            String[] parts = offer.split(";");
            String coding = parts[0].strip().toLowerCase(Locale.ROOT);
            boolean refused = parts.length > 1 && NOT_ACCEPTABLE.matcher(parts[1].strip().replace(" ", "")).matches();
            if (refused) {
                continue;
            }
            if (coding.equals("br")) {
                return Brotli4jLoader.isAvailable() ? "br" : gzip ? "gzip" : null;
            }
            gzip |= coding.equals("gzip") || coding.equals("*");
        }
        return gzip ? "gzip" : null;
    }

    static void compress(String encoding, ByteBuf body, ByteBuf into) {
        byte[] bytes = new byte[body.readableBytes()];
        body.getBytes(body.readerIndex(), bytes);
        try {
            if (encoding.equals("br")) {
                into.writeBytes(Encoder.compress(bytes, BROTLI));
                return;
            }
            try (GZIPOutputStream gzip = new GZIPOutputStream(new ByteBufOutputStream(into), 8192)) {
                gzip.write(bytes);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
