import type {
  TraffickingEvent,
  TraffickingEventBody,
  TraffickingEventList,
  TraffickingEventPatch,
} from '../../shared/api/case-record.schema.ts';
import {
  issues,
  notBefore,
  notBeforeBirth,
  notInFuture,
} from '../../shared/case-record/date-rules.ts';
import type { OrgKeys } from '../crypto/keyring.ts';
import { AppError } from '../http/app-error.ts';
import type { ServiceContext } from '../http/context.ts';
import { newId } from '../shared/ids.ts';
import type { CaseFacts } from './case-facts.ts';
import { birthOf, refuse, requireCase, todayOf } from './case-facts.ts';
import type { EventRow } from './events.repo.ts';
import { deleteEvent, findEvent, insertEvent, listEvents, updateEvent } from './events.repo.ts';
import { filledFields, openJson, sealJson } from './sealed.ts';

type Place = Pick<TraffickingEvent, 'state' | 'city' | 'description'>;
type EventFields = Omit<TraffickingEvent, 'id' | 'createdAt' | 'updatedAt'>;

const aad = (id: string) => `trafficking_event:${id}`;

function present(keys: OrgKeys, row: EventRow): TraffickingEvent {
  const { place, createdAt, updatedAt, ...coded } = row;
  return {
    ...coded,
    ...openJson<Place>(keys, aad(row.id), place),
    createdAt: createdAt.toISOString(),
    updatedAt: updatedAt.toISOString(),
  };
}

/** The events of a case, decrypted; for the case-record read, which audits once for all. */
export async function eventsOf(ctx: ServiceContext, caseId: string): Promise<TraffickingEvent[]> {
  const keys = await ctx.keys();
  return (await listEvents(ctx.tx, caseId)).map((r) => present(keys, r));
}

/** The events of a case; reading their places and descriptions is audited. */
export async function getEvents(
  ctx: ServiceContext,
  caseId: string,
): Promise<TraffickingEventList> {
  await requireCase(ctx, caseId);
  const items = await eventsOf(ctx, caseId);
  await ctx.audit({
    action: 'case.events.read',
    recordType: 'case',
    recordId: caseId,
    fields: ['events'],
  });
  return { items };
}

/**
 * Refuses impossible dates: an end before its start, a date in the future, anything before the
 * person was born (exploitation before birth is the classic data-entry slip).
 */
async function checkDates(ctx: ServiceContext, facts: CaseFacts, e: EventFields): Promise<void> {
  const today = todayOf(ctx);
  const birth = await birthOf(ctx, facts);
  refuse(
    issues(
      notInFuture('date', e.date, today),
      notInFuture('endDate', e.endDate, today),
      notBefore('endDate', e.endDate, e.date, 'date'),
      notBeforeBirth('date', e.date, birth),
      notBeforeBirth('endDate', e.endDate, birth),
    ),
  );
}

/** Seals and stores an event; returns it as the API shows it. */
async function save(
  ctx: ServiceContext,
  caseId: string,
  id: string,
  e: EventFields,
  createdAt: Date | null,
): Promise<TraffickingEvent> {
  const { state, city, description, ...coded } = e;
  const now = ctx.clock.now();
  const row = {
    id,
    ...coded,
    place: sealJson(await ctx.keys(), aad(id), { state, city, description }),
    now,
  };
  if (createdAt === null) {
    await insertEvent(ctx.tx, { ...row, orgId: ctx.actor.orgId, caseId, userId: ctx.actor.userId });
  } else {
    await updateEvent(ctx.tx, row);
  }
  return { id, ...e, createdAt: (createdAt ?? now).toISOString(), updatedAt: now.toISOString() };
}

export async function createEvent(
  ctx: ServiceContext,
  caseId: string,
  body: TraffickingEventBody,
): Promise<TraffickingEvent> {
  const facts = await requireCase(ctx, caseId, { lock: true });
  await checkDates(ctx, facts, body);
  const event = await save(ctx, caseId, newId(), body, null);
  await ctx.audit({
    action: 'case.event.created',
    recordType: 'trafficking_event',
    recordId: event.id,
    fields: filledFields(body),
  });
  return event;
}

export async function patchEvent(
  ctx: ServiceContext,
  caseId: string,
  id: string,
  patch: TraffickingEventPatch,
): Promise<TraffickingEvent> {
  const facts = await requireCase(ctx, caseId, { lock: true });
  const row = await findEvent(ctx.tx, caseId, id);
  if (!row) throw AppError.notFound('event');
  const { id: _id, createdAt: _c, updatedAt: _u, ...current } = present(await ctx.keys(), row);
  const next = { ...current, ...patch };
  await checkDates(ctx, facts, next);
  const event = await save(ctx, caseId, id, next, row.createdAt);
  await ctx.audit({
    action: 'case.event.updated',
    recordType: 'trafficking_event',
    recordId: id,
    fields: Object.keys(patch),
  });
  return event;
}

export async function removeEvent(ctx: ServiceContext, caseId: string, id: string): Promise<void> {
  await requireCase(ctx, caseId, { lock: true });
  if (!(await deleteEvent(ctx.tx, caseId, id))) throw AppError.notFound('event');
  await ctx.audit({ action: 'case.event.deleted', recordType: 'trafficking_event', recordId: id });
}
