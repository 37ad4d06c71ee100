-- The buildings a campaign covers, when its unit is a building (栋): progress counts distinct buildings done, and the
-- campaign lists each building's state. Without rows, a 栋 campaign covers buildings 1 to target_count.
CREATE TABLE campaign_building (
    campaign_id CHAR(36)    NOT NULL,
    position    INT         NOT NULL,
    building    VARCHAR(50) NOT NULL,
    PRIMARY KEY (campaign_id, position),
    CONSTRAINT fk_campaign_building_campaign FOREIGN KEY (campaign_id) REFERENCES campaign (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
