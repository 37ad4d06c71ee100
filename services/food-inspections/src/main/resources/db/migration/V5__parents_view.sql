-- What parents read: a provider's public business phone (the operator's own stays personal data, masked), and since
-- when it has its status, so a suspended or closed provider stays listed with the date it stopped.
ALTER TABLE provider
    ADD COLUMN business_phone VARCHAR(30) NULL,
    ADD COLUMN status_since DATETIME(6) NULL;
UPDATE provider SET status_since = updated_at WHERE status_since IS NULL;
-- The public list takes every status now, newest in the ledger first.
ALTER TABLE provider ADD KEY ix_provider_public (created_at, id);
