-- "Was this useful?": members' 👍 / 👎 on answers, for `/kb gaps`'s answers voted down most.
-- A vote says what the answer was about (the command, the roles' slugs comma-separated, the
-- aspect's key or ''), never the question's text. One vote per member per answer: the
-- message the buttons sit on, the member, and what the answer there was about (an answer
-- updated in place is another answer); a second click changes it. At most 5,000 rows per
-- server (the least recent go first); a server's votes on roles go once an article about
-- them is added after them.
CREATE TABLE answer_votes (
    guild   BIGINT NOT NULL,
    message BIGINT NOT NULL,
    voter   TEXT   NOT NULL,
    command TEXT   NOT NULL,
    roles   TEXT   NOT NULL,
    aspect  TEXT   NOT NULL,
    vote    TEXT   NOT NULL,
    at      BIGINT NOT NULL,
    PRIMARY KEY (guild, message, voter, command, roles, aspect)
);
CREATE INDEX answer_votes_recent ON answer_votes (guild, at);
CREATE INDEX answer_votes_by_vote ON answer_votes (guild, vote, command, roles, aspect);
