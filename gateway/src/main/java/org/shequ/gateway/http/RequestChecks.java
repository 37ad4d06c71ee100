package org.shequ.gateway.http;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpVersion;
import java.util.List;

/**
 * What a request must be, beyond what Netty's decoder already refuses (bare CR or LF, a space before a colon,
 * {@code Content-Length} with {@code Transfer-Encoding}, differing lengths, an empty header name, {@code chunked}
 * not last): the ambiguities RFC 9112 leaves to the recipient, settled the strict way. Each check names what is
 * wrong, so the client can fix it; the connection is closed after such an answer, since how its bytes are framed
 * can no longer be trusted.
 */
public final class RequestChecks {

    /** A request the gateway will not pass on, with the status and words of its refusal. */
    public record Refused(int status, String slug, String detail) {
    }

    private RequestChecks() {
    }

    /** {@code null} when the request is fine; else why not. {@code http2} requests have no framing headers. */
    public static Refused check(HttpRequest request, boolean http2) {
        HttpHeaders headers = request.headers();
        if (!http2 && request.protocolVersion() != HttpVersion.HTTP_1_1 && request.protocolVersion() != HttpVersion.HTTP_1_0) {
            return new Refused(505, "http-version-not-supported", "Only HTTP/1.1 and HTTP/2 are served here");
        }
        List<String> codings = headers.getAll(HttpHeaderNames.TRANSFER_ENCODING);
        if (!codings.isEmpty() && !(codings.size() == 1 && codings.get(0).strip().equalsIgnoreCase("chunked"))) {
            // RFC 9112 §6.1: a coding the server does not understand is a 501; "chunked" is the only one served.
            return new Refused(501, "transfer-coding-not-supported",
                    "Transfer-Encoding may only be chunked, given once");
        }
        List<String> hosts = headers.getAll(HttpHeaderNames.HOST);
        if (hosts.size() > 1) {
            return new Refused(400, "bad-request", "More than one Host header");
        }
        if (hosts.isEmpty() ? !http2 && request.protocolVersion() == HttpVersion.HTTP_1_1 : !validHost(hosts.get(0))) {
            return new Refused(400, "bad-request", hosts.isEmpty() ? "An HTTP/1.1 request needs a Host header"
                    : "The Host header is not a host name or address with an optional port");
        }
        if (headers.getAll(HttpHeaderNames.AUTHORIZATION).size() > 1) {
            return new Refused(400, "bad-request", "More than one Authorization header");
        }
        if (headers.getAll(HttpHeaderNames.CONTENT_TYPE).size() > 1) {
            return new Refused(400, "bad-request", "More than one Content-Type header");
        }
        String expect = headers.get(HttpHeaderNames.EXPECT);
        if (expect != null && !expect.strip().equalsIgnoreCase("100-continue")) {
            return new Refused(417, "expectation-failed", "The only expectation served is 100-continue");
        }
        return null;
    }

    /**
     * RFC 9110 §7.2 {@code Host = uri-host [ ":" port ]}, narrowed to what a city's gateway is called by: a DNS name
     * (letters, digits, {@code -} and {@code .}), an IPv4 address, or an IPv6 address in brackets, and at most five
     * port digits. No user info, path, list, space or non-ASCII character gets through to become a service's
     * {@code Location}.
     */
    public static boolean validHost(String host) {
        if (host.isEmpty() || host.length() > 255) {
            return false;
        }
        int portAt = host.lastIndexOf(':');
        String name = host;
        if (host.charAt(0) == '[') {
            int close = host.indexOf(']');
            if (close < 0) {
                return false;
            }
            name = host.substring(1, close);
            portAt = close + 1 < host.length() ? close + 1 : -1;
            if (portAt > 0 && host.charAt(portAt) != ':') {
                return false;
            }
            if (!ipv6(name)) {
                return false;
            }
        } else if (portAt >= 0) {
            name = host.substring(0, portAt);
        }
        if (portAt >= 0 && !port(host.substring(portAt + 1))) {
            return false;
        }
        return host.charAt(0) == '[' || dnsName(name);
    }

    private static boolean port(String digits) {
        if (digits.isEmpty() || digits.length() > 5) {
            return false;
        }
        for (int i = 0; i < digits.length(); i++) {
            if (digits.charAt(i) < '0' || digits.charAt(i) > '9') {
                return false;
            }
        }
        return Integer.parseInt(digits) <= 65_535;
    }

    private static boolean dnsName(String name) {
        if (name.isEmpty() || name.startsWith(".") || name.startsWith("-") || name.contains("..")) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean ok = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '.';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static boolean ipv6(String address) {
        if (address.isEmpty() || address.length() > 45) {
            return false;
        }
        for (int i = 0; i < address.length(); i++) {
            char c = Character.toLowerCase(address.charAt(i));
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c == ':' || c == '.')) {
                return false;
            }
        }
        return address.contains(":");
    }
}
