-- Webhook subscriptions of third parties and the deliveries of the suite's events to them (Standard Webhooks).

-- A subscriber's endpoint and what it wants. owner is the subject of the token that created it: a subscriber sees
-- only its own. secret and previous_secret sign (both during a rotation, until previous_until).
CREATE TABLE subscription (
    id              CHAR(36)      NOT NULL,
    owner           VARCHAR(100)  NOT NULL,
    url             VARCHAR(2000) NOT NULL,
    types           TEXT          NOT NULL,
    community       VARCHAR(100)  NULL,
    address         VARCHAR(300)  NULL,
    secret          VARCHAR(100)  NOT NULL,
    previous_secret VARCHAR(100)  NULL,
    previous_until  DATETIME(6)   NULL,
    status          VARCHAR(16)   NOT NULL,
    disabled_reason VARCHAR(500)  NULL,
    next_seq        BIGINT        NOT NULL DEFAULT 0,
    created_at      DATETIME(6)   NOT NULL,
    updated_at      DATETIME(6)   NOT NULL,
    version         BIGINT        NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    KEY ix_subscription_owner (owner, created_at, id),
    KEY ix_subscription_status (status)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- One event to one subscriber. seq orders a subscription's deliveries: only its oldest unfinished one is sent, so
-- they leave in event order. lease_until lets one replica work a delivery while the others skip it.
CREATE TABLE delivery (
    id              CHAR(36)     NOT NULL,
    subscription_id CHAR(36)     NOT NULL,
    seq             BIGINT       NOT NULL,
    event_id        VARCHAR(64)  NOT NULL,
    event_type      VARCHAR(200) NOT NULL,
    -- The aggregate the event is about: a notice cancelled after its publication matched an address filter
    -- reaches the same subscriber, though the cancellation itself names no area.
    aggregate_id    VARCHAR(64)  NOT NULL,
    body            MEDIUMTEXT   NOT NULL,
    status          VARCHAR(16)  NOT NULL,
    attempts        INT          NOT NULL DEFAULT 0,
    next_attempt_at DATETIME(6)  NOT NULL,
    lease_until     DATETIME(6)  NULL,
    last_status     INT          NULL,
    last_error      VARCHAR(1000) NULL,
    created_at      DATETIME(6)  NOT NULL,
    finished_at     DATETIME(6)  NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uq_delivery__subscription_id__seq (subscription_id, seq),
    KEY ix_delivery_due (status, next_attempt_at),
    KEY ix_delivery_subscription_status (subscription_id, status, seq),
    KEY ix_delivery_subscription_created (subscription_id, created_at),
    KEY ix_delivery_subscription_aggregate (subscription_id, aggregate_id),
    CONSTRAINT fk_delivery_subscription FOREIGN KEY (subscription_id) REFERENCES subscription (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Every attempt: when, the answer, how long it took, what went wrong. Kept 30 days.
CREATE TABLE delivery_attempt (
    id          BIGINT        NOT NULL AUTO_INCREMENT,
    delivery_id CHAR(36)      NOT NULL,
    attempt     INT           NOT NULL,
    at          DATETIME(6)   NOT NULL,
    status      INT           NULL,
    latency_ms  INT           NOT NULL,
    error       VARCHAR(1000) NULL,
    PRIMARY KEY (id),
    KEY ix_delivery_attempt_delivery (delivery_id, attempt),
    KEY ix_delivery_attempt_at (at),
    CONSTRAINT fk_delivery_attempt_delivery FOREIGN KEY (delivery_id) REFERENCES delivery (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
