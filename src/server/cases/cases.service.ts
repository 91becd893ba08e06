import type {
  CaseCreateBody,
  CaseDetail,
  CaseList,
  CaseListQuery,
  CaseSummary,
} from '../../shared/api/cases.schema.ts';
import { CASE_COUNT_CAP } from '../../shared/api/cases.schema.ts';
import { AppError } from '../http/app-error.ts';
import type { ServiceContext } from '../http/context.ts';
import { nextCaseNumber } from '../organisations/organisations.repo.ts';
import {
  blindIndexesOf,
  identityOf,
  openIdentity,
  presentFields,
  sealIdentity,
} from '../persons/person-identity.ts';
import { insertPerson } from '../persons/persons.repo.ts';
import { insertMatchKeys, newCaseMatchKeys } from '../reunite/match-keys.ts';
import { newId } from '../shared/ids.ts';
import { ageAtRegistration } from './case-age.ts';
import { decodeCursor, encodeCursor } from './case-cursor.ts';
import type { CaseRow } from './cases.repo.ts';
import { countCases, findCase, insertCase, listCases } from './cases.repo.ts';
import { formatReference } from './case-reference.ts';

const present = (r: CaseRow): CaseSummary => ({ ...r, createdAt: r.createdAt.toISOString() });

/** Registers a person and opens their case, in the caller's transaction. */
export async function createCase(ctx: ServiceContext, input: CaseCreateBody): Promise<CaseDetail> {
  const now = ctx.clock.now();
  const today = now.toISOString().slice(0, 10);
  const registrationDate = input.registrationDate ?? today;
  if (registrationDate > today) {
    throw AppError.invalid([{ path: 'registrationDate', message: 'must not be in the future' }]);
  }
  const age = ageAtRegistration(input.person, registrationDate);
  const keys = await ctx.keys();
  const identity = identityOf(input.person);
  const personId = newId();
  await insertPerson(ctx.tx, {
    id: personId,
    orgId: ctx.actor.orgId,
    identity: sealIdentity(keys, personId, identity),
    indexes: blindIndexesOf(keys, identity),
    gender: input.person.gender,
    now,
  });
  // Match keys for the candidate search (docs/reunite.md): keyed HMACs, no name in clear.
  await insertMatchKeys(ctx.tx, ctx.actor.orgId, [
    newCaseMatchKeys(keys, personId, identity, input, { date: registrationDate, age }),
  ]);
  const caseId = newId();
  const n = await nextCaseNumber(ctx.tx, ctx.actor.orgId);
  await insertCase(ctx.tx, {
    id: caseId,
    orgId: ctx.actor.orgId,
    reference: formatReference(now.getUTCFullYear(), n),
    personId,
    status: input.status,
    traffickingStatus: input.traffickingStatus,
    gender: input.person.gender,
    ageAtRegistration: age,
    citizenship: input.citizenship,
    countryOfExploitation: input.countryOfExploitation ?? null,
    typeOfExploitation: input.typeOfExploitation,
    registrationDate,
    createdBy: ctx.actor.userId,
    now,
  });
  await ctx.audit({
    action: 'person.created',
    recordType: 'person',
    recordId: personId,
    fields: [...presentFields(identity), 'gender'],
  });
  ctx.caseCounts?.invalidate(ctx.actor.orgId);
  await ctx.audit({
    action: 'case.created',
    recordType: 'case',
    recordId: caseId,
    fields: Object.keys(input).filter((k) => k !== 'person'),
  });
  return readCase(ctx, caseId, false);
}

/** One case with its person's identity, decrypted; the read is audited. */
export async function getCase(ctx: ServiceContext, id: string): Promise<CaseDetail> {
  return readCase(ctx, id, true);
}

async function readCase(ctx: ServiceContext, id: string, audit: boolean): Promise<CaseDetail> {
  const row = await findCase(ctx.tx, id);
  if (!row) throw AppError.notFound('case');
  const identity = openIdentity(await ctx.keys(), row.personId, row.identity);
  if (audit) {
    await ctx.audit({
      action: 'case.read',
      recordType: 'case',
      recordId: id,
      fields: presentFields(identity),
    });
  }
  const { personId, identity: _sealed, createdById, createdByName, ...summary } = row;
  return {
    ...present(summary),
    person: { id: personId, gender: row.gender, ...identity },
    createdBy: createdById ? { id: createdById, displayName: createdByName ?? '' } : null,
  };
}

async function countWithCache(
  ctx: ServiceContext,
  filters: Omit<CaseListQuery, 'limit' | 'cursor'>,
): Promise<number> {
  const cache = ctx.caseCounts;
  if (!cache) return countCases(ctx.tx, filters, CASE_COUNT_CAP);
  // Wall-clock time: the cache's age has nothing to do with the business clock.
  const key = JSON.stringify(filters);
  const now = Date.now();
  const cached = cache.get(ctx.actor.orgId, key, now);
  if (cached !== undefined) return cached;
  const total = await countCases(ctx.tx, filters, CASE_COUNT_CAP);
  cache.set(ctx.actor.orgId, key, total, now);
  return total;
}

/** A page of the organisation's cases, newest first; no identifying data, so no audit entry. */
export async function listOrgCases(ctx: ServiceContext, q: CaseListQuery): Promise<CaseList> {
  const { limit, cursor, ...filters } = q;
  const after = cursor ? decodeCursor(cursor) : undefined;
  const rows = await listCases(ctx.tx, filters, limit + 1, after);
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  const total = await countWithCache(ctx, filters);
  return {
    items: page.map(present),
    nextCursor: rows.length > limit && last ? encodeCursor(last) : null,
    total: Math.min(total, CASE_COUNT_CAP),
    totalCapped: total > CASE_COUNT_CAP,
  };
}
