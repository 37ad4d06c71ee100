package org.shequ.platform.idempotency;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A create sent with an {@code Idempotency-Key}: in flight while {@code status} is null, then its answer. */
@Entity
@Table(name = "idempotent_request")
public class IdempotentRequest {

    @Id
    public String id;

    @Column(name = "request_hash")
    public String requestHash;

    public Integer status;

    public String location;

    public String etag;

    @Column(name = "content_type")
    public String contentType;

    public String body;

    @Column(name = "claimed_at")
    public Instant claimedAt;

    @Column(name = "expires_at")
    public Instant expiresAt;
}
