-- What members asked that a server's knowledge base could not answer, for `/kb gaps`: the
-- subject (a role name, skills, or an unclear question; normalised and capped), how often
-- and when it was last asked. Never who asked. At most 500 rows per server (the least
-- recently asked go first); a role's row goes once an article teaches the role.
CREATE TABLE knowledge_gaps (
    guild   BIGINT NOT NULL,
    kind    TEXT   NOT NULL,
    subject TEXT   NOT NULL,
    asks    BIGINT NOT NULL,
    last_at BIGINT NOT NULL,
    PRIMARY KEY (guild, kind, subject)
);
CREATE INDEX knowledge_gaps_recent ON knowledge_gaps (guild, last_at);
