-- Consent by purpose (docs/consent.md). Append-only: a grant or a withdrawal is a new row, a
-- row is never changed, so the history of what the person agreed to, and when, is kept.
-- Runs on PostgreSQL 15 and on PGlite.

CREATE TABLE consents (
  -- Recording order, for entries recorded at the same instant.
  seq                    bigserial NOT NULL UNIQUE,
  id                     uuid PRIMARY KEY,
  org_id                 uuid NOT NULL REFERENCES organisations(id),
  case_id                uuid NOT NULL REFERENCES cases(id),
  purpose                text NOT NULL
                           CHECK (purpose IN ('assistance', 'referral', 'statistics', 'family_tracing')),
  -- Referral only; NULL: every service type (src/shared/codes/service-types.ts).
  service_type           text CHECK (service_type IS NULL OR purpose = 'referral'),
  -- false: a withdrawal, or a refusal when nothing was granted before.
  granted                boolean NOT NULL,
  method                 text CHECK (method IN ('verbal', 'written', 'guardian')),
  guardian_relationship  text CHECK (guardian_relationship IN
                           ('parent', 'legal_guardian', 'appointed_guardian', 'relative', 'other')),
  -- AES-256-GCM under the organisation's key, additional data `consent-guardian:<id>`.
  guardian_name          bytea,
  child_assent           text CHECK (child_assent IN ('given', 'refused', 'not_possible')),
  -- Last day the grant holds; NULL: until withdrawn.
  expires_on             date,
  -- AES-256-GCM under the organisation's key, additional data `consent-note:<id>`.
  note                   bytea,
  recorded_by            uuid NOT NULL REFERENCES users(id),
  recorded_at            timestamptz NOT NULL,
  CHECK (NOT granted OR method IS NOT NULL),
  CHECK ((guardian_relationship IS NULL) = (guardian_name IS NULL)),
  CHECK (granted OR (guardian_name IS NULL AND child_assent IS NULL AND expires_on IS NULL))
);
-- One case's history, per purpose, in recording order: what mayI and the history read.
CREATE INDEX consents_case_idx ON consents (org_id, case_id, purpose, recorded_at, seq);

-- A consent record is never rewritten, not even by the owner. (Deleting stays possible for the
-- owner only, for retention and erasure; lantern_app has no DELETE grant.)
CREATE FUNCTION lantern_consents_immutable() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'consents are append-only: record a new grant or withdrawal instead';
END
$$;
CREATE TRIGGER consents_no_update BEFORE UPDATE ON consents
  FOR EACH ROW EXECUTE FUNCTION lantern_consents_immutable();

ALTER TABLE consents ENABLE ROW LEVEL SECURITY;
ALTER TABLE consents FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant ON consents TO lantern_app
  USING (org_id = (SELECT lantern_org_id())) WITH CHECK (org_id = (SELECT lantern_org_id()));
CREATE POLICY system ON consents TO CURRENT_USER USING (true);

GRANT SELECT, INSERT ON consents TO lantern_app;
GRANT USAGE ON SEQUENCE consents_seq_seq TO lantern_app;
