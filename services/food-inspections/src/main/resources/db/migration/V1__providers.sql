-- The ledger (台账) of after-school meal providers (小饭桌). operator_name and phone are personal data:
-- the API masks them for anyone without the inspector or an admin role. Inspections follow in later versions.
CREATE TABLE provider (
    id            CHAR(36)     NOT NULL,
    name          VARCHAR(200) NOT NULL,
    address       VARCHAR(300) NOT NULL,
    operator_name VARCHAR(100) NOT NULL,
    phone         VARCHAR(30)  NOT NULL,
    license_no    VARCHAR(100) NULL,
    capacity      INT          NULL,
    community     VARCHAR(100) NOT NULL,
    status        VARCHAR(16)  NOT NULL,
    created_at    DATETIME(6)  NOT NULL,
    updated_at    DATETIME(6)  NOT NULL,
    version       BIGINT       NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    KEY ix_provider_community (community, status)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
