-- The transactional outbox: a service writes its event here in the same transaction as the change it reports;
-- OutboxRelay publishes it to Kafka afterwards. Versioned apart from each service's own tables (history table
-- flyway_platform_history), so the platform and a service can evolve their migrations independently.
CREATE TABLE outbox_event (
    seq          BIGINT        NOT NULL AUTO_INCREMENT,
    event_id     CHAR(36)      NOT NULL,
    topic        VARCHAR(200)  NOT NULL,
    aggregate_id VARCHAR(64)   NOT NULL,
    event_type   VARCHAR(200)  NOT NULL,
    source       VARCHAR(200)  NOT NULL,
    occurred_at  DATETIME(6)   NOT NULL,
    payload      MEDIUMTEXT    NOT NULL,
    published_at DATETIME(6)   NULL,
    PRIMARY KEY (seq),
    UNIQUE KEY uq_outbox_event_id (event_id),
    KEY ix_outbox_pending (published_at, seq)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
