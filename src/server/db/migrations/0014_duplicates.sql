-- Reunite, duplicates (docs/duplicates.md): duplicate pairs found by the organisation's scan,
-- and merges of one case into another with the provenance of every record they moved.
-- Runs on PostgreSQL 15 and on PGlite: no 16+-only syntax.

-- A merged case stays as a tombstone: closed, pointing at the case it was merged into (in the
-- same organisation: the key includes org_id, so no row can point across organisations,
-- whatever a query says). Its reference stays resolvable.
ALTER TABLE cases ADD COLUMN merged_into uuid;
ALTER TABLE cases ADD CONSTRAINT cases_merged_into_fkey
  FOREIGN KEY (merged_into, org_id) REFERENCES cases (id, org_id);
ALTER TABLE cases ADD CONSTRAINT cases_merged_not_self CHECK (merged_into IS NULL OR merged_into <> id);
-- A tombstone stays closed: reopening it would split the person's record again.
ALTER TABLE cases ADD CONSTRAINT cases_merged_closed CHECK (merged_into IS NULL OR stage = 'closed');
CREATE INDEX cases_merged_into_idx ON cases (merged_into) WHERE merged_into IS NOT NULL;

-- A merge is not undone by clearing the pointer (undo is not a feature; the pointer may only
-- move on, when the kept case is itself merged later and the chain is collapsed).
CREATE FUNCTION lantern_case_merge_final() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.merged_into IS NOT NULL AND NEW.merged_into IS NULL THEN
    RAISE EXCEPTION 'case % was merged: a merge is not undone', OLD.id;
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER cases_merge_final BEFORE UPDATE OF merged_into ON cases
  FOR EACH ROW EXECUTE FUNCTION lantern_case_merge_final();

-- Two cases of one organisation that the scan found likely to be the same person. No names:
-- the explanation holds field names, comparison levels and weights only. `fingerprint` is a
-- keyed HMAC (the organisation's blind-index key) over both records as they were compared, so a
-- rescan can tell whether either record changed since a decision without storing the values.
CREATE TABLE duplicate_pairs (
  id           uuid PRIMARY KEY,
  org_id       uuid NOT NULL REFERENCES organisations(id),
  -- Ordered (case_a < case_b), so a pair has one row whichever way it was found.
  case_a       uuid NOT NULL,
  case_b       uuid NOT NULL,
  state        text NOT NULL CHECK (state IN ('open', 'not_duplicate', 'merged', 'obsolete')),
  weight       double precision NOT NULL,
  probability  double precision NOT NULL CHECK (probability BETWEEN 0 AND 1),
  explanation  jsonb NOT NULL CHECK (jsonb_typeof(explanation) = 'array'),
  fingerprint  bytea NOT NULL,
  found_at     timestamptz NOT NULL,
  scored_at    timestamptz NOT NULL,
  decided_by   uuid REFERENCES users(id),
  decided_at   timestamptz,
  -- AES-256-GCM under the organisation's key, additional data `duplicate-pair-reason:<id>`.
  reason       bytea,
  merge_id     uuid,
  version      integer NOT NULL DEFAULT 1,
  CHECK (case_a < case_b),
  CHECK ((state IN ('open', 'obsolete')) OR decided_at IS NOT NULL),
  UNIQUE (org_id, case_a, case_b),
  FOREIGN KEY (case_a, org_id) REFERENCES cases (id, org_id),
  FOREIGN KEY (case_b, org_id) REFERENCES cases (id, org_id)
);
-- The review list: open pairs, highest probability first.
CREATE INDEX duplicate_pairs_open_idx ON duplicate_pairs (org_id, state, probability DESC, id);
CREATE INDEX duplicate_pairs_case_b_idx ON duplicate_pairs (case_b);

-- One merge: which case was kept, which was merged into it, by whom and when, and a summary
-- per table (counts and what a person should review). Append-only.
CREATE TABLE case_merges (
  id               uuid PRIMARY KEY,
  org_id           uuid NOT NULL REFERENCES organisations(id),
  kept_case_id     uuid NOT NULL,
  merged_case_id   uuid NOT NULL UNIQUE,
  kept_person_id   uuid NOT NULL REFERENCES persons(id),
  merged_person_id uuid NOT NULL REFERENCES persons(id),
  pair_id          uuid REFERENCES duplicate_pairs(id),
  merged_by        uuid NOT NULL REFERENCES users(id),
  merged_at        timestamptz NOT NULL,
  summary          jsonb NOT NULL,
  CHECK (kept_case_id <> merged_case_id),
  FOREIGN KEY (kept_case_id, org_id) REFERENCES cases (id, org_id),
  FOREIGN KEY (merged_case_id, org_id) REFERENCES cases (id, org_id)
);
CREATE INDEX case_merges_kept_idx ON case_merges (kept_case_id);

-- Provenance of every record a merge touched: the table, the record on the merged case, and
-- what became of it (re-pointed: same id, now on the kept case; copied: a new record on the
-- kept case; folded: values written into the kept case's record; left: stays on the tombstone).
-- Ids only. Append-only.
CREATE TABLE case_merge_items (
  merge_id    uuid NOT NULL REFERENCES case_merges(id),
  org_id      uuid NOT NULL REFERENCES organisations(id),
  table_name  text NOT NULL,
  source_id   text NOT NULL,
  action      text NOT NULL CHECK (action IN ('repointed', 'copied', 'folded', 'left')),
  target_id   text,
  PRIMARY KEY (merge_id, table_name, source_id)
);
CREATE INDEX case_merge_items_target_idx ON case_merge_items (org_id, table_name, target_id);

CREATE TRIGGER case_merges_append_only BEFORE UPDATE OR DELETE ON case_merges
  FOR EACH ROW EXECUTE FUNCTION lantern_append_only();
CREATE TRIGGER case_merge_items_append_only BEFORE UPDATE OR DELETE ON case_merge_items
  FOR EACH ROW EXECUTE FUNCTION lantern_append_only();

ALTER TABLE duplicate_pairs ENABLE ROW LEVEL SECURITY;
ALTER TABLE duplicate_pairs FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant ON duplicate_pairs TO lantern_app
  USING (org_id = (SELECT lantern_org_id())) WITH CHECK (org_id = (SELECT lantern_org_id()));
CREATE POLICY system ON duplicate_pairs TO CURRENT_USER USING (true);

ALTER TABLE case_merges ENABLE ROW LEVEL SECURITY;
ALTER TABLE case_merges FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant ON case_merges TO lantern_app
  USING (org_id = (SELECT lantern_org_id())) WITH CHECK (org_id = (SELECT lantern_org_id()));
CREATE POLICY system ON case_merges TO CURRENT_USER USING (true);

ALTER TABLE case_merge_items ENABLE ROW LEVEL SECURITY;
ALTER TABLE case_merge_items FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant ON case_merge_items TO lantern_app
  USING (org_id = (SELECT lantern_org_id())) WITH CHECK (org_id = (SELECT lantern_org_id()));
CREATE POLICY system ON case_merge_items TO CURRENT_USER USING (true);

-- Pairs are rescored and decided, never deleted.
GRANT SELECT, INSERT, UPDATE ON duplicate_pairs TO lantern_app;
GRANT SELECT, INSERT ON case_merges TO lantern_app;
GRANT SELECT, INSERT ON case_merge_items TO lantern_app;
-- A merge re-points the merged case's tasks (live work, sealed under their own id) to the kept
-- case; 0004 granted no update of case_id because nothing moved tasks before.
GRANT UPDATE (case_id) ON tasks TO lantern_app;
