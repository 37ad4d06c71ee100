package org.shequ.webhooks.subscription;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.shequ.webhooks.delivery.WebhookConfig;

/**
 * Keeps subscriber URLs from turning the service against its own network (server-side request forgery): an endpoint
 * must be https on a host whose every address is public; loopback, link-local (cloud metadata at 169.254.169.254
 * included), private, unique-local, multicast and unspecified addresses are refused, unless the host is on
 * {@code webhooks.allowed-private-hosts} (the local stack and the tests name 127.0.0.1; plain http is allowed there
 * only). Checked when a subscription is written and again before every delivery, since DNS can change in between.
 */
@ApplicationScoped
public class EndpointGuard {

    private final Set<String> allowedPrivateHosts;

    public EndpointGuard(WebhookConfig config) {
        this.allowedPrivateHosts = Arrays.stream(config.allowedPrivateHosts().orElse("").split(",")).map(String::strip)
                .filter(h -> !h.isEmpty()).map(h -> h.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
    }

    /** Why the URL may not be called, or empty when it may. */
    public Optional<String> refusal(String url) {
        URI uri;
        try {
            uri = URI.create(url.strip());
        } catch (IllegalArgumentException e) {
            return Optional.of("is not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost() == null ? null : uri.getHost().toLowerCase(Locale.ROOT);
        if (host == null || !(scheme.equals("https") || scheme.equals("http")) || uri.getUserInfo() != null) {
            return Optional.of("must be an https URL with a host and no credentials");
        }
        boolean allowed = allowedPrivateHosts.contains(host.replace("[", "").replace("]", ""));
        if (!allowed && !scheme.equals("https")) {
            return Optional.of("must be https");
        }
        if (allowed) {
            return Optional.empty();
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            return Optional.of("names a host that does not resolve");
        }
        for (InetAddress address : addresses) {
            if (!isPublic(address)) {
                return Optional.of("resolves to " + address.getHostAddress()
                        + ", a loopback, private, link-local or metadata address");
            }
        }
        return Optional.empty();
    }

    static boolean isPublic(InetAddress address) {
        if (address.isLoopbackAddress() || address.isLinkLocalAddress() || address.isSiteLocalAddress()
                || address.isAnyLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet6Address) {
            return (b[0] & 0xfe) != 0xfc; // fc00::/7, unique local (fd00:ec2::254 is a metadata address)
        }
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        return !(first == 100 && second >= 64 && second < 128) // 100.64/10, carrier-grade NAT
                && !(first == 0) && !(first == 198 && (second == 18 || second == 19)); // this network; benchmarks
    }
}
