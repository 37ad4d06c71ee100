package org.shequ.webhooks.delivery;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One event on its way to one subscriber, with where its attempts stand. */
@Entity
@Table(name = "delivery")
public class Delivery {

    public static final String PENDING = "PENDING";
    public static final String SUCCEEDED = "SUCCEEDED";
    /** Given up: the three days of retries ran out, or the subscription was disabled. */
    public static final String FAILED = "FAILED";

    @Id
    public String id;

    @Column(name = "subscription_id")
    public String subscriptionId;

    public long seq;

    /** The CloudEvent's id: the {@code webhook-id} of every attempt, so the receiver can de-duplicate. */
    @Column(name = "event_id")
    public String eventId;

    @Column(name = "event_type")
    public String eventType;

    @Column(name = "aggregate_id")
    public String aggregateId;

    public String body;
    public String status;
    public int attempts;

    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;

    @Column(name = "lease_until")
    public Instant leaseUntil;

    @Column(name = "last_status")
    public Integer lastStatus;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "finished_at")
    public Instant finishedAt;
}
