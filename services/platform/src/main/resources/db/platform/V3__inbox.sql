-- The consumer side of events (see docs/ARCHITECTURE.md, "Consuming events").
--
-- inbox_event: one row per event a consumer has handled, written in the same transaction as the handler's effect.
-- A redelivered event (Kafka is at-least-once, and the outbox relay may send an event twice with the same ce_id)
-- finds its row and is skipped. Rows older than shequ.inbox.retention are deleted; keep that longer than the
-- topics' retention, or a consumer reset to the earliest offset could apply an old event twice.
CREATE TABLE inbox_event (
    consumer     VARCHAR(100) NOT NULL,
    event_id     VARCHAR(64)  NOT NULL,
    event_type   VARCHAR(200) NOT NULL,
    topic        VARCHAR(200) NOT NULL,
    partition_no INT          NOT NULL,
    offset_no    BIGINT       NOT NULL,
    handled_at   DATETIME(6)  NOT NULL,
    PRIMARY KEY (consumer, event_id),
    KEY ix_inbox_event_handled (handled_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- inbox_parked: the dead letters. A record that cannot be read, or whose handler failed shequ.inbox.max-attempts
-- times, is kept here with its error, and the partition moves on past it. Nothing is lost: the record is stored
-- whole (headers and value), so it can be examined and sent again once the cause is fixed.
CREATE TABLE inbox_parked (
    id           BIGINT       NOT NULL AUTO_INCREMENT,
    consumer     VARCHAR(100) NOT NULL,
    topic        VARCHAR(200) NOT NULL,
    partition_no INT          NOT NULL,
    offset_no    BIGINT       NOT NULL,
    record_key   VARCHAR(200) NULL,
    event_id     VARCHAR(64)  NULL,
    event_type   VARCHAR(200) NULL,
    headers      TEXT         NOT NULL,
    payload      MEDIUMTEXT   NULL,
    error        TEXT         NOT NULL,
    attempts     INT          NOT NULL,
    parked_at    DATETIME(6)  NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uq_inbox_parked__record (consumer, topic, partition_no, offset_no),
    KEY ix_inbox_parked_consumer (consumer, parked_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
