-- Refer: the service directory and referrals between organisations (docs/referrals.md).
-- Runs on PostgreSQL 15 and on PGlite: no 16+-only syntax.
--
-- The directory holds no personal data and is shared by every organisation on the instance:
-- anyone signed in reads it; only the listing organisation edits a listing, and the receiving
-- organisation updates a service's available places. A referral is seen by two organisations,
-- the sender (org_id) and the receiver (to_org_id); the case it came from stays under the
-- sender's row-level security alone.

-- A provider of services: an organisation on this instance (provider_org_id, whose inbox
-- receives its referrals) or one listed externally (provider_org_id NULL).
CREATE TABLE providers (
  id               uuid PRIMARY KEY,
  -- The organisation that maintains this listing.
  org_id           uuid NOT NULL REFERENCES organisations(id),
  provider_org_id  uuid REFERENCES organisations(id),
  name             text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  description      text,
  phone            text,
  email            text,
  website          text,
  active           boolean NOT NULL DEFAULT true,
  created_at       timestamptz NOT NULL,
  updated_at       timestamptz NOT NULL
);
CREATE INDEX providers_org_idx ON providers (org_id);
CREATE INDEX providers_receiver_idx ON providers (provider_org_id);

-- One type of service offered by a provider at one site.
CREATE TABLE services (
  id                   uuid PRIMARY KEY,
  org_id               uuid NOT NULL REFERENCES organisations(id),
  provider_id          uuid NOT NULL REFERENCES providers(id),
  -- src/shared/codes/service-types.ts
  service_type         text NOT NULL CHECK (service_type IN ('shelter', 'medical',
                         'mental_health_psychosocial', 'legal_aid', 'interpretation',
                         'documentation', 'safe_return_reintegration', 'livelihood', 'education',
                         'child_protection', 'family_tracing')),
  name                 text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  description          text,
  address              text,
  -- ISO 3166-1 alpha-2
  country              char(2) NOT NULL,
  admin_area           text,
  latitude             double precision NOT NULL CHECK (latitude BETWEEN -90 AND 90),
  longitude            double precision NOT NULL CHECK (longitude BETWEEN -180 AND 180),
  -- ISO 639-1 codes
  languages            text[] NOT NULL DEFAULT '{}',
  -- Eligibility; NULL or empty: no restriction.
  age_min              smallint CHECK (age_min BETWEEN 0 AND 120),
  age_max              smallint CHECK (age_max BETWEEN 0 AND 120),
  genders              text[] NOT NULL DEFAULT '{}',        -- prs_Gender codes
  nationalities        text[] NOT NULL DEFAULT '{}',        -- ISO 3166-1 alpha-2
  statuses             text[] NOT NULL DEFAULT '{}',        -- vic_TraffickingStatus codes
  -- Places; NULL: not limited by places (legal aid, say).
  capacity_total       integer CHECK (capacity_total >= 0),
  capacity_available   integer CHECK (capacity_available >= 0),
  capacity_updated_at  timestamptz,
  hours                text,
  phone                text,
  email                text,
  -- Days the provider has to answer a sent referral before it expires.
  response_days        smallint NOT NULL DEFAULT 5 CHECK (response_days BETWEEN 1 AND 90),
  active               boolean NOT NULL DEFAULT true,
  created_at           timestamptz NOT NULL,
  updated_at           timestamptz NOT NULL,
  CHECK (age_min IS NULL OR age_max IS NULL OR age_min <= age_max),
  CHECK (capacity_available IS NULL OR capacity_total IS NULL OR capacity_available <= capacity_total)
);
CREATE INDEX services_type_idx ON services (service_type, active);
CREATE INDEX services_provider_idx ON services (provider_id);

-- A referral of one case to one service. `snapshot` is the JSON of the fields the sender chose
-- to disclose, sealed at sending with AES-256-GCM under the referral's own data key
-- (`snapshot_key`, wrapped by the master key, additional data `referral-key:<id>`); erasing
-- the key on withdrawal makes the snapshot unreadable for good.
CREATE TABLE referrals (
  id                 uuid PRIMARY KEY,
  -- The sending organisation.
  org_id             uuid NOT NULL REFERENCES organisations(id),
  reference          text NOT NULL,
  case_id            uuid,
  service_id         uuid NOT NULL REFERENCES services(id),
  provider_id        uuid NOT NULL REFERENCES providers(id),
  -- The receiving organisation on this instance; NULL for an external provider.
  to_org_id          uuid REFERENCES organisations(id),
  service_type       text NOT NULL,
  status             text NOT NULL CHECK (status IN ('draft', 'sent', 'accepted', 'declined',
                       'in_progress', 'completed', 'withdrawn', 'expired')),
  urgency            text NOT NULL DEFAULT 'routine'
                       CHECK (urgency IN ('routine', 'urgent', 'emergency')),
  disclosed_fields   text[] NOT NULL DEFAULT '{}',
  snapshot_key       bytea,
  snapshot           bytea,
  -- Shown to the receiver: names of organisations are not personal data.
  from_org_name      text NOT NULL,
  decline_reason     text,
  outcome            text,
  created_by         uuid NOT NULL,
  created_at         timestamptz NOT NULL,
  sent_at            timestamptz,
  answer_due_at      timestamptz,
  answered_at        timestamptz,
  started_at         timestamptz,
  closed_at          timestamptz,
  updated_at         timestamptz NOT NULL,
  -- Optimistic concurrency: every change increments it.
  version            integer NOT NULL DEFAULT 1,
  UNIQUE (org_id, reference),
  FOREIGN KEY (case_id, org_id) REFERENCES cases (id, org_id),
  CHECK (status = 'draft' OR sent_at IS NOT NULL)
);
CREATE INDEX referrals_case_idx ON referrals (org_id, case_id, created_at DESC);
CREATE INDEX referrals_inbox_idx ON referrals (to_org_id, status, sent_at DESC);
CREATE INDEX referrals_due_idx ON referrals (answer_due_at) WHERE status = 'sent';
CREATE INDEX referrals_sent_idx ON referrals (org_id, sent_at DESC);

-- The referral's history, append-only: every transition, by whom, from which organisation.
-- `note` is sealed under the referral's data key (additional data `referral-note:<event id>`).
CREATE TABLE referral_events (
  seq           bigserial NOT NULL UNIQUE,
  id            uuid PRIMARY KEY,
  referral_id   uuid NOT NULL REFERENCES referrals(id),
  org_id        uuid NOT NULL,
  to_org_id     uuid,
  from_status   text,
  to_status     text NOT NULL,
  -- NULL: the system (expiry, consent withdrawn).
  actor_id      uuid,
  actor_org_id  uuid,
  actor_name    text,
  reason        text,
  note          bytea,
  at            timestamptz NOT NULL
);
CREATE INDEX referral_events_referral_idx ON referral_events (referral_id, seq);
CREATE TRIGGER referral_events_append_only BEFORE UPDATE OR DELETE ON referral_events
  FOR EACH ROW EXECUTE FUNCTION lantern_append_only();

ALTER TABLE providers ENABLE ROW LEVEL SECURITY;
ALTER TABLE providers FORCE ROW LEVEL SECURITY;
CREATE POLICY directory_read ON providers FOR SELECT TO lantern_app USING (true);
CREATE POLICY tenant_insert ON providers FOR INSERT TO lantern_app
  WITH CHECK (org_id = (SELECT lantern_org_id()));
CREATE POLICY tenant_update ON providers FOR UPDATE TO lantern_app
  USING (org_id = (SELECT lantern_org_id())) WITH CHECK (org_id = (SELECT lantern_org_id()));
CREATE POLICY system ON providers TO CURRENT_USER USING (true);

ALTER TABLE services ENABLE ROW LEVEL SECURITY;
ALTER TABLE services FORCE ROW LEVEL SECURITY;
CREATE POLICY directory_read ON services FOR SELECT TO lantern_app USING (true);
CREATE POLICY tenant_insert ON services FOR INSERT TO lantern_app
  WITH CHECK (org_id = (SELECT lantern_org_id()));
-- The listing organisation edits; the receiving organisation may update too (places), which
-- the policy layer narrows to the capacity columns.
CREATE POLICY tenant_update ON services FOR UPDATE TO lantern_app
  USING (org_id = (SELECT lantern_org_id())
         OR provider_id IN (SELECT id FROM providers WHERE provider_org_id = (SELECT lantern_org_id())))
  WITH CHECK (org_id = (SELECT lantern_org_id())
         OR provider_id IN (SELECT id FROM providers WHERE provider_org_id = (SELECT lantern_org_id())));
CREATE POLICY system ON services TO CURRENT_USER USING (true);

ALTER TABLE referrals ENABLE ROW LEVEL SECURITY;
ALTER TABLE referrals FORCE ROW LEVEL SECURITY;
CREATE POLICY parties ON referrals TO lantern_app
  USING (org_id = (SELECT lantern_org_id()) OR to_org_id = (SELECT lantern_org_id()))
  WITH CHECK (org_id = (SELECT lantern_org_id()) OR to_org_id = (SELECT lantern_org_id()));
CREATE POLICY system ON referrals TO CURRENT_USER USING (true);

ALTER TABLE referral_events ENABLE ROW LEVEL SECURITY;
ALTER TABLE referral_events FORCE ROW LEVEL SECURITY;
CREATE POLICY parties ON referral_events TO lantern_app
  USING (org_id = (SELECT lantern_org_id()) OR to_org_id = (SELECT lantern_org_id()))
  WITH CHECK (org_id = (SELECT lantern_org_id()) OR to_org_id = (SELECT lantern_org_id()));
CREATE POLICY system ON referral_events TO CURRENT_USER USING (true);

GRANT SELECT, INSERT, UPDATE ON providers TO lantern_app;
GRANT SELECT, INSERT, UPDATE ON services TO lantern_app;
GRANT SELECT, INSERT, UPDATE ON referrals TO lantern_app;
GRANT SELECT, INSERT ON referral_events TO lantern_app;
GRANT USAGE ON SEQUENCE referral_events_seq_seq TO lantern_app;

-- Referral references (R-2026-000042) count per sending organisation, like case references.
ALTER TABLE organisations ADD COLUMN referral_seq integer NOT NULL DEFAULT 0;
GRANT UPDATE (referral_seq) ON organisations TO lantern_app;
