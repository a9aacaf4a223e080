-- The featured-jobs board. Times are Unix seconds; a board is a Discord server id, 0 for
-- the board outside servers (DMs and the terminal). Jobs are never deleted: removal and
-- expiry only hide them, and job_events keeps who changed what, when. Booleans are 0/1
-- integers: sqlx's Any driver reads no SQLite boolean.
CREATE TABLE jobs (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    board           BIGINT  NOT NULL,
    title           TEXT    NOT NULL,
    company         TEXT    NOT NULL,
    location        TEXT    NOT NULL,
    remote          BIGINT  NOT NULL CHECK (remote IN (0, 1)), -- 1: can be done remotely
    employment_type TEXT,
    level           TEXT,
    salary_min      BIGINT,
    salary_max      BIGINT,
    currency        TEXT,
    apply_url       TEXT,
    expires_at      BIGINT,
    source          TEXT,
    seed_key        TEXT,
    posted_at       BIGINT  NOT NULL,
    posted_by       TEXT    NOT NULL,
    updated_at      BIGINT,
    updated_by      TEXT,
    removed_at      BIGINT,
    removed_by      TEXT,
    version         BIGINT  NOT NULL DEFAULT 1,
    CHECK (salary_min IS NULL OR (salary_min > 0 AND salary_min <= salary_max AND currency IS NOT NULL))
);
-- A job imported from an article exists once per board, whatever restarts happen.
CREATE UNIQUE INDEX jobs_seed_key ON jobs (board, seed_key);
CREATE INDEX jobs_newest ON jobs (board, posted_at DESC, id DESC);

CREATE TABLE job_roles (
    job_id BIGINT NOT NULL REFERENCES jobs (id),
    role   TEXT   NOT NULL,
    PRIMARY KEY (job_id, role)
);
CREATE INDEX job_roles_by_role ON job_roles (role, job_id);

CREATE TABLE job_events (
    id      INTEGER PRIMARY KEY AUTOINCREMENT,
    job_id  BIGINT NOT NULL REFERENCES jobs (id),
    board   BIGINT NOT NULL,
    action  TEXT   NOT NULL,
    actor   TEXT   NOT NULL,
    at      BIGINT NOT NULL,
    details TEXT   NOT NULL
);
CREATE INDEX job_events_by_job ON job_events (job_id, id);

CREATE TABLE board_settings (
    board            BIGINT PRIMARY KEY,
    moderator_role   BIGINT,
    announce_channel BIGINT,
    updated_at       BIGINT NOT NULL,
    updated_by       TEXT   NOT NULL
);
