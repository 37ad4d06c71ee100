-- A gazetteer of where things are along a road: which side carries odd house numbers, and at which number each
-- landmark a notice may name stands. Notices' road areas are placed with it when they are written (number_from,
-- number_to, parity on notice_area), so "am I affected?" can tell 新建路12号 (路西, even) from 新建路13号 (路东, odd).
CREATE TABLE road_gazetteer (
    id         CHAR(36)     NOT NULL PRIMARY KEY,
    road_key   VARCHAR(100) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    road       VARCHAR(100) NOT NULL,
    odd_side   VARCHAR(1)   NOT NULL,
    even_side  VARCHAR(1)   NOT NULL,
    source     VARCHAR(200) NULL,
    created_at DATETIME(6)  NOT NULL,
    updated_at DATETIME(6)  NOT NULL,
    updated_by VARCHAR(200) NOT NULL,
    version    BIGINT       NOT NULL,
    UNIQUE KEY ux_road_gazetteer_key (road_key),
    KEY ix_road_gazetteer_created (created_at, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE road_landmark (
    road_id      CHAR(36)     NOT NULL,
    position     INT          NOT NULL,
    name         VARCHAR(100) NOT NULL,
    house_number INT          NOT NULL,
    PRIMARY KEY (road_id, position),
    CONSTRAINT fk_road_landmark_road FOREIGN KEY (road_id) REFERENCES road_gazetteer (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Where the gazetteer placed a road area when the notice was written; NULL: it could not (matched by road).
ALTER TABLE notice_area
    ADD COLUMN number_from INT NULL,
    ADD COLUMN number_to INT NULL,
    ADD COLUMN parity VARCHAR(4) NULL;
