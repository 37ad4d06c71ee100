-- Indexes that keep "active at" and text search proportional to what they find, not to the size of the table.
--
-- notice_day: one row per UTC day a notice's window touches. "Active at T" reads the notices of T's day (a few
-- hundred), then checks the exact window, instead of every notice that started before T.
CREATE TABLE notice_day (
    day       DATE     NOT NULL,
    notice_id CHAR(36) NOT NULL,
    PRIMARY KEY (day, notice_id),
    KEY ix_notice_day_notice (notice_id),
    CONSTRAINT fk_notice_day_notice FOREIGN KEY (notice_id) REFERENCES notice (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- notice_gram: every two-character sequence of a notice's normalised title, reason and areas, with the notice's
-- creation time so that a search walks one gram's postings newest first and stops at a page. A search starts from
-- the rarest gram of its text, judged by counting at most a thousand postings of each. (MySQL's ngram full-text
-- parser would do this, but MariaDB has none; this works on both.)
CREATE TABLE notice_gram (
    gram       VARCHAR(2)  CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    created_at DATETIME(6) NOT NULL,
    notice_id  CHAR(36)    NOT NULL,
    PRIMARY KEY (gram, created_at, notice_id),
    KEY ix_notice_gram_notice (notice_id),
    CONSTRAINT fk_notice_gram_notice FOREIGN KEY (notice_id) REFERENCES notice (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Notices written before this version are indexed once at start-up (NoticeSearchIndex), then marked.
ALTER TABLE notice ADD COLUMN search_indexed TINYINT NOT NULL DEFAULT 0, ADD KEY ix_notice_unindexed (search_indexed);
