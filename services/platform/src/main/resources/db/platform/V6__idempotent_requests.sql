-- Idempotent creates (draft-ietf-httpapi-idempotency-key-header; docs/ARCHITECTURE.md, "Idempotent creates").
--
-- One row per (caller, Idempotency-Key) a create was sent with: id is the SHA-256 of the two, request_hash the
-- SHA-256 of the method, path and body. While status is NULL the first request is still being handled; once it
-- succeeded the row keeps its answer (status, Location, ETag, body) and a retry with the same key and body gets
-- that answer again, without a second row or event. Rows expire after 24 hours and are deleted in batches.
CREATE TABLE idempotent_request (
    id           CHAR(64)      NOT NULL,
    request_hash CHAR(64)      NOT NULL,
    status       INT           NULL,
    location     VARCHAR(2000) NULL,
    etag         VARCHAR(100)  NULL,
    content_type VARCHAR(200)  NULL,
    body         MEDIUMTEXT    NULL,
    claimed_at   DATETIME(6)   NOT NULL,
    expires_at   DATETIME(6)   NOT NULL,
    PRIMARY KEY (id),
    KEY ix_idempotent_request_expires (expires_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
