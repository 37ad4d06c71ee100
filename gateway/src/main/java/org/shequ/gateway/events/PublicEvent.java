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
 * A domain event as the public stream shows it, if it is a public fact ({@link PublicFacts}): the CloudEvent's
 * attributes and its public data, with every personal field
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
            Optional<JsonNode> shown = PublicFacts.publicData(type, JSON.readTree(record.value()));
            if (shown.isEmpty()) {
                return Optional.empty();
            }
            JsonNode data = EventMasking.masked(shown.get());
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

    /** Where the event's community is: at the top, in a task's location, or in a notice's snapshot. */
    private static String community(JsonNode data) {
        for (JsonNode holder : new JsonNode[] {data, data.path("location"), data.path("notice")}) {
            if (holder.hasNonNull("community")) {
                return holder.get("community").asText();
            }
        }
        return null;
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
