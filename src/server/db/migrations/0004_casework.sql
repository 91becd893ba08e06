-- Casework: the case lifecycle (stages and their transitions), supervisor approvals, tasks,
-- append-only notes, and the case timeline (case_events). Rules: docs/casework.md.
-- Runs on PostgreSQL 15 and on PGlite: no 16+-only syntax.
--
-- Free text written here (reasons, comments, task titles, notes) may name people, so it is
-- stored only as AES-256-GCM ciphertext under the organisation's key (bytea columns below).

-- The stage of a case. cases.status (HTCDS cas_Status) follows it: follow_up → FollowUp,
-- closed → Closed or ClosedReferred, every other stage → Active.
ALTER TABLE cases ADD COLUMN stage text NOT NULL DEFAULT 'intake'
  CHECK (stage IN ('intake','screening','assessment','assistance','follow_up','closed'));
UPDATE cases SET stage = CASE status
  WHEN 'FollowUp' THEN 'follow_up'
  WHEN 'Closed' THEN 'closed'
  WHEN 'ClosedReferred' THEN 'closed'
  ELSE 'intake' END;
CREATE INDEX cases_stage_idx ON cases (org_id, stage, registration_date DESC, id DESC);
CREATE INDEX cases_owner_idx ON cases (org_id, case_owner, stage);

-- A case registered or imported with a status other than Active starts in the stage that status
-- implies, whichever writer inserted it (API, bulk seeder, import): status and stage agree.
CREATE FUNCTION lantern_case_initial_stage() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.stage = 'intake' THEN
    NEW.stage := CASE NEW.status
      WHEN 'FollowUp' THEN 'follow_up'
      WHEN 'Closed' THEN 'closed'
      WHEN 'ClosedReferred' THEN 'closed'
      ELSE 'intake' END;
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER cases_initial_stage BEFORE INSERT ON cases
  FOR EACH ROW EXECUTE FUNCTION lantern_case_initial_stage();

-- The tables below reference (case, organisation) together, so that no row can point at another
-- organisation's case whatever a query says (foreign-key checks bypass row-level security).
-- 0003_case_record.sql adds this key; added here too if absent.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conname = 'cases_id_org_key') THEN
    ALTER TABLE cases ADD CONSTRAINT cases_id_org_key UNIQUE (id, org_id);
  END IF;
END
$$;

-- History is appended, never rewritten.
CREATE FUNCTION lantern_append_only() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only', TG_TABLE_NAME;
END
$$;

-- Supervisor approvals: a victim determination or a closure, requested by one user and decided
-- by a supervisor who is someone else (four-eyes, docs/decisions/0005-four-eyes-approvals.md).
CREATE TABLE case_approvals (
  id                  uuid PRIMARY KEY,
  org_id              uuid NOT NULL REFERENCES organisations(id),
  case_id             uuid NOT NULL,
  kind                text NOT NULL CHECK (kind IN ('victim_determination','closure')),
  state               text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending','approved','rejected')),
  -- victim_determination: the proposed vic_TraffickingStatus
  trafficking_status  text CHECK (trafficking_status IN ('ActualVictimOfTrafficking','NotAVictimOfTrafficking')),
  -- closure: why the case closes (a code; ClosedReferred when 'referred_elsewhere')
  closure_reason      text,
  reason              bytea NOT NULL,   -- sealed, additional data case-approval:<id>:reason
  requested_by        uuid NOT NULL REFERENCES users(id),
  requested_at        timestamptz NOT NULL,
  decided_by          uuid REFERENCES users(id),
  decided_at          timestamptz,
  comment             bytea,            -- sealed, additional data case-approval:<id>:comment
  CHECK ((kind = 'victim_determination') = (trafficking_status IS NOT NULL)),
  CHECK ((kind = 'closure') = (closure_reason IS NOT NULL)),
  CHECK ((state = 'pending') = (decided_by IS NULL) AND (decided_by IS NULL) = (decided_at IS NULL)),
  -- four-eyes: the database refuses a self-approval even if a service forgot to
  CHECK (decided_by IS NULL OR decided_by <> requested_by),
  FOREIGN KEY (case_id, org_id) REFERENCES cases (id, org_id)
);
-- At most one pending request of each kind per case.
CREATE UNIQUE INDEX case_approvals_pending_idx ON case_approvals (case_id, kind) WHERE state = 'pending';
CREATE INDEX case_approvals_org_state_idx ON case_approvals (org_id, state, requested_at);

-- Every stage change, with who, when and why; closures name the approval that allowed them.
CREATE TABLE case_transitions (
  id           uuid PRIMARY KEY,
  org_id       uuid NOT NULL REFERENCES organisations(id),
  case_id      uuid NOT NULL,
  from_stage   text NOT NULL,
  to_stage     text NOT NULL,
  reason       bytea NOT NULL,   -- sealed, additional data case-transition:<id>
  actor_id     uuid NOT NULL REFERENCES users(id),
  at           timestamptz NOT NULL,
  approval_id  uuid REFERENCES case_approvals(id),
  CHECK (to_stage <> 'closed' OR approval_id IS NOT NULL),
  FOREIGN KEY (case_id, org_id) REFERENCES cases (id, org_id)
);
CREATE INDEX case_transitions_case_idx ON case_transitions (case_id, at);
CREATE TRIGGER case_transitions_append_only BEFORE UPDATE OR DELETE ON case_transitions
  FOR EACH ROW EXECUTE FUNCTION lantern_append_only();

CREATE TABLE tasks (
  id           uuid PRIMARY KEY,
  org_id       uuid NOT NULL REFERENCES organisations(id),
  case_id      uuid NOT NULL,
  title        bytea NOT NULL,   -- sealed, additional data task:<id>
  due_date     date NOT NULL,
  assignee_id  uuid NOT NULL REFERENCES users(id),
  status       text NOT NULL DEFAULT 'open' CHECK (status IN ('open','done')),
  created_by   uuid NOT NULL REFERENCES users(id),
  created_at   timestamptz NOT NULL,
  updated_at   timestamptz NOT NULL,
  done_by      uuid REFERENCES users(id),
  done_at      timestamptz,
  CHECK ((status = 'done') = (done_at IS NOT NULL)),
  FOREIGN KEY (case_id, org_id) REFERENCES cases (id, org_id)
);
CREATE INDEX tasks_assignee_idx ON tasks (org_id, assignee_id, status, due_date);
CREATE INDEX tasks_due_idx ON tasks (org_id, status, due_date);
CREATE INDEX tasks_case_idx ON tasks (case_id, due_date);

-- Case notes: append-only, the text sealed (additional data case-note:<id>); reads are audited.
CREATE TABLE case_notes (
  id          uuid PRIMARY KEY,
  org_id      uuid NOT NULL REFERENCES organisations(id),
  case_id     uuid NOT NULL,
  body        bytea NOT NULL,
  author_id   uuid NOT NULL REFERENCES users(id),
  created_at  timestamptz NOT NULL,
  FOREIGN KEY (case_id, org_id) REFERENCES cases (id, org_id)
);
CREATE INDEX case_notes_case_idx ON case_notes (case_id, created_at);
CREATE TRIGGER case_notes_append_only BEFORE UPDATE OR DELETE ON case_notes
  FOR EACH ROW EXECUTE FUNCTION lantern_append_only();

-- The case timeline, in the order things happened (seq breaks ties of equal times). `data`
-- holds codes and ids only; free text stays in the sealed columns of the rows `ref_id` names,
-- or in `detail` (sealed, additional data case-event:<id>) for events without such a row.
CREATE TABLE case_events (
  id        uuid PRIMARY KEY,
  seq       bigint GENERATED ALWAYS AS IDENTITY,
  org_id    uuid NOT NULL REFERENCES organisations(id),
  case_id   uuid NOT NULL,
  kind      text NOT NULL,
  actor_id  uuid REFERENCES users(id),
  at        timestamptz NOT NULL,
  ref_id    uuid,
  data      jsonb NOT NULL DEFAULT '{}',
  detail    bytea,
  FOREIGN KEY (case_id, org_id) REFERENCES cases (id, org_id)
);
CREATE INDEX case_events_case_idx ON case_events (case_id, at, seq);
CREATE TRIGGER case_events_append_only BEFORE UPDATE OR DELETE ON case_events
  FOR EACH ROW EXECUTE FUNCTION lantern_append_only();

ALTER TABLE case_approvals ENABLE ROW LEVEL SECURITY;
ALTER TABLE case_approvals FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant ON case_approvals TO lantern_app
  USING (org_id = (SELECT lantern_org_id())) WITH CHECK (org_id = (SELECT lantern_org_id()));
CREATE POLICY system ON case_approvals TO CURRENT_USER USING (true);

ALTER TABLE case_transitions ENABLE ROW LEVEL SECURITY;
ALTER TABLE case_transitions FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant ON case_transitions TO lantern_app
  USING (org_id = (SELECT lantern_org_id())) WITH CHECK (org_id = (SELECT lantern_org_id()));
CREATE POLICY system ON case_transitions TO CURRENT_USER USING (true);

ALTER TABLE tasks ENABLE ROW LEVEL SECURITY;
ALTER TABLE tasks FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant ON tasks TO lantern_app
  USING (org_id = (SELECT lantern_org_id())) WITH CHECK (org_id = (SELECT lantern_org_id()));
CREATE POLICY system ON tasks TO CURRENT_USER USING (true);

ALTER TABLE case_notes ENABLE ROW LEVEL SECURITY;
ALTER TABLE case_notes FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant ON case_notes TO lantern_app
  USING (org_id = (SELECT lantern_org_id())) WITH CHECK (org_id = (SELECT lantern_org_id()));
CREATE POLICY system ON case_notes TO CURRENT_USER USING (true);

ALTER TABLE case_events ENABLE ROW LEVEL SECURITY;
ALTER TABLE case_events FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant ON case_events TO lantern_app
  USING (org_id = (SELECT lantern_org_id())) WITH CHECK (org_id = (SELECT lantern_org_id()));
CREATE POLICY system ON case_events TO CURRENT_USER USING (true);

-- Decisions are the only change an approval takes; history tables take inserts only.
GRANT SELECT, INSERT, UPDATE (state, decided_by, decided_at, comment) ON case_approvals TO lantern_app;
GRANT SELECT, INSERT ON case_transitions TO lantern_app;
GRANT SELECT, INSERT, UPDATE (title, due_date, assignee_id, status, updated_at, done_by, done_at) ON tasks TO lantern_app;
GRANT SELECT, INSERT ON case_notes TO lantern_app;
GRANT SELECT, INSERT ON case_events TO lantern_app;
