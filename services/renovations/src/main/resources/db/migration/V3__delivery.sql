-- Delivery of renovation projects: actual dates and cost, the transition history, milestones, residents' wishes
-- (居民意愿) and the disruptions residents must be told of.

ALTER TABLE project
    ADD COLUMN actual_start    DATE          NULL AFTER planned_end,
    ADD COLUMN actual_end      DATE          NULL AFTER actual_start,
    ADD COLUMN actual_cost_cny DECIMAL(14,2) NULL AFTER budget_cny,
    ADD COLUMN variance_reason TEXT          NULL,
    ADD COLUMN cancel_reason   TEXT          NULL,
    -- District figures: projects completed in a year (see StatsResource).
    ADD KEY ix_project_completed (status, actual_end),
    ADD KEY ix_project_listing (created_at, id);

CREATE TABLE project_transition (
    id          BIGINT       NOT NULL AUTO_INCREMENT,
    project_id  CHAR(36)     NOT NULL,
    action      VARCHAR(16)  NOT NULL,
    from_status VARCHAR(16)  NULL,
    to_status   VARCHAR(16)  NOT NULL,
    actor       VARCHAR(100) NOT NULL,
    note        TEXT         NULL,
    at          DATETIME(6)  NOT NULL,
    PRIMARY KEY (id),
    KEY ix_project_transition_project (project_id, id),
    CONSTRAINT fk_project_transition_project FOREIGN KEY (project_id) REFERENCES project (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE milestone (
    id         CHAR(36)     NOT NULL,
    project_id CHAR(36)     NOT NULL,
    title      VARCHAR(200) NOT NULL,
    due_date   DATE         NOT NULL,
    met_date   DATE         NULL,
    created_at DATETIME(6)  NOT NULL,
    version    BIGINT       NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    KEY ix_milestone_project (project_id, due_date, id),
    CONSTRAINT fk_milestone_project FOREIGN KEY (project_id) REFERENCES project (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- A resident's wish about a compound. requested_by is the subject of their token: shown to admins only.
CREATE TABLE resident_request (
    id           CHAR(36)     NOT NULL,
    compound_id  CHAR(36)     NOT NULL,
    text         TEXT         NOT NULL,
    requested_by VARCHAR(100) NOT NULL,
    status       VARCHAR(16)  NOT NULL,
    project_id   CHAR(36)     NULL,
    answered_on  DATE         NULL,
    created_at   DATETIME(6)  NOT NULL,
    version      BIGINT       NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    KEY ix_resident_request_compound (compound_id, created_at, id),
    KEY ix_resident_request_project (project_id),
    KEY ix_resident_request_listing (created_at, id),
    CONSTRAINT fk_resident_request_compound FOREIGN KEY (compound_id) REFERENCES compound (id),
    CONSTRAINT fk_resident_request_project FOREIGN KEY (project_id) REFERENCES project (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE disruption (
    id            CHAR(36)     NOT NULL,
    project_id    CHAR(36)     NOT NULL,
    kind          VARCHAR(16)  NOT NULL,
    starts_at     DATETIME(6)  NOT NULL,
    ends_at       DATETIME(6)  NOT NULL,
    description   TEXT         NULL,
    status        VARCHAR(16)  NOT NULL,
    revision      INT          NOT NULL,
    cancel_reason TEXT         NULL,
    created_at    DATETIME(6)  NOT NULL,
    updated_at    DATETIME(6)  NOT NULL,
    version       BIGINT       NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    KEY ix_disruption_project (project_id, starts_at),
    CONSTRAINT fk_disruption_project FOREIGN KEY (project_id) REFERENCES project (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE disruption_area (
    disruption_id CHAR(36)     NOT NULL,
    position      INT          NOT NULL,
    road          VARCHAR(100) NULL,
    side          VARCHAR(20)  NULL,
    from_place    VARCHAR(100) NULL,
    to_place      VARCHAR(100) NULL,
    compound      VARCHAR(100) NULL,
    description   VARCHAR(500) NULL,
    PRIMARY KEY (disruption_id, position),
    CONSTRAINT fk_disruption_area FOREIGN KEY (disruption_id) REFERENCES disruption (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
