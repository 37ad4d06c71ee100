-- Grid cells (网格) of a community, each looked after by grid workers. Tasks and workers follow in later versions.
CREATE TABLE grid (
    id         CHAR(36)     NOT NULL,
    community  VARCHAR(100) NOT NULL,
    name       VARCHAR(100) NOT NULL,
    created_at DATETIME(6)  NOT NULL,
    version    BIGINT       NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    UNIQUE KEY uq_grid_community_name (community, name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
