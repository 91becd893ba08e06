-- Pathway metrics (docs/referral-metrics.md): unmet needs, and indexes for the metrics queries.
-- Runs on PostgreSQL 15 and on PGlite: no 16+-only syntax.

-- A gap: a need for which a directory search found no eligible service within the radius. The
-- web app records one when a search for a case comes back empty; the same case and service
-- type within 24 hours is one gap (the service layer checks, under an advisory lock).
CREATE TABLE unmet_needs (
  id            uuid PRIMARY KEY,
  -- The organisation whose search came back empty.
  org_id        uuid NOT NULL REFERENCES organisations(id),
  case_id       uuid,
  -- src/shared/codes/service-types.ts
  service_type  text NOT NULL CHECK (service_type IN ('shelter', 'medical',
                  'mental_health_psychosocial', 'legal_aid', 'interpretation',
                  'documentation', 'safe_return_reintegration', 'livelihood', 'education',
                  'child_protection', 'family_tracing')),
  -- ISO 3166-1 alpha-2, where the service was needed; NULL: not given.
  country       char(2) CHECK (country ~ '^[A-Z]{2}$'),
  -- The search's centre, coarsened to 0.1° (about 11 km) before it is stored: it may be where
  -- the survivor stays, and a gap map needs no more.
  latitude      double precision CHECK (latitude BETWEEN -90 AND 90),
  longitude     double precision CHECK (longitude BETWEEN -180 AND 180),
  radius_km     double precision NOT NULL CHECK (radius_km > 0 AND radius_km <= 20000),
  reason        text NOT NULL
                  CHECK (reason IN ('none_listed', 'none_eligible', 'none_in_range', 'no_places')),
  recorded_by   uuid NOT NULL REFERENCES users(id),
  recorded_at   timestamptz NOT NULL,
  FOREIGN KEY (case_id, org_id) REFERENCES cases (id, org_id),
  CHECK ((latitude IS NULL) = (longitude IS NULL))
);
-- Metrics by period, and the 24-hour de-duplication look-ups (per case; per user without one).
CREATE INDEX unmet_needs_period_idx ON unmet_needs (org_id, recorded_at);
CREATE INDEX unmet_needs_case_idx ON unmet_needs (org_id, case_id, service_type, recorded_at DESC)
  WHERE case_id IS NOT NULL;
CREATE INDEX unmet_needs_user_idx ON unmet_needs (org_id, recorded_by, service_type, recorded_at DESC)
  WHERE case_id IS NULL;

ALTER TABLE unmet_needs ENABLE ROW LEVEL SECURITY;
ALTER TABLE unmet_needs FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant ON unmet_needs TO lantern_app
  USING (org_id = (SELECT lantern_org_id())) WITH CHECK (org_id = (SELECT lantern_org_id()));
CREATE POLICY system ON unmet_needs TO CURRENT_USER USING (true);

-- A gap is a fact recorded once: no UPDATE or DELETE for the application.
GRANT SELECT, INSERT ON unmet_needs TO lantern_app;

-- The receiving side's metrics select a period of one inbox (referrals_inbox_idx leads with
-- status, which the metrics do not filter on).
CREATE INDEX referrals_received_idx ON referrals (to_org_id, sent_at);
