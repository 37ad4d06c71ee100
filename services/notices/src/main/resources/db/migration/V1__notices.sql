-- Notices: what residents must know for a time window (outages, closures, works, events).
-- Instants are stored in UTC (DATETIME(6), microseconds); text is utf8mb4 so 4-byte characters survive.
CREATE TABLE notice (
    id            CHAR(36)      NOT NULL,
    kind          VARCHAR(32)   NOT NULL,
    status        VARCHAR(16)   NOT NULL,
    title         VARCHAR(200)  NOT NULL,
    issuer        VARCHAR(200)  NOT NULL,
    reason        TEXT          NULL,
    instructions  TEXT          NULL,
    starts_at     DATETIME(6)   NOT NULL,
    ends_at       DATETIME(6)   NOT NULL,
    community     VARCHAR(100)  NULL,
    contact       VARCHAR(200)  NULL,
    published_at  DATETIME(6)   NULL,
    cancelled_at  DATETIME(6)   NULL,
    cancel_reason VARCHAR(500)  NULL,
    sequence      INT           NOT NULL DEFAULT 0,
    created_at    DATETIME(6)   NOT NULL,
    created_by    VARCHAR(100)  NOT NULL,
    updated_at    DATETIME(6)   NOT NULL,
    version       BIGINT        NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    KEY ix_notice_listing (created_at, id),
    KEY ix_notice_window (starts_at, ends_at),
    KEY ix_notice_kind_status (kind, status)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE notice_area (
    notice_id   CHAR(36)     NOT NULL,
    position    INT          NOT NULL,
    road        VARCHAR(100) NULL,
    side        VARCHAR(20)  NULL,
    from_place  VARCHAR(100) NULL,
    to_place    VARCHAR(100) NULL,
    compound    VARCHAR(100) NULL,
    description VARCHAR(500) NULL,
    PRIMARY KEY (notice_id, position),
    CONSTRAINT fk_notice_area_notice FOREIGN KEY (notice_id) REFERENCES notice (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
