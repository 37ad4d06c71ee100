-- A dispatcher's publication time (publish_at, on a draft until it is published) and the time the service itself
-- published a notice (announced_at): residents' warning is measured from the latter, never from a publishedAt a
-- client gave for a notice imported after the fact.
ALTER TABLE notice
    ADD COLUMN publish_at DATETIME(6) NULL,
    ADD COLUMN announced_at DATETIME(6) NULL,
    ADD KEY ix_notice_publish_at (publish_at);
-- Notices published by the service itself: published no earlier than they were written. Imports keep NULL.
UPDATE notice SET announced_at = published_at WHERE published_at IS NOT NULL AND published_at >= created_at;
