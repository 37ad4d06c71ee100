-- Per-aggregate order with several service instances (see docs/ARCHITECTURE.md, "Events").
--
-- outbox_aggregate: one row per aggregate that has emitted an event. Outbox.append upserts it before it inserts the
-- event, so two transactions writing events for the same aggregate queue on this row lock: the second takes its
-- outbox seq only after the first has committed, and seq order is commit order per aggregate. last_version numbers
-- the aggregate's events 1, 2, 3 ... and travels with each event (ce_aggregateversion).
CREATE TABLE outbox_aggregate (
    aggregate_id VARCHAR(64) NOT NULL,
    last_version BIGINT      NOT NULL,
    PRIMARY KEY (aggregate_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

ALTER TABLE outbox_event ADD COLUMN aggregate_version BIGINT NOT NULL DEFAULT 0 AFTER aggregate_id;

-- outbox_relay_lease: a single row that a relay batch locks (FOR UPDATE SKIP LOCKED) for the whole of
-- read-send-mark. Only one instance relays at a time; when its process dies its connection closes, the lock goes
-- with it, and the next instance's poll takes over.
CREATE TABLE outbox_relay_lease (
    id     TINYINT NOT NULL,
    PRIMARY KEY (id)
) ENGINE = InnoDB;

INSERT INTO outbox_relay_lease (id) VALUES (1);
