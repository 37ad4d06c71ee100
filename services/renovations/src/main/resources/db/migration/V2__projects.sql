-- A compound is known by its name within its district; registering it twice is a 409, not a second row.
ALTER TABLE compound ADD UNIQUE KEY uq_compound__district__name (district, name);
ALTER TABLE compound ADD KEY ix_compound_listing (created_at, id);

-- Renovation projects of a compound (e.g. resurfacing the 500 m² plaza of 西铭路47号院 with anti-slip rubber).
CREATE TABLE project (
    id            CHAR(36)      NOT NULL,
    compound_id   CHAR(36)      NOT NULL,
    title         VARCHAR(200)  NOT NULL,
    category      VARCHAR(16)   NOT NULL,
    status        VARCHAR(16)   NOT NULL,
    description   TEXT          NULL,
    planned_start DATE          NULL,
    planned_end   DATE          NULL,
    contractor    VARCHAR(200)  NULL,
    budget_cny    DECIMAL(14,2) NULL,
    created_at    DATETIME(6)   NOT NULL,
    updated_at    DATETIME(6)   NOT NULL,
    version       BIGINT        NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    KEY ix_project_compound (compound_id, status),
    CONSTRAINT fk_project_compound FOREIGN KEY (compound_id) REFERENCES compound (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE project_scope_item (
    project_id CHAR(36)      NOT NULL,
    position   INT           NOT NULL,
    item       VARCHAR(200)  NOT NULL,
    quantity   DECIMAL(14,2) NULL,
    unit       VARCHAR(20)   NULL,
    PRIMARY KEY (project_id, position),
    CONSTRAINT fk_project_scope_project FOREIGN KEY (project_id) REFERENCES project (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
