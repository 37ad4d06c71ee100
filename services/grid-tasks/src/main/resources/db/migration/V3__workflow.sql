-- Workers, campaigns, the task workflow and its history (issue: grid-worker tasks).

-- A grid worker (网格员) is known by the subject of their token and looks after one grid.
CREATE TABLE worker (
    id         VARCHAR(100) NOT NULL,
    grid_id    CHAR(36)     NOT NULL,
    name       VARCHAR(50)  NOT NULL,
    created_at DATETIME(6)  NOT NULL,
    version    BIGINT       NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    KEY ix_worker_grid (grid_id, id),
    CONSTRAINT fk_worker_grid FOREIGN KEY (grid_id) REFERENCES grid (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- A campaign groups tasks toward one goal (the stairwells of all 54 buildings of 胜利东街7号院). Its progress is
-- counted from its tasks when asked, never kept as a counter.
CREATE TABLE campaign (
    id           CHAR(36)     NOT NULL,
    title        VARCHAR(200) NOT NULL,
    community    VARCHAR(100) NOT NULL,
    compound     VARCHAR(100) NULL,
    target_count INT          NOT NULL,
    unit         VARCHAR(20)  NOT NULL,
    created_by   VARCHAR(100) NOT NULL,
    created_at   DATETIME(6)  NOT NULL,
    version      BIGINT       NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    KEY ix_campaign_listing (created_at, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

ALTER TABLE task
    ADD COLUMN campaign_id     CHAR(36)     NULL AFTER grid_id,
    ADD COLUMN scheduled_at    DATETIME(6)  NULL AFTER due_at,
    ADD COLUMN spots_cleared   INT          NULL,
    ADD COLUMN outcome_summary TEXT         NULL,
    ADD COLUMN inspection_id   VARCHAR(64)  NULL,
    ADD COLUMN provider_id     VARCHAR(64)  NULL,
    -- Not yet DONE, VERIFIED or CANCELLED; kept with the status so a grid's open tasks are one index range.
    ADD COLUMN is_open         BOOLEAN      NOT NULL DEFAULT TRUE AFTER status,
    ADD CONSTRAINT fk_task_campaign FOREIGN KEY (campaign_id) REFERENCES campaign (id),
    -- One follow-up task per failed inspection, however often its event arrives.
    ADD UNIQUE KEY uq_task__inspection_id (inspection_id),
    DROP KEY ix_task_grid_status,
    -- A grid's tasks in a status, or all its open ones, newest first: the worker's daily list.
    ADD KEY ix_task_grid_status (grid_id, status, created_at, id),
    ADD KEY ix_task_grid_open (grid_id, is_open, created_at, id),
    ADD KEY ix_task_listing (created_at, id),
    -- Open tasks of a category at a compound and building: the duplicate check of every new task.
    ADD KEY ix_task_place (compound, building, category, status),
    ADD KEY ix_task_campaign_status (campaign_id, status);

CREATE TABLE task_assignee (
    task_id   CHAR(36)     NOT NULL,
    worker_id VARCHAR(100) NOT NULL,
    PRIMARY KEY (task_id, worker_id),
    KEY ix_task_assignee_worker (worker_id),
    CONSTRAINT fk_task_assignee_task FOREIGN KEY (task_id) REFERENCES task (id),
    CONSTRAINT fk_task_assignee_worker FOREIGN KEY (worker_id) REFERENCES worker (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Property staff and volunteers who helped, by name: personal data, never in events.
CREATE TABLE task_helper (
    task_id  CHAR(36)    NOT NULL,
    position INT         NOT NULL,
    name     VARCHAR(50) NOT NULL,
    PRIMARY KEY (task_id, position),
    CONSTRAINT fk_task_helper_task FOREIGN KEY (task_id) REFERENCES task (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Every transition of a task: who (the token's subject), when, the action and its note.
CREATE TABLE task_transition (
    id          BIGINT        NOT NULL AUTO_INCREMENT,
    task_id     CHAR(36)      NOT NULL,
    action      VARCHAR(16)   NOT NULL,
    from_status VARCHAR(16)   NULL,
    to_status   VARCHAR(16)   NOT NULL,
    actor       VARCHAR(100)  NOT NULL,
    note        TEXT          NULL,
    at          DATETIME(6)   NOT NULL,
    PRIMARY KEY (id),
    KEY ix_task_transition_task (task_id, id),
    CONSTRAINT fk_task_transition_task FOREIGN KEY (task_id) REFERENCES task (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
