-- Notifications (docs/notifications.md): the event outbox, in-app read marks, webhook endpoints
-- and the delivery log of webhooks and e-mails. Runs on PostgreSQL 15 and on PGlite.
-- Nothing here holds personal data of a survivor: events carry a subject's id and reference.

-- The transactional outbox. A referral change and its event commit or roll back together
-- (publishEvent writes here inside the caller's transaction); the worker later fans each event
-- out into deliveries. An event is shared by the organisations it is addressed to
-- (recipient_org_ids, derived from `recipients` by publishEvent): the publishing organisation
-- must be among them, and each organisation reads only the events addressed to it.
CREATE TABLE notify_events (
  seq                bigserial NOT NULL UNIQUE,
  id                 uuid PRIMARY KEY,
  -- The publishing organisation (the transaction's own).
  org_id             uuid NOT NULL REFERENCES organisations(id),
  type               text NOT NULL CHECK (type ~ '^[a-z_]+\.[a-z_]+$'),
  -- [{orgId, side: 'sender'|'receiver', userIds?: [uuid]}]
  recipients         jsonb NOT NULL CHECK (jsonb_typeof(recipients) = 'array'),
  recipient_org_ids  uuid[] NOT NULL CHECK (cardinality(recipient_org_ids) BETWEEN 1 AND 20),
  subject_type       text NOT NULL,
  subject_id         uuid NOT NULL,
  subject_reference  text NOT NULL CHECK (length(subject_reference) BETWEEN 1 AND 100),
  occurred_at        timestamptz NOT NULL,
  created_at         timestamptz NOT NULL DEFAULT now(),
  -- Set by the worker once deliveries exist for every recipient; NULL: still in the outbox.
  dispatched_at      timestamptz
);
CREATE INDEX notify_events_pending_idx ON notify_events (seq) WHERE dispatched_at IS NULL;
CREATE INDEX notify_events_recipients_idx ON notify_events USING gin (recipient_org_ids);

-- Per-user read marks of in-app notifications (an event is one notification per user).
CREATE TABLE notification_reads (
  org_id    uuid NOT NULL REFERENCES organisations(id),
  user_id   uuid NOT NULL REFERENCES users(id),
  event_id  uuid NOT NULL REFERENCES notify_events(id),
  read_at   timestamptz NOT NULL,
  PRIMARY KEY (user_id, event_id)
);

-- An organisation's webhook endpoints. The signing secret is sealed with AES-256-GCM under the
-- organisation's data key (src/server/crypto/sealed-values.ts): the worker must read it back to
-- sign, so it cannot be hashed like a password.
CREATE TABLE webhook_endpoints (
  id           uuid PRIMARY KEY,
  org_id       uuid NOT NULL REFERENCES organisations(id),
  url          text NOT NULL CHECK (length(url) BETWEEN 8 AND 2000),
  description  text CHECK (description IS NULL OR length(description) <= 200),
  -- Event types subscribed to; empty: every type.
  event_types  text[] NOT NULL DEFAULT '{}',
  active       boolean NOT NULL DEFAULT true,
  secret       bytea NOT NULL,
  created_by   uuid,
  created_at   timestamptz NOT NULL,
  updated_at   timestamptz NOT NULL,
  -- Soft delete: the delivery log of a removed endpoint stays readable to the worker and audit.
  deleted_at   timestamptz,
  version      integer NOT NULL DEFAULT 1
);
CREATE INDEX webhook_endpoints_org_idx ON webhook_endpoints (org_id) WHERE deleted_at IS NULL;

-- One delivery of one event over one channel to one target: a webhook endpoint, or one user's
-- e-mail address (looked up at sending, never copied here). The row carries the latest attempt;
-- notify_attempts keeps every attempt.
CREATE TABLE notify_deliveries (
  id                uuid PRIMARY KEY,
  -- The recipient organisation.
  org_id            uuid NOT NULL REFERENCES organisations(id),
  event_id          uuid NOT NULL REFERENCES notify_events(id),
  channel           text NOT NULL CHECK (channel IN ('webhook', 'email')),
  endpoint_id       uuid REFERENCES webhook_endpoints(id),
  user_id           uuid REFERENCES users(id),
  status            text NOT NULL CHECK (status IN ('pending', 'delivering', 'delivered', 'failed', 'skipped')),
  attempts          integer NOT NULL DEFAULT 0,
  next_attempt_at   timestamptz,
  -- While `delivering`: the claim's expiry, after which another worker may take it over.
  lease_until       timestamptz,
  last_status_code  integer,
  last_error        text,
  last_duration_ms  integer,
  created_at        timestamptz NOT NULL,
  updated_at        timestamptz NOT NULL,
  delivered_at      timestamptz,
  CHECK ((channel = 'webhook') = (endpoint_id IS NOT NULL)),
  CHECK ((channel = 'email') = (user_id IS NOT NULL)),
  UNIQUE (event_id, endpoint_id),
  UNIQUE (event_id, user_id)
);
CREATE INDEX notify_deliveries_due_idx ON notify_deliveries (next_attempt_at)
  WHERE status = 'pending';
CREATE INDEX notify_deliveries_lease_idx ON notify_deliveries (lease_until)
  WHERE status = 'delivering';
CREATE INDEX notify_deliveries_endpoint_idx ON notify_deliveries (endpoint_id, created_at DESC);

-- Every attempt, for the delivery log. `error` is a short code or message of our own making
-- (timeout, connection refused, HTTP 500), never a response body.
CREATE TABLE notify_attempts (
  delivery_id  uuid NOT NULL REFERENCES notify_deliveries(id),
  attempt      integer NOT NULL,
  org_id       uuid NOT NULL REFERENCES organisations(id),
  at           timestamptz NOT NULL,
  status_code  integer,
  error        text,
  duration_ms  integer NOT NULL,
  PRIMARY KEY (delivery_id, attempt)
);

ALTER TABLE notify_events ENABLE ROW LEVEL SECURITY;
ALTER TABLE notify_events FORCE ROW LEVEL SECURITY;
-- An organisation records events it takes part in (it must be a recipient: a referral's sender
-- hears of the answer, so both parties are always named) and reads those addressed to it.
CREATE POLICY recipients_read ON notify_events FOR SELECT TO lantern_app
  USING ((SELECT lantern_org_id()) = ANY (recipient_org_ids));
CREATE POLICY publisher_insert ON notify_events FOR INSERT TO lantern_app
  WITH CHECK (org_id = (SELECT lantern_org_id())
              AND (SELECT lantern_org_id()) = ANY (recipient_org_ids));
CREATE POLICY system ON notify_events TO CURRENT_USER USING (true);

ALTER TABLE notification_reads ENABLE ROW LEVEL SECURITY;
ALTER TABLE notification_reads FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant ON notification_reads TO lantern_app
  USING (org_id = (SELECT lantern_org_id())) WITH CHECK (org_id = (SELECT lantern_org_id()));
CREATE POLICY system ON notification_reads TO CURRENT_USER USING (true);

ALTER TABLE webhook_endpoints ENABLE ROW LEVEL SECURITY;
ALTER TABLE webhook_endpoints FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant ON webhook_endpoints TO lantern_app
  USING (org_id = (SELECT lantern_org_id())) WITH CHECK (org_id = (SELECT lantern_org_id()));
CREATE POLICY system ON webhook_endpoints TO CURRENT_USER USING (true);

ALTER TABLE notify_deliveries ENABLE ROW LEVEL SECURITY;
ALTER TABLE notify_deliveries FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant ON notify_deliveries TO lantern_app
  USING (org_id = (SELECT lantern_org_id())) WITH CHECK (org_id = (SELECT lantern_org_id()));
CREATE POLICY system ON notify_deliveries TO CURRENT_USER USING (true);

ALTER TABLE notify_attempts ENABLE ROW LEVEL SECURITY;
ALTER TABLE notify_attempts FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant ON notify_attempts TO lantern_app
  USING (org_id = (SELECT lantern_org_id())) WITH CHECK (org_id = (SELECT lantern_org_id()));
CREATE POLICY system ON notify_attempts TO CURRENT_USER USING (true);

-- The outbox is append-only for organisations; only the worker (system) marks dispatch.
GRANT SELECT, INSERT ON notify_events TO lantern_app;
GRANT USAGE ON SEQUENCE notify_events_seq_seq TO lantern_app;
GRANT SELECT, INSERT ON notification_reads TO lantern_app;
GRANT SELECT, INSERT, UPDATE ON webhook_endpoints TO lantern_app;
-- Organisations read their delivery log and ask for a redelivery (status back to pending).
GRANT SELECT, UPDATE (status, next_attempt_at, updated_at) ON notify_deliveries TO lantern_app;
GRANT INSERT ON notify_deliveries TO lantern_app;
GRANT SELECT ON notify_attempts TO lantern_app;
