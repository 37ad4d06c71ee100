package org.shequ.gateway.front;

import java.util.HashMap;
import java.util.Map;
import org.shequ.gateway.edge.EdgeAuth;
import org.shequ.gateway.proxy.ReverseProxy;

/**
 * What the front door does with each request header, by name, compared on the bytes without a lower-cased copy. The
 * rules are the full pipeline's ({@code EdgeAuth}, {@code ReverseProxy}): identity headers and {@code X-Shequ-*} are
 * dropped, as are hop-by-hop headers, what a client claims about forwarding and its encodings (the gateway
 * compresses, the hop to the service stays plain); the request id and trace are said again by the gateway.
 */
final class HeaderNames {

    enum Kind { FORWARD, DROP, NOT_MINE, HOST, AUTHORIZATION, CONTENT_LENGTH, CONNECTION, REQUEST_ID, TRACE_PARENT,
        ACCEPT_ENCODING }

    private static final Map<String, Kind> KINDS = new HashMap<>();
    /** Names by length, so most headers are ruled on after one array lookup and a few byte comparisons. */
    private static final byte[][][] BY_LENGTH = new byte[64][][];
    private static final Kind[][] KIND_BY_LENGTH = new Kind[64][];

    static {
        // The full pipeline's rules first (ReverseProxy, EdgeAuth); then the headers the front door reads itself.
        ReverseProxy.notForwarded().forEach(name -> KINDS.put(name, Kind.DROP));
        EdgeAuth.identityHeaders().forEach(name -> KINDS.put(name, Kind.DROP));
        KINDS.put("host", Kind.HOST);
        KINDS.put("authorization", Kind.AUTHORIZATION);
        KINDS.put("content-length", Kind.CONTENT_LENGTH);
        KINDS.put("connection", Kind.CONNECTION);
        KINDS.put("x-request-id", Kind.REQUEST_ID);
        KINDS.put("traceparent", Kind.TRACE_PARENT);
        KINDS.put("accept-encoding", Kind.ACCEPT_ENCODING);
        // Framing, upgrades and CORS: the full pipeline's to handle; so are the client address headers of a proxy in
        // front, which only the full pipeline weighs against the trusted ranges (edge.ClientAddresses).
        for (String name : new String[] {"transfer-encoding", "upgrade", "expect", "origin", "http2-settings",
            "forwarded", "x-forwarded-for"}) {
            KINDS.put(name, Kind.NOT_MINE);
        }
        Map<Integer, Integer> counts = new HashMap<>();
        KINDS.keySet().forEach(name -> counts.merge(name.length(), 1, Integer::sum));
        counts.forEach((length, count) -> {
            BY_LENGTH[length] = new byte[count][];
            KIND_BY_LENGTH[length] = new Kind[count];
        });
        Map<Integer, Integer> filled = new HashMap<>();
        KINDS.forEach((name, kind) -> {
            int slot = filled.merge(name.length(), 1, Integer::sum) - 1;
            BY_LENGTH[name.length()][slot] = RequestHead.ascii(name);
            KIND_BY_LENGTH[name.length()][slot] = kind;
        });
    }

    private HeaderNames() {
    }

    static Kind kind(byte[] in, int start, int length) {
        if (length > 8 && lowerAt(in, start) == 'x' && lowerAt(in, start + 1) == '-' && lowerAt(in, start + 2) == 's'
                && matches(in, start, "x-shequ-")) {
            return Kind.DROP;
        }
        if (length > 12 && lowerAt(in, start) == 'x' && matches(in, start, "x-forwarded-")) {
            return length == 15 && matches(in, start, "x-forwarded-for") ? Kind.NOT_MINE : Kind.DROP;
        }
        if (length >= BY_LENGTH.length || BY_LENGTH[length] == null) {
            return Kind.FORWARD;
        }
        byte[][] names = BY_LENGTH[length];
        for (int n = 0; n < names.length; n++) {
            if (equalsLower(in, start, names[n])) {
                return KIND_BY_LENGTH[length][n];
            }
        }
        return Kind.FORWARD;
    }

    private static boolean matches(byte[] in, int start, String prefix) {
        for (int k = 0; k < prefix.length(); k++) {
            if (lowerAt(in, start + k) != prefix.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private static boolean equalsLower(byte[] in, int start, byte[] lowerName) {
        for (int k = 0; k < lowerName.length; k++) {
            if (lowerAt(in, start + k) != lowerName[k]) {
                return false;
            }
        }
        return true;
    }

    private static int lowerAt(byte[] in, int index) {
        byte b = in[index];
        return b >= 'A' && b <= 'Z' ? b + 32 : b;
    }
}
