-- Which member each revision of a server's audience (`alert_audiences`) was bumped for, so
-- a process holding the audience at revision R re-reads only the members changed since R
-- instead of the whole server. Written in the transaction that bumps the revision (whose row
-- lock serialises writers), so revision r's entry exists once r is visible. A revision with
-- no entry (a `/me forget`, which leaves no id behind; an entry pruned, each server keeping
-- its last 10,000; a bump from before this table) makes any cache older than it read the
-- server in full. Names a member: `/me forget` deletes their entries, `/me export` lists
-- them.
CREATE TABLE alert_audience_changes (
    guild    BIGINT NOT NULL,
    revision BIGINT NOT NULL,
    user_id  TEXT   NOT NULL,
    PRIMARY KEY (guild, revision)
);
CREATE INDEX alert_audience_changes_by_user ON alert_audience_changes (user_id);
