CREATE TABLE probe_parent (
    id   BIGINT       NOT NULL,
    name VARCHAR(100) NOT NULL,
    PRIMARY KEY (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

INSERT INTO probe_parent (id, name) VALUES (1, '迎泽区');

CREATE TABLE probe (
    id         CHAR(36)     NOT NULL,
    code       VARCHAR(40)  NOT NULL,
    kind       VARCHAR(20)  NOT NULL,
    label      VARCHAR(100) NOT NULL,
    note       TEXT         NULL,
    due_at     DATETIME(6)  NULL,
    parent_id  BIGINT       NULL,
    counter    INT          NOT NULL DEFAULT 0,
    version    BIGINT       NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    UNIQUE KEY uq_probe__code (code),
    CONSTRAINT fk_probe_parent FOREIGN KEY (parent_id) REFERENCES probe_parent (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
