-- The compounds (小区/院落) a grid covers: a report names a compound, and goes to the grid that covers it
-- (docs/OPEN311.md). A compound is covered by one grid at most.
CREATE TABLE grid_compound (
    grid_id  CHAR(36)     NOT NULL,
    compound VARCHAR(100) NOT NULL,
    PRIMARY KEY (grid_id, compound),
    UNIQUE KEY uq_grid_compound__compounds (compound),
    CONSTRAINT fk_grid_compound_grid FOREIGN KEY (grid_id) REFERENCES grid (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
