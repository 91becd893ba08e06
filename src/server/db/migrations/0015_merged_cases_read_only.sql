-- A case merged into another (0014_duplicates.sql: cases.merged_into) is a tombstone: it stays
-- readable, and nothing more is written about it — every later write belongs on the kept case.
-- One trigger on every table that references a case enforces this for every writer (API, CLI,
-- import, seeding), so no forgotten check in a service can add a note, a task or a consent to a
-- tombstone. SQLSTATE LN409 is answered as 409 conflict (src/server/http/error-handler.ts).
-- Exempt: the cases table itself (the merge collapses chains of tombstones) and the merge's own
-- bookkeeping (case_merges, case_merge_items, duplicate_pairs), which records the merge after it.

CREATE FUNCTION lantern_case_not_merged() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM cases WHERE id = NEW.case_id AND merged_into IS NOT NULL) THEN
    RAISE EXCEPTION 'case % was merged into another case and is read-only', NEW.case_id
      USING ERRCODE = 'LN409';
  END IF;
  RETURN NEW;
END
$$;

DO $$
DECLARE
  t text;
BEGIN
  FOR t IN
    SELECT DISTINCT c.conrelid::regclass::text
      FROM pg_constraint c
      JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
     WHERE c.contype = 'f' AND c.confrelid = 'cases'::regclass AND a.attname = 'case_id'
       AND c.conrelid::regclass::text NOT IN ('cases', 'case_merges', 'case_merge_items', 'duplicate_pairs')
  LOOP
    EXECUTE format(
      'CREATE TRIGGER %I BEFORE INSERT OR UPDATE ON %I
         FOR EACH ROW EXECUTE FUNCTION lantern_case_not_merged()',
      t || '_case_not_merged', t);
  END LOOP;
END
$$;
