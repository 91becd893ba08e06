-- Screenings (Identify): the answers a person gave to one version of a screening instrument, on
-- their case. The answers describe the person's exploitation, so they are stored only as one
-- AES-256-GCM ciphertext under the organisation's data key (AAD `screening:<id>`); the result is
-- recomputed from them and the version whenever it is read. The determination is kept in plain
-- text only for lists and counts.
-- Runs on PostgreSQL 15 and on PGlite.

CREATE TABLE screenings (
  id                  uuid PRIMARY KEY,
  org_id              uuid NOT NULL REFERENCES organisations(id),
  case_id             uuid NOT NULL REFERENCES cases(id),
  instrument_id       text NOT NULL,
  instrument_version  text NOT NULL,
  status              text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'completed')),
  answers             bytea NOT NULL,
  determination       text CHECK (determination IN ('likely', 'possible', 'not_indicated')),
  created_by          uuid REFERENCES users(id),
  created_at          timestamptz NOT NULL,
  updated_at          timestamptz NOT NULL,
  completed_at        timestamptz,
  CHECK ((status = 'completed') = (completed_at IS NOT NULL)),
  CHECK (status = 'completed' OR determination IS NULL)
);
CREATE INDEX screenings_case_idx ON screenings (org_id, case_id, created_at DESC);

ALTER TABLE screenings ENABLE ROW LEVEL SECURITY;
ALTER TABLE screenings FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant ON screenings TO lantern_app
  USING (org_id = (SELECT lantern_org_id())) WITH CHECK (org_id = (SELECT lantern_org_id()));
CREATE POLICY system ON screenings TO CURRENT_USER USING (true);

-- No DELETE: a screening, like the audit entries about it, stays.
GRANT SELECT, INSERT, UPDATE ON screenings TO lantern_app;
