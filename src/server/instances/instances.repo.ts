import type { PackageKind } from '../../shared/instances/packages.ts';
import type { Tx } from '../db/database.ts';

/** A trusted partner instance as stored (keys as raw bytes). */
export interface PartnerRow {
  id: string;
  orgId: string;
  name: string;
  instanceId: string;
  signingKey: Uint8Array;
  encryptionKey: Uint8Array;
  fingerprint: Uint8Array;
  verifiedAt: Date;
  verifiedById: string | null;
  verifiedByName: string | null;
  createdAt: Date;
  updatedAt: Date;
  version: number;
}

const PARTNER_COLUMNS = `p.id, p.org_id AS "orgId", p.name, p.instance_id AS "instanceId",
  p.signing_key AS "signingKey", p.encryption_key AS "encryptionKey", p.fingerprint,
  p.verified_at AS "verifiedAt", p.verified_by AS "verifiedById",
  u.display_name AS "verifiedByName", p.created_at AS "createdAt", p.updated_at AS "updatedAt",
  p.version`;

const PARTNER_FROM = 'partners p LEFT JOIN users u ON u.id = p.verified_by';

export interface NewPartner {
  id: string;
  orgId: string;
  name: string;
  instanceId: string;
  signingKey: Buffer;
  encryptionKey: Buffer;
  fingerprint: Buffer;
  verifiedBy: string | null;
  now: Date;
}

export async function insertPartner(tx: Tx, p: NewPartner): Promise<void> {
  await tx.query(
    `INSERT INTO partners (id, org_id, name, instance_id, signing_key, encryption_key,
       fingerprint, verified_at, verified_by, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $8, $8)`,
    [
      p.id,
      p.orgId,
      p.name,
      p.instanceId,
      p.signingKey,
      p.encryptionKey,
      p.fingerprint,
      p.now,
      p.verifiedBy,
    ],
  );
}

/** The organisation's current (not removed) partners, by name. */
export async function listPartners(tx: Tx): Promise<PartnerRow[]> {
  return tx.query<PartnerRow>(
    `SELECT ${PARTNER_COLUMNS} FROM ${PARTNER_FROM}
      WHERE p.removed_at IS NULL ORDER BY p.name, p.id`,
  );
}

/** One current partner visible to the organisation (row-level security); `lock` for writers. */
export async function findPartner(
  tx: Tx,
  id: string,
  { lock = false } = {},
): Promise<PartnerRow | undefined> {
  const [row] = await tx.query<PartnerRow>(
    `SELECT ${PARTNER_COLUMNS} FROM ${PARTNER_FROM}
      WHERE p.id = $1 AND p.removed_at IS NULL${lock ? ' FOR UPDATE OF p' : ''}`,
    [id],
  );
  return row;
}

/** The organisation's current partner for an instance id. */
export async function findPartnerByInstance(
  tx: Tx,
  orgId: string,
  instanceId: string,
): Promise<PartnerRow | undefined> {
  const [row] = await tx.query<PartnerRow>(
    `SELECT ${PARTNER_COLUMNS} FROM ${PARTNER_FROM}
      WHERE p.org_id = $1 AND p.instance_id = $2 AND p.removed_at IS NULL`,
    [orgId, instanceId],
  );
  return row;
}

/** Renames a partner at `version`; answers whether it did. */
export async function renamePartner(
  tx: Tx,
  id: string,
  version: number,
  name: string,
  now: Date,
): Promise<boolean> {
  const rows = await tx.query(
    `UPDATE partners SET name = $3, updated_at = $4, version = version + 1
      WHERE id = $1 AND version = $2 AND removed_at IS NULL RETURNING id`,
    [id, version, name, now],
  );
  return rows.length === 1;
}

export async function removePartner(tx: Tx, id: string, by: string, now: Date): Promise<boolean> {
  const rows = await tx.query(
    `UPDATE partners SET removed_at = $3, removed_by = $2, updated_at = $3, version = version + 1
      WHERE id = $1 AND removed_at IS NULL RETURNING id`,
    [id, by, now],
  );
  return rows.length === 1;
}

// ---------------------------------------------------------------------------------------------
// Imported packages (replay protection)

export interface ImportedPackage {
  packageId: string;
  orgId: string;
  kind: PackageKind;
  partnerId: string;
  referralId: string;
  createdAt: Date;
  importedBy: string;
  at: Date;
}

/** Whether any organisation of the instance imported this package id (0009_instances.sql). */
export async function packageSeen(tx: Tx, packageId: string): Promise<boolean> {
  const [row] = await tx.query<{ seen: boolean }>('SELECT lantern_package_imported($1) AS seen', [
    packageId,
  ]);
  return row?.seen === true;
}

/**
 * Records an import; false when the id is taken already, by any organisation of the instance
 * (the primary key is instance-wide even where row-level security hides the row).
 */
export async function recordImport(tx: Tx, p: ImportedPackage): Promise<boolean> {
  const rows = await tx.query(
    `INSERT INTO imported_packages (package_id, org_id, kind, partner_id, referral_id,
       created_at, imported_by, at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
     ON CONFLICT (package_id) DO NOTHING RETURNING package_id`,
    [p.packageId, p.orgId, p.kind, p.partnerId, p.referralId, p.createdAt, p.importedBy, p.at],
  );
  return rows.length === 1;
}

// ---------------------------------------------------------------------------------------------
// Directory and referral columns owned by this capability (0009_instances.sql)

export interface ServiceLinkRow {
  id: string;
  orgId: string;
  providerOrgId: string | null;
  partnerId: string | null;
  remoteServiceId: string | null;
}

export async function findServiceLink(tx: Tx, id: string): Promise<ServiceLinkRow | undefined> {
  const [row] = await tx.query<ServiceLinkRow>(
    `SELECT s.id, s.org_id AS "orgId", p.provider_org_id AS "providerOrgId",
            s.partner_id AS "partnerId", s.remote_service_id AS "remoteServiceId"
       FROM services s JOIN providers p ON p.id = s.provider_id WHERE s.id = $1`,
    [id],
  );
  return row;
}

export async function setServiceLink(
  tx: Tx,
  id: string,
  partnerId: string | null,
  remoteServiceId: string | null,
  now: Date,
): Promise<void> {
  await tx.query(
    `UPDATE services SET partner_id = $2, remote_service_id = $3, updated_at = $4 WHERE id = $1`,
    [id, partnerId, remoteServiceId, now],
  );
}

/** A referral's link to a partner instance. */
export interface ReferralLinkRow {
  id: string;
  partnerId: string | null;
  remoteReferralId: string | null;
  servicePartnerId: string | null;
  remoteServiceId: string | null;
}

export async function findReferralLink(tx: Tx, id: string): Promise<ReferralLinkRow | undefined> {
  const [row] = await tx.query<ReferralLinkRow>(
    `SELECT r.id, r.partner_id AS "partnerId", r.remote_referral_id AS "remoteReferralId",
            s.partner_id AS "servicePartnerId", s.remote_service_id AS "remoteServiceId"
       FROM referrals r JOIN services s ON s.id = r.service_id WHERE r.id = $1`,
    [id],
  );
  return row;
}

export async function setReferralLink(
  tx: Tx,
  id: string,
  partnerId: string,
  remoteReferralId: string | null,
): Promise<void> {
  await tx.query(
    `UPDATE referrals SET partner_id = $2,
            remote_referral_id = coalesce($3::uuid, remote_referral_id)
      WHERE id = $1`,
    [id, partnerId, remoteReferralId],
  );
}

/** The local referral that answers to a partner's referral id (incoming, already imported). */
export async function findByRemote(
  tx: Tx,
  partnerId: string,
  remoteReferralId: string,
): Promise<string | undefined> {
  const [row] = await tx.query<{ id: string }>(
    'SELECT id FROM referrals WHERE partner_id = $1 AND remote_referral_id = $2',
    [partnerId, remoteReferralId],
  );
  return row?.id;
}
