-- A notice area's shape for maps and CAP: a GeoJSON LineString or Polygon (WGS84), checked by JTS when written.
-- Matched in memory against the running notices (AffectingNotices), so no spatial index is needed.
ALTER TABLE notice_area
    ADD COLUMN geometry TEXT NULL;
