-- Job alerts (`/me alerts on|off` in a server): a member's settings per server, why their
-- alerts are paused (Discord refused a DM), the outbox of alert DMs still to send or lately
-- sent, and how many alert DMs each member was sent on a day (the daily cap). Every row
-- names a member, so `/me forget` deletes them all and `/me export` lists them.
CREATE TABLE member_alerts (
    user_id    TEXT   NOT NULL,
    guild      BIGINT NOT NULL,
    enabled    BIGINT NOT NULL CHECK (enabled IN (0, 1)),
    min_fit    BIGINT NOT NULL CHECK (min_fit BETWEEN 1 AND 100),
    level      TEXT,
    remote     BIGINT CHECK (remote IN (0, 1)), -- NULL: remote or not
    updated_at BIGINT NOT NULL,
    PRIMARY KEY (user_id, guild)
);
CREATE INDEX member_alerts_by_guild ON member_alerts (guild, enabled);

-- One row per member whose alerts are paused, everywhere, with the reason shown in `/me show`;
-- `/me alerts on` deletes it.
CREATE TABLE member_alert_pauses (
    user_id   TEXT   PRIMARY KEY,
    reason    TEXT   NOT NULL,
    paused_at BIGINT NOT NULL
);

-- Bumped whenever who is alerted in a server, or how, may have changed (settings, a profile,
-- a pause, a forget): a process keeps each server's audience in memory while it is current.
CREATE TABLE alert_audiences (
    guild    BIGINT PRIMARY KEY,
    revision BIGINT NOT NULL
);

-- An alert DM per (member, job), queued when the job is posted. Claimed by one delivery
-- worker until `claimed_until` (a claim that outlives its process expires and is taken
-- again); `sent_at` once Discord took the DM; `outcome` says why a row will not be sent
-- (`gone`: the job was removed or expired; `paused`: the member's DMs are closed). Rows are
-- deleted 7 days after they are settled.
CREATE TABLE alert_outbox (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id       TEXT   NOT NULL,
    guild         BIGINT NOT NULL,
    job_id        BIGINT NOT NULL,
    fit           BIGINT NOT NULL,
    queued_at     BIGINT NOT NULL,
    due_at        BIGINT NOT NULL,
    attempts      BIGINT NOT NULL DEFAULT 0,
    claim         TEXT,
    claimed_until BIGINT,
    counted_day   BIGINT, -- the day whose cap this alert counts against, once reserved
    sent_at       BIGINT,
    outcome       TEXT,
    settled_at    BIGINT,
    UNIQUE (user_id, job_id)
);
CREATE INDEX alert_outbox_due ON alert_outbox (due_at, fit) WHERE settled_at IS NULL;
CREATE INDEX alert_outbox_settled ON alert_outbox (settled_at) WHERE settled_at IS NOT NULL;

-- Alert DMs counted against a member's daily cap (day = Unix days, UTC); rows older than
-- yesterday are deleted.
CREATE TABLE alert_budgets (
    user_id TEXT   NOT NULL,
    day     BIGINT NOT NULL,
    used    BIGINT NOT NULL,
    PRIMARY KEY (user_id, day)
);
