-- Early restoration and extension of a published notice: when service actually came back, and the note residents
-- read with the latest such change (also the CAP Update's <note>).
ALTER TABLE notice
    ADD COLUMN restored_at DATETIME(6) NULL,
    ADD COLUMN change_note VARCHAR(500) NULL;
-- The note a message carried (a restoration's or an extension's), so a CAP Update shows its own, not a later one's.
ALTER TABLE notice_alert
    ADD COLUMN note VARCHAR(500) NULL;
