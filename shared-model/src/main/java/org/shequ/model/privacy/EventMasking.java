package org.shequ.model.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * Personal data in an event's data, masked wherever a field carries it, however deep, before the event leaves the
 * suite (webhook deliveries, the gateway's public event stream): phones and contacts as 138****1234, people's names
 * as 王* (one name or a list of them), the account ids of residents replaced. Events are designed without personal
 * data; this is the second line, and one rule for every way out.
 */
public final class EventMasking {

    private static final Set<String> PHONES = Set.of("phone", "contact", "mobile", "telephone", "contactPhone");
    private static final Set<String> NAMES = Set.of("operatorName", "helpers", "residentName", "reporterName",
            "contactName", "inspectors", "inspectorNames");
    private static final Set<String> ACCOUNTS = Set.of("requesterId", "reportedBy", "requestedBy");

    private EventMasking() {
    }

    /** Masks {@code node} in place and returns it. */
    public static JsonNode masked(JsonNode node) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = ((ObjectNode) node).fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                String name = field.getKey();
                JsonNode value = field.getValue();
                if (value.isTextual() && PHONES.contains(name)) {
                    field.setValue(TextNode.valueOf(Masking.phone(value.asText())));
                } else if (value.isTextual() && NAMES.contains(name)) {
                    field.setValue(TextNode.valueOf(Masking.name(value.asText())));
                } else if (value.isArray() && NAMES.contains(name)) {
                    ArrayNode names = (ArrayNode) value;
                    for (int i = 0; i < names.size(); i++) {
                        if (names.get(i).isTextual()) {
                            names.set(i, TextNode.valueOf(Masking.name(names.get(i).asText())));
                        }
                    }
                } else if (value.isTextual() && ACCOUNTS.contains(name)) {
                    field.setValue(TextNode.valueOf("***"));
                } else {
                    masked(value);
                }
            }
        } else if (node.isArray()) {
            node.forEach(EventMasking::masked);
        }
        return node;
    }
}
