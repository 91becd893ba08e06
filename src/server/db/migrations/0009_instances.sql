-- Sealed referral packages between Lantern instances (docs/instances.md).
-- Runs on PostgreSQL 15 and on PGlite: no 16+-only syntax.

-- This instance's identity: its id and two key pairs, Ed25519 (signing) and X25519 (encryption).
-- One row, generated once. The private keys (PKCS#8) are sealed with AES-256-GCM under a data
-- key of their own (additional data `instance-signing:<instance id>` and
-- `instance-encryption:<instance id>`), itself wrapped by the master key (additional data
-- `instance-key:<instance id>`). The table belongs to the instance, not to an organisation:
-- lantern_app has no grant and no policy on it. The server reads it in a system transaction of
-- its own, before a request enters its organisation (src/server/instances/identity.ts).
CREATE TABLE instance_identity (
  singleton           boolean PRIMARY KEY DEFAULT true CHECK (singleton),
  instance_id         uuid NOT NULL UNIQUE,
  name                text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  signing_public      bytea NOT NULL CHECK (octet_length(signing_public) = 32),
  encryption_public   bytea NOT NULL CHECK (octet_length(encryption_public) = 32),
  wrapped_key         bytea NOT NULL,
  signing_private     bytea NOT NULL,
  encryption_private  bytea NOT NULL,
  created_at          timestamptz NOT NULL
);
ALTER TABLE instance_identity ENABLE ROW LEVEL SECURITY;
ALTER TABLE instance_identity FORCE ROW LEVEL SECURITY;
CREATE POLICY system ON instance_identity TO CURRENT_USER USING (true);
REVOKE ALL ON instance_identity FROM lantern_app;

-- Another Lantern instance an organisation trusts: its public keys as verified once, by reading
-- the fingerprint aloud (who and when). Keys never change in place: a partner with new keys is
-- removed and added again, verified again. Removal is soft, so that referrals keep their link.
CREATE TABLE partners (
  id              uuid PRIMARY KEY,
  org_id          uuid NOT NULL REFERENCES organisations(id),
  name            text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  instance_id     uuid NOT NULL,
  signing_key     bytea NOT NULL CHECK (octet_length(signing_key) = 32),
  encryption_key  bytea NOT NULL CHECK (octet_length(encryption_key) = 32),
  -- SHA-256 over the instance id and both keys (src/server/instances/package.ts).
  fingerprint     bytea NOT NULL CHECK (octet_length(fingerprint) = 32),
  verified_at     timestamptz NOT NULL,
  -- NULL: verified by the instance's operator on the command line (lantern partners add).
  verified_by     uuid REFERENCES users(id),
  created_at      timestamptz NOT NULL,
  updated_at      timestamptz NOT NULL,
  removed_at      timestamptz,
  removed_by      uuid REFERENCES users(id),
  version         integer NOT NULL DEFAULT 1,
  CHECK ((removed_at IS NULL) = (removed_by IS NULL))
);
-- One trusted record per organisation and partner instance.
CREATE UNIQUE INDEX partners_instance_idx ON partners (org_id, instance_id) WHERE removed_at IS NULL;

-- Every package imported, for replay protection: the id is unique across the instance (two
-- organisations cannot both import one package). Packages older than 30 days are refused by
-- age, so rows older than that may be purged without reopening replays.
CREATE TABLE imported_packages (
  package_id   text PRIMARY KEY CHECK (package_id ~ '^[A-Za-z0-9_-]{22}$'),
  org_id       uuid NOT NULL REFERENCES organisations(id),
  kind         text NOT NULL CHECK (kind IN ('referral', 'reply', 'withdrawal')),
  partner_id   uuid NOT NULL REFERENCES partners(id),
  referral_id  uuid REFERENCES referrals(id),
  -- The package's own date (signed by the sender).
  created_at   timestamptz NOT NULL,
  imported_by  uuid NOT NULL REFERENCES users(id),
  at           timestamptz NOT NULL
);
CREATE INDEX imported_packages_referral_idx ON imported_packages (referral_id);
CREATE TRIGGER imported_packages_append_only BEFORE UPDATE OR DELETE ON imported_packages
  FOR EACH ROW EXECUTE FUNCTION lantern_append_only();

ALTER TABLE partners ENABLE ROW LEVEL SECURITY;
ALTER TABLE partners FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant ON partners TO lantern_app
  USING (org_id = (SELECT lantern_org_id())) WITH CHECK (org_id = (SELECT lantern_org_id()));
CREATE POLICY system ON partners TO CURRENT_USER USING (true);

ALTER TABLE imported_packages ENABLE ROW LEVEL SECURITY;
ALTER TABLE imported_packages FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant ON imported_packages TO lantern_app
  USING (org_id = (SELECT lantern_org_id())) WITH CHECK (org_id = (SELECT lantern_org_id()));
CREATE POLICY system ON imported_packages TO CURRENT_USER USING (true);

-- Keys and fingerprint are not updatable by the application (no column grant).
GRANT SELECT, INSERT ON partners TO lantern_app;
GRANT UPDATE (name, updated_at, removed_at, removed_by, version) ON partners TO lantern_app;
GRANT SELECT, INSERT ON imported_packages TO lantern_app;

-- Whether any organisation of this instance imported a package id: the replay check runs
-- before the package is applied, and must see other organisations' imports, which row-level
-- security hides. It answers yes or no about a random 128-bit id, nothing else.
CREATE FUNCTION lantern_package_imported(p_id text) RETURNS boolean
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public
  AS $$ SELECT EXISTS (SELECT 1 FROM public.imported_packages WHERE package_id = p_id) $$;
REVOKE ALL ON FUNCTION lantern_package_imported(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION lantern_package_imported(text) TO lantern_app;

-- A service offered at a partner instance, listed in this instance's directory: the partner
-- and the service's id there (named in the package, so that the receiver knows its service).
ALTER TABLE services ADD COLUMN partner_id uuid REFERENCES partners(id);
ALTER TABLE services ADD COLUMN remote_service_id uuid;
ALTER TABLE services ADD CONSTRAINT services_partner_complete
  CHECK ((partner_id IS NULL) = (remote_service_id IS NULL));

-- A referral that travels between instances: the partner instance, and the referral's id over
-- there (incoming: its id at the sending instance; outgoing: its id at the receiving instance,
-- known from the first reply). One local referral per remote one.
ALTER TABLE referrals ADD COLUMN partner_id uuid REFERENCES partners(id);
ALTER TABLE referrals ADD COLUMN remote_referral_id uuid;
ALTER TABLE referrals ADD CONSTRAINT referrals_remote_needs_partner
  CHECK (remote_referral_id IS NULL OR partner_id IS NOT NULL);
CREATE UNIQUE INDEX referrals_remote_idx ON referrals (partner_id, remote_referral_id)
  WHERE remote_referral_id IS NOT NULL;
