-- Draws nobody can steer: the server's seed is kept secret behind its SHA-256 commitment until the draw's checks
-- are recorded (or it is discarded, or its reveal date passes); every draw stays listed, discarded ones included.
-- Draws made before this migration keep their published seed and count as revealed.
ALTER TABLE spot_check
    ADD COLUMN seed_salt       CHAR(64)      NULL,
    ADD COLUMN seed_commitment CHAR(64)      NULL,
    ADD COLUMN reveals_at      DATETIME(6)   NULL,
    ADD COLUMN discarded_by    VARCHAR(100)  NULL,
    ADD COLUMN discarded_at    DATETIME(6)   NULL,
    ADD COLUMN discard_reason  VARCHAR(500)  NULL,
    ADD KEY ix_spot_check_community (community, drawn_at, id);

-- A scheduled check recorded by other inspectors than those drawn says why (illness, a conflict of interest).
ALTER TABLE inspection
    ADD COLUMN substitute_reason VARCHAR(500) NULL;
