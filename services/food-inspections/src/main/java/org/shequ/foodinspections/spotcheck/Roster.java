package org.shequ.foodinspections.spotcheck;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.shequ.platform.security.Sha256;

/**
 * What a draw picks from: the community's active providers and inspectors, each sorted by id, and for every provider
 * the inspectors of its last inspection (who may not be sent back). Its hash is SHA-256 of a canonical text, so
 * anyone holding the same roster gets the same hash.
 */
public record Roster(List<String> providers, List<String> inspectors, Map<String, Set<String>> lastInspectors) {

    public Roster {
        providers = List.copyOf(new TreeSet<>(providers));
        inspectors = List.copyOf(new TreeSet<>(inspectors));
        TreeMap<String, Set<String>> last = new TreeMap<>();
        lastInspectors.forEach((provider, names) -> last.put(provider, Set.copyOf(new TreeSet<>(names))));
        lastInspectors = java.util.Collections.unmodifiableMap(last);
    }

    /**
     * {@code providers:<id>,<id>...\ninspectors:<id>,...\nlast:<provider>=<inspector>+<inspector>;...}, hashed with
     * SHA-256, in lower-case hex.
     */
    public String hash() {
        StringBuilder text = new StringBuilder("providers:").append(String.join(",", providers))
                .append("\ninspectors:").append(String.join(",", inspectors)).append("\nlast:");
        lastInspectors.forEach((provider, names) -> text.append(provider).append('=')
                .append(String.join("+", new TreeSet<>(names))).append(';'));
        return Sha256.hex(text.toString());
    }
}
