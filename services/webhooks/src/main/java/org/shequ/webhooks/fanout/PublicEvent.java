package org.shequ.webhooks.fanout;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import org.shequ.model.cloudevents.CloudEvent;
import org.shequ.model.privacy.EventMasking;

/**
 * The body a subscriber receives: the event as a structured-mode CloudEvent (JSON, the data inline), with personal
 * data masked wherever a field carries it, however deep ({@link EventMasking}, the rule the gateway's event stream
 * uses too).
 */
public final class PublicEvent {

    private static final ObjectMapper JSON = new ObjectMapper();

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
            body.set("data", EventMasking.masked(JSON.readTree(event.data())));
        } catch (IOException e) {
            throw new IllegalArgumentException("Event " + event.id() + " has unreadable data", e);
        }
        return body.toString();
    }
}
