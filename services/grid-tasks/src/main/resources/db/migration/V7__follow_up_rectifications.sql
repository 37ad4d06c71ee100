-- The rectification orders a food-safety follow-up task waits for: the items its failed inspection opened an order
-- for. Each is marked when the food service publishes the order's closure; when none is left open, the task closes
-- by itself (FoodSafetyFollowUps).
CREATE TABLE task_rectification (
    task_id      CHAR(36)    NOT NULL,
    item         VARCHAR(40) NOT NULL,
    closed_at    DATETIME(6) NULL,
    closed_by    CHAR(36)    NULL,
    PRIMARY KEY (task_id, item),
    CONSTRAINT fk_task_rectification_task FOREIGN KEY (task_id) REFERENCES task (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
