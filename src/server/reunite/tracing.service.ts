/**
 * Tracing requests (docs/reunite.md): a relative or an agency asks for a missing person; the
 * candidate search proposes cases whose person consents to family tracing; the officer
 * confirms or rejects; then verification, the best-interest step for a child, reunification
 * and closure (src/shared/reunite/tracing-lifecycle.ts). Everything personal is sealed under the
 * organisation's key; every read and write of it is audited, with field names only.
 */
import type {
  BestInterestBody,
  CloseBody,
  Enquirer,
  RejectCandidateBody,
  ReunifyBody,
  SoughtPerson,
  TracingCandidate,
  TracingListQuery,
  TracingRequestCreateBody,
  TracingRequestDetail,
  TracingRequestList,
  TracingRequestSummary,
  TracingSearchResult,
  TracingSteps,
  VerifyBody,
} from '../../shared/api/tracing.schema.ts';
import { ageOn } from '../../shared/case-record/dates.ts';
import { CHILD_AGE_LIMIT } from '../../shared/consent/index.ts';
import type { LinkRecord } from '../../shared/linkage/types.ts';
import { can } from '../../shared/policy/grants.ts';
import type {
  TracingAction,
  TracingInput,
  TracingStatus,
} from '../../shared/reunite/tracing-lifecycle.ts';
import { availableTracingActions, checkTracing } from '../../shared/reunite/tracing-lifecycle.ts';
import type { ConsentWithdrawal } from '../consent/consent-withdrawn.ts';
import { mayI } from '../consent/may-i.ts';
import type { OrgKeys } from '../crypto/keyring.ts';
import { openJson, openText, sealJson, sealText } from '../crypto/sealed-values.ts';
import { AppError } from '../http/app-error.ts';
import type { ServiceContext } from '../http/context.ts';
import { newId } from '../shared/ids.ts';
import { findCandidates, tracingConsents } from './candidates.ts';
import { partialDate } from './link-record.ts';
import type { CandidateRecordRow, TracingRow } from './tracing.repo.ts';
import {
  decideCandidate,
  findCandidateRow,
  findTracing,
  insertTracing,
  insertTracingEvent,
  listCandidateRows,
  listTracing,
  listTracingEvents,
  markSearched,
  nextTracingNumber,
  openCandidatesOfCase,
  storeProposals,
  updateTracing,
} from './tracing.repo.ts';

// Sealed values are bound to their record and field.
const soughtAad = (id: string) => `tracing-sought:${id}`;
const enquirerAad = (id: string) => `tracing-enquirer:${id}`;
const stepsAad = (id: string) => `tracing-steps:${id}`;
const candidateNoteAad = (id: string) => `tracing-candidate-note:${id}`;

export const formatTracingReference = (year: number, n: number): string =>
  `TR-${year}-${String(n).padStart(6, '0')}`;

const EMPTY_STEPS: TracingSteps = {
  verification: null,
  bestInterest: null,
  reunification: null,
  closure: null,
};

/** The latest day a partial date may stand for (a year: 31 December; a month: its last day). */
function latestDay(partial: string): string {
  const [y, m, d] = partial.split('-').map(Number) as [number, number?, number?];
  if (d) return partial;
  const month = m ?? 12;
  const last = new Date(Date.UTC(y, month, 0)).getUTCDate();
  return `${y}-${String(month).padStart(2, '0')}-${String(last).padStart(2, '0')}`;
}

/**
 * Whether the sought person is a child today. From a partial date of birth, the youngest age it
 * allows (born on its latest possible day): in doubt, a child. From an age, that age. Null when
 * neither is known — the lifecycle treats that as a child too.
 */
export function soughtIsChild(s: SoughtPerson, today: string): boolean | null {
  if (s.dateOfBirth) return ageOn(latestDay(s.dateOfBirth), today) < CHILD_AGE_LIMIT;
  if (s.age !== undefined) return s.age < CHILD_AGE_LIMIT;
  return null;
}

/** The sought person as the matcher sees it. */
export function soughtRecord(id: string, s: SoughtPerson, today: string): LinkRecord {
  const places = [...(s.places ?? []), ...(s.separation?.place ? [s.separation.place] : [])];
  return {
    id,
    givenName: s.givenName ?? null,
    familyName: s.familyName ?? null,
    aliases: s.aliases ?? [],
    sex: s.sex ?? null,
    birth: partialDate(s.dateOfBirth),
    age: s.dateOfBirth ? null : (s.age ?? null),
    ageAt: s.dateOfBirth || s.age === undefined ? null : today,
    places: places.map((p) => ({
      country: p.country ?? null,
      adminArea: p.adminArea ?? null,
      locality: p.locality ?? null,
    })),
    identifiers: {},
  };
}

/** Names of the fields filled in, prefixed: what audit entries record, never values. */
function filled(prefix: string, o: object): string[] {
  return Object.entries(o)
    .filter(([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0))
    .map(([k]) => `${prefix}.${k}`);
}

const today = (ctx: ServiceContext) => ctx.clock.now().toISOString().slice(0, 10);

async function requireRequest(ctx: ServiceContext, id: string, lock = false): Promise<TracingRow> {
  const row = await findTracing(ctx.tx, id, lock);
  if (!row) throw AppError.notFound('tracing request');
  return row;
}

const openSought = (keys: OrgKeys, r: TracingRow) =>
  openJson<SoughtPerson>(keys, soughtAad(r.id), r.sought);
const openSteps = (keys: OrgKeys, r: TracingRow): TracingSteps =>
  r.steps ? openJson<TracingSteps>(keys, stepsAad(r.id), r.steps) : EMPTY_STEPS;

function summary(r: TracingRow): TracingRequestSummary {
  return {
    id: r.id,
    reference: r.reference,
    status: r.status,
    soughtIsChild: r.soughtIsChild,
    enquirerKind: r.enquirerKind,
    proposedCandidates: r.proposedCandidates,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    lastSearchedAt: r.lastSearchedAt ? r.lastSearchedAt.toISOString() : null,
  };
}

export async function createTracingRequest(
  ctx: ServiceContext,
  body: TracingRequestCreateBody,
): Promise<TracingRequestDetail> {
  const now = ctx.clock.now();
  const day = today(ctx);
  const dates: [string, string | undefined][] = [
    ['sought.dateOfBirth', body.sought.dateOfBirth],
    ['sought.separation.date', body.sought.separation?.date],
  ];
  const future = dates.filter(([, d]) => d && d > day.slice(0, d.length));
  if (future.length > 0) {
    throw AppError.invalid(
      future.map(([path]) => ({ path, message: 'must not be in the future' })),
    );
  }
  const keys = await ctx.keys();
  const id = newId();
  const n = await nextTracingNumber(ctx.tx, ctx.actor.orgId);
  await insertTracing(ctx.tx, {
    id,
    orgId: ctx.actor.orgId,
    reference: formatTracingReference(now.getUTCFullYear(), n),
    soughtIsChild: soughtIsChild(body.sought, day),
    sought: sealJson(keys, soughtAad(id), body.sought),
    enquirer: sealJson(keys, enquirerAad(id), body.enquirer),
    enquirerKind: body.enquirer.kind,
    createdBy: ctx.actor.userId,
    now,
  });
  await insertTracingEvent(ctx.tx, {
    id: newId(),
    orgId: ctx.actor.orgId,
    requestId: id,
    action: 'created',
    from: null,
    to: 'open',
    candidateId: null,
    actorId: ctx.actor.userId,
    at: now,
  });
  await ctx.audit({
    action: 'tracing.created',
    recordType: 'tracing_request',
    recordId: id,
    fields: [...filled('sought', body.sought), ...filled('enquirer', body.enquirer)],
  });
  return detail(ctx, id, false);
}

/** The organisation's requests, newest first: codes and dates only, no names; not audited. */
export async function listTracingRequests(
  ctx: ServiceContext,
  q: TracingListQuery,
): Promise<TracingRequestList> {
  const { rows, total } = await listTracing(ctx.tx, q);
  return { items: rows.map(summary), total };
}

export async function getTracingRequest(
  ctx: ServiceContext,
  id: string,
): Promise<TracingRequestDetail> {
  return detail(ctx, id, true);
}

async function detail(
  ctx: ServiceContext,
  id: string,
  audit: boolean,
): Promise<TracingRequestDetail> {
  const r = await requireRequest(ctx, id);
  const keys = await ctx.keys();
  const sought = openSought(keys, r);
  const enquirer = openJson<Enquirer>(keys, enquirerAad(r.id), r.enquirer);
  const steps = openSteps(keys, r);
  if (audit) {
    await ctx.audit({
      action: 'tracing.read',
      recordType: 'tracing_request',
      recordId: id,
      fields: [
        ...filled('sought', sought),
        ...filled('enquirer', enquirer),
        ...(r.steps ? ['steps'] : []),
      ],
    });
  }
  const events = await listTracingEvents(ctx.tx, id);
  return {
    ...summary(r),
    sought,
    enquirer,
    steps,
    history: events.map((e) => ({
      action: e.action,
      from: e.from,
      to: e.to,
      candidateId: e.candidateId,
      by: e.actorId ? { id: e.actorId, displayName: e.actorName ?? '' } : null,
      at: e.at.toISOString(),
    })),
    availableActions: availableTracingActions({
      status: r.status,
      soughtIsChild: r.soughtIsChild,
      bestInterest: r.bestInterest,
    }),
    version: r.version,
  };
}

// ── Candidates ─────────────────────────────────────────────────────────────────────────────

function presentCandidate(keys: OrgKeys, k: CandidateRecordRow): TracingCandidate {
  const decided = k.decidedAt !== null;
  return {
    id: k.id,
    caseId: k.caseId,
    caseReference: k.caseReference,
    status: k.status,
    rank: k.rank,
    weight: k.weight,
    probability: k.probability,
    explanation: k.explanation,
    proposedAt: k.proposedAt.toISOString(),
    decision: decided
      ? {
          reason: k.reason,
          note: k.note ? openText(keys, candidateNoteAad(k.id), k.note) : null,
          by: k.decidedById ? { id: k.decidedById, displayName: k.decidedByName ?? '' } : null,
          at: k.decidedAt!.toISOString(),
        }
      : null,
  };
}

/**
 * The candidates an officer may see: never withdrawn ones, and only cases whose person
 * consents to family tracing now (consent may also have expired since the search).
 */
async function visibleCandidates(ctx: ServiceContext, requestId: string) {
  const rows = (await listCandidateRows(ctx.tx, requestId)).filter((k) => k.status !== 'withdrawn');
  const allowed = await tracingConsents(
    ctx,
    rows.map((k) => k.caseId),
    ctx.clock.now(),
  );
  return rows.filter((k) => allowed.has(k.caseId));
}

export async function listTracingCandidates(
  ctx: ServiceContext,
  requestId: string,
): Promise<{ items: TracingCandidate[] }> {
  await requireRequest(ctx, requestId);
  const keys = await ctx.keys();
  const rows = await visibleCandidates(ctx, requestId);
  await ctx.audit({
    action: 'tracing.candidates.read',
    recordType: 'tracing_request',
    recordId: requestId,
    fields: rows.some((k) => k.note) ? ['candidates', 'candidates.note'] : ['candidates'],
  });
  return { items: rows.map((k) => presentCandidate(keys, k)) };
}

/**
 * Runs the candidate search for a request and stores its proposals (scores and explanations,
 * never values). Decisions already taken on a case are kept. Cases without family-tracing
 * consent are never stored; supervisors are told how many there were, others nothing.
 */
export async function searchTracingRequest(
  ctx: ServiceContext,
  id: string,
): Promise<TracingSearchResult> {
  const r = await requireRequest(ctx, id, true);
  if (r.status === 'reunified' || r.status === 'closed') {
    throw new AppError('conflict', `A tracing request that is ${r.status} is not searched.`, {
      status: r.status,
    });
  }
  const keys = await ctx.keys();
  const now = ctx.clock.now();
  const record = soughtRecord(id, openSought(keys, r), today(ctx));
  const found = await findCandidates(ctx, record, { purpose: 'tracing', limit: 20 });
  await storeProposals(
    ctx.tx,
    ctx.actor.orgId,
    id,
    found.candidates.map((c, i) => ({
      id: newId(),
      caseId: c.caseId,
      rank: i + 1,
      weight: c.weight,
      probability: c.probability,
      explanation: c.fields.map((f) => ({ field: f.field, level: f.level, weight: f.weight })),
      consentId: c.consentId,
    })),
    now,
  );
  await markSearched(ctx.tx, id, now);
  await ctx.audit({
    action: 'tracing.searched',
    recordType: 'tracing_request',
    recordId: id,
    fields: filled('sought', record).filter((f) => f !== 'sought.id'),
  });
  const rows = await visibleCandidates(ctx, id);
  return {
    searchedAt: now.toISOString(),
    compared: found.compared,
    candidates: rows.map((k) => presentCandidate(keys, k)),
    withheldForConsent: can(ctx.actor.role, 'tracing:decide') ? found.withheldForConsent : null,
  };
}

async function requireCandidate(ctx: ServiceContext, requestId: string, candidateId: string) {
  const k = await findCandidateRow(ctx.tx, requestId, candidateId);
  if (!k || k.status === 'withdrawn') throw AppError.notFound('candidate');
  return k;
}

function candidateConflict(k: CandidateRecordRow, to: string): AppError {
  return new AppError('conflict', `A candidate that is ${k.status} cannot become ${to}.`, {
    from: k.status,
    to,
  });
}

function transitionConflict(check: { from: TracingStatus; to: TracingStatus; message: string }) {
  return new AppError('conflict', check.message, { from: check.from, to: check.to });
}

/**
 * Whether the best-interest step applies now: the sought person as described, or the matched
 * case's person, is a child today (the case's age at registration plus the years since, a lower
 * bound). Either one being a child is enough; unknown on both sides counts as a child.
 */
async function childNow(ctx: ServiceContext, r: TracingRow): Promise<boolean | null> {
  const keys = await ctx.keys();
  const day = today(ctx);
  const fromSought = soughtIsChild(openSought(keys, r), day);
  const [matched] = await ctx.tx.query<{ age: number | null; registered: string }>(
    `SELECT c.age_at_registration AS age, c.registration_date::text AS registered
       FROM tracing_candidates k JOIN cases c ON c.id = k.case_id
      WHERE k.request_id = $1 AND k.status = 'confirmed' LIMIT 1`,
    [r.id],
  );
  const fromCase =
    matched && matched.age !== null
      ? matched.age + ageOn(matched.registered, day) < CHILD_AGE_LIMIT
      : null;
  if (fromSought === true || fromCase === true) return true;
  if (fromSought === false || fromCase === false) return false;
  return null;
}

/** Checks and records one lifecycle step: the row, its event, the audit entry. */
async function step(
  ctx: ServiceContext,
  r: TracingRow,
  action: TracingAction,
  input: TracingInput,
  set: Omit<Parameters<typeof updateTracing>[2], 'status' | 'now'>,
  opts: { candidateId?: string | null; fields?: string[] } = {},
): Promise<TracingStatus> {
  const child = await childNow(ctx, r);
  const check = checkTracing(
    { status: r.status, soughtIsChild: child, bestInterest: r.bestInterest },
    action,
    input,
  );
  if (!check.ok) throw transitionConflict(check);
  const now = ctx.clock.now();
  await updateTracing(ctx.tx, r.id, { ...set, status: check.to, now });
  await ctx.tx.query('UPDATE tracing_requests SET sought_is_child = $2 WHERE id = $1', [
    r.id,
    child,
  ]);
  await insertTracingEvent(ctx.tx, {
    id: newId(),
    orgId: ctx.actor.orgId,
    requestId: r.id,
    action,
    from: r.status,
    to: check.to,
    candidateId: opts.candidateId ?? null,
    actorId: ctx.actor.userId,
    at: now,
  });
  await ctx.audit({
    action: `tracing.${action}`,
    recordType: 'tracing_request',
    recordId: r.id,
    fields: opts.fields ?? [],
  });
  return check.to;
}

export async function confirmCandidate(
  ctx: ServiceContext,
  requestId: string,
  candidateId: string,
  body: { note?: string | undefined },
): Promise<TracingRequestDetail> {
  const r = await requireRequest(ctx, requestId, true);
  const k = await requireCandidate(ctx, requestId, candidateId);
  if (k.status !== 'proposed') throw candidateConflict(k, 'confirmed');
  // The consent the proposal relied on may have ended since the search.
  const consent = await mayI(ctx.tx, {
    caseId: k.caseId,
    purpose: 'family_tracing',
    at: ctx.clock.now(),
  });
  if (!consent.allowed) throw AppError.notFound('candidate');
  const keys = await ctx.keys();
  await decideCandidate(ctx.tx, k.id, {
    status: 'confirmed',
    reason: null,
    note: body.note ? sealText(keys, candidateNoteAad(k.id), body.note) : null,
    by: ctx.actor.userId,
    at: ctx.clock.now(),
  });
  await step(ctx, r, 'confirm', {}, {}, { candidateId: k.id, fields: body.note ? ['note'] : [] });
  return detail(ctx, requestId, false);
}

export async function rejectCandidate(
  ctx: ServiceContext,
  requestId: string,
  candidateId: string,
  body: RejectCandidateBody,
): Promise<TracingCandidate> {
  const r = await requireRequest(ctx, requestId, true);
  if (r.status === 'reunified' || r.status === 'closed') {
    throw new AppError('conflict', `A tracing request that is ${r.status} takes no decisions.`, {
      from: r.status,
      to: r.status,
    });
  }
  const k = await requireCandidate(ctx, requestId, candidateId);
  if (k.status !== 'proposed') throw candidateConflict(k, 'rejected');
  const keys = await ctx.keys();
  await decideCandidate(ctx.tx, k.id, {
    status: 'rejected',
    reason: body.reason,
    note: body.note ? sealText(keys, candidateNoteAad(k.id), body.note) : null,
    by: ctx.actor.userId,
    at: ctx.clock.now(),
  });
  await ctx.audit({
    action: 'tracing.candidate.rejected',
    recordType: 'tracing_candidate',
    recordId: k.id,
    fields: body.note ? ['reason', 'note'] : ['reason'],
  });
  const updated = await findCandidateRow(ctx.tx, requestId, candidateId);
  return presentCandidate(keys, updated!);
}

async function writeSteps(
  ctx: ServiceContext,
  r: TracingRow,
  change: (s: TracingSteps) => TracingSteps,
): Promise<Buffer> {
  const keys = await ctx.keys();
  return sealJson(keys, stepsAad(r.id), change(openSteps(keys, r)));
}

export async function verifyMatch(
  ctx: ServiceContext,
  requestId: string,
  body: VerifyBody,
): Promise<TracingRequestDetail> {
  const r = await requireRequest(ctx, requestId, true);
  const fields = ['outcome', 'method', ...(body.note ? ['note'] : [])];
  const verification = { method: body.method, note: body.note ?? null };
  if (body.outcome === 'verified') {
    await step(
      ctx,
      r,
      'verify',
      {},
      {
        verificationMethod: body.method,
        steps: await writeSteps(ctx, r, (s) => ({ ...s, verification })),
      },
      { fields },
    );
  } else {
    const [confirmed] = (await listCandidateRows(ctx.tx, requestId)).filter(
      (k) => k.status === 'confirmed',
    );
    await step(
      ctx,
      r,
      'verification_failed',
      {},
      {
        verificationMethod: null,
        steps: await writeSteps(ctx, r, (s) => ({ ...s, verification: null })),
      },
      { candidateId: confirmed?.id ?? null, fields },
    );
    if (confirmed) {
      const keys = await ctx.keys();
      await decideCandidate(ctx.tx, confirmed.id, {
        status: 'rejected',
        reason: 'verification_failed',
        note: body.note ? sealText(keys, candidateNoteAad(confirmed.id), body.note) : null,
        by: ctx.actor.userId,
        at: ctx.clock.now(),
      });
    }
  }
  return detail(ctx, requestId, false);
}

export async function determineBestInterest(
  ctx: ServiceContext,
  requestId: string,
  body: BestInterestBody,
): Promise<TracingRequestDetail> {
  const r = await requireRequest(ctx, requestId, true);
  const decidedOn = body.decidedOn ?? today(ctx);
  if (decidedOn > today(ctx)) {
    throw AppError.invalid([{ path: 'decidedOn', message: 'must not be in the future' }]);
  }
  await step(
    ctx,
    r,
    'determine_best_interest',
    { bestInterest: body.outcome },
    {
      bestInterest: body.outcome,
      steps: await writeSteps(ctx, r, (s) => ({
        ...s,
        bestInterest: { outcome: body.outcome, decidedOn, note: body.note ?? null },
      })),
    },
    { fields: ['outcome', 'decidedOn', ...(body.note ? ['note'] : [])] },
  );
  return detail(ctx, requestId, false);
}

export async function recordReunification(
  ctx: ServiceContext,
  requestId: string,
  body: ReunifyBody,
): Promise<TracingRequestDetail> {
  const r = await requireRequest(ctx, requestId, true);
  if (body.date > today(ctx)) {
    throw AppError.invalid([{ path: 'date', message: 'must not be in the future' }]);
  }
  await step(
    ctx,
    r,
    'reunify',
    {},
    {
      reunifiedOn: body.date,
      steps: await writeSteps(ctx, r, (s) => ({
        ...s,
        reunification: {
          date: body.date,
          place: body.place,
          followUp: body.followUp
            ? { plannedOn: body.followUp.plannedOn ?? null, note: body.followUp.note ?? null }
            : null,
        },
      })),
    },
    { fields: ['date', 'place', ...(body.followUp ? ['followUp'] : [])] },
  );
  return detail(ctx, requestId, false);
}

export async function closeTracingRequest(
  ctx: ServiceContext,
  requestId: string,
  body: CloseBody,
): Promise<TracingRequestDetail> {
  const r = await requireRequest(ctx, requestId, true);
  await step(
    ctx,
    r,
    'close',
    { closureReason: body.reason },
    {
      closureReason: body.reason,
      closedAt: ctx.clock.now(),
      steps: await writeSteps(ctx, r, (s) => ({
        ...s,
        closure: { reason: body.reason, note: body.note ?? null },
      })),
    },
    { fields: ['reason', ...(body.note ? ['note'] : [])] },
  );
  return detail(ctx, requestId, false);
}

/**
 * Consent for family tracing withdrawn on a case: its proposed and confirmed candidacies on
 * requests not yet reunified or closed are withdrawn (never shown again), and a request whose
 * confirmed match it was goes back to open. Runs in the withdrawal's transaction
 * (onConsentWithdrawn, src/server/consent/consent-withdrawn.ts). A reunification already done
 * stays recorded: withdrawal does not undo what was lawfully done before it (GDPR art. 7(3)).
 */
export async function withdrawTracingCandidacies(
  ctx: ServiceContext,
  w: ConsentWithdrawal,
): Promise<void> {
  if (w.purpose !== 'family_tracing') return;
  const open = await openCandidatesOfCase(ctx.tx, w.caseId);
  for (const k of open) {
    await decideCandidate(ctx.tx, k.id, {
      status: 'withdrawn',
      reason: 'consent_withdrawn',
      note: null,
      by: null,
      at: w.at,
    });
    await ctx.audit({
      action: 'tracing.candidate.withdrawn',
      recordType: 'tracing_candidate',
      recordId: k.id,
      fields: ['status'],
    });
    if (k.status === 'confirmed') {
      const r = await requireRequest(ctx, k.requestId, true);
      const check = checkTracing(
        { status: r.status, soughtIsChild: r.soughtIsChild, bestInterest: r.bestInterest },
        'consent_withdrawn',
      );
      if (!check.ok) continue;
      await updateTracing(ctx.tx, r.id, {
        status: check.to,
        verificationMethod: null,
        bestInterest: null,
        steps: await writeSteps(ctx, r, (s) => ({ ...s, verification: null, bestInterest: null })),
        now: w.at,
      });
      await insertTracingEvent(ctx.tx, {
        id: newId(),
        orgId: ctx.actor.orgId,
        requestId: r.id,
        action: 'consent_withdrawn',
        from: r.status,
        to: check.to,
        candidateId: k.id,
        actorId: null,
        at: w.at,
      });
      await ctx.audit({
        action: 'tracing.consent_withdrawn',
        recordType: 'tracing_request',
        recordId: r.id,
        fields: ['status'],
      });
    }
  }
}
