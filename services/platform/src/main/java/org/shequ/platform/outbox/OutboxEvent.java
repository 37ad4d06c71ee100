package org.shequ.platform.outbox;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One event waiting for, or done with, its trip to Kafka. {@code seq} gives the publishing order. */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long seq;

    @Column(name = "event_id", nullable = false, updatable = false)
    public String eventId;

    @Column(nullable = false, updatable = false)
    public String topic;

    @Column(name = "aggregate_id", nullable = false, updatable = false)
    public String aggregateId;

    /** The n-th event of this aggregate, 1-based; see {@code Outbox.append}. */
    @Column(name = "aggregate_version", nullable = false, updatable = false)
    public long aggregateVersion;

    @Column(name = "event_type", nullable = false, updatable = false)
    public String eventType;

    @Column(nullable = false, updatable = false)
    public String source;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    public Instant occurredAt;

    @Column(nullable = false, updatable = false)
    public String payload;

    @Column(name = "trace_parent", updatable = false)
    public String traceParent;

    @Column(name = "request_id", updatable = false)
    public String requestId;

    @Column(name = "published_at")
    public Instant publishedAt;
}
