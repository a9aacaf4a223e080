-- Members' skill profiles (`/me skills`): one per member across servers, the skills as the
-- member wrote them (one per line), kept until the member changes them or runs `/me forget`,
-- which deletes the row (and puts a pseudonym where the member's id stood elsewhere).
CREATE TABLE member_profiles (
    user_id    TEXT   PRIMARY KEY,
    skills     TEXT   NOT NULL,
    updated_at BIGINT NOT NULL
);
