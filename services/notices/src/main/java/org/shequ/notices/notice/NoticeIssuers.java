package org.shequ.notices.notice;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The issuer each integration client publishes as, fixed when the client is registered
 * ({@code SHEQU_NOTICES_ISSUERS=client-id=issuer,…}): a utility's token names its client, never another's name.
 * An integration with no registration may publish nothing.
 */
@ApplicationScoped
public class NoticeIssuers {

    private final Map<String, String> byClient;

    public NoticeIssuers(@ConfigProperty(name = "notices.issuers") Optional<List<String>> registrations) {
        this.byClient = parse(registrations.orElse(List.of()));
    }

    public Optional<String> of(String client) {
        return Optional.ofNullable(byClient.get(client));
    }

    static Map<String, String> parse(List<String> registrations) {
        Map<String, String> parsed = new HashMap<>();
        for (String registration : registrations) {
            int equals = registration.indexOf('=');
            String client = equals < 0 ? "" : registration.substring(0, equals).strip();
            String issuer = equals < 0 ? "" : registration.substring(equals + 1).strip();
            if (client.isEmpty() || issuer.isEmpty() || parsed.putIfAbsent(client, issuer) != null) {
                // Refuse to start: a registration silently dropped would leave a utility unable to publish.
                throw new IllegalArgumentException("SHEQU_NOTICES_ISSUERS: '" + registration
                        + "' is not client-id=issuer, or names a client twice");
            }
        }
        return Map.copyOf(parsed);
    }
}
