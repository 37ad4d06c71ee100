package org.shequ.gateway.events;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.kafka.common.TopicPartition;

/**
 * Where a client's event stream stands: for every partition of every topic, the offset of the next record to read.
 * Each event's SSE id is this whole vector, so that a client reconnecting with {@code Last-Event-ID} — to this or any
 * other replica, which share nothing but the broker — resumes every partition exactly after what it was sent: no
 * gap, no duplicate, as long as the records are still within the topic's retention. Encoded as base64url of
 * {@code topic:partition:offset,...}; an id that does not decode is refused, never guessed at.
 */
public final class StreamPosition {

    private final Map<TopicPartition, Long> next;

    private StreamPosition(Map<TopicPartition, Long> next) {
        this.next = next;
    }

    public static StreamPosition of(Map<TopicPartition, Long> next) {
        return new StreamPosition(byName(next));
    }

    public Map<TopicPartition, Long> next() {
        return next;
    }

    /** The position after a record at {@code offset} of {@code partition} was delivered. */
    public StreamPosition after(TopicPartition partition, long offset) {
        TreeMap<TopicPartition, Long> moved = byName(next);
        moved.put(partition, offset + 1);
        return new StreamPosition(moved);
    }

    public String encode() {
        StringBuilder text = new StringBuilder();
        next.forEach((partition, offset) -> {
            if (text.length() > 0) {
                text.append(',');
            }
            text.append(partition.topic()).append(':').append(partition.partition()).append(':').append(offset);
        });
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.toString().getBytes(StandardCharsets.UTF_8));
    }

    public static Optional<StreamPosition> decode(String id) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(id.strip()), StandardCharsets.UTF_8);
            Map<TopicPartition, Long> next = byName(Map.of());
            for (String entry : text.split(",")) {
                int last = entry.lastIndexOf(':');
                int middle = entry.lastIndexOf(':', last - 1);
                if (middle <= 0) {
                    return Optional.empty();
                }
                long offset = Long.parseLong(entry.substring(last + 1));
                int partition = Integer.parseInt(entry.substring(middle + 1, last));
                if (offset < 0 || partition < 0) {
                    return Optional.empty();
                }
                next.put(new TopicPartition(entry.substring(0, middle), partition), offset);
            }
            return Optional.of(new StreamPosition(next));
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            return Optional.empty();
        }
    }

    private static TreeMap<TopicPartition, Long> byName(Map<TopicPartition, Long> entries) {
        TreeMap<TopicPartition, Long> sorted = new TreeMap<>((a, b) -> a.topic().equals(b.topic())
                ? Integer.compare(a.partition(), b.partition()) : a.topic().compareTo(b.topic()));
        sorted.putAll(entries);
        return sorted;
    }
}
