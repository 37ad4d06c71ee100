-- Notices written from other services' events: the source (e.g. renovations:disruption:<id>) they stand for, so one
-- disruption makes one notice however often its event arrives, and its changes find the notice to update.
CREATE TABLE notice_source (
    source     VARCHAR(100) NOT NULL,
    notice_id  CHAR(36)     NOT NULL,
    revision   INT          NOT NULL,
    created_at DATETIME(6)  NOT NULL,
    PRIMARY KEY (source),
    UNIQUE KEY uq_notice_source__notice_id (notice_id),
    CONSTRAINT fk_notice_source_notice FOREIGN KEY (notice_id) REFERENCES notice (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
