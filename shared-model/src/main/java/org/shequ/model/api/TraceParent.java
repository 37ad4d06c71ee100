package org.shequ.model.api;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * W3C Trace Context's {@code traceparent} ({@code 00-<trace id>-<parent id>-<flags>}), carried from a client's
 * request through the gateway and the service into the Kafka headers of the events the request causes, and from
 * there into the consumers' logs and their own events: one trace id follows a change end to end. The gateway is a
 * hop of its own: it keeps the caller's trace id and names itself the parent; a missing or malformed header starts a
 * new trace. Any OpenTelemetry tracer downstream continues the same trace.
 */
public final class TraceParent {

    public static final String HEADER = "traceparent";
    /** Where the relay puts it on an event: the CloudEvents Distributed Tracing extension in Kafka binary mode. */
    public static final String CE_HEADER = "ce_traceparent";
    private static final Pattern VALID = Pattern.compile("00-(?!0{32})[0-9a-f]{32}-(?!0{16})[0-9a-f]{16}-[0-9a-f]{2}");

    private TraceParent() {
    }

    public static boolean isValid(String value) {
        return value != null && VALID.matcher(value).matches();
    }

    /** The trace id of a valid header, else null. */
    public static String traceId(String value) {
        return isValid(value) ? value.substring(3, 35) : null;
    }

    /** A header for the next hop: the same trace and flags with a new parent id, or a new sampled trace. */
    public static String nextHop(String incoming) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        // Written into one array: this runs for every request the gateway passes on.
        byte[] header = new byte[55];
        if (isValid(incoming)) {
            for (int i = 0; i < 36; i++) {
                header[i] = (byte) incoming.charAt(i);
            }
            header[53] = (byte) incoming.charAt(53);
            header[54] = (byte) incoming.charAt(54);
        } else {
            header[0] = '0';
            header[1] = '0';
            header[2] = '-';
            hex(random.nextLong() | 1L, header, 3);
            hex(random.nextLong(), header, 19);
            header[35] = '-';
            header[53] = '0';
            header[54] = '1';
        }
        hex(random.nextLong() | 1L, header, 36);
        header[52] = '-';
        return new String(header, StandardCharsets.ISO_8859_1);
    }

    /** The header as it came, when valid; a new trace otherwise (a service reached without the gateway). */
    public static String acceptOrStart(String incoming) {
        return isValid(incoming) ? incoming : nextHop(null);
    }

    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.ISO_8859_1);

    /** The 16 lower-case hex digits of {@code value} at {@code at}. */
    private static void hex(long value, byte[] into, int at) {
        for (int i = 15; i >= 0; i--) {
            into[at + i] = HEX[(int) (value & 0xF)];
            value >>>= 4;
        }
    }
}
