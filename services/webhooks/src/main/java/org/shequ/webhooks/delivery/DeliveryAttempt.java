package org.shequ.webhooks.delivery;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One call to the subscriber's endpoint: its answer (or none), how long it took, what went wrong. */
@Entity
@Table(name = "delivery_attempt")
public class DeliveryAttempt {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "delivery_id")
    public String deliveryId;

    public int attempt;
    public Instant at;

    /** The HTTP status, or null when no answer came (timeout, refused connection). */
    public Integer status;

    @Column(name = "latency_ms")
    public int latencyMs;

    public String error;
}
