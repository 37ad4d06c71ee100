-- The photo a 311 client attached to a report (GeoReport v2 media_url): an address of the client's own storage, kept
-- and shown back; the service never fetches it.
ALTER TABLE task
    ADD COLUMN media_url VARCHAR(2048) NULL;
