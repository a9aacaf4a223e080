-- Listings read the live jobs of a board newest first: an index of exactly those rows lets
-- a page stop after its few jobs, however many were removed.
DROP INDEX jobs_newest;
CREATE INDEX jobs_listed ON jobs (board, posted_at DESC, id DESC) WHERE removed_at IS NULL;
