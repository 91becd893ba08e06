import type {
  Perpetrator,
  PerpetratorBody,
  PerpetratorList,
  PerpetratorPatch,
} from '../../shared/api/case-record.schema.ts';
import type { OrgKeys } from '../crypto/keyring.ts';
import { AppError } from '../http/app-error.ts';
import type { ServiceContext } from '../http/context.ts';
import { newId } from '../shared/ids.ts';
import { SECTION_ACTION } from '../../shared/policy/sensitive-sections.ts';
import { authorize } from '../policy/policy.ts';
import { requireCase } from './case-facts.ts';
import type { PerpetratorRow } from './perpetrators.repo.ts';
import {
  deletePerpetrator,
  findPerpetrator,
  insertPerpetrator,
  listPerpetrators,
  updatePerpetrator,
} from './perpetrators.repo.ts';
import { filledFields, openJson, sealJson } from './sealed.ts';

// Perpetrators are a sensitive part of the record (docs/decisions/0004): every function here
// requires `case:sensitive:perpetrators`, as the routes do, and the case-record read leaves
// them out without it.

type Details = Pick<Perpetrator, 'name' | 'aliases' | 'roleDetails' | 'organisation' | 'notes'>;
type Fields = Omit<Perpetrator, 'id' | 'createdAt' | 'updatedAt'>;

const aad = (id: string) => `perpetrator:${id}`;

/** Refuses (403) unless the user's role is granted perpetrator details. */
const guard = (ctx: ServiceContext) => authorize(ctx.actor.role, SECTION_ACTION.perpetrators);

function present(keys: OrgKeys, row: PerpetratorRow): Perpetrator {
  const { details, createdAt, updatedAt, ...coded } = row;
  return {
    ...coded,
    ...openJson<Details>(keys, aad(row.id), details),
    createdAt: createdAt.toISOString(),
    updatedAt: updatedAt.toISOString(),
  };
}

/** The perpetrators of a case, decrypted; the caller has checked the grant and audits. */
export async function perpetratorsOf(ctx: ServiceContext, caseId: string): Promise<Perpetrator[]> {
  guard(ctx);
  const keys = await ctx.keys();
  return (await listPerpetrators(ctx.tx, caseId)).map((r) => present(keys, r));
}

export async function getPerpetrators(
  ctx: ServiceContext,
  caseId: string,
): Promise<PerpetratorList> {
  await requireCase(ctx, caseId);
  const items = await perpetratorsOf(ctx, caseId);
  await ctx.audit({
    action: 'case.perpetrators.read',
    recordType: 'case',
    recordId: caseId,
    fields: ['perpetrators'],
  });
  return { items };
}

async function save(
  ctx: ServiceContext,
  caseId: string,
  id: string,
  p: Fields,
  createdAt: Date | null,
): Promise<Perpetrator> {
  const { name, aliases, roleDetails, organisation, notes, ...coded } = p;
  const now = ctx.clock.now();
  const details = sealJson(await ctx.keys(), aad(id), {
    name,
    aliases,
    roleDetails,
    organisation,
    notes,
  });
  const row = { id, ...coded, details, now };
  if (createdAt === null) {
    await insertPerpetrator(ctx.tx, {
      ...row,
      orgId: ctx.actor.orgId,
      caseId,
      userId: ctx.actor.userId,
    });
  } else {
    await updatePerpetrator(ctx.tx, row);
  }
  return { id, ...p, createdAt: (createdAt ?? now).toISOString(), updatedAt: now.toISOString() };
}

export async function createPerpetrator(
  ctx: ServiceContext,
  caseId: string,
  body: PerpetratorBody,
): Promise<Perpetrator> {
  guard(ctx);
  await requireCase(ctx, caseId, { lock: true });
  const created = await save(ctx, caseId, newId(), body, null);
  await ctx.audit({
    action: 'case.perpetrator.created',
    recordType: 'perpetrator',
    recordId: created.id,
    fields: filledFields(body),
  });
  return created;
}

export async function patchPerpetrator(
  ctx: ServiceContext,
  caseId: string,
  id: string,
  patch: PerpetratorPatch,
): Promise<Perpetrator> {
  guard(ctx);
  await requireCase(ctx, caseId, { lock: true });
  const row = await findPerpetrator(ctx.tx, caseId, id);
  if (!row) throw AppError.notFound('perpetrator');
  const { id: _id, createdAt: _c, updatedAt: _u, ...current } = present(await ctx.keys(), row);
  const updated = await save(ctx, caseId, id, { ...current, ...patch }, row.createdAt);
  await ctx.audit({
    action: 'case.perpetrator.updated',
    recordType: 'perpetrator',
    recordId: id,
    fields: Object.keys(patch),
  });
  return updated;
}

export async function removePerpetrator(
  ctx: ServiceContext,
  caseId: string,
  id: string,
): Promise<void> {
  guard(ctx);
  await requireCase(ctx, caseId, { lock: true });
  if (!(await deletePerpetrator(ctx.tx, caseId, id))) throw AppError.notFound('perpetrator');
  await ctx.audit({ action: 'case.perpetrator.deleted', recordType: 'perpetrator', recordId: id });
}
