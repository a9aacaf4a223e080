-- `/jobs fit:true` reads each fitting role's newest jobs on a board, best fit first, and
-- stops once a page is full. A role tag carries its job's board and posting time (neither
-- ever changes), so one index lists a role's jobs on a board in listing order. Nullable:
-- SQLite adds a NOT NULL column only with a default, and no default is right.
ALTER TABLE job_roles ADD COLUMN board BIGINT;
ALTER TABLE job_roles ADD COLUMN posted_at BIGINT;
UPDATE job_roles SET
    board = (SELECT j.board FROM jobs j WHERE j.id = job_roles.job_id),
    posted_at = (SELECT j.posted_at FROM jobs j WHERE j.id = job_roles.job_id);
CREATE INDEX job_roles_listed ON job_roles (board, role, posted_at DESC, job_id DESC);
