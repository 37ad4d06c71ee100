package org.shequ.gateway.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.shequ.model.privacy.EventMasking;

/**
 * A domain event as the public stream shows it: the CloudEvent's attributes and data, with every personal field
 * masked wherever it appears by the rule webhook deliveries use ({@link EventMasking}; the services already keep
 * personal data out of events, this is the second lock). A record that is not a readable
 * CloudEvent is skipped, not sent.
 */
record PublicEvent(String id, String type, String source, String subject, String time, String community,
                   JsonNode data) {

    private static final ObjectMapper JSON = new ObjectMapper();

    static Optional<PublicEvent> of(ConsumerRecord<String, String> record) {
        String type = header(record, "ce_type");
        String id = header(record, "ce_id");
        if (type == null || id == null || record.value() == null) {
            return Optional.empty();
        }
        try {
            JsonNode data = EventMasking.masked(JSON.readTree(record.value()));
            return Optional.of(new PublicEvent(id, type, header(record, "ce_source"), header(record, "ce_subject"),
                    header(record, "ce_time"), community(data), data));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    boolean wanted(Set<String> types, String communityFilter) {
        return (types.isEmpty() || types.contains(type))
                && (communityFilter == null || communityFilter.equals(community));
    }

    String json() {
        ObjectNode event = JSON.createObjectNode();
        event.put("id", id).put("type", type).put("source", source).put("subject", subject).put("time", time);
        event.set("data", data);
        return event.toString();
    }

    private static String community(JsonNode data) {
        if (data.hasNonNull("community")) {
            return data.get("community").asText();
        }
        JsonNode location = data.path("location");
        return location.hasNonNull("community") ? location.get("community").asText() : null;
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
