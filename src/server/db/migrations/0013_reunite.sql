-- Reunite: match keys for candidate search, and tracing requests (docs/reunite.md).
-- Runs on PostgreSQL 15 and on PGlite: no 16+-only syntax.

-- Blocking keys of a person's names (alone, in pairs, with the birth year), each stored only as
-- a keyed HMAC-SHA256 under the organisation's blind-index key (purpose 'match', truncated to
-- 128 bits): the database holds neither a name nor a phonetic code in clear, and one
-- organisation's keys say nothing about another's. Written whenever a person is created or
-- their identity changes; `lantern reunite reindex` rebuilds them (migrations cannot decrypt).
CREATE TABLE person_match_keys (
  org_id     uuid NOT NULL REFERENCES organisations(id),
  key        bytea NOT NULL,
  person_id  uuid NOT NULL REFERENCES persons(id),
  -- (org_id, key) first: the candidate search reads persons by key, index only.
  PRIMARY KEY (org_id, key, person_id)
);
-- Replacing one person's keys (identity update, reindex, merge).
CREATE INDEX person_match_keys_person_idx ON person_match_keys (person_id);

ALTER TABLE person_match_keys ENABLE ROW LEVEL SECURITY;
ALTER TABLE person_match_keys FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant ON person_match_keys TO lantern_app
  USING (org_id = (SELECT lantern_org_id())) WITH CHECK (org_id = (SELECT lantern_org_id()));
CREATE POLICY system ON person_match_keys TO CURRENT_USER USING (true);
GRANT SELECT, INSERT, DELETE ON person_match_keys TO lantern_app;

-- The candidate search reads the cases of ≤ 150 persons by person id: without this index that
-- join scans every case (most of a query's time at 1,000,000 cases).
CREATE INDEX IF NOT EXISTS cases_person_idx ON cases (org_id, person_id);

-- Numbers tracing requests per organisation (TR-2026-000001), as case_seq numbers cases.
ALTER TABLE organisations ADD COLUMN tracing_seq integer NOT NULL DEFAULT 0;
GRANT UPDATE (tracing_seq) ON organisations TO lantern_app;

-- A relative's or an agency's request to find a missing person. What identifies anyone (the
-- sought person's names, dates and places; the enquirer's name and contact) is sealed JSON:
-- AES-256-GCM under the organisation's key, additional data `tracing-sought:<id>` and
-- `tracing-enquirer:<id>`. Only codes and dates of the workflow are in clear.
CREATE TABLE tracing_requests (
  id                  uuid PRIMARY KEY,
  org_id              uuid NOT NULL REFERENCES organisations(id),
  reference           text NOT NULL,
  status              text NOT NULL CHECK (status IN ('open', 'matched', 'verified',
                        'best_interest_determined', 'reunified', 'closed')),
  -- true: a child (under 18 today as far as known); false: an adult; NULL: age unknown.
  sought_is_child     boolean,
  sought              bytea NOT NULL,
  enquirer            bytea NOT NULL,
  enquirer_kind       text NOT NULL CHECK (enquirer_kind IN ('family', 'agency')),
  -- The step data (codes in clear, notes sealed inside `steps`, `tracing-steps:<id>`).
  verification_method text,
  best_interest       text CHECK (best_interest IN ('in_best_interest', 'not_in_best_interest')),
  reunified_on        date,
  closure_reason      text CHECK (closure_reason IN ('reunified', 'not_found',
                        'enquirer_withdrew', 'not_in_best_interest', 'other')),
  steps               bytea,
  last_searched_at    timestamptz,
  created_by          uuid NOT NULL REFERENCES users(id),
  created_at          timestamptz NOT NULL,
  updated_at          timestamptz NOT NULL,
  closed_at           timestamptz,
  version             integer NOT NULL DEFAULT 1,
  UNIQUE (org_id, reference),
  UNIQUE (id, org_id),
  CHECK ((status = 'closed') = (closure_reason IS NOT NULL))
);
CREATE INDEX tracing_requests_list_idx ON tracing_requests (org_id, created_at DESC, id DESC);
CREATE INDEX tracing_requests_status_idx ON tracing_requests (org_id, status, created_at DESC);

-- A case proposed for a request by the candidate search, with its score and explanation
-- (field names, comparison levels and weights: never values), and the officer's decision.
CREATE TABLE tracing_candidates (
  id            uuid PRIMARY KEY,
  org_id        uuid NOT NULL REFERENCES organisations(id),
  request_id    uuid NOT NULL,
  case_id       uuid NOT NULL,
  status        text NOT NULL CHECK (status IN ('proposed', 'confirmed', 'rejected',
                  'withdrawn')),
  rank          integer NOT NULL,
  weight        double precision NOT NULL,
  probability   double precision NOT NULL CHECK (probability BETWEEN 0 AND 1),
  explanation   jsonb NOT NULL,
  -- The family-tracing consent the proposal relied on (docs/consent.md).
  consent_id    uuid,
  reason        text,
  -- AES-256-GCM, additional data `tracing-candidate-note:<id>`.
  note          bytea,
  proposed_at   timestamptz NOT NULL,
  decided_by    uuid REFERENCES users(id),
  decided_at    timestamptz,
  UNIQUE (request_id, case_id),
  FOREIGN KEY (request_id, org_id) REFERENCES tracing_requests (id, org_id),
  FOREIGN KEY (case_id, org_id) REFERENCES cases (id, org_id)
);
CREATE INDEX tracing_candidates_request_idx ON tracing_candidates (org_id, request_id, rank);
CREATE INDEX tracing_candidates_case_idx ON tracing_candidates (org_id, case_id);

-- Every step of a request, append-only: who moved it from which status to which, and when.
CREATE TABLE tracing_events (
  seq          bigserial PRIMARY KEY,
  id           uuid NOT NULL UNIQUE,
  org_id       uuid NOT NULL REFERENCES organisations(id),
  request_id   uuid NOT NULL,
  action       text NOT NULL,
  from_status  text,
  to_status    text NOT NULL,
  candidate_id uuid,
  actor_id     uuid REFERENCES users(id),
  at           timestamptz NOT NULL,
  FOREIGN KEY (request_id, org_id) REFERENCES tracing_requests (id, org_id)
);
CREATE INDEX tracing_events_request_idx ON tracing_events (org_id, request_id, seq);

CREATE FUNCTION lantern_tracing_events_immutable() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'tracing_events are append-only';
END
$$;
CREATE TRIGGER tracing_events_no_update BEFORE UPDATE ON tracing_events
  FOR EACH ROW EXECUTE FUNCTION lantern_tracing_events_immutable();

ALTER TABLE tracing_requests ENABLE ROW LEVEL SECURITY;
ALTER TABLE tracing_requests FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant ON tracing_requests TO lantern_app
  USING (org_id = (SELECT lantern_org_id())) WITH CHECK (org_id = (SELECT lantern_org_id()));
CREATE POLICY system ON tracing_requests TO CURRENT_USER USING (true);

ALTER TABLE tracing_candidates ENABLE ROW LEVEL SECURITY;
ALTER TABLE tracing_candidates FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant ON tracing_candidates TO lantern_app
  USING (org_id = (SELECT lantern_org_id())) WITH CHECK (org_id = (SELECT lantern_org_id()));
CREATE POLICY system ON tracing_candidates TO CURRENT_USER USING (true);

ALTER TABLE tracing_events ENABLE ROW LEVEL SECURITY;
ALTER TABLE tracing_events FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant ON tracing_events TO lantern_app
  USING (org_id = (SELECT lantern_org_id())) WITH CHECK (org_id = (SELECT lantern_org_id()));
CREATE POLICY system ON tracing_events TO CURRENT_USER USING (true);

GRANT SELECT, INSERT, UPDATE ON tracing_requests TO lantern_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON tracing_candidates TO lantern_app;
GRANT SELECT, INSERT ON tracing_events TO lantern_app;
GRANT USAGE ON SEQUENCE tracing_events_seq_seq TO lantern_app;
