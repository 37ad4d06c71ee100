package org.shequ.gateway.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.shequ.model.privacy.Masking;

/**
 * A domain event as the public stream shows it: the CloudEvent's attributes and data, with every personal field
 * masked wherever it appears (the services already keep personal data out of events; this is the second lock, so a
 * field added to an event by mistake cannot leak to every listener at once). A record that is not a readable
 * CloudEvent is skipped, not sent.
 */
record PublicEvent(String id, String type, String source, String subject, String time, String community,
                   JsonNode data) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> PHONES = Set.of("phone", "mobile", "telephone", "contactPhone");
    private static final Set<String> NAMES = Set.of("operatorName", "reporterName", "residentName", "contactName",
            "helpers", "inspectors", "inspectorNames");

    static Optional<PublicEvent> of(ConsumerRecord<String, String> record) {
        String type = header(record, "ce_type");
        String id = header(record, "ce_id");
        if (type == null || id == null || record.value() == null) {
            return Optional.empty();
        }
        try {
            JsonNode data = mask(JSON.readTree(record.value()));
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

    static JsonNode mask(JsonNode node) {
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                JsonNode value = field.getValue();
                if (PHONES.contains(field.getKey()) && value.isTextual()) {
                    field.setValue(TextNode.valueOf(Masking.phone(value.asText())));
                } else if (NAMES.contains(field.getKey()) && value.isTextual()) {
                    field.setValue(TextNode.valueOf(Masking.name(value.asText())));
                } else if (NAMES.contains(field.getKey()) && value.isArray()) {
                    for (int i = 0; i < value.size(); i++) {
                        if (value.get(i).isTextual()) {
                            ((com.fasterxml.jackson.databind.node.ArrayNode) value)
                                    .set(i, TextNode.valueOf(Masking.name(value.get(i).asText())));
                        }
                    }
                } else {
                    mask(value);
                }
            }
        } else if (node.isArray()) {
            node.forEach(PublicEvent::mask);
        }
        return node;
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
