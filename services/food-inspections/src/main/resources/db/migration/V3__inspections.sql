-- Inspections, rectification orders, spot-check draws, inspectors and the personal-data access log.

-- Inspectors of a community, the roster spot checks draw from. Officials, by id and name.
CREATE TABLE inspector (
    id         VARCHAR(100) NOT NULL,
    community  VARCHAR(100) NOT NULL,
    name       VARCHAR(50)  NOT NULL,
    active     BOOLEAN      NOT NULL DEFAULT TRUE,
    created_at DATETIME(6)  NOT NULL,
    version    BIGINT       NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    KEY ix_inspector_community (community, active, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE spot_check (
    id                   CHAR(36)     NOT NULL,
    community            VARCHAR(100) NOT NULL,
    seed                 BIGINT       NOT NULL,
    algorithm_version    VARCHAR(40)  NOT NULL,
    roster_hash          CHAR(64)     NOT NULL,
    -- The roster as drawn from (JSON text, not a JSON column): verify re-runs the draw over it.
    roster               MEDIUMTEXT   NOT NULL,
    pick_count           INT          NOT NULL,
    inspectors_per_check INT          NOT NULL,
    drawn_by             VARCHAR(100) NOT NULL,
    drawn_at             DATETIME(6)  NOT NULL,
    PRIMARY KEY (id),
    KEY ix_spot_check_listing (drawn_at, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- An inspection is SCHEDULED (drawn by a spot check, not yet done) or COMPLETED (checklist scored).
CREATE TABLE inspection (
    id             CHAR(36)     NOT NULL,
    provider_id    CHAR(36)     NOT NULL,
    type           VARCHAR(16)  NOT NULL,
    status         VARCHAR(16)  NOT NULL,
    inspected_at   DATETIME(6)  NULL,
    outcome        VARCHAR(20)  NULL,
    rule_version   VARCHAR(20)  NULL,
    follow_up_of   CHAR(36)     NULL,
    spot_check_id  CHAR(36)     NULL,
    pick_position  INT          NULL,
    recorded_by    VARCHAR(100) NOT NULL,
    created_at     DATETIME(6)  NOT NULL,
    version        BIGINT       NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    KEY ix_inspection_provider (provider_id, status, inspected_at, id),
    KEY ix_inspection_listing (created_at, id),
    KEY ix_inspection_spot_check (spot_check_id, pick_position),
    CONSTRAINT fk_inspection_provider FOREIGN KEY (provider_id) REFERENCES provider (id),
    CONSTRAINT fk_inspection_follow_up_of FOREIGN KEY (follow_up_of) REFERENCES inspection (id),
    CONSTRAINT fk_inspection_spot_check FOREIGN KEY (spot_check_id) REFERENCES spot_check (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE inspection_inspector (
    inspection_id CHAR(36)     NOT NULL,
    position      INT          NOT NULL,
    inspector_id  VARCHAR(100) NOT NULL,
    PRIMARY KEY (inspection_id, position),
    CONSTRAINT fk_inspection_inspector FOREIGN KEY (inspection_id) REFERENCES inspection (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE checklist_result (
    inspection_id CHAR(36)    NOT NULL,
    item          VARCHAR(32) NOT NULL,
    result        VARCHAR(16) NOT NULL,
    note          TEXT        NULL,
    PRIMARY KEY (inspection_id, item),
    CONSTRAINT fk_checklist_inspection FOREIGN KEY (inspection_id) REFERENCES inspection (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- A rectification order per failed item: due in 7 days for the critical items, 14 for the others.
-- overdue_announced_at is set, once, by the replica whose job announced it (see OverdueRectifications).
CREATE TABLE rectification (
    id                   CHAR(36)    NOT NULL,
    inspection_id        CHAR(36)    NOT NULL,
    provider_id          CHAR(36)    NOT NULL,
    item                 VARCHAR(32) NOT NULL,
    critical             BOOLEAN     NOT NULL,
    due_at               DATETIME(6) NOT NULL,
    status               VARCHAR(10) NOT NULL,
    closed_by            CHAR(36)    NULL,
    closed_at            DATETIME(6) NULL,
    overdue_announced_at DATETIME(6) NULL,
    created_at           DATETIME(6) NOT NULL,
    version              BIGINT      NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    KEY ix_rectification_due (status, due_at, id),
    KEY ix_rectification_provider (provider_id, status, item),
    KEY ix_rectification_inspection (inspection_id),
    CONSTRAINT fk_rectification_inspection FOREIGN KEY (inspection_id) REFERENCES inspection (id),
    CONSTRAINT fk_rectification_closed_by FOREIGN KEY (closed_by) REFERENCES inspection (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Every answer that showed a provider's operator and phone unmasked: who, when, which provider, which request.
CREATE TABLE pii_access (
    id          BIGINT       NOT NULL AUTO_INCREMENT,
    actor       VARCHAR(100) NOT NULL,
    roles       VARCHAR(200) NOT NULL,
    provider_id CHAR(36)     NOT NULL,
    request_id  VARCHAR(100) NULL,
    purpose     VARCHAR(50)  NOT NULL,
    at          DATETIME(6)  NOT NULL,
    PRIMARY KEY (id),
    KEY ix_pii_access_provider (provider_id, id),
    KEY ix_pii_access_actor (actor, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
