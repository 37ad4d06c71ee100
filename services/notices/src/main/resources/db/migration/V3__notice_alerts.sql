-- Every message residents were sent about a notice, as CAP numbers them: the first publication (Alert), each later
-- change (Update) and the cancellation (Cancel). A CAP Update or Cancel must reference the message before it by
-- sender, identifier and the exact time it was sent, so those are kept rather than recomputed.
CREATE TABLE notice_alert (
    notice_id CHAR(36)    NOT NULL,
    sequence  INT         NOT NULL,
    msg_type  VARCHAR(10) NOT NULL,
    sent_at   DATETIME(6) NOT NULL,
    PRIMARY KEY (notice_id, sequence),
    CONSTRAINT fk_notice_alert_notice FOREIGN KEY (notice_id) REFERENCES notice (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
