-- What mentors teach a server's knowledge base. A guild is a Discord server id, 0 outside
-- servers (the terminal). Articles are never deleted: removal only hides them, and
-- article_events keeps who added and removed what, when. No member's question is stored.

-- Per server: who may teach (besides members with Manage Server), and the forum the bot
-- answers new posts in (not used yet; kept here so the settings stay one row).
CREATE TABLE teaching_settings (
    guild        BIGINT PRIMARY KEY,
    mentor_role  BIGINT,
    answer_forum BIGINT,
    updated_at   BIGINT NOT NULL,
    updated_by   TEXT   NOT NULL
);

CREATE TABLE articles (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    guild        BIGINT NOT NULL,
    title        TEXT   NOT NULL,
    slug         TEXT   NOT NULL,
    body         TEXT   NOT NULL,
    content_hash TEXT   NOT NULL, -- SHA-256 of the normalised body, lower-case hex
    added_at     BIGINT NOT NULL,
    added_by     TEXT   NOT NULL,
    removed_at   BIGINT,
    removed_by   TEXT
);
-- The same text is added to a server once while it is live; removed, it may come back.
CREATE UNIQUE INDEX articles_live_text ON articles (guild, content_hash) WHERE removed_at IS NULL;
CREATE INDEX articles_live ON articles (guild, id) WHERE removed_at IS NULL;

-- A text waiting for its author to click Add: in the database rather than in memory, so the
-- click may reach any process. Taking it deletes it, so a replayed click finds nothing.
CREATE TABLE article_drafts (
    token      TEXT   PRIMARY KEY,
    guild      BIGINT NOT NULL,
    author     TEXT   NOT NULL,
    title      TEXT   NOT NULL,
    body       TEXT   NOT NULL,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL
);
CREATE INDEX article_drafts_by_expiry ON article_drafts (expires_at);

CREATE TABLE article_events (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    article_id BIGINT NOT NULL REFERENCES articles (id),
    guild      BIGINT NOT NULL,
    action     TEXT   NOT NULL,
    actor      TEXT   NOT NULL,
    at         BIGINT NOT NULL
);
CREATE INDEX article_events_by_guild ON article_events (guild, id);
