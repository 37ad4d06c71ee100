package org.shequ.gateway.front;

import io.netty.buffer.ByteBuf;
import io.netty.util.concurrent.FastThreadLocal;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The head of a request the front door serves itself, read straight from the connection's bytes, with the head to
 * send on to the service written while reading (headers a service must not see left out). Only the plainest
 * requests qualify: a {@code GET} or {@code HEAD} over HTTP/1.1 without a body, whose path needs no normalising, with
 * well-formed headers, no {@code Origin} (browsers' CORS is the full pipeline's) and nothing that changes how the
 * connection is framed ({@code Transfer-Encoding}, {@code Content-Length} other than 0, {@code Expect},
 * {@code Upgrade}, {@code Connection} naming headers). Anything else is {@link #NOT_MINE}: the connection is handed,
 * bytes untouched, to the full pipeline, which answers it (and a malformed request) exactly as before.
 */
final class RequestHead {

    /** The request is not one for the front door. */
    static final RequestHead NOT_MINE = new RequestHead();
    /** Longest head the front door reads before handing the request on (the full pipeline answers 431 beyond 16K). */
    static final int MAX_HEAD_BYTES = 8192;

    private static final byte CR = '\r';
    private static final byte LF = '\n';
    private static final byte[] HTTP_11 = ascii(" HTTP/1.1");
    private static final byte[] GET = ascii("GET ");
    private static final byte[] HEAD = ascii("HEAD ");
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final FastThreadLocal<byte[]> SCRATCH = new FastThreadLocal<>() {
        @Override
        protected byte[] initialValue() {
            return new byte[MAX_HEAD_BYTES];
        }
    };
    private static final boolean[] TOKEN = new boolean[128];
    private static final boolean[] PATH = new boolean[128];
    private static final boolean[] QUERY = new boolean[128];

    static {
        for (char c = '0'; c <= '9'; c++) {
            TOKEN[c] = PATH[c] = QUERY[c] = true;
        }
        for (char c = 'a'; c <= 'z'; c++) {
            TOKEN[c] = PATH[c] = QUERY[c] = true;
            TOKEN[Character.toUpperCase(c)] = PATH[Character.toUpperCase(c)] = QUERY[Character.toUpperCase(c)] = true;
        }
        for (char c : "!#$&'*+-.^_`|~".toCharArray()) {
            TOKEN[c] = true;
        }
        // RFC 3986 pchar without pct-encoded (a path with % escapes is normalised by the full pipeline) plus '/'.
        for (char c : "-._~!$&'()*+,;=:@/".toCharArray()) {
            PATH[c] = QUERY[c] = true;
        }
        for (char c : "%?/".toCharArray()) {
            QUERY[c] = true;
        }
    }

    boolean head;
    String path;
    /** The request target as sent (path and query), for the access log. */
    String target;
    /** This thread's scratch copy of the head; the raw {@code Authorization} value is a range of it. */
    private byte[] bytes;
    private int authorizationStart;
    private int authorizationEnd;
    String host;
    String requestId;
    String traceParent;
    String acceptEncoding;
    boolean close;
    /** Bytes the head took on the connection, the blank line included. */
    int length;

    private RequestHead() {
    }

    /**
     * Reads a head from {@code in}'s readable bytes without consuming them. Returns {@code null} when the head is
     * not complete yet, {@link #NOT_MINE} when the request is not for the front door, else the head, with what the
     * service should see of it (request line and forwarded headers, not the blank line) written to {@code out}.
     * The bytes are read once into this thread's scratch array, where the head's raw values stay until the next
     * read on this thread.
     */
    static RequestHead read(ByteBuf in, ByteBuf out) {
        int available = in.readableBytes();
        int n = Math.min(available, MAX_HEAD_BYTES);
        byte[] b = SCRATCH.get();
        in.getBytes(in.readerIndex(), b, 0, n);
        RequestHead head = parse(b, n, out);
        return head == null && available >= MAX_HEAD_BYTES ? NOT_MINE : head;
    }

    private static RequestHead parse(byte[] b, int limit, ByteBuf out) {
        RequestHead head = new RequestHead();
        head.bytes = b;
        int i;
        // Request line: GET or HEAD, an origin-form target, HTTP/1.1.
        if (limit >= 4 && b[0] == 'G' && b[1] == 'E' && b[2] == 'T' && b[3] == ' ') {
            i = 4;
        } else if (limit >= 5 && b[0] == 'H' && b[1] == 'E' && b[2] == 'A' && b[3] == 'D' && b[4] == ' ') {
            head.head = true;
            i = 5;
        } else {
            return limit < 5 && (prefixOf(b, limit, GET) || prefixOf(b, limit, HEAD)) ? null : NOT_MINE;
        }
        int targetStart = i;
        if (i >= limit) {
            return null;
        }
        if (b[i] != '/') {
            return NOT_MINE;
        }
        int queryAt = -1;
        byte previous = 0;
        for (; i < limit; i++) {
            byte c = b[i];
            if (c == ' ') {
                break;
            }
            if (c < 0) {
                return NOT_MINE;
            }
            if (queryAt < 0) {
                if (c == '?') {
                    queryAt = i;
                } else if (!PATH[c] || (previous == '/' && (c == '/' || c == '.'))) {
                    return NOT_MINE; // '//' and segments starting with '.' ('.', '..', '.x') are normalised elsewhere
                }
            } else if (!QUERY[c]) {
                return NOT_MINE;
            }
            previous = c;
        }
        int targetEnd = i;
        if (i + HTTP_11.length + 2 > limit) {
            return null;
        }
        for (byte c : HTTP_11) {
            if (b[i++] != c) {
                return NOT_MINE;
            }
        }
        if (b[i] != CR || b[i + 1] != LF) {
            return NOT_MINE;
        }
        i += 2;
        head.target = new String(b, targetStart, targetEnd - targetStart, StandardCharsets.US_ASCII);
        head.path = queryAt < 0 ? head.target : head.target.substring(0, queryAt - targetStart);
        out.writeBytes(b, 0, i);
        // Header lines until the blank one.
        boolean host = false;
        boolean lengthSeen = false;
        while (true) {
            if (i + 2 > limit) {
                return null;
            }
            if (b[i] == CR) {
                if (b[i + 1] != LF) {
                    return NOT_MINE;
                }
                head.length = i + 2;
                return host ? head : NOT_MINE;
            }
            int lineStart = i;
            while (i < limit && b[i] != ':') {
                byte c = b[i];
                if (c < 0 || !TOKEN[c]) {
                    return NOT_MINE; // also obs-fold (a line starting with whitespace) and space before the colon
                }
                i++;
            }
            if (i >= limit) {
                return null;
            }
            int nameLength = i - lineStart;
            if (nameLength == 0) {
                return NOT_MINE;
            }
            i++;
            while (i < limit && (b[i] == ' ' || b[i] == '\t')) {
                i++;
            }
            int valueStart = i;
            while (i + 8 <= limit && plainText((long) LONGS.get(b, i))) {
                i += 8; // eight bytes without a control character (a token is hundreds of them)
            }
            while (i < limit) {
                byte c = b[i];
                if (c == CR) {
                    break;
                }
                if (c >= 0 && c < 0x20 && c != '\t' || c == 0x7f) {
                    return NOT_MINE; // control characters, a bare LF included
                }
                i++;
            }
            if (i + 1 >= limit) {
                return null;
            }
            if (b[i + 1] != LF) {
                return NOT_MINE;
            }
            int valueEnd = i;
            while (valueEnd > valueStart && (b[valueEnd - 1] == ' ' || b[valueEnd - 1] == '\t')) {
                valueEnd--;
            }
            i += 2;
            switch (HeaderNames.kind(b, lineStart, nameLength)) {
                case FORWARD -> out.writeBytes(b, lineStart, i - lineStart);
                case DROP -> {
                }
                case NOT_MINE -> {
                    return NOT_MINE;
                }
                case HOST -> {
                    if (host) {
                        return NOT_MINE;
                    }
                    host = true;
                    head.host = value(b, valueStart, valueEnd);
                    out.writeBytes(b, lineStart, i - lineStart);
                }
                case AUTHORIZATION -> {
                    if (head.authorizationEnd != 0) {
                        return NOT_MINE;
                    }
                    head.authorizationStart = valueStart;
                    head.authorizationEnd = valueEnd;
                    out.writeBytes(b, lineStart, i - lineStart); // the services check the token again
                }
                case CONTENT_LENGTH -> {
                    if (lengthSeen || valueEnd - valueStart != 1 || b[valueStart] != '0') {
                        return NOT_MINE; // a body, or a length said twice (a smuggling attempt's shape)
                    }
                    lengthSeen = true;
                }
                case CONNECTION -> {
                    String value = value(b, valueStart, valueEnd);
                    if (value.equalsIgnoreCase("close")) {
                        head.close = true;
                    } else if (!value.equalsIgnoreCase("keep-alive")) {
                        return NOT_MINE; // names headers of this hop, or upgrades: the full pipeline's
                    }
                }
                case REQUEST_ID -> head.requestId = value(b, valueStart, valueEnd);
                case TRACE_PARENT -> head.traceParent = value(b, valueStart, valueEnd);
                case ACCEPT_ENCODING -> head.acceptEncoding = head.acceptEncoding == null
                        ? value(b, valueStart, valueEnd) : head.acceptEncoding + "," + value(b, valueStart, valueEnd);
            }
        }
    }

    /** Whether the request carries an {@code Authorization} header. */
    boolean hasAuthorization() {
        return authorizationEnd != 0;
    }

    /** Whether its {@code Authorization} value is {@code known}'s, compared on the bytes. */
    boolean authorizationIs(byte[] known) {
        return known != null && Arrays.equals(bytes, authorizationStart, authorizationEnd, known, 0, known.length);
    }

    byte[] authorizationBytes() {
        return Arrays.copyOfRange(bytes, authorizationStart, authorizationEnd);
    }

    String authorization() {
        return value(bytes, authorizationStart, authorizationEnd);
    }

    /**
     * Whether none of eight bytes is a control character (below 0x20, CR, LF and tab included, or 0x7F): the
     * "has a byte less than n" bit trick on a word, checked for 0x20 and for a 0x7F byte; obs-text (0x80 and above)
     * passes.
     */
    private static boolean plainText(long word) {
        long below20 = (word - 0x2020202020202020L) & ~word & 0x8080808080808080L;
        long del = word ^ 0x7F7F7F7F7F7F7F7FL;
        long is7f = (del - 0x0101010101010101L) & ~del & 0x8080808080808080L;
        return (below20 | is7f) == 0;
    }

    private static boolean prefixOf(byte[] b, int limit, byte[] word) {
        for (int k = 0; k < limit && k < word.length; k++) {
            if (b[k] != word[k]) {
                return false;
            }
        }
        return true;
    }

    private static String value(byte[] b, int from, int to) {
        return new String(b, from, to - from, StandardCharsets.ISO_8859_1);
    }

    static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
