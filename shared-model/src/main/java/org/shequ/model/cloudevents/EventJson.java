package org.shequ.model.cloudevents;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.util.UUID;
import org.shequ.model.events.DomainEvent;
import org.shequ.model.events.EventCatalog;
import org.shequ.model.events.EventType;

/**
 * Turns event records into CloudEvents and back. Unknown fields are ignored on read, because changes to an event
 * are additive: an older consumer must keep working when a producer adds a field.
 */
public final class EventJson {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private EventJson() {
    }

    public static CloudEvent envelope(DomainEvent event, Instant time) {
        EventType type = EventCatalog.of(event);
        return new CloudEvent(UUID.randomUUID().toString(), type.source(), type.type(), event.aggregateId(), time,
                write(event), null);
    }

    /** The event record inside an envelope; throws {@link IllegalArgumentException} for a type not in the catalog. */
    public static DomainEvent data(CloudEvent event) {
        EventType type = EventCatalog.byType(event.type())
                .orElseThrow(() -> new IllegalArgumentException("Unknown event type " + event.type()));
        try {
            return MAPPER.readValue(event.data(), type.recordClass());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Event " + event.id() + " has unreadable data", e);
        }
    }

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write " + value.getClass().getName() + " as JSON", e);
        }
    }
}
