-- Lantern foundation: organisations (tenants), users, sessions, persons, cases, audit log.
-- Runs on PostgreSQL 15 and on PGlite (PostgreSQL 18): no 16+-only syntax.

-- The unprivileged role that every organisation-scoped transaction switches to (SET LOCAL ROLE).
-- Roles are cluster-wide, so create it only once.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'lantern_app') THEN
    CREATE ROLE lantern_app NOLOGIN;
  END IF;
END
$$;

-- The organisation a transaction acts for; NULL outside an organisation's request.
CREATE FUNCTION lantern_org_id() RETURNS uuid
  LANGUAGE sql STABLE
  AS $$ SELECT nullif(current_setting('lantern.org_id', true), '')::uuid $$;

CREATE TABLE organisations (
  id            uuid PRIMARY KEY,
  name          text NOT NULL,
  require_totp  boolean NOT NULL DEFAULT false,
  -- The organisation's data key (AES-256), wrapped by the master key with AES-256-GCM.
  wrapped_key   bytea NOT NULL,
  case_seq      integer NOT NULL DEFAULT 0,
  created_at    timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE users (
  id                    uuid PRIMARY KEY,
  org_id                uuid NOT NULL REFERENCES organisations(id),
  email                 text NOT NULL UNIQUE CHECK (email = lower(email)),
  display_name          text NOT NULL,
  role                  text NOT NULL CHECK (role IN ('admin','supervisor','caseworker','analyst','provider')),
  password_hash         text NOT NULL,
  must_change_password  boolean NOT NULL DEFAULT true,
  totp_secret           bytea,
  totp_enabled          boolean NOT NULL DEFAULT false,
  totp_last_step        bigint,
  failed_attempts       integer NOT NULL DEFAULT 0,
  locked_until          timestamptz,
  disabled              boolean NOT NULL DEFAULT false,
  created_at            timestamptz NOT NULL DEFAULT now(),
  updated_at            timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX users_org_idx ON users (org_id);

-- Server-side sessions: the cookie carries a random token; only its SHA-256 is stored.
CREATE TABLE sessions (
  id            uuid PRIMARY KEY,
  token_hash    bytea NOT NULL UNIQUE,
  user_id       uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  org_id        uuid NOT NULL REFERENCES organisations(id),
  csrf_token    text NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now(),
  last_seen_at  timestamptz NOT NULL DEFAULT now(),
  expires_at    timestamptz NOT NULL
);
CREATE INDEX sessions_user_idx ON sessions (user_id);

-- A person's identifiers live only in `identity` (AES-256-GCM ciphertext under the
-- organisation's data key). Exact look-ups go through keyed HMAC blind indexes.
CREATE TABLE persons (
  id            uuid PRIMARY KEY,
  org_id        uuid NOT NULL REFERENCES organisations(id),
  identity      bytea NOT NULL,
  name_bidx     bytea,
  given_bidx    bytea,
  dob_bidx      bytea,
  document_bidx bytea,
  gender        text NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX persons_name_bidx ON persons (org_id, name_bidx);
CREATE INDEX persons_given_bidx ON persons (org_id, given_bidx);
CREATE INDEX persons_document_bidx ON persons (org_id, document_bidx);

-- Field names follow HTCDS 2.0 (docs/htcds-mapping.md).
CREATE TABLE cases (
  id                        uuid PRIMARY KEY,
  org_id                    uuid NOT NULL REFERENCES organisations(id),
  reference                 text NOT NULL,
  person_id                 uuid NOT NULL REFERENCES persons(id),
  status                    text NOT NULL,                 -- cas_Status
  trafficking_status        text NOT NULL,                 -- vic_TraffickingStatus
  gender                    text NOT NULL,                 -- prs_Gender
  age_at_registration       smallint CHECK (age_at_registration BETWEEN 0 AND 120),
  citizenship               char(2) NOT NULL,              -- prs_Citizenship (ISO 3166-1 alpha-2)
  country_of_exploitation   char(2),                       -- vic_LocationOfExploitation (country)
  type_of_exploitation      text[] NOT NULL DEFAULT '{}',  -- vic_TypeOfExploitation
  registration_date         date NOT NULL,
  created_by                uuid REFERENCES users(id),
  case_owner                uuid REFERENCES users(id),     -- cas_CaseOwner
  created_at                timestamptz NOT NULL DEFAULT now(),
  updated_at                timestamptz NOT NULL DEFAULT now(),
  UNIQUE (org_id, reference)
);
-- The case list pages newest first by (registration_date, id) within an organisation.
CREATE INDEX cases_list_idx ON cases (org_id, registration_date DESC, id DESC);
CREATE INDEX cases_status_idx ON cases (org_id, status, registration_date DESC, id DESC);
CREATE INDEX cases_citizenship_idx ON cases (org_id, citizenship, registration_date DESC);
CREATE INDEX cases_coe_idx ON cases (org_id, country_of_exploitation, registration_date DESC);
CREATE INDEX cases_types_idx ON cases USING gin (type_of_exploitation);

-- Append-only, hash-chained audit log. One chain per organisation ('system' for the rest):
-- hash = SHA-256(prev_hash || canonical entry), see src/server/audit/audit-hash.ts.
CREATE TABLE audit_log (
  seq          bigserial PRIMARY KEY,
  chain        text NOT NULL,
  chain_seq    bigint NOT NULL,
  org_id       uuid,
  actor_id     uuid,
  action       text NOT NULL,
  record_type  text,
  record_id    text,
  fields       text[] NOT NULL DEFAULT '{}',
  source_ip    text,
  at           timestamptz NOT NULL,
  prev_hash    bytea NOT NULL,
  hash         bytea NOT NULL,
  UNIQUE (chain, chain_seq)
);
-- The newest entry of each chain, so that deleting the tail is detectable too.
CREATE TABLE audit_heads (
  chain      text PRIMARY KEY,
  chain_seq  bigint NOT NULL,
  hash       bytea NOT NULL
);

CREATE FUNCTION lantern_audit_immutable() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only';
END
$$;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION lantern_audit_immutable();

-- Row-level security: the net under the policy layer. FORCE makes it apply to the owner too.
ALTER TABLE organisations ENABLE ROW LEVEL SECURITY;
ALTER TABLE organisations FORCE ROW LEVEL SECURITY;
CREATE POLICY org_self ON organisations USING (id = lantern_org_id());
CREATE POLICY org_admin ON organisations TO CURRENT_USER USING (true);

ALTER TABLE users ENABLE ROW LEVEL SECURITY;
ALTER TABLE users FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant ON users TO lantern_app USING (org_id = lantern_org_id()) WITH CHECK (org_id = lantern_org_id());
CREATE POLICY system ON users TO CURRENT_USER USING (true);

ALTER TABLE sessions ENABLE ROW LEVEL SECURITY;
ALTER TABLE sessions FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant ON sessions TO lantern_app USING (org_id = lantern_org_id()) WITH CHECK (org_id = lantern_org_id());
CREATE POLICY system ON sessions TO CURRENT_USER USING (true);

ALTER TABLE persons ENABLE ROW LEVEL SECURITY;
ALTER TABLE persons FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant ON persons TO lantern_app USING (org_id = lantern_org_id()) WITH CHECK (org_id = lantern_org_id());
CREATE POLICY system ON persons TO CURRENT_USER USING (true);

ALTER TABLE cases ENABLE ROW LEVEL SECURITY;
ALTER TABLE cases FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant ON cases TO lantern_app USING (org_id = lantern_org_id()) WITH CHECK (org_id = lantern_org_id());
CREATE POLICY system ON cases TO CURRENT_USER USING (true);

ALTER TABLE audit_log ENABLE ROW LEVEL SECURITY;
ALTER TABLE audit_log FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant ON audit_log TO lantern_app USING (org_id = lantern_org_id()) WITH CHECK (org_id = lantern_org_id());
CREATE POLICY system ON audit_log TO CURRENT_USER USING (true);

ALTER TABLE audit_heads ENABLE ROW LEVEL SECURITY;
ALTER TABLE audit_heads FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant ON audit_heads TO lantern_app USING (chain = 'org:' || lantern_org_id()::text) WITH CHECK (chain = 'org:' || lantern_org_id()::text);
CREATE POLICY system ON audit_heads TO CURRENT_USER USING (true);

GRANT USAGE ON SCHEMA public TO lantern_app;
GRANT SELECT, UPDATE (name, require_totp, case_seq) ON organisations TO lantern_app;
GRANT SELECT, INSERT, UPDATE ON users TO lantern_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON sessions TO lantern_app;
GRANT SELECT, INSERT, UPDATE ON persons TO lantern_app;
GRANT SELECT, INSERT, UPDATE ON cases TO lantern_app;
GRANT SELECT, INSERT ON audit_log TO lantern_app;
GRANT USAGE ON SEQUENCE audit_log_seq_seq TO lantern_app;
GRANT SELECT, INSERT, UPDATE ON audit_heads TO lantern_app;
