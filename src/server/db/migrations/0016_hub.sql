-- The data hub (docs/hub.md, decision 0009): one store per instance of de-identified rows in a
-- CTDC layout, kept apart by source; publications made from them; the privacy budget each
-- source has spent. No table here holds a name, an identifier of a person or a case, or free
-- text about anyone. Runs on PostgreSQL 15 and on PGlite: no 16+-only syntax.

-- The role of the signed-in user of this transaction, inside its organisation (NULL outside a
-- request: background jobs and the public pages). The hub's policies ask it, so that the app
-- role reaches the store only as an analyst (any organisation's) or for its own organisation's
-- contributions, whatever a query says. `users` is itself under row-level security.
CREATE FUNCTION lantern_user_role() RETURNS text
  LANGUAGE sql STABLE
  AS $$
    SELECT role FROM users
     WHERE id = nullif(current_setting('lantern.user_id', true), '')::uuid
       AND org_id = lantern_org_id()
  $$;

-- One approved contribution of an organisation, or one CTDC file imported by an analyst.
CREATE TABLE hub_sources (
  id               uuid PRIMARY KEY,
  kind             text NOT NULL CHECK (kind IN ('contribution', 'import')),
  -- The contributing or importing organisation.
  org_id           uuid NOT NULL REFERENCES organisations(id),
  label            text NOT NULL CHECK (length(label) BETWEEN 1 AND 200),
  -- CTDC global dataset (63 columns) or synthetic layout (27 columns).
  layout           text NOT NULL CHECK (layout IN ('global', 'synthetic')),
  columns          text[] NOT NULL,
  row_count        integer NOT NULL CHECK (row_count >= 0),
  -- The approved contribution (hub_contributions, migration 0017); NULL for an import.
  contribution_id  uuid UNIQUE,
  created_by       uuid NOT NULL REFERENCES users(id),
  created_at       timestamptz NOT NULL,
  -- Withdrawn: its rows are deleted; the source stays so that past releases still name it.
  withdrawn_at     timestamptz,
  UNIQUE (id, org_id),
  CHECK ((kind = 'contribution') = (contribution_id IS NOT NULL))
);
CREATE INDEX hub_sources_org_idx ON hub_sources (org_id, created_at DESC);

-- The rows of a source, one per record, in the source's layout: `cells` holds the record's
-- cells in `hub_sources.columns` order joined by U+001F (the unit separator; CTDC cells are codes
-- and never hold a control character), `string_to_array(cells, E'\x1f')` splits them. One text
-- rather than a text[]: at 100,000 records it halves the time to write and read a source
-- (bench/hub-publish.ts). `org_id` repeats the source's so that the policies need no join. No
-- foreign key: the repository writes a source and its rows in one transaction, and a per-row
-- key check costs a third of the insert.
CREATE TABLE hub_records (
  source_id  uuid NOT NULL,
  org_id     uuid NOT NULL,
  ord        integer NOT NULL,
  cells      text NOT NULL,
  PRIMARY KEY (source_id, ord)
);

-- A publication: a draft with its report, then released (released rows never change again).
-- `content` is the published file as CSV text (header first), made once when the draft is
-- created; downloads serve it as it is (CSV) or converted (XLSX).
CREATE TABLE hub_publications (
  id           uuid PRIMARY KEY,
  kind         text NOT NULL CHECK (kind IN ('microdata', 'aggregates', 'synthetic')),
  status       text NOT NULL CHECK (status IN ('draft', 'released')),
  -- The analyst's organisation (its audit chain records the publication).
  org_id       uuid NOT NULL REFERENCES organisations(id),
  title        text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  description  text,
  -- The sources as they were when the draft was made: [{ id, kind, label, layout, rowCount }].
  sources      jsonb NOT NULL,
  parameters   jsonb NOT NULL,
  report       jsonb NOT NULL,
  columns      text[] NOT NULL,
  row_count    integer NOT NULL CHECK (row_count >= 0),
  content      text NOT NULL,
  created_by   uuid NOT NULL REFERENCES users(id),
  created_at   timestamptz NOT NULL,
  released_by  uuid REFERENCES users(id),
  released_at  timestamptz,
  CHECK ((status = 'released') = (released_at IS NOT NULL))
);
CREATE INDEX hub_publications_list_idx ON hub_publications (status, created_at DESC);
-- The file is tens of megabytes at 100,000 rows: kept out of line but not compressed, which
-- halves the time to store it (pglz); downloads read it as it is.
ALTER TABLE hub_publications ALTER COLUMN content SET STORAGE EXTERNAL;

-- ε and δ a released differentially private publication spent on each of its sources
-- (sequential composition: Dwork & Roth, The Algorithmic Foundations of Differential Privacy,
-- 2014, theorem 3.16). Append-only.
CREATE TABLE hub_budget_ledger (
  seq             bigserial PRIMARY KEY,
  source_id       uuid NOT NULL REFERENCES hub_sources(id),
  publication_id  uuid NOT NULL REFERENCES hub_publications(id),
  epsilon         double precision NOT NULL CHECK (epsilon > 0),
  delta           double precision NOT NULL CHECK (delta >= 0 AND delta < 1),
  at              timestamptz NOT NULL,
  UNIQUE (source_id, publication_id)
);
CREATE INDEX hub_budget_ledger_source_idx ON hub_budget_ledger (source_id);

CREATE FUNCTION lantern_hub_ledger_immutable() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'hub_budget_ledger is append-only';
END
$$;
CREATE TRIGGER hub_budget_ledger_no_change BEFORE UPDATE OR DELETE ON hub_budget_ledger
  FOR EACH ROW EXECUTE FUNCTION lantern_hub_ledger_immutable();

-- Row-level security. Analysts (of any organisation) read the whole store and the
-- publications; an organisation writes and withdraws only its own sources; anyone, even outside
-- an organisation (the public pages run as lantern_app with no organisation), reads released
-- publications and nothing else.
ALTER TABLE hub_sources ENABLE ROW LEVEL SECURITY;
ALTER TABLE hub_sources FORCE ROW LEVEL SECURITY;
CREATE POLICY hub_read ON hub_sources FOR SELECT TO lantern_app
  USING (org_id = (SELECT lantern_org_id()) OR (SELECT lantern_user_role()) = 'analyst');
CREATE POLICY tenant_insert ON hub_sources FOR INSERT TO lantern_app
  WITH CHECK (org_id = (SELECT lantern_org_id()) AND (
    (kind = 'import' AND (SELECT lantern_user_role()) = 'analyst') OR
    (kind = 'contribution' AND (SELECT lantern_user_role()) = 'supervisor')));
CREATE POLICY tenant_update ON hub_sources FOR UPDATE TO lantern_app
  USING (org_id = (SELECT lantern_org_id())) WITH CHECK (org_id = (SELECT lantern_org_id()));
CREATE POLICY system ON hub_sources TO CURRENT_USER USING (true);

ALTER TABLE hub_records ENABLE ROW LEVEL SECURITY;
ALTER TABLE hub_records FORCE ROW LEVEL SECURITY;
CREATE POLICY hub_read ON hub_records FOR SELECT TO lantern_app
  USING (org_id = (SELECT lantern_org_id()) OR (SELECT lantern_user_role()) = 'analyst');
CREATE POLICY tenant_insert ON hub_records FOR INSERT TO lantern_app
  WITH CHECK (org_id = (SELECT lantern_org_id()));
CREATE POLICY tenant_delete ON hub_records FOR DELETE TO lantern_app
  USING (org_id = (SELECT lantern_org_id()));
CREATE POLICY system ON hub_records TO CURRENT_USER USING (true);

ALTER TABLE hub_publications ENABLE ROW LEVEL SECURITY;
ALTER TABLE hub_publications FORCE ROW LEVEL SECURITY;
CREATE POLICY released_read ON hub_publications FOR SELECT TO lantern_app
  USING (status = 'released');
CREATE POLICY analyst_read ON hub_publications FOR SELECT TO lantern_app
  USING ((SELECT lantern_user_role()) = 'analyst');
CREATE POLICY analyst_insert ON hub_publications FOR INSERT TO lantern_app
  WITH CHECK (org_id = (SELECT lantern_org_id()) AND (SELECT lantern_user_role()) = 'analyst'
    AND status = 'draft');
CREATE POLICY analyst_release ON hub_publications FOR UPDATE TO lantern_app
  USING ((SELECT lantern_user_role()) = 'analyst' AND status = 'draft')
  WITH CHECK ((SELECT lantern_user_role()) = 'analyst');
CREATE POLICY system ON hub_publications TO CURRENT_USER USING (true);

ALTER TABLE hub_budget_ledger ENABLE ROW LEVEL SECURITY;
ALTER TABLE hub_budget_ledger FORCE ROW LEVEL SECURITY;
CREATE POLICY analyst_read ON hub_budget_ledger FOR SELECT TO lantern_app
  USING ((SELECT lantern_user_role()) = 'analyst');
CREATE POLICY analyst_insert ON hub_budget_ledger FOR INSERT TO lantern_app
  WITH CHECK ((SELECT lantern_user_role()) = 'analyst');
CREATE POLICY system ON hub_budget_ledger TO CURRENT_USER USING (true);

GRANT SELECT, INSERT ON hub_sources TO lantern_app;
GRANT UPDATE (withdrawn_at, row_count) ON hub_sources TO lantern_app;
GRANT SELECT, INSERT, DELETE ON hub_records TO lantern_app;
GRANT SELECT, INSERT ON hub_publications TO lantern_app;
GRANT UPDATE (status, released_by, released_at) ON hub_publications TO lantern_app;
GRANT SELECT, INSERT ON hub_budget_ledger TO lantern_app;
GRANT USAGE ON SEQUENCE hub_budget_ledger_seq_seq TO lantern_app;
