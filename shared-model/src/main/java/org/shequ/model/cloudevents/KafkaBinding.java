package org.shequ.model.cloudevents;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.shequ.model.api.TraceParent;

/**
 * CloudEvents Kafka protocol binding, binary content mode: attributes travel as {@code ce_*} headers, the record
 * value is the JSON data itself and the key is the aggregate id, so one aggregate's events stay in order.
 */
public final class KafkaBinding {

    public static final String CE_ID = "ce_id";
    public static final String CE_SOURCE = "ce_source";
    public static final String CE_TYPE = "ce_type";
    public static final String CE_SPECVERSION = "ce_specversion";
    public static final String CE_SUBJECT = "ce_subject";
    public static final String CE_TIME = "ce_time";
    public static final String CE_AGGREGATE_VERSION = "ce_aggregateversion";
    public static final String CONTENT_TYPE = "content-type";
    public static final String CE_REQUEST_ID = "ce_requestid";

    private KafkaBinding() {
    }

    public static ProducerRecord<String, byte[]> toRecord(String topic, CloudEvent event) {
        Headers headers = new RecordHeaders();
        add(headers, CE_SPECVERSION, CloudEvent.SPEC_VERSION);
        add(headers, CE_ID, event.id());
        add(headers, CE_SOURCE, event.source());
        add(headers, CE_TYPE, event.type());
        add(headers, CE_TIME, DateTimeFormatter.ISO_INSTANT.format(event.time()));
        add(headers, CONTENT_TYPE, CloudEvent.DATA_CONTENT_TYPE);
        if (event.subject() != null) {
            add(headers, CE_SUBJECT, event.subject());
        }
        if (event.aggregateVersion() != null) {
            add(headers, CE_AGGREGATE_VERSION, event.aggregateVersion().toString());
        }
        return new ProducerRecord<>(topic, null, event.subject(), event.data().getBytes(StandardCharsets.UTF_8), headers);
    }

    /**
     * The request that caused the event, on its record: {@code traceparent} for W3C Trace Context (as OpenTelemetry's
     * Kafka instrumentation reads it), {@code ce_traceparent} for CloudEvents' Distributed Tracing extension, and
     * {@code ce_requestid} with the request's {@code X-Request-Id}. Absent values add nothing.
     */
    public static ProducerRecord<String, byte[]> withCause(ProducerRecord<String, byte[]> record, String traceparent,
                                                           String requestId) {
        if (traceparent != null) {
            add(record.headers(), TraceParent.HEADER, traceparent);
            add(record.headers(), TraceParent.CE_HEADER, traceparent);
        }
        if (requestId != null) {
            add(record.headers(), CE_REQUEST_ID, requestId);
        }
        return record;
    }

    /** Reads a record back; throws {@link IllegalArgumentException} for a record that is not a binary-mode CloudEvent. */
    public static CloudEvent fromRecord(ConsumerRecord<String, byte[]> record) {
        Headers headers = record.headers();
        String specVersion = header(headers, CE_SPECVERSION);
        if (!CloudEvent.SPEC_VERSION.equals(specVersion)) {
            throw new IllegalArgumentException("Not a CloudEvents 1.0 record: ce_specversion=" + specVersion);
        }
        String subject = header(headers, CE_SUBJECT);
        String version = header(headers, CE_AGGREGATE_VERSION);
        return new CloudEvent(
                required(headers, CE_ID),
                required(headers, CE_SOURCE),
                required(headers, CE_TYPE),
                subject != null ? subject : record.key(),
                Instant.parse(required(headers, CE_TIME)),
                record.value() == null ? "null" : new String(record.value(), StandardCharsets.UTF_8),
                version == null ? null : Long.valueOf(version));
    }

    public static String header(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static String required(Headers headers, String name) {
        String value = header(headers, name);
        if (value == null) {
            throw new IllegalArgumentException("CloudEvent record lacks header " + name);
        }
        return value;
    }

    private static void add(Headers headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
