import type { Need, NeedBody, NeedList, NeedPatch } from '../../shared/api/case-record.schema.ts';
import { issues, notBeforeBirth, notInFuture } from '../../shared/case-record/date-rules.ts';
import type { OrgKeys } from '../crypto/keyring.ts';
import { AppError } from '../http/app-error.ts';
import type { ServiceContext } from '../http/context.ts';
import { newId } from '../shared/ids.ts';
import type { CaseFacts } from './case-facts.ts';
import { birthOf, refuse, requireCase, todayOf } from './case-facts.ts';
import type { NeedRow } from './needs.repo.ts';
import { findNeed, insertNeed, listNeeds, updateNeed } from './needs.repo.ts';
import { filledFields, openJson, sealJson } from './sealed.ts';

type Fields = Omit<Need, 'id' | 'createdAt' | 'updatedAt'>;

const aad = (id: string) => `need:${id}`;

function present(keys: OrgKeys, row: NeedRow): Need {
  const { details, createdAt, updatedAt, ...coded } = row;
  return {
    ...coded,
    ...openJson<Pick<Need, 'details'>>(keys, aad(row.id), details),
    createdAt: createdAt.toISOString(),
    updatedAt: updatedAt.toISOString(),
  };
}

/** The needs of a case, decrypted; for the case-record read, which audits once for all. */
export async function needsOf(ctx: ServiceContext, caseId: string): Promise<Need[]> {
  const keys = await ctx.keys();
  return (await listNeeds(ctx.tx, caseId)).map((r) => present(keys, r));
}

export async function getNeeds(ctx: ServiceContext, caseId: string): Promise<NeedList> {
  await requireCase(ctx, caseId);
  const items = await needsOf(ctx, caseId);
  await ctx.audit({
    action: 'case.needs.read',
    recordType: 'case',
    recordId: caseId,
    fields: ['needs'],
  });
  return { items };
}

async function checkDate(ctx: ServiceContext, facts: CaseFacts, n: Fields): Promise<void> {
  refuse(
    issues(
      notInFuture('identifiedOn', n.identifiedOn, todayOf(ctx)),
      notBeforeBirth('identifiedOn', n.identifiedOn, await birthOf(ctx, facts)),
    ),
  );
}

async function save(
  ctx: ServiceContext,
  caseId: string,
  id: string,
  n: Fields,
  createdAt: Date | null,
): Promise<Need> {
  const { details, ...coded } = n;
  const now = ctx.clock.now();
  const row = { id, ...coded, details: sealJson(await ctx.keys(), aad(id), { details }), now };
  if (createdAt === null) {
    await insertNeed(ctx.tx, { ...row, orgId: ctx.actor.orgId, caseId, userId: ctx.actor.userId });
  } else {
    await updateNeed(ctx.tx, row);
  }
  return { id, ...n, createdAt: (createdAt ?? now).toISOString(), updatedAt: now.toISOString() };
}

export async function createNeed(
  ctx: ServiceContext,
  caseId: string,
  body: NeedBody,
): Promise<Need> {
  const facts = await requireCase(ctx, caseId, { lock: true });
  const fields: Fields = { ...body, identifiedOn: body.identifiedOn ?? todayOf(ctx) };
  await checkDate(ctx, facts, fields);
  const need = await save(ctx, caseId, newId(), fields, null);
  await ctx.audit({
    action: 'case.need.created',
    recordType: 'need',
    recordId: need.id,
    fields: filledFields(fields),
  });
  return need;
}

export async function patchNeed(
  ctx: ServiceContext,
  caseId: string,
  id: string,
  patch: NeedPatch,
): Promise<Need> {
  const facts = await requireCase(ctx, caseId, { lock: true });
  const row = await findNeed(ctx.tx, caseId, id);
  if (!row) throw AppError.notFound('need');
  const { id: _id, createdAt: _c, updatedAt: _u, ...current } = present(await ctx.keys(), row);
  const next = { ...current, ...patch };
  await checkDate(ctx, facts, next);
  const need = await save(ctx, caseId, id, next, row.createdAt);
  await ctx.audit({
    action: 'case.need.updated',
    recordType: 'need',
    recordId: id,
    fields: Object.keys(patch),
  });
  return need;
}
