-- The forum mode: each post (thread) of a server's answer forum the bot has read, claimed
-- before it is read so that a duplicate event or a reconnect never answers a post twice, and
-- the bot's answer there (NULL when it stayed quiet), so a mentor's "Remove this answer" is
-- honoured on that message only. No text of the post or the answer is kept, nor who wrote
-- it or took the answer down. Posts met with silence are forgotten after 7 days (a duplicate
-- event comes within minutes); answered ones stay while their answer may be taken down.
CREATE TABLE forum_posts (
    thread        BIGINT PRIMARY KEY,
    guild         BIGINT NOT NULL,
    answer        BIGINT,
    read_at       BIGINT NOT NULL,
    taken_down_at BIGINT
);
CREATE INDEX forum_posts_by_answer ON forum_posts (guild, answer);
CREATE INDEX forum_posts_quiet ON forum_posts (read_at) WHERE answer IS NULL;
