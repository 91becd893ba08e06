import { randomUUID } from 'node:crypto';
import type { ServiceType } from '../../shared/codes/service-types.ts';
import type { BoundingBox } from '../../shared/directory/geo.ts';
import type { Tx } from '../db/database.ts';

/**
 * SQL of the service directory. Every organisation reads every listing (the `directory_read`
 * policies of 0007_referrals.sql); writes are narrowed by row-level security to the listing
 * organisation, and for services also to the receiving one (places, checked by the service).
 */

export interface ProviderRow {
  id: string;
  orgId: string;
  providerOrgId: string | null;
  name: string;
  description: string | null;
  phone: string | null;
  email: string | null;
  website: string | null;
  active: boolean;
  serviceCount: number;
  createdAt: Date;
  updatedAt: Date;
}

export type ProviderWrite = Omit<ProviderRow, 'serviceCount' | 'createdAt'>;

export interface ServiceRow {
  id: string;
  orgId: string;
  providerId: string;
  providerName: string;
  providerOrgId: string | null;
  serviceType: ServiceType;
  name: string;
  description: string | null;
  address: string | null;
  country: string;
  adminArea: string | null;
  latitude: number;
  longitude: number;
  languages: string[];
  ageMin: number | null;
  ageMax: number | null;
  genders: string[];
  nationalities: string[];
  statuses: string[];
  capacityTotal: number | null;
  capacityAvailable: number | null;
  capacityUpdatedAt: Date | null;
  hours: string | null;
  phone: string | null;
  email: string | null;
  responseDays: number;
  active: boolean;
  createdAt: Date;
  updatedAt: Date;
}

export type ServiceWrite = Omit<ServiceRow, 'providerName' | 'providerOrgId' | 'createdAt'>;

const PROVIDER_COLUMNS = `p.id, p.org_id AS "orgId", p.provider_org_id AS "providerOrgId", p.name,
  p.description, p.phone, p.email, p.website, p.active,
  (SELECT count(*)::int FROM services s WHERE s.provider_id = p.id) AS "serviceCount",
  p.created_at AS "createdAt", p.updated_at AS "updatedAt"`;

/** Providers by name; only the organisation's own listings when `orgId` is given. */
export function listProviders(tx: Tx, orgId: string | null): Promise<ProviderRow[]> {
  return tx.query<ProviderRow>(
    `SELECT ${PROVIDER_COLUMNS} FROM providers p
      WHERE ($1::uuid IS NULL OR p.org_id = $1)
      ORDER BY lower(p.name), p.id`,
    [orgId],
  );
}

export async function findProvider(tx: Tx, id: string): Promise<ProviderRow | undefined> {
  const [row] = await tx.query<ProviderRow>(
    `SELECT ${PROVIDER_COLUMNS} FROM providers p WHERE p.id = $1`,
    [id],
  );
  return row;
}

/** The organisation's providers, for matching import rows by exact name. */
export function listOwnProviders(tx: Tx, orgId: string): Promise<ProviderRow[]> {
  return listProviders(tx, orgId);
}

export async function insertProvider(tx: Tx, p: ProviderWrite, createdAt: Date): Promise<void> {
  await tx.query(
    `INSERT INTO providers (id, org_id, provider_org_id, name, description, phone, email, website,
       active, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
    [
      p.id,
      p.orgId,
      p.providerOrgId,
      p.name,
      p.description,
      p.phone,
      p.email,
      p.website,
      p.active,
      createdAt,
      p.updatedAt,
    ],
  );
}

export async function updateProvider(tx: Tx, p: ProviderWrite): Promise<void> {
  await tx.query(
    `UPDATE providers SET provider_org_id = $3, name = $4, description = $5, phone = $6,
       email = $7, website = $8, active = $9, updated_at = $10
      WHERE id = $1 AND org_id = $2`,
    [
      p.id,
      p.orgId,
      p.providerOrgId,
      p.name,
      p.description,
      p.phone,
      p.email,
      p.website,
      p.active,
      p.updatedAt,
    ],
  );
}

const SERVICE_COLUMNS = `s.id, s.org_id AS "orgId", s.provider_id AS "providerId",
  p.name AS "providerName", p.provider_org_id AS "providerOrgId", s.service_type AS "serviceType",
  s.name, s.description, s.address, s.country, s.admin_area AS "adminArea", s.latitude,
  s.longitude, s.languages, s.age_min AS "ageMin", s.age_max AS "ageMax", s.genders,
  s.nationalities, s.statuses, s.capacity_total AS "capacityTotal",
  s.capacity_available AS "capacityAvailable", s.capacity_updated_at AS "capacityUpdatedAt",
  s.hours, s.phone, s.email, s.response_days AS "responseDays", s.active,
  s.created_at AS "createdAt", s.updated_at AS "updatedAt"`;

const SERVICE_FROM = 'FROM services s JOIN providers p ON p.id = s.provider_id';

// char(2) pads nothing for two letters, but keeps `country` a plain string in the row.
const normalise = (r: ServiceRow): ServiceRow => ({ ...r, country: r.country.trim() });

export async function findService(tx: Tx, id: string): Promise<ServiceRow | undefined> {
  const [row] = await tx.query<ServiceRow>(
    `SELECT ${SERVICE_COLUMNS} ${SERVICE_FROM} WHERE s.id = $1`,
    [id],
  );
  return row && normalise(row);
}

export async function listServicesOfProvider(tx: Tx, providerId: string): Promise<ServiceRow[]> {
  const rows = await tx.query<ServiceRow>(
    `SELECT ${SERVICE_COLUMNS} ${SERVICE_FROM} WHERE s.provider_id = $1
      ORDER BY s.service_type, lower(s.name), s.id`,
    [providerId],
  );
  return rows.map(normalise);
}

/** The organisation's listed services, by provider then service (the CSV export's order). */
export async function listOwnServices(tx: Tx, orgId: string): Promise<ServiceRow[]> {
  const rows = await tx.query<ServiceRow>(
    `SELECT ${SERVICE_COLUMNS} ${SERVICE_FROM} WHERE s.org_id = $1
      ORDER BY lower(p.name), p.id, s.service_type, lower(s.name), s.id`,
    [orgId],
  );
  return rows.map(normalise);
}

/**
 * Active services of one type, optionally inside a bounding box: the search's candidates.
 * The box is a prefilter that the index services_search_idx (0011_directory.sql) serves; the
 * exact distance is computed afterwards.
 */
export async function searchCandidates(
  tx: Tx,
  serviceType: ServiceType,
  box: BoundingBox | null,
): Promise<ServiceRow[]> {
  const params: unknown[] = [serviceType];
  const p = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  let where = 's.service_type = $1 AND s.active';
  if (box) {
    where += ` AND s.latitude BETWEEN ${p(box.latMin)}::float8 AND ${p(box.latMax)}::float8`;
    const ranges = box.lonRanges.map(
      ([min, max]) => `s.longitude BETWEEN ${p(min)}::float8 AND ${p(max)}::float8`,
    );
    where += ` AND (${ranges.join(' OR ')})`;
  }
  const rows = await tx.query<ServiceRow>(
    `SELECT ${SERVICE_COLUMNS} ${SERVICE_FROM} WHERE ${where}`,
    params,
  );
  return rows.map(normalise);
}

const serviceParams = (s: ServiceWrite) => [
  s.id,
  s.orgId,
  s.providerId,
  s.serviceType,
  s.name,
  s.description,
  s.address,
  s.country,
  s.adminArea,
  s.latitude,
  s.longitude,
  s.languages,
  s.ageMin,
  s.ageMax,
  s.genders,
  s.nationalities,
  s.statuses,
  s.capacityTotal,
  s.capacityAvailable,
  s.capacityUpdatedAt,
  s.hours,
  s.phone,
  s.email,
  s.responseDays,
  s.active,
  s.updatedAt,
];

export async function insertService(tx: Tx, s: ServiceWrite, createdAt: Date): Promise<void> {
  await tx.query(
    `INSERT INTO services (id, org_id, provider_id, service_type, name, description, address,
       country, admin_area, latitude, longitude, languages, age_min, age_max, genders,
       nationalities, statuses, capacity_total, capacity_available, capacity_updated_at, hours,
       phone, email, response_days, active, updated_at, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12::text[], $13, $14, $15::text[],
       $16::text[], $17::text[], $18, $19, $20, $21, $22, $23, $24, $25, $26, $27)`,
    [...serviceParams(s), createdAt],
  );
}

/** Writes every column of one of the organisation's own services. */
export async function updateService(tx: Tx, s: ServiceWrite): Promise<void> {
  await tx.query(
    `UPDATE services SET provider_id = $3, service_type = $4, name = $5, description = $6,
       address = $7, country = $8, admin_area = $9, latitude = $10, longitude = $11,
       languages = $12::text[], age_min = $13, age_max = $14, genders = $15::text[],
       nationalities = $16::text[], statuses = $17::text[], capacity_total = $18,
       capacity_available = $19, capacity_updated_at = $20, hours = $21, phone = $22,
       email = $23, response_days = $24, active = $25, updated_at = $26
      WHERE id = $1 AND org_id = $2`,
    serviceParams(s),
  );
}

/** The places of a service: the listing or the receiving organisation (row-level security). */
export async function updateCapacity(
  tx: Tx,
  id: string,
  c: { total: number | null; available: number; at: Date },
): Promise<void> {
  await tx.query(
    `UPDATE services SET capacity_total = $2, capacity_available = $3, capacity_updated_at = $4,
       updated_at = $4
      WHERE id = $1`,
    [id, c.total, c.available, c.at],
  );
}

/**
 * Whether an organisation exists on the instance, asked of the foreign key: a trial provider
 * naming it is inserted inside a savepoint and always rolled back, so nothing remains.
 * (Row-level security hides other organisations from `lantern_app`; the key is checked
 * without it.) The import checks every receiving organisation this way before writing.
 */
export async function organisationExists(
  tx: Tx,
  orgId: string,
  listingOrgId: string,
  now: Date,
): Promise<boolean> {
  let exists = true;
  await tx.query('SAVEPOINT directory_org_probe');
  try {
    await insertProvider(
      tx,
      {
        id: randomUUID(),
        orgId: listingOrgId,
        providerOrgId: orgId,
        name: 'probe',
        description: null,
        phone: null,
        email: null,
        website: null,
        active: false,
        updatedAt: now,
      },
      now,
    );
  } catch (e) {
    if ((e as { code?: string }).code !== '23503') throw e;
    exists = false;
  }
  await tx.query('ROLLBACK TO SAVEPOINT directory_org_probe');
  return exists;
}
