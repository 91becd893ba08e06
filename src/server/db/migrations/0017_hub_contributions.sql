-- Contributions of an organisation to the data hub (docs/hub.md, "Contributions"): the
-- organisation's consenting cases as de-identified CTDC rows, k-anonymised before anything
-- leaves the organisation, then approved by a second supervisor (four-eyes) and copied into the
-- hub store as one source (hub_sources, migration 0016). Both tables are the organisation's own,
-- under row-level security like the case record. Runs on PostgreSQL 15 and on PGlite.

CREATE TABLE hub_contributions (
  id                        uuid PRIMARY KEY,
  org_id                    uuid NOT NULL REFERENCES organisations(id),
  status                    text NOT NULL
                              CHECK (status IN ('prepared', 'approved', 'rejected', 'withdrawn')),
  -- How the hub lists the source once approved (no personal data).
  label                     text NOT NULL CHECK (length(label) BETWEEN 1 AND 200),
  -- The registration period the cases were taken from (NULL: unbounded).
  registered_from           date,
  registered_to             date,
  -- The disclosure check's parameters.
  qi                        text[] NOT NULL,
  k                         integer NOT NULL CHECK (k >= 2),
  suppression_limit         double precision NOT NULL
                              CHECK (suppression_limit >= 0 AND suppression_limit <= 1),
  -- Counts only: which cases lacked consent is never recorded here.
  cases_considered          integer NOT NULL CHECK (cases_considered >= 0),
  excluded_without_consent  integer NOT NULL CHECK (excluded_without_consent >= 0),
  suppressed                integer NOT NULL CHECK (suppressed >= 0),
  -- The anonymised rows in the CTDC global layout as one text: rows joined by the record
  -- separator U+001E, each row's cells (in `columns` order) by the unit separator U+001F (CTDC
  -- cells are codes, never control characters). Sorted by content, so that their order says
  -- nothing about the cases' order: no name, no case id. Some 25 MB at 100,000 cases: one text
  -- is written in 0.4 s where a text[] took 0.65 s (1.1 s compressed), and it is stored out of
  -- line without compression (below) so that a preview reads only its head.
  columns                   text[] NOT NULL,
  rows                      text NOT NULL,
  row_count                 integer NOT NULL CHECK (row_count >= 0),
  -- Risk before and after the check, and the utility report (ContributionRisk/-Utility).
  risk_before               jsonb NOT NULL,
  risk                      jsonb NOT NULL,
  utility                   jsonb NOT NULL,
  prepared_by               uuid NOT NULL REFERENCES users(id),
  prepared_at               timestamptz NOT NULL,
  -- Who approved or rejected it, and when.
  decided_by                uuid REFERENCES users(id),
  decided_at                timestamptz,
  -- Why it was rejected or withdrawn: free text, sealed under the organisation's key.
  reason                    bytea,
  withdrawn_by              uuid REFERENCES users(id),
  withdrawn_at              timestamptz,
  hub_source_id             uuid UNIQUE REFERENCES hub_sources(id),
  UNIQUE (id, org_id),
  CHECK (registered_from IS NULL OR registered_to IS NULL OR registered_from <= registered_to),
  CHECK ((status = 'prepared') = (decided_at IS NULL)),
  CHECK ((status IN ('approved', 'withdrawn')) = (hub_source_id IS NOT NULL)),
  CHECK ((status = 'withdrawn') = (withdrawn_at IS NOT NULL))
);
ALTER TABLE hub_contributions ALTER COLUMN rows SET STORAGE EXTERNAL;
CREATE INDEX hub_contributions_org_idx ON hub_contributions (org_id, prepared_at DESC);

-- The cases a contribution was prepared from, to ask their consent again at approval. Kept
-- apart from the rows (which are sorted by content), so nothing links a row to its case; never
-- copied to the hub store. One array per contribution: one row per case cost more to write
-- than preparing the rest of the contribution.
CREATE TABLE hub_contribution_cases (
  contribution_id  uuid PRIMARY KEY,
  org_id           uuid NOT NULL,
  case_ids         uuid[] NOT NULL,
  FOREIGN KEY (contribution_id, org_id) REFERENCES hub_contributions (id, org_id)
);

-- A source made from a contribution names it.
ALTER TABLE hub_sources ADD CONSTRAINT hub_sources_contribution_fkey
  FOREIGN KEY (contribution_id) REFERENCES hub_contributions (id);

ALTER TABLE hub_contributions ENABLE ROW LEVEL SECURITY;
ALTER TABLE hub_contributions FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant ON hub_contributions TO lantern_app
  USING (org_id = (SELECT lantern_org_id())) WITH CHECK (org_id = (SELECT lantern_org_id()));
CREATE POLICY system ON hub_contributions TO CURRENT_USER USING (true);

ALTER TABLE hub_contribution_cases ENABLE ROW LEVEL SECURITY;
ALTER TABLE hub_contribution_cases FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant ON hub_contribution_cases TO lantern_app
  USING (org_id = (SELECT lantern_org_id())) WITH CHECK (org_id = (SELECT lantern_org_id()));
CREATE POLICY system ON hub_contribution_cases TO CURRENT_USER USING (true);

GRANT SELECT, INSERT ON hub_contributions TO lantern_app;
GRANT UPDATE (status, decided_by, decided_at, reason, withdrawn_by, withdrawn_at, hub_source_id)
  ON hub_contributions TO lantern_app;
GRANT SELECT, INSERT ON hub_contribution_cases TO lantern_app;
