package org.shequ.gateway.edge;

import io.netty.handler.ipfilter.IpFilterRuleType;
import io.netty.handler.ipfilter.IpSubnetFilterRule;
import io.netty.util.NetUtil;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.shequ.gateway.GatewayConfig;

/**
 * Who the client is when the gateway sits behind proxies (the Ingress). The configured header ({@code
 * X-Forwarded-For} or RFC 7239 {@code Forwarded}) is believed only from a peer in the trusted ranges, and only as far
 * as it was written by trusted proxies: walking it from the right, the first address that is not a trusted proxy is
 * the client. Anything a client wrote further left is ignored, so forging the header gains nothing; an entry that is
 * not an IP address ends the walk at the proxy that passed it on. Without trusted ranges the peer is the client.
 * Addresses are parsed as literals only: no name is ever looked up.
 */
@ApplicationScoped
public class ClientAddresses {


    private final List<IpSubnetFilterRule> trusted;
    private final boolean rfc7239;

    @Inject
    public ClientAddresses(GatewayConfig config) {
        this(config.trustedProxies().orElse(List.of()), config.clientAddressHeader());
    }

    ClientAddresses(List<String> trustedRanges, String header) {
        this.trusted = trustedRanges.stream().map(String::strip).filter(r -> !r.isEmpty()).map(ClientAddresses::range)
                .toList();
        String name = header.strip().toLowerCase(Locale.ROOT);
        if (!name.equals("x-forwarded-for") && !name.equals("forwarded")) {
            throw new IllegalArgumentException("SHEQU_GATEWAY_CLIENT_ADDRESS_HEADER: X-Forwarded-For or Forwarded, not "
                    + header);
        }
        this.rfc7239 = name.equals("forwarded");
    }

    /** Whether the peer is one of the trusted proxies, whose connections carry many clients. */
    public boolean isTrustedProxy(String peer) {
        return !trusted.isEmpty() && isTrusted(peer);
    }

    /** The header the trusted proxies name the client in. */
    public String headerName() {
        return rfc7239 ? "Forwarded" : "X-Forwarded-For";
    }

    /** The client's address from the peer's and the values of {@link #headerName()} the request carries. */
    public String of(String peer, List<String> headerValues) {
        String client = peer;
        if (trusted.isEmpty() || !isTrusted(client)) {
            return client;
        }
        List<String> hops = rfc7239 ? forwardedFor(headerValues) : commaSeparated(headerValues);
        for (int i = hops.size() - 1; i >= 0; i--) {
            InetAddress hop = literal(hops.get(i));
            if (hop == null) {
                return client; // unparseable: the trusted proxy that passed it on is as far as the chain is known
            }
            client = hop.getHostAddress();
            if (!isTrusted(hop)) {
                return client;
            }
        }
        return client;
    }

    private boolean isTrusted(String address) {
        InetAddress literal = literal(address);
        return literal != null && isTrusted(literal);
    }

    private boolean isTrusted(InetAddress address) {
        InetSocketAddress socket = new InetSocketAddress(address, 0);
        return trusted.stream().anyMatch(rule -> rule.matches(socket));
    }

    private static List<String> commaSeparated(List<String> values) {
        List<String> hops = new ArrayList<>();
        values.forEach(value -> {
            for (String hop : value.split(",", -1)) {
                hops.add(hop.strip());
            }
        });
        return hops;
    }

    /**
     * The {@code for=} of each element of RFC 7239 §4 {@code Forwarded} values, in order; an element without one, or
     * one the grammar does not allow, is kept as an empty entry, which stops the walk there.
     */
    static List<String> forwardedFor(List<String> values) {
        List<String> hops = new ArrayList<>();
        for (String value : values) {
            for (String element : split(value, ',')) {
                String found = "";
                for (String pair : split(element, ';')) {
                    int equals = pair.indexOf('=');
                    if (equals > 0 && pair.substring(0, equals).strip().equalsIgnoreCase("for")) {
                        found = unquote(pair.substring(equals + 1).strip());
                    }
                }
                hops.add(found);
            }
        }
        return hops;
    }

    /** Splits on {@code separator} outside quoted-strings (RFC 9110 §5.6.4, with its backslash escapes). */
    private static List<String> split(String text, char separator) {
        List<String> parts = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted && c == '\\' && i + 1 < text.length()) {
                part.append(c).append(text.charAt(++i));
            } else if (c == '"') {
                quoted = !quoted;
                part.append(c);
            } else if (c == separator && !quoted) {
                parts.add(part.toString());
                part.setLength(0);
            } else {
                part.append(c);
            }
        }
        parts.add(part.toString());
        return parts;
    }

    private static String unquote(String value) {
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            return value.substring(1, value.length() - 1).replaceAll("\\\\(.)", "$1");
        }
        return value;
    }

    /**
     * An IPv4 or IPv6 literal, as X-Forwarded-For and RFC 7239 node names write them ({@code 192.0.2.1},
     * {@code 192.0.2.1:4711}, {@code [2001:db8::1]}, {@code [2001:db8::1]:4711}, a bare {@code 2001:db8::1}), else
     * null: {@code unknown}, obfuscated names and host names are not addresses.
     */
    static InetAddress literal(String text) {
        String host = text.strip();
        if (host.startsWith("[")) {
            int close = host.indexOf(']');
            String rest = close < 0 ? "x" : host.substring(close + 1);
            if (close < 0 || !(rest.isEmpty() || rest.matches(":[0-9]{1,5}"))) {
                return null;
            }
            host = host.substring(1, close);
        } else if (host.indexOf(':') == host.lastIndexOf(':') && host.indexOf(':') > 0) {
            if (!host.substring(host.indexOf(':') + 1).matches("[0-9]{1,5}")) {
                return null;
            }
            host = host.substring(0, host.indexOf(':')); // IPv4 with a port
        }
        byte[] bytes = NetUtil.createByteArrayFromIpAddressString(host);
        if (bytes == null) {
            return null;
        }
        try {
            return InetAddress.getByAddress(bytes); // from bytes: no lookup
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private static IpSubnetFilterRule range(String cidr) {
        int slash = cidr.indexOf('/');
        InetAddress base = literal(slash < 0 ? cidr : cidr.substring(0, slash));
        if (base == null) {
            throw new IllegalArgumentException("SHEQU_GATEWAY_TRUSTED_PROXIES: '" + cidr
                    + "' is not an IP address or CIDR range (names are never looked up)");
        }
        int bits = base.getAddress().length * 8;
        int prefix;
        try {
            prefix = slash < 0 ? bits : Integer.parseInt(cidr.substring(slash + 1));
        } catch (NumberFormatException e) {
            prefix = -1;
        }
        if (prefix < 0 || prefix > bits) {
            throw new IllegalArgumentException("SHEQU_GATEWAY_TRUSTED_PROXIES: '" + cidr + "' has no valid prefix length");
        }
        return new IpSubnetFilterRule(base, prefix, IpFilterRuleType.ACCEPT);
    }
}
