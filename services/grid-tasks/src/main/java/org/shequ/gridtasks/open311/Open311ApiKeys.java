package org.shequ.gridtasks.open311;

import jakarta.enterprise.context.ApplicationScoped;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.shequ.platform.security.Sha256;

/**
 * The integration clients that post GeoReport requests with the spec's {@code api_key} instead of a bearer token
 * (city call-centre systems, 311 apps). {@code open311.api-keys} ({@code SHEQU_OPEN311_API_KEYS}) lists them as
 * {@code name:sha256-of-the-key}, comma-separated: only the keys' hashes are configured, so the config, the logs
 * and a heap dump never hold a key. A request's key is hashed and compared in constant time with each.
 */
@ApplicationScoped
public class Open311ApiKeys {

    private final Map<String, byte[]> clients = new LinkedHashMap<>();

    public Open311ApiKeys(@ConfigProperty(name = "open311.api-keys")
                          Optional<List<String>> configured) {
        for (String entry : configured.orElse(List.of())) {
            String[] parts = entry.strip().split(":", 2);
            if (parts.length != 2 || parts[0].isBlank() || !parts[1].matches("[0-9a-f]{64}")) {
                throw new IllegalStateException("open311.api-keys (SHEQU_OPEN311_API_KEYS): each entry is name:sha256-hex, not '"
                        + (parts.length == 2 ? parts[0] + ":…" : "…") + "'");
            }
            clients.put(parts[0].strip(), HexFormat.of().parseHex(parts[1]));
        }
    }

    /** The client whose key this is, as the actor its reports are filed by ({@code open311:city-app}). */
    Optional<String> client(String apiKey) {
        byte[] hash = Sha256.of(apiKey.strip());
        String found = null;
        for (Map.Entry<String, byte[]> client : clients.entrySet()) {
            if (MessageDigest.isEqual(hash, client.getValue())) {
                found = client.getKey(); // no early exit: every key is compared
            }
        }
        return Optional.ofNullable(found).map(name -> "open311:" + name);
    }
}
