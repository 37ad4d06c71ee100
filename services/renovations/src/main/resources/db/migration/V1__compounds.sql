-- Old compounds (老旧小区) that renovation projects improve, e.g. 西铭路47号院 (built 1998).
-- Projects, milestones and disruptions follow in later versions.
CREATE TABLE compound (
    id            CHAR(36)      NOT NULL,
    name          VARCHAR(200)  NOT NULL,
    address       VARCHAR(300)  NULL,
    district      VARCHAR(100)  NOT NULL,
    sub_district  VARCHAR(100)  NULL,
    community     VARCHAR(100)  NULL,
    built_year    INT           NULL,
    households    INT           NULL,
    floor_area_m2 DECIMAL(14,2) NULL,
    buildings     INT           NULL,
    created_at    DATETIME(6)   NOT NULL,
    version       BIGINT        NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    KEY ix_compound_district (district)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
