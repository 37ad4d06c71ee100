-- A provider operator's name and phone erased on request (PIPL Art. 47): the columns are overwritten, so the data is
-- gone, not hidden; when and why is kept, as are the inspections and the access log of who read it before.
ALTER TABLE provider
    ADD COLUMN operator_erased_at DATETIME(6) NULL,
    ADD COLUMN operator_erasure_reason VARCHAR(500) NULL;
