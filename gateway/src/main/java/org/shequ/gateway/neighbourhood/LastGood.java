package org.shequ.gateway.neighbourhood;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The last good answer of each part of the neighbourhood view, per question, for a while: when a service fails, its
 * part is served from here with its age rather than left empty. Bounded, oldest-used out first.
 */
final class LastGood {

    record Entry(JsonNode value, Instant at) {
    }

    private final int maxEntries;
    private final Duration keepFor;
    private final Clock clock;
    private final Map<String, Entry> entries;

    LastGood(int maxEntries, Duration keepFor, Clock clock) {
        this.maxEntries = maxEntries;
        this.keepFor = keepFor;
        this.clock = clock;
        this.entries = new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
                return size() > LastGood.this.maxEntries;
            }
        };
    }

    synchronized void put(String key, JsonNode value) {
        entries.put(key, new Entry(value, clock.instant()));
    }

    synchronized Optional<Entry> get(String key) {
        Entry entry = entries.get(key);
        if (entry == null || entry.at().plus(keepFor).isBefore(clock.instant())) {
            return Optional.empty();
        }
        return Optional.of(entry);
    }

    long ageSeconds(Entry entry) {
        return Duration.between(entry.at(), clock.instant()).toSeconds();
    }
}
