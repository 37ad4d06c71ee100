-- What the probe's event handler did: one row per event it applied.
CREATE TABLE probe_effect (
    event_id   VARCHAR(64)  NOT NULL,
    notice_id  VARCHAR(64)  NOT NULL,
    reason     VARCHAR(200) NULL,
    PRIMARY KEY (event_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
