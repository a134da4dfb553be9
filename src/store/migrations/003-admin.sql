-- One row per question the bot answered or declined, for /stats: when, the verdict and how
-- long the answer took. No text and no user: counts only.
-- `verdict`: answered | unsure | declined.
CREATE TABLE question_log (
    id      INTEGER PRIMARY KEY,
    at      INTEGER NOT NULL,
    verdict TEXT NOT NULL,
    micros  INTEGER NOT NULL
);
CREATE INDEX question_log_at ON question_log (at);

-- Questions the bot could not answer well, for /unanswered: one row per normalised question
-- text (`key`), with the latest wording and reason and how often it came back. Never a user.
-- `reason`: declined | unsure | not_helpful. Rows older than the retention are deleted.
CREATE TABLE unanswered (
    key      TEXT PRIMARY KEY,
    question TEXT NOT NULL,
    reason   TEXT NOT NULL,
    repeats  INTEGER NOT NULL,
    first_at INTEGER NOT NULL,
    last_at  INTEGER NOT NULL
);
CREATE INDEX unanswered_last_at ON unanswered (last_at);

-- 👍/👎 presses: one vote per person and answer (`vote` names both); pressing again changes it.
CREATE TABLE feedback (
    vote    TEXT PRIMARY KEY,
    helpful INTEGER NOT NULL,
    at      INTEGER NOT NULL
);

-- Every reload of the knowledge folder and its outcome, for /stats.
-- `trigger`: command | signal | watch.
CREATE TABLE reload_log (
    id      INTEGER PRIMARY KEY,
    at      INTEGER NOT NULL,
    trigger TEXT NOT NULL,
    ok      INTEGER NOT NULL,
    summary TEXT NOT NULL
);
