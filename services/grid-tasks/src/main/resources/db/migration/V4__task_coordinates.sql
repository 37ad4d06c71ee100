-- Where a report was made, as a 311 client sends it (GeoReport v2 lat/long, WGS84): kept on the task and shown back.
ALTER TABLE task
    ADD COLUMN lat DOUBLE NULL,
    ADD COLUMN lon DOUBLE NULL;
