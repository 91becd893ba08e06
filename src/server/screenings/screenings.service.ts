import type {
  Answers,
  ScreeningAnswerBody,
  ScreeningCompleteBody,
  ScreeningCreateBody,
  ScreeningDetail,
  ScreeningList,
  ScreeningSummary,
} from '../../shared/api/screenings.schema.ts';
import type { Instrument, ScreeningResult } from '../../shared/screening/index.ts';
import { getInstrument, recompute, ScreeningError } from '../../shared/screening/index.ts';
import { ageOn } from '../cases/case-age.ts';
import { AppError } from '../http/app-error.ts';
import type { ServiceContext } from '../http/context.ts';
import { newId } from '../shared/ids.ts';
import {
  checkDraftAnswers,
  mergeAnswers,
  openAnswers,
  scoreAnswers,
  sealAnswers,
} from './screening-answers.ts';
import type { ScreenedCase, ScreeningRow, ScreeningWithAnswers } from './screenings.repo.ts';
import {
  completeScreening,
  findScreenedCase,
  findScreening,
  insertScreening,
  listScreenings,
  updateAnswers,
} from './screenings.repo.ts';

const CHILD_AGE_LIMIT = 18;

function present(row: ScreeningRow): ScreeningSummary {
  return {
    id: row.id,
    caseId: row.caseId,
    instrumentId: row.instrumentId,
    version: row.version,
    status: row.status,
    determination: row.determination,
    createdBy: row.createdById
      ? { id: row.createdById, displayName: row.createdByName ?? '' }
      : null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    completedAt: row.completedAt?.toISOString() ?? null,
  };
}

/** Under 18 today, from the age at registration and the whole years since; null when unknown. */
function under18(c: ScreenedCase, today: string): boolean | null {
  if (c.ageAtRegistration === null) return null;
  return c.ageAtRegistration + ageOn(c.registrationDate, today) < CHILD_AGE_LIMIT;
}

async function requireCase(ctx: ServiceContext, caseId: string): Promise<ScreenedCase> {
  const found = await findScreenedCase(ctx.tx, caseId);
  if (!found) throw AppError.notFound('case');
  return found;
}

async function requireScreening(
  ctx: ServiceContext,
  caseId: string,
  id: string,
  forUpdate = false,
): Promise<{ kase: ScreenedCase; row: ScreeningWithAnswers }> {
  const kase = await requireCase(ctx, caseId);
  const row = await findScreening(ctx.tx, caseId, id, forUpdate);
  if (!row) throw AppError.notFound('screening');
  return { kase, row };
}

/** The instrument version a stored screening was given with (always registered: never edited). */
const instrumentOf = (row: ScreeningRow): Instrument =>
  getInstrument(row.instrumentId, row.version);

function detail(
  ctx: ServiceContext,
  kase: ScreenedCase,
  row: ScreeningRow,
  answers: Answers,
  result: ScreeningResult | null,
): ScreeningDetail {
  return {
    ...present(row),
    answers,
    result,
    personUnder18: under18(kase, ctx.clock.now().toISOString().slice(0, 10)),
  };
}

/** Starts a draft screening of a case with one instrument version (the latest by default). */
export async function startScreening(
  ctx: ServiceContext,
  caseId: string,
  input: ScreeningCreateBody,
): Promise<ScreeningDetail> {
  const kase = await requireCase(ctx, caseId);
  let instrument: Instrument;
  try {
    instrument = getInstrument(input.instrumentId, input.version);
  } catch (e) {
    if (!(e instanceof ScreeningError)) throw e;
    const path = e.code === 'unknown_instrument' ? 'instrumentId' : 'version';
    throw AppError.invalid(e.issues.map((i) => ({ path, message: i.message })));
  }
  const id = newId();
  const now = ctx.clock.now();
  await insertScreening(ctx.tx, {
    id,
    orgId: ctx.actor.orgId,
    caseId,
    instrumentId: instrument.id,
    version: instrument.version,
    answers: sealAnswers(await ctx.keys(), id, {}),
    createdBy: ctx.actor.userId,
    now,
  });
  await ctx.audit({
    action: 'screening.created',
    recordType: 'screening',
    recordId: id,
    fields: ['caseId', 'instrumentId', 'version'],
  });
  const { row } = await requireScreening(ctx, caseId, id);
  return detail(ctx, kase, row, {}, null);
}

/** A case's screenings, newest first: instrument, status and determination, no answers. */
export async function listCaseScreenings(
  ctx: ServiceContext,
  caseId: string,
): Promise<ScreeningList> {
  await requireCase(ctx, caseId);
  return { items: (await listScreenings(ctx.tx, caseId)).map(present) };
}

/**
 * One screening with its answers, decrypted, and — once completed — its result recomputed from
 * those answers by the rule of the stored version. The read is audited.
 */
export async function getScreening(
  ctx: ServiceContext,
  caseId: string,
  id: string,
): Promise<ScreeningDetail> {
  const { kase, row } = await requireScreening(ctx, caseId, id);
  const answers = openAnswers(await ctx.keys(), id, row.answers);
  await ctx.audit({
    action: 'screening.read',
    recordType: 'screening',
    recordId: id,
    fields: Object.keys(answers),
  });
  const result =
    row.status === 'completed'
      ? recompute({ instrumentId: row.instrumentId, version: row.version, answers })
      : null;
  return detail(ctx, kase, row, answers, result);
}

function requireDraft(row: ScreeningRow): void {
  if (row.status !== 'draft') {
    throw new AppError(
      'conflict',
      'This screening is completed; its answers can no longer change.',
    );
  }
}

const changedKeys = (input: ScreeningAnswerBody | ScreeningCompleteBody): string[] => [
  ...new Set([...Object.keys(input.answers ?? {}), ...(input.remove ?? [])]),
];

/**
 * Saves answers to a draft (merged key by key), after validating them against the screening's
 * instrument version: a refused answer names its path and nothing is saved.
 */
export async function answerScreening(
  ctx: ServiceContext,
  caseId: string,
  id: string,
  input: ScreeningAnswerBody,
): Promise<ScreeningDetail> {
  const { kase, row } = await requireScreening(ctx, caseId, id, true);
  requireDraft(row);
  const keys = await ctx.keys();
  const answers = mergeAnswers(openAnswers(keys, id, row.answers), input, row.version);
  checkDraftAnswers(instrumentOf(row), answers);
  const now = ctx.clock.now();
  await updateAnswers(ctx.tx, id, sealAnswers(keys, id, answers), now);
  await ctx.audit({
    action: 'screening.answered',
    recordType: 'screening',
    recordId: id,
    fields: changedKeys(input),
  });
  return detail(ctx, kase, { ...row, updatedAt: now }, answers, null);
}

/**
 * Completes a draft: applies the last answers, scores them and stores the determination. The
 * result returned is the one any later read recomputes.
 */
export async function completeCaseScreening(
  ctx: ServiceContext,
  caseId: string,
  id: string,
  input: ScreeningCompleteBody,
): Promise<ScreeningDetail> {
  const { kase, row } = await requireScreening(ctx, caseId, id, true);
  requireDraft(row);
  const keys = await ctx.keys();
  const answers = mergeAnswers(openAnswers(keys, id, row.answers), input, row.version);
  const result = scoreAnswers(instrumentOf(row), answers);
  const determination = 'determination' in result ? result.determination : null;
  const now = ctx.clock.now();
  await completeScreening(ctx.tx, id, {
    answers: sealAnswers(keys, id, answers),
    determination,
    now,
  });
  await ctx.audit({
    action: 'screening.completed',
    recordType: 'screening',
    recordId: id,
    fields: [...changedKeys(input), 'determination'],
  });
  return detail(
    ctx,
    kase,
    { ...row, status: 'completed', determination, updatedAt: now, completedAt: now },
    answers,
    result,
  );
}
