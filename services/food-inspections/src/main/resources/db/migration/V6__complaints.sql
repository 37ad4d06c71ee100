-- A parent's complaint about a 小饭桌, filed on the public form: it queues a COMPLAINT inspection of the provider
-- (a SCHEDULED inspection, like a spot check's pick), and the receipt lets its author follow it. The contact is
-- personal data: kept for the inspectors, shown masked.
CREATE TABLE complaint (
    id            CHAR(36)     NOT NULL,
    receipt       VARCHAR(20)  NOT NULL,
    provider_id   CHAR(36)     NOT NULL,
    description   TEXT         NOT NULL,
    contact       VARCHAR(100) NULL,
    inspection_id CHAR(36)     NOT NULL,
    created_at    DATETIME(6)  NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY ux_complaint_receipt (receipt),
    KEY ix_complaint_inspection (inspection_id),
    CONSTRAINT fk_complaint_provider FOREIGN KEY (provider_id) REFERENCES provider (id),
    CONSTRAINT fk_complaint_inspection FOREIGN KEY (inspection_id) REFERENCES inspection (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
