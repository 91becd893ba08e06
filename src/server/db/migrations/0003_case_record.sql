-- The case record on HTCDS 2.0 (docs/htcds-mapping.md): victim context, historic trafficking
-- events, perpetrators, needs, assistance plan and services, follow-ups, reintegration
-- assessments, and the
-- sensitive sections (docs/decisions/0004-sensitive-sections.md).
-- Coded fields are in clear, to be filterable and countable; every free text is one
-- AES-256-GCM ciphertext under the organisation's key, bound to its row (src/server/case-record/sealed.ts).
-- Runs on PostgreSQL 15 and on PGlite (PostgreSQL 18).

-- Lets the tables below reference (case, organisation) together, so that no row can point at
-- another organisation's case, whatever a query says.
ALTER TABLE cases ADD CONSTRAINT cases_id_org_key UNIQUE (id, org_id);

-- One row per case: the victim context (vic_ fields) that is not on `cases` itself.
CREATE TABLE case_profiles (
  case_id                                 uuid PRIMARY KEY,
  org_id                                  uuid NOT NULL,
  trafficking_status_decision_making_org  text,                          -- vic_TraffickingStatusDecisionMakingOrg
  type_of_sex_exploitation                text[] NOT NULL DEFAULT '{}',  -- vic_TypeOfSexExploitation
  forced_labour_industry                  text,                          -- vic_ForcedLabourIndustry, tier 1, 2 or 3
  relationship_to_trafficker              text,                          -- vic_RelationshipToTrafficker
  age_when_trafficked                     smallint CHECK (age_when_trafficked BETWEEN 0 AND 120),
  method_of_recruitment                   text[] NOT NULL DEFAULT '{}',  -- vic_MethodOfRecruitment
  recruitment_websites_and_apps           text[] NOT NULL DEFAULT '{}',  -- vic_RecruitmentWebsitesAndApps
  exploitation_websites_and_apps          text[] NOT NULL DEFAULT '{}',  -- vic_ExploitationWebsitesAndApps
  methods_of_control                      text[] NOT NULL DEFAULT '{}',  -- vic_MethodsOfControl
  updated_by                              uuid REFERENCES users(id),
  updated_at                              timestamptz NOT NULL,
  FOREIGN KEY (case_id, org_id) REFERENCES cases (id, org_id)
);

-- Historic trafficking events (hte_). `place` seals {state, city, description}.
CREATE TABLE trafficking_events (
  id          uuid PRIMARY KEY,
  org_id      uuid NOT NULL,
  case_id     uuid NOT NULL,
  type        text NOT NULL,       -- hte_Type
  country     char(2),             -- hte_Country (ISO 3166-1 alpha-2)
  date        date,                -- hte_Date
  end_date    date CHECK (end_date >= date),
  place       bytea NOT NULL,
  created_by  uuid REFERENCES users(id),
  created_at  timestamptz NOT NULL,
  updated_at  timestamptz NOT NULL,
  FOREIGN KEY (case_id, org_id) REFERENCES cases (id, org_id)
);
CREATE INDEX trafficking_events_case_idx ON trafficking_events (case_id, date);

-- Perpetrators (per_). `details` seals {name, aliases, roleDetails, organisation, notes}.
CREATE TABLE perpetrators (
  id             uuid PRIMARY KEY,
  org_id         uuid NOT NULL,
  case_id        uuid NOT NULL,
  roles          text[] NOT NULL,  -- per_RoleInProcess
  gender         text,             -- prs_Gender
  citizenship    char(2),          -- prs_Citizenship
  estimated_age  smallint CHECK (estimated_age BETWEEN 0 AND 120),
  details        bytea NOT NULL,
  created_by     uuid REFERENCES users(id),
  created_at     timestamptz NOT NULL,
  updated_at     timestamptz NOT NULL,
  FOREIGN KEY (case_id, org_id) REFERENCES cases (id, org_id)
);
CREATE INDEX perpetrators_case_idx ON perpetrators (case_id);

-- Needs, named by the kind of support that answers them (spl_Type). `details` is sealed.
CREATE TABLE needs (
  id             uuid PRIMARY KEY,
  org_id         uuid NOT NULL,
  case_id        uuid NOT NULL,
  type           text NOT NULL,
  status         text NOT NULL,
  identified_on  date NOT NULL,
  details        bytea NOT NULL,
  created_by     uuid REFERENCES users(id),
  created_at     timestamptz NOT NULL,
  updated_at     timestamptz NOT NULL,
  FOREIGN KEY (case_id, org_id) REFERENCES cases (id, org_id)
);
CREATE INDEX needs_case_idx ON needs (case_id, identified_on);

-- One assistance plan per case (spl_). `content` seals {objectives, actionPlan}.
CREATE TABLE assistance_plans (
  case_id           uuid PRIMARY KEY,
  org_id            uuid NOT NULL,
  start_date        date,
  planned_end_date  date CHECK (planned_end_date >= start_date),  -- spl_PlannedEndDate
  actual_end_date   date CHECK (actual_end_date >= start_date),   -- spl_ActualEndDate
  content           bytea NOT NULL,
  updated_by        uuid REFERENCES users(id),
  updated_at        timestamptz NOT NULL,
  FOREIGN KEY (case_id, org_id) REFERENCES cases (id, org_id)
);

-- The plan's services (spl_Type each). `details` seals {provider, description}.
CREATE TABLE plan_services (
  id                uuid PRIMARY KEY,
  org_id            uuid NOT NULL,
  case_id           uuid NOT NULL REFERENCES assistance_plans(case_id),
  position          smallint NOT NULL,
  type              text NOT NULL,
  status            text NOT NULL,
  planned_end_date  date,
  actual_end_date   date,
  details           bytea NOT NULL,
  FOREIGN KEY (case_id, org_id) REFERENCES cases (id, org_id)
);
CREATE INDEX plan_services_case_idx ON plan_services (case_id, position);

-- Follow-up contacts: append-only (no UPDATE or DELETE grant). `notes` is sealed.
CREATE TABLE follow_ups (
  id          uuid PRIMARY KEY,
  org_id      uuid NOT NULL,
  case_id     uuid NOT NULL,
  date        date NOT NULL,
  notes       bytea NOT NULL,
  created_by  uuid REFERENCES users(id),
  created_at  timestamptz NOT NULL,
  FOREIGN KEY (case_id, org_id) REFERENCES cases (id, org_id)
);
CREATE INDEX follow_ups_case_idx ON follow_ups (case_id, date DESC);

-- Reintegration assessments (IOM Reintegration Handbook, 2019: economic, social and
-- psychosocial dimensions), typically at closure: append-only. `notes` is sealed. Why a case
-- closed (cas_ReasonForCaseClosure) is the closure request's, in casework (migration 0004).
CREATE TABLE reintegration_assessments (
  id            uuid PRIMARY KEY,
  org_id        uuid NOT NULL,
  case_id       uuid NOT NULL,
  assessed_on   date NOT NULL,
  economic      text NOT NULL,
  social        text NOT NULL,
  psychosocial  text NOT NULL,
  notes         bytea NOT NULL,
  created_by    uuid REFERENCES users(id),
  created_at    timestamptz NOT NULL,
  FOREIGN KEY (case_id, org_id) REFERENCES cases (id, org_id)
);
CREATE INDEX reintegration_assessments_case_idx ON reintegration_assessments (case_id, assessed_on DESC);

-- Sensitive sections: one row per case and section, the content sealed as a whole.
CREATE TABLE case_sensitive (
  case_id     uuid NOT NULL,
  section     text NOT NULL CHECK (section IN ('health', 'sexualViolence', 'criminalJustice')),
  org_id      uuid NOT NULL,
  content     bytea NOT NULL,
  updated_by  uuid REFERENCES users(id),
  updated_at  timestamptz NOT NULL,
  PRIMARY KEY (case_id, section),
  FOREIGN KEY (case_id, org_id) REFERENCES cases (id, org_id)
);

ALTER TABLE case_profiles ENABLE ROW LEVEL SECURITY;
ALTER TABLE case_profiles FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant ON case_profiles TO lantern_app
  USING (org_id = (SELECT lantern_org_id())) WITH CHECK (org_id = (SELECT lantern_org_id()));
CREATE POLICY system ON case_profiles TO CURRENT_USER USING (true);

ALTER TABLE trafficking_events ENABLE ROW LEVEL SECURITY;
ALTER TABLE trafficking_events FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant ON trafficking_events TO lantern_app
  USING (org_id = (SELECT lantern_org_id())) WITH CHECK (org_id = (SELECT lantern_org_id()));
CREATE POLICY system ON trafficking_events TO CURRENT_USER USING (true);

ALTER TABLE perpetrators ENABLE ROW LEVEL SECURITY;
ALTER TABLE perpetrators FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant ON perpetrators TO lantern_app
  USING (org_id = (SELECT lantern_org_id())) WITH CHECK (org_id = (SELECT lantern_org_id()));
CREATE POLICY system ON perpetrators TO CURRENT_USER USING (true);

ALTER TABLE needs ENABLE ROW LEVEL SECURITY;
ALTER TABLE needs FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant ON needs TO lantern_app
  USING (org_id = (SELECT lantern_org_id())) WITH CHECK (org_id = (SELECT lantern_org_id()));
CREATE POLICY system ON needs TO CURRENT_USER USING (true);

ALTER TABLE assistance_plans ENABLE ROW LEVEL SECURITY;
ALTER TABLE assistance_plans FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant ON assistance_plans TO lantern_app
  USING (org_id = (SELECT lantern_org_id())) WITH CHECK (org_id = (SELECT lantern_org_id()));
CREATE POLICY system ON assistance_plans TO CURRENT_USER USING (true);

ALTER TABLE plan_services ENABLE ROW LEVEL SECURITY;
ALTER TABLE plan_services FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant ON plan_services TO lantern_app
  USING (org_id = (SELECT lantern_org_id())) WITH CHECK (org_id = (SELECT lantern_org_id()));
CREATE POLICY system ON plan_services TO CURRENT_USER USING (true);

ALTER TABLE follow_ups ENABLE ROW LEVEL SECURITY;
ALTER TABLE follow_ups FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant ON follow_ups TO lantern_app
  USING (org_id = (SELECT lantern_org_id())) WITH CHECK (org_id = (SELECT lantern_org_id()));
CREATE POLICY system ON follow_ups TO CURRENT_USER USING (true);

ALTER TABLE reintegration_assessments ENABLE ROW LEVEL SECURITY;
ALTER TABLE reintegration_assessments FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant ON reintegration_assessments TO lantern_app
  USING (org_id = (SELECT lantern_org_id())) WITH CHECK (org_id = (SELECT lantern_org_id()));
CREATE POLICY system ON reintegration_assessments TO CURRENT_USER USING (true);

ALTER TABLE case_sensitive ENABLE ROW LEVEL SECURITY;
ALTER TABLE case_sensitive FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant ON case_sensitive TO lantern_app
  USING (org_id = (SELECT lantern_org_id())) WITH CHECK (org_id = (SELECT lantern_org_id()));
CREATE POLICY system ON case_sensitive TO CURRENT_USER USING (true);

GRANT SELECT, INSERT, UPDATE ON case_profiles TO lantern_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON trafficking_events TO lantern_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON perpetrators TO lantern_app;
GRANT SELECT, INSERT, UPDATE ON needs TO lantern_app;
GRANT SELECT, INSERT, UPDATE ON assistance_plans TO lantern_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON plan_services TO lantern_app;
GRANT SELECT, INSERT ON follow_ups TO lantern_app;
GRANT SELECT, INSERT ON reintegration_assessments TO lantern_app;
GRANT SELECT, INSERT, UPDATE ON case_sensitive TO lantern_app;
