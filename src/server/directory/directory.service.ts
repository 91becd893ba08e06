import type {
  CapacityBody,
  DirectorySearchBody,
  DirectorySearchResult,
  Provider,
  ProviderCreateBody,
  ProviderDetail,
  ProviderPatchBody,
  SearchHit,
  Service,
  ServiceCreateBody,
  ServicePatchBody,
} from '../../shared/api/directory.schema.ts';
import { serviceRuleIssues } from '../../shared/api/directory.schema.ts';
import type { Gender, TraffickingStatus } from '../../shared/codes/htcds.ts';
import { boundingBox } from '../../shared/directory/geo.ts';
import { evaluate, rankHits } from '../../shared/directory/ranking.ts';
import type { ExchangeContext } from '../exchange/exchange-context.ts';
import { AppError } from '../http/app-error.ts';
import { newId } from '../shared/ids.ts';
import type { ProviderRow, ProviderWrite, ServiceRow, ServiceWrite } from './directory.repo.ts';
import {
  findProvider,
  findService,
  insertProvider,
  insertService,
  listProviders,
  listServicesOfProvider,
  searchCandidates,
  organisationExists,
  updateCapacity,
  updateProvider,
  updateService,
} from './directory.repo.ts';

/**
 * The service directory (docs/directory.md). Listings hold no personal data, so nothing is
 * sealed; every write is audited in the writing organisation's chain.
 */
export type DirectoryContext = Pick<ExchangeContext, 'tx' | 'orgId' | 'clock' | 'audit'>;

export function presentProvider(r: ProviderRow, orgId: string): Provider {
  return {
    id: r.id,
    orgId: r.orgId,
    providerOrgId: r.providerOrgId,
    name: r.name,
    description: r.description,
    phone: r.phone,
    email: r.email,
    website: r.website,
    active: r.active,
    receivesReferrals: r.providerOrgId !== null,
    mine: r.orgId === orgId,
    receivedByMe: r.providerOrgId === orgId,
    serviceCount: r.serviceCount,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

export function presentService(r: ServiceRow): Service {
  return {
    id: r.id,
    orgId: r.orgId,
    providerId: r.providerId,
    provider: {
      id: r.providerId,
      name: r.providerName,
      receivesReferrals: r.providerOrgId !== null,
    },
    serviceType: r.serviceType,
    name: r.name,
    description: r.description,
    address: r.address,
    country: r.country,
    adminArea: r.adminArea,
    latitude: r.latitude,
    longitude: r.longitude,
    languages: r.languages,
    ageMin: r.ageMin,
    ageMax: r.ageMax,
    genders: r.genders as Gender[],
    nationalities: r.nationalities,
    statuses: r.statuses as TraffickingStatus[],
    capacityTotal: r.capacityTotal,
    capacityAvailable: r.capacityAvailable,
    capacityUpdatedAt: r.capacityUpdatedAt?.toISOString() ?? null,
    hours: r.hours,
    phone: r.phone,
    email: r.email,
    responseDays: r.responseDays,
    active: r.active,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

/** Names of the fields a request filled in: what the audit entry records, never values. */
const filled = (body: object): string[] =>
  Object.entries(body)
    .filter(([, v]) => v !== undefined)
    .map(([k]) => k);

/** Keeps the stored value where the patch leaves a field out. */
function merge<T extends object>(stored: T, patch: Partial<T>): T {
  const out = { ...stored };
  for (const [k, v] of Object.entries(patch)) {
    if (v !== undefined) (out as Record<string, unknown>)[k] = v;
  }
  return out;
}

// ---- providers -------------------------------------------------------------------------------

export async function listDirectoryProviders(
  ctx: DirectoryContext,
  mine: boolean,
): Promise<Provider[]> {
  const rows = await listProviders(ctx.tx, mine ? ctx.orgId : null);
  return rows.map((r) => presentProvider(r, ctx.orgId));
}

export async function getDirectoryProvider(
  ctx: DirectoryContext,
  id: string,
): Promise<ProviderDetail> {
  const row = await findProvider(ctx.tx, id);
  if (!row) throw AppError.notFound('provider');
  const services = await listServicesOfProvider(ctx.tx, id);
  return { ...presentProvider(row, ctx.orgId), services: services.map(presentService) };
}

/** A provider the organisation lists; another organisation's is not found, like a missing one. */
async function ownProvider(ctx: DirectoryContext, id: string): Promise<ProviderRow> {
  const row = await findProvider(ctx.tx, id);
  if (!row || row.orgId !== ctx.orgId) throw AppError.notFound('provider');
  return row;
}

/** A receiving organisation other than the actor's must exist: else a 400 naming the field. */
async function checkReceiver(ctx: DirectoryContext, providerOrgId: string | null): Promise<void> {
  if (providerOrgId === null || providerOrgId === ctx.orgId) return;
  if (!(await organisationExists(ctx.tx, providerOrgId, ctx.orgId, ctx.clock.now()))) {
    throw AppError.invalid([
      { path: 'providerOrgId', message: 'is not an organisation on this instance' },
    ]);
  }
}

export async function createDirectoryProvider(
  ctx: DirectoryContext,
  body: ProviderCreateBody,
): Promise<Provider> {
  const now = ctx.clock.now();
  const row: ProviderWrite = {
    id: newId(),
    orgId: ctx.orgId,
    providerOrgId: body.providerOrgId?.toLowerCase() ?? null,
    name: body.name,
    description: body.description || null,
    phone: body.phone || null,
    email: body.email || null,
    website: body.website || null,
    active: body.active ?? true,
    updatedAt: now,
  };
  await checkReceiver(ctx, row.providerOrgId);
  await insertProvider(ctx.tx, row, now);
  await ctx.audit({
    action: 'provider.created',
    recordType: 'provider',
    recordId: row.id,
    fields: filled(body),
  });
  return presentProvider((await findProvider(ctx.tx, row.id))!, ctx.orgId);
}

export async function patchDirectoryProvider(
  ctx: DirectoryContext,
  id: string,
  body: ProviderPatchBody,
): Promise<Provider> {
  const stored = await ownProvider(ctx, id);
  // Omitted keeps the stored value; null (or blank text) clears an optional one.
  const keep = <K extends 'description' | 'phone' | 'email' | 'website'>(k: K) =>
    body[k] === undefined ? stored[k] : body[k] || null;
  const next: ProviderWrite = {
    id,
    orgId: stored.orgId,
    providerOrgId:
      body.providerOrgId === undefined
        ? stored.providerOrgId
        : (body.providerOrgId?.toLowerCase() ?? null),
    name: body.name ?? stored.name,
    description: keep('description'),
    phone: keep('phone'),
    email: keep('email'),
    website: keep('website'),
    active: body.active ?? stored.active,
    updatedAt: ctx.clock.now(),
  };
  if (next.providerOrgId !== stored.providerOrgId) await checkReceiver(ctx, next.providerOrgId);
  await updateProvider(ctx.tx, next);
  await ctx.audit({
    action: 'provider.updated',
    recordType: 'provider',
    recordId: id,
    fields: filled(body),
  });
  return presentProvider((await findProvider(ctx.tx, id))!, ctx.orgId);
}

// ---- services --------------------------------------------------------------------------------

export async function getDirectoryService(ctx: DirectoryContext, id: string): Promise<Service> {
  const row = await findService(ctx.tx, id);
  if (!row) throw AppError.notFound('service');
  return presentService(row);
}

async function requireOwnProviderFor(ctx: DirectoryContext, providerId: string): Promise<void> {
  const p = await findProvider(ctx.tx, providerId);
  if (!p || p.orgId !== ctx.orgId) {
    throw AppError.invalid([
      { path: 'providerId', message: 'must be a provider listed by your organisation' },
    ]);
  }
}

const capacityChanged = (a: ServiceWrite | ServiceRow, b: ServiceWrite) =>
  a.capacityTotal !== b.capacityTotal || a.capacityAvailable !== b.capacityAvailable;

export async function createDirectoryService(
  ctx: DirectoryContext,
  body: ServiceCreateBody,
): Promise<Service> {
  await requireOwnProviderFor(ctx, body.providerId);
  const now = ctx.clock.now();
  const row = newServiceWrite(ctx.orgId, body.providerId, body, now);
  await insertService(ctx.tx, row, now);
  await ctx.audit({
    action: 'service.created',
    recordType: 'service',
    recordId: row.id,
    fields: filled(body),
  });
  return presentService((await findService(ctx.tx, row.id))!);
}

/** A new service's row from checked fields. */
export function newServiceWrite(
  orgId: string,
  providerId: string,
  s: Omit<ServiceCreateBody, 'providerId'>,
  now: Date,
  id = newId(),
): ServiceWrite {
  const capacity = s.capacityTotal != null || s.capacityAvailable != null;
  return {
    id,
    orgId,
    providerId,
    serviceType: s.serviceType,
    name: s.name,
    description: s.description || null,
    address: s.address || null,
    country: s.country,
    adminArea: s.adminArea || null,
    latitude: s.latitude,
    longitude: s.longitude,
    languages: unique(s.languages),
    ageMin: s.ageMin ?? null,
    ageMax: s.ageMax ?? null,
    genders: unique(s.genders),
    nationalities: unique(s.nationalities),
    statuses: unique(s.statuses),
    capacityTotal: s.capacityTotal ?? null,
    capacityAvailable: s.capacityAvailable ?? null,
    capacityUpdatedAt: capacity ? now : null,
    hours: s.hours || null,
    phone: s.phone || null,
    email: s.email || null,
    responseDays: s.responseDays,
    active: s.active,
    updatedAt: now,
  };
}

const unique = <T>(xs: readonly T[]): T[] => [...new Set(xs)];

/** The stored service as a write, for a full-row update. */
export const serviceWriteOf = (r: ServiceRow): ServiceWrite => {
  const { providerName: _n, providerOrgId: _o, createdAt: _c, ...write } = r;
  return write;
};

/** Replaces a stored service's fields; capacity_updated_at moves when the places change. */
export async function replaceService(
  ctx: DirectoryContext,
  stored: ServiceRow,
  next: ServiceWrite,
): Promise<void> {
  const now = ctx.clock.now();
  await updateService(ctx.tx, {
    ...next,
    capacityUpdatedAt: capacityChanged(stored, next) ? now : stored.capacityUpdatedAt,
    updatedAt: now,
  });
}

export async function patchDirectoryService(
  ctx: DirectoryContext,
  id: string,
  body: ServicePatchBody,
): Promise<Service> {
  const stored = await findService(ctx.tx, id);
  // The receiving organisation may change the places only (PUT …/capacity): editing the
  // listing is the listing organisation's alone, and to others the service is not found.
  if (!stored || stored.orgId !== ctx.orgId) throw AppError.notFound('service');
  if (body.providerId !== undefined && body.providerId !== stored.providerId) {
    await requireOwnProviderFor(ctx, body.providerId);
  }
  const next = merge(serviceWriteOf(stored), body as Partial<ServiceWrite>);
  for (const k of ['description', 'address', 'adminArea', 'hours', 'phone', 'email'] as const) {
    if (next[k] === '') next[k] = null;
  }
  for (const k of ['languages', 'genders', 'nationalities', 'statuses'] as const) {
    next[k] = unique(next[k]);
  }
  const issues = serviceRuleIssues(next);
  if (issues.length > 0) throw AppError.invalid(issues);
  await replaceService(ctx, stored, next);
  await ctx.audit({
    action: 'service.updated',
    recordType: 'service',
    recordId: id,
    fields: filled(body),
  });
  return presentService((await findService(ctx.tx, id))!);
}

/**
 * Sets a service's places: the listing organisation, or the organisation that receives its
 * referrals (the provider keeps its own places current). Others: not found.
 */
export async function setDirectoryCapacity(
  ctx: DirectoryContext,
  id: string,
  body: CapacityBody,
): Promise<Service> {
  const stored = await findService(ctx.tx, id);
  if (!stored || (stored.orgId !== ctx.orgId && stored.providerOrgId !== ctx.orgId)) {
    throw AppError.notFound('service');
  }
  const total = body.total === undefined ? stored.capacityTotal : body.total;
  if (total !== null && body.available > total) {
    throw AppError.invalid([
      {
        path: 'available',
        message: `must not be greater than the total places (${total})`,
      },
    ]);
  }
  await updateCapacity(ctx.tx, id, { total, available: body.available, at: ctx.clock.now() });
  await ctx.audit({
    action: 'service.capacity_updated',
    recordType: 'service',
    recordId: id,
    fields: body.total === undefined ? ['available'] : ['available', 'total'],
  });
  return presentService((await findService(ctx.tx, id))!);
}

// ---- search ----------------------------------------------------------------------------------

/**
 * Services of one type, active only, each evaluated against the person and the starting
 * point and ranked (src/shared/directory/ranking.ts). With includeIneligible false only the
 * services eligible and within the radius are returned, and a bounding box narrows the SQL
 * first. The person's profile is used here and forgotten: not stored, not audited, not logged.
 */
export async function searchDirectory(
  ctx: DirectoryContext,
  body: DirectorySearchBody,
): Promise<DirectorySearchResult> {
  const box = body.from && !body.includeIneligible ? boundingBox(body.from, body.radiusKm) : null;
  const rows = await searchCandidates(ctx.tx, body.serviceType, box);
  const search = { from: body.from, radiusKm: body.radiusKm, person: body.person };
  const hits: SearchHit[] = rows.map((r) => ({ ...presentService(r), ...evaluate(r, search) }));
  const kept = body.includeIneligible ? hits : hits.filter((h) => h.eligible && h.withinRadius);
  const ranked = rankHits(kept);
  return { results: ranked.slice(0, body.limit), total: ranked.length };
}
