-- "Am I affected?" and the feeds read the notices that have not ended yet; with this index their cost follows
-- the few hundred running or upcoming notices, not the whole history.
ALTER TABLE notice ADD KEY ix_notice_status_ends (status, ends_at);
-- Feeds answer If-Modified-Since / If-None-Match from the newest change.
ALTER TABLE notice ADD KEY ix_notice_status_updated (status, updated_at);
-- The Atom feed is the newest changes first: a backward scan of this index, whatever the table's size.
ALTER TABLE notice ADD KEY ix_notice_updated (updated_at);
