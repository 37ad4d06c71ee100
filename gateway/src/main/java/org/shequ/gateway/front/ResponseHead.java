package org.shequ.gateway.front;

import io.netty.buffer.ByteBuf;
import io.netty.util.concurrent.FastThreadLocal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A service's answer head as the front door needs it: status, how the body is framed, what it is, and the header
 * lines to pass on (those of this hop only, and the service's request id, which the gateway says itself, left out).
 */
final class ResponseHead {

    /** Longest answer head accepted from a service; beyond it the answer is a 502. */
    static final int MAX_HEAD_BYTES = 65536;

    int status;
    /** -1 when not declared. */
    long contentLength = -1;
    boolean chunked;
    boolean close;
    String contentType;
    boolean encoded;
    /** The status line, CRLF included. */
    int statusLineEnd;
    /** Bytes of the head, the blank line included. */
    int length;
    /**
     * The header lines to pass on, three ints each: start and end offset (CRLF included) relative to the head's
     * start, and 1 for a framing line ({@code Content-Length}, {@code Transfer-Encoding}), which a compressed answer
     * says anew.
     */
    private int[] kept = new int[36];
    private int keptLines;
    private static final int DROP = 0;
    private static final int PASS = 1;
    private static final int FRAMING = 2;
    private List<String> connectionTokens;
    private static final FastThreadLocal<byte[]> SCRATCH = new FastThreadLocal<>() {
        @Override
        protected byte[] initialValue() {
            return new byte[MAX_HEAD_BYTES];
        }
    };

    /**
     * Reads a head from {@code in}'s readable bytes without consuming them: {@code null} while incomplete.
     * Throws {@link IllegalStateException} for something that is not an HTTP/1.1 answer head.
     */
    static ResponseHead read(ByteBuf in) {
        int available = in.readableBytes();
        int n = Math.min(available, MAX_HEAD_BYTES);
        byte[] b = SCRATCH.get();
        in.getBytes(in.readerIndex(), b, 0, n);
        int blank = blankLine(b, n);
        if (blank < 0) {
            if (available >= MAX_HEAD_BYTES) {
                throw new IllegalStateException("answer head too large");
            }
            return null;
        }
        ResponseHead head = new ResponseHead();
        head.length = blank + 4;
        int lineEnd = indexOf(b, 0, blank + 2, (byte) '\n');
        if (lineEnd < 12 || b[0] != 'H' || b[8] != ' ') {
            throw new IllegalStateException("not an HTTP answer");
        }
        head.status = (b[9] - '0') * 100 + (b[10] - '0') * 10 + (b[11] - '0');
        if (head.status < 100 || head.status > 599) {
            throw new IllegalStateException("bad status");
        }
        head.statusLineEnd = lineEnd + 1;
        int i = lineEnd + 1;
        while (i < blank + 2) {
            int next = indexOf(b, i, blank + 4, (byte) '\n');
            int colon = indexOf(b, i, next, (byte) ':');
            if (next < 0 || colon < 0) {
                throw new IllegalStateException("bad header line");
            }
            int valueStart = colon + 1;
            int valueEnd = next - 1; // the CR
            while (valueStart < valueEnd && (b[valueStart] == ' ' || b[valueStart] == '\t')) {
                valueStart++;
            }
            while (valueEnd > valueStart && (b[valueEnd - 1] == ' ' || b[valueEnd - 1] == '\t')) {
                valueEnd--;
            }
            int verdict = head.keep(b, i, colon - i, valueStart, valueEnd);
            if (verdict != DROP) {
                head.keepLine(i, next + 1, verdict == FRAMING);
            }
            i = next + 1;
        }
        if (head.connectionTokens != null) {
            head.dropNamedByConnection(b);
        }
        return head;
    }

    private void keepLine(int start, int end, boolean framing) {
        if (keptLines * 3 + 3 > kept.length) {
            kept = java.util.Arrays.copyOf(kept, kept.length * 2);
        }
        kept[keptLines * 3] = start;
        kept[keptLines * 3 + 1] = end;
        kept[keptLines * 3 + 2] = framing ? 1 : 0;
        keptLines++;
    }

    /** How many header lines pass on. */
    int lines() {
        return keptLines;
    }

    int lineStart(int line) {
        return kept[line * 3];
    }

    int lineEnd(int line) {
        return kept[line * 3 + 1];
    }

    /** Whether the line says how the body is framed. */
    boolean framing(int line) {
        return kept[line * 3 + 2] == 1;
    }

    /** Headers a {@code Connection} header names are for this hop only (RFC 9110 §7.6.1). */
    private void dropNamedByConnection(byte[] b) {
        int[] before = kept;
        int lines = keptLines;
        kept = new int[before.length];
        keptLines = 0;
        for (int k = 0; k < lines; k++) {
            int start = before[k * 3];
            String name = new String(b, start, indexOf(b, start, before[k * 3 + 1], (byte) ':') - start,
                    StandardCharsets.US_ASCII).toLowerCase(Locale.ROOT);
            if (!connectionTokens.contains(name)) {
                keepLine(start, before[k * 3 + 1], before[k * 3 + 2] == 1);
            }
        }
    }

    /** Notes what a header says about the answer; whether it is passed on ({@link #PASS}, {@link #FRAMING}) or not. */
    private int keep(byte[] b, int name, int nameLength, int valueStart, int valueEnd) {
        if (is(b, name, nameLength, "content-length")) {
            long length = 0;
            for (int k = valueStart; k < valueEnd; k++) {
                if (b[k] < '0' || b[k] > '9') {
                    throw new IllegalStateException("bad Content-Length");
                }
                length = length * 10 + (b[k] - '0');
            }
            contentLength = length;
            return FRAMING;
        } else if (is(b, name, nameLength, "transfer-encoding")) {
            chunked = endsWithIgnoreCase(b, valueStart, valueEnd, "chunked");
            return FRAMING;
        } else if (is(b, name, nameLength, "content-type")) {
            contentType = new String(b, valueStart, valueEnd - valueStart, StandardCharsets.ISO_8859_1);
        } else if (is(b, name, nameLength, "content-encoding")) {
            encoded = !is(b, valueStart, valueEnd - valueStart, "identity");
        } else if (is(b, name, nameLength, "connection")) {
            if (is(b, valueStart, valueEnd - valueStart, "close")) {
                close = true;
            } else if (!is(b, valueStart, valueEnd - valueStart, "keep-alive")) {
                connection(new String(b, valueStart, valueEnd - valueStart, StandardCharsets.ISO_8859_1));
            }
            return DROP;
        } else if (is(b, name, nameLength, "keep-alive") || is(b, name, nameLength, "proxy-connection")
                || is(b, name, nameLength, "x-request-id") || is(b, name, nameLength, "upgrade")
                || is(b, name, nameLength, "trailer")) {
            return DROP;
        }
        return PASS;
    }

    private static boolean is(byte[] b, int start, int length, String lowerName) {
        if (length != lowerName.length()) {
            return false;
        }
        for (int k = 0; k < length; k++) {
            int c = b[start + k];
            if ((c >= 'A' && c <= 'Z' ? c + 32 : c) != lowerName.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private static boolean endsWithIgnoreCase(byte[] b, int start, int end, String lowerSuffix) {
        return end - start >= lowerSuffix.length() && is(b, end - lowerSuffix.length(), lowerSuffix.length(),
                lowerSuffix);
    }

    private static int indexOf(byte[] b, int from, int to, byte wanted) {
        for (int k = from; k < to; k++) {
            if (b[k] == wanted) {
                return k;
            }
        }
        return -1;
    }

    private void connection(String value) {
        for (String token : value.split(",")) {
            String t = token.strip().toLowerCase(Locale.ROOT);
            if (t.equals("close")) {
                close = true;
            } else if (!t.isEmpty() && !t.equals("keep-alive")) {
                if (connectionTokens == null) {
                    connectionTokens = new ArrayList<>(2);
                }
                connectionTokens.add(t);
            }
        }
    }

    /** An answer without a body: to HEAD, informational, 204 and 304. */
    boolean bodiless(boolean toHead) {
        return toHead || status < 200 || status == 204 || status == 304;
    }

    /** A body that ends only when the service closes the connection (RFC 9112 §6.3: none of the above). */
    boolean delimitedByClose(boolean toHead) {
        return !bodiless(toHead) && !chunked && contentLength < 0;
    }

    private static int blankLine(byte[] b, int n) {
        for (int i = 0; i + 3 < n; i++) {
            if (b[i] == '\r' && b[i + 1] == '\n' && b[i + 2] == '\r' && b[i + 3] == '\n') {
                return i;
            }
        }
        return -1;
    }
}
