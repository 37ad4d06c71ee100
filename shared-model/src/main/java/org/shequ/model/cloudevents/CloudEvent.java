package org.shequ.model.cloudevents;

import java.time.Instant;
import java.util.Objects;

/**
 * A CloudEvents 1.0 envelope with JSON data. {@code subject} is the aggregate id and doubles as the Kafka key.
 * {@code data} stays as raw JSON so a consumer that does not know a field can still pass the event on unchanged.
 * {@code aggregateVersion} (extension attribute {@code aggregateversion}) numbers an aggregate's events 1, 2, 3 ...
 * in commit order, without gaps, so a consumer can check order and spot a missing event; null on an envelope that
 * has not been through the outbox yet.
 */
public record CloudEvent(String id, String source, String type, String subject, Instant time, String data,
                         Long aggregateVersion) {

    public static final String SPEC_VERSION = "1.0";
    public static final String DATA_CONTENT_TYPE = "application/json";

    public CloudEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(data, "data");
    }

    /** The same event as the outbox numbered it. */
    public CloudEvent withAggregateVersion(long version) {
        return new CloudEvent(id, source, type, subject, time, data, version);
    }
}
