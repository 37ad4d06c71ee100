package org.shequ.gateway.front;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.shequ.gateway.limits.Verdict;

/** The header lines the gateway adds, written straight into a head's buffer (no string built per request). */
final class HeadLines {

    private static final byte[] CRLF = bytes("\r\n");
    private static final byte[] REQUEST_ID = bytes("X-Request-Id: ");
    private static final byte[] TRACE_PARENT = bytes("traceparent: ");
    private static final byte[] FORWARDED_FOR = bytes("X-Forwarded-For: ");
    private static final byte[] FORWARDED_PROTO_HOST = bytes("\r\nX-Forwarded-Proto: http\r\nX-Forwarded-Host: ");
    private static final byte[] CLOSE = bytes("Connection: close\r\n");
    private static final byte[] CONTENT_ENCODING = bytes("Content-Encoding: ");
    private static final byte[] CONTENT_LENGTH = bytes("\r\nContent-Length: ");
    private static final byte[] VARY = bytes("\r\nVary: Accept-Encoding\r\n");
    private static final byte[] RATE_LIMIT_T = bytes(";t=");
    /** Per policy name: its whole {@code RateLimit-Policy} line and the start of its {@code RateLimit} line. */
    private static final Map<String, byte[][]> POLICY_LINES = new ConcurrentHashMap<>();

    private HeadLines() {
    }

    static void requestId(ByteBuf out, String requestId) {
        out.writeBytes(REQUEST_ID);
        ByteBufUtil.writeAscii(out, requestId);
        out.writeBytes(CRLF);
    }

    static void traceParent(ByteBuf out, String traceParent) {
        out.writeBytes(TRACE_PARENT);
        ByteBufUtil.writeAscii(out, traceParent);
        out.writeBytes(CRLF);
    }

    static void forwarded(ByteBuf out, String address, String host) {
        out.writeBytes(FORWARDED_FOR);
        ByteBufUtil.writeAscii(out, address);
        out.writeBytes(FORWARDED_PROTO_HOST);
        out.writeCharSequence(host, StandardCharsets.ISO_8859_1);
        out.writeBytes(CRLF);
    }

    /** {@code RateLimit-Policy} and {@code RateLimit} (draft-ietf-httpapi-ratelimit-headers), and {@code Retry-After} when refused. */
    static void limits(ByteBuf out, Verdict verdict) {
        if (verdict == null) {
            return;
        }
        byte[][] lines = POLICY_LINES.computeIfAbsent(verdict.policy().name(), name -> new byte[][] {
            bytes("RateLimit-Policy: " + verdict.policyHeader() + "\r\n"), bytes("RateLimit: \"" + name + "\";r=")});
        out.writeBytes(lines[0]);
        out.writeBytes(lines[1]);
        digits(out, verdict.remaining());
        out.writeBytes(RATE_LIMIT_T);
        digits(out, verdict.secondsToFull());
        out.writeBytes(CRLF);
        if (!verdict.allowed()) {
            ByteBufUtil.writeAscii(out, "Retry-After: " + verdict.retryAfterSeconds() + "\r\n");
        }
    }

    /** A non-negative number in decimal, without a string in between. */
    static void digits(ByteBuf out, long value) {
        if (value < 0) {
            ByteBufUtil.writeAscii(out, Long.toString(value));
            return;
        }
        long scale = 1;
        while (scale <= value / 10) {
            scale *= 10;
        }
        for (; scale > 0; scale /= 10) {
            out.writeByte((int) ('0' + value / scale % 10));
        }
    }

    static void compressed(ByteBuf out, String encoding, int length) {
        out.writeBytes(CONTENT_ENCODING);
        ByteBufUtil.writeAscii(out, encoding);
        out.writeBytes(CONTENT_LENGTH);
        ByteBufUtil.writeAscii(out, Integer.toString(length));
        out.writeBytes(VARY);
    }

    static void close(ByteBuf out) {
        out.writeBytes(CLOSE);
    }

    static void end(ByteBuf out) {
        out.writeBytes(CRLF);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }
}
