package org.shequ.webhooks.fanout;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import org.shequ.model.cloudevents.CloudEvent;
import org.shequ.model.privacy.Masking;

/**
 * The body a subscriber receives: the event as a structured-mode CloudEvent (JSON, the data inline), with personal
 * data masked wherever a field carries it, however deep: phones and contacts as 138****1234, people's names as 王*,
 * the account ids of residents replaced. Events are designed without personal data; this is the second line.
 */
public final class PublicEvent {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> PHONES = Set.of("phone", "contact", "mobile");
    private static final Set<String> NAMES = Set.of("operatorName", "helpers", "residentName");
    private static final Set<String> ACCOUNTS = Set.of("requesterId", "reportedBy", "requestedBy");

    private PublicEvent() {
    }

    public static String body(CloudEvent event) {
        ObjectNode body = JSON.createObjectNode();
        body.put("specversion", CloudEvent.SPEC_VERSION);
        body.put("id", event.id());
        body.put("source", event.source());
        body.put("type", event.type());
        body.put("subject", event.subject());
        body.put("time", event.time().toString());
        body.put("datacontenttype", CloudEvent.DATA_CONTENT_TYPE);
        try {
            body.set("data", masked(JSON.readTree(event.data())));
        } catch (IOException e) {
            throw new IllegalArgumentException("Event " + event.id() + " has unreadable data", e);
        }
        return body.toString();
    }

    static JsonNode masked(JsonNode node) {
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                JsonNode value = field.getValue();
                if (value.isTextual() && PHONES.contains(field.getKey())) {
                    field.setValue(TextNode.valueOf(Masking.phone(value.asText())));
                } else if (value.isTextual() && NAMES.contains(field.getKey())) {
                    field.setValue(TextNode.valueOf(Masking.name(value.asText())));
                } else if (value.isTextual() && ACCOUNTS.contains(field.getKey())) {
                    field.setValue(TextNode.valueOf("***"));
                } else {
                    masked(value);
                }
            }
        } else if (node.isArray()) {
            node.forEach(PublicEvent::masked);
        }
        return node;
    }
}
