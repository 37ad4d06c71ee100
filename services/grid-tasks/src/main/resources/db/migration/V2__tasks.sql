-- Unique keys name the fields they protect after a double underscore (see docs/ARCHITECTURE.md, "Errors").
ALTER TABLE grid RENAME INDEX uq_grid_community_name TO uq_grid__community__name;
ALTER TABLE grid ADD KEY ix_grid_listing (created_at, id);

-- Tasks of grid workers: hazards found on visits, residents' requests, clean-ups.
CREATE TABLE task (
    id          CHAR(36)     NOT NULL,
    grid_id     CHAR(36)     NOT NULL,
    category    VARCHAR(32)  NOT NULL,
    title       VARCHAR(200) NOT NULL,
    description TEXT         NULL,
    community   VARCHAR(100) NULL,
    compound    VARCHAR(100) NULL,
    building    VARCHAR(50)  NULL,
    floor       VARCHAR(20)  NULL,
    address     VARCHAR(300) NULL,
    source      VARCHAR(20)  NOT NULL,
    priority    VARCHAR(10)  NOT NULL,
    status      VARCHAR(16)  NOT NULL,
    due_at      DATETIME(6)  NULL,
    reported_by VARCHAR(100) NOT NULL,
    created_at  DATETIME(6)  NOT NULL,
    updated_at  DATETIME(6)  NOT NULL,
    version     BIGINT       NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    KEY ix_task_grid_status (grid_id, status),
    CONSTRAINT fk_task_grid FOREIGN KEY (grid_id) REFERENCES grid (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
