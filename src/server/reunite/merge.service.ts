import type { CaseMergeInfo, MergeResult } from '../../shared/api/duplicates.schema.ts';
import type { ServiceType } from '../../shared/codes/service-types.ts';
import { SERVICE_TYPES } from '../../shared/codes/service-types.ts';
import type { ConsentEntry, ConsentPurpose } from '../../shared/consent/index.ts';
import { consentConflicts, foldIdentity } from '../../shared/reunite/duplicates.ts';
import { notifyConsentWithdrawn } from '../consent/consent-withdrawn.ts';
import { open, seal } from '../crypto/aead.ts';
import type { OrgKeys } from '../crypto/keyring.ts';
import { AppError } from '../http/app-error.ts';
import type { ServiceContext } from '../http/context.ts';
import { openIdentity } from '../persons/person-identity.ts';
import { replacePersonIdentity } from '../persons/persons.service.ts';
import { newId } from '../shared/ids.ts';
import { findPair, markPairMerged, obsoletePairsOf } from './duplicates.repo.ts';
import type { MergeCaseRow, MergeItem } from './merge.repo.ts';
import {
  caseExists,
  dropMatchKeys,
  foldCaseFacts,
  foldProfile,
  idsOf,
  insertMerge,
  insertMergeItems,
  insertRow,
  lockCases,
  mergesOf,
  pendingApprovalIds,
  repoint,
  repointPlanServices,
  repointTracingCandidates,
  rowsOf,
  tombstone,
} from './merge.repo.ts';

/**
 * What a merge does with each table that references a case, and why (docs/duplicates.md).
 * - repoint: the rows move to the kept case (same ids; their ciphertexts are bound to the row,
 *   not the case, so they still open);
 * - copy: append-only history is never rewritten: the kept case gets a copy (new id, re-sealed,
 *   original author and time) and the tombstone keeps the original;
 * - fold: the kept case's own record takes what it lacked from the merged one;
 * - leave: the rows stay with the tombstone, which stays readable.
 * Every row touched is listed in case_merge_items with what became of it.
 * test/integration/merge-tables.test.ts fails when a table references cases(id) and is not here.
 */
export const MERGE_PLAN = {
  cases: { how: 'tombstone', why: 'closed, merged_into the kept case; chains collapse to it' },
  case_profiles: {
    how: 'fold',
    why: 'one per case: the kept one takes missing values and list unions (copied when it has none)',
  },
  trafficking_events: { how: 'repoint', why: 'facts about the person' },
  perpetrators: { how: 'repoint', why: 'facts about the person' },
  needs: { how: 'repoint', why: 'live needs of the person' },
  assistance_plans: {
    how: 'copy',
    why: 'one per case, sealed to the case: copied when the kept case has none, else left for review',
  },
  plan_services: { how: 'repoint', why: 'appended after the kept plan’s services' },
  follow_ups: { how: 'copy', why: 'append-only contacts' },
  reintegration_assessments: { how: 'copy', why: 'append-only assessments' },
  case_sensitive: {
    how: 'copy',
    why: 'sealed to the case: copied when the kept case lacks the section, else left for review',
  },
  case_approvals: {
    how: 'leave',
    why: 'decided four-eyes decisions of the tombstone’s own lifecycle (a pending one refuses the merge); the copied timeline events link to them',
  },
  case_transitions: { how: 'leave', why: 'the tombstone’s own stage history, append-only' },
  tasks: { how: 'repoint', why: 'live work on the person' },
  case_notes: { how: 'copy', why: 'append-only, sealed to the note id' },
  case_events: { how: 'copy', why: 'the timeline, with a case_merged event on both cases' },
  consents: {
    how: 'copy',
    why: 'append-only; histories combined in time order, conflicts withdrawn',
  },
  screenings: { how: 'repoint', why: 'answers of the person' },
  referrals: { how: 'repoint', why: 'the sender’s referrals of the person' },
  unmet_needs: {
    how: 'leave',
    why: 'a statistical fact counted once; copying would count the gap twice',
  },
  tracing_candidates: {
    how: 'repoint',
    why: 'proposals move unless the kept case is already proposed for that request',
  },
  duplicate_pairs: {
    how: 'fold',
    why: 'the pair becomes merged; other open pairs of the merged case become obsolete',
  },
  case_merges: { how: 'leave', why: 'the provenance of merges itself' },
} as const satisfies Record<
  string,
  { how: 'tombstone' | 'repoint' | 'copy' | 'fold' | 'leave'; why: string }
>;

/** And each table that references a person. */
export const PERSON_PLAN = {
  cases: 'the tombstone keeps its person; its identity is folded into the kept person’s',
  person_match_keys: 'dropped for the merged person (no longer a candidate); rebuilt for the kept',
  case_merges: 'provenance',
} as const;

/** Ciphertexts bound to their record: opened with the old binding, sealed with the new. */
const reseal = (keys: OrgKeys, sealed: unknown, from: string, to: string): Buffer | null =>
  sealed ? seal(keys.encryption, open(keys.encryption, sealed as Uint8Array, from), to) : null;

const AAD = {
  note: (id: string) => `case-note:${id}`,
  event: (id: string) => `case-event:${id}`,
  followUp: (id: string) => `follow_up:${id}`,
  reintegration: (id: string) => `reintegration_assessment:${id}`,
  guardian: (id: string) => `consent-guardian:${id}`,
  consentNote: (id: string) => `consent-note:${id}`,
  sensitive: (caseId: string, section: string) => `case_sensitive:${caseId}:${section}`,
  plan: (caseId: string) => `assistance_plan:${caseId}`,
};

interface Run {
  ctx: ServiceContext;
  keys: OrgKeys;
  kept: MergeCaseRow;
  merged: MergeCaseRow;
  mergeId: string;
  now: Date;
  items: MergeItem[];
  review: string[];
}

const note = (
  r: Run,
  table: string,
  action: MergeItem['action'],
  pairs: [string, string | null][],
) => {
  for (const [sourceId, targetId] of pairs) r.items.push({ table, sourceId, action, targetId });
};

async function moveAll(r: Run, table: string): Promise<void> {
  const ids = await repoint(r.ctx.tx, table, r.merged.id, r.kept.id);
  note(
    r,
    table,
    'repointed',
    ids.map((id) => [id, id]),
  );
}

/**
 * Copies every row of an append-only table to the kept case: a new id, the case changed, the
 * sealed columns re-sealed under the new id, everything else (author, time) as it was.
 */
async function copyAll(
  r: Run,
  table: string,
  order: string,
  sealed: Record<string, (id: string) => string>,
  opts: {
    exclude?: string[];
    jsonb?: string[];
    edit?: (row: Record<string, unknown>) => void;
  } = {},
): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const row of await rowsOf(r.ctx.tx, table, r.merged.id, order)) {
    const oldId = String(row.id);
    const id = newId();
    const copy: Record<string, unknown> = { ...row, id, case_id: r.kept.id };
    for (const c of opts.exclude ?? []) delete copy[c];
    for (const [col, aad] of Object.entries(sealed))
      copy[col] = reseal(r.keys, row[col], aad(oldId), aad(id));
    opts.edit?.(copy);
    await insertRow(r.ctx.tx, table, copy, opts.jsonb);
    ids.set(oldId, id);
  }
  note(r, table, 'copied', [...ids]);
  return ids;
}

async function mergeProfile(r: Run): Promise<void> {
  const [source] = await rowsOf(r.ctx.tx, 'case_profiles', r.merged.id);
  if (!source) return;
  const folded = await foldProfile(r.ctx.tx, r.merged.id, r.kept.id, r.ctx.actor.userId, r.now);
  if (!folded) {
    await insertRow(r.ctx.tx, 'case_profiles', { ...source, case_id: r.kept.id });
  }
  note(r, 'case_profiles', folded ? 'folded' : 'copied', [[r.merged.id, r.kept.id]]);
}

async function mergePlan(r: Run): Promise<void> {
  const [plan] = await rowsOf(r.ctx.tx, 'assistance_plans', r.merged.id);
  const [keptPlan] = await rowsOf(r.ctx.tx, 'assistance_plans', r.kept.id);
  if (plan && !keptPlan) {
    await insertRow(r.ctx.tx, 'assistance_plans', {
      ...plan,
      case_id: r.kept.id,
      content: reseal(r.keys, plan.content, AAD.plan(r.merged.id), AAD.plan(r.kept.id)),
    });
    note(r, 'assistance_plans', 'copied', [[r.merged.id, r.kept.id]]);
  } else if (plan) {
    // Both have objectives and an action plan: the supervisor's kept case wins, and the other
    // stays readable on the tombstone for someone to reconcile by hand.
    note(r, 'assistance_plans', 'left', [[r.merged.id, null]]);
    r.review.push('assistance_plans');
  }
  if (plan) {
    const ids = await repointPlanServices(r.ctx.tx, r.merged.id, r.kept.id);
    note(
      r,
      'plan_services',
      'repointed',
      ids.map((id) => [id, id]),
    );
  }
}

async function mergeSensitive(r: Run): Promise<void> {
  const keptSections = new Set(
    (await rowsOf(r.ctx.tx, 'case_sensitive', r.kept.id)).map((s) => String(s.section)),
  );
  for (const s of await rowsOf(r.ctx.tx, 'case_sensitive', r.merged.id, 'section')) {
    const section = String(s.section);
    const source = `${r.merged.id}:${section}`;
    if (keptSections.has(section)) {
      note(r, 'case_sensitive', 'left', [[source, null]]);
      r.review.push(`case_sensitive:${section}`);
      continue;
    }
    await insertRow(r.ctx.tx, 'case_sensitive', {
      ...s,
      case_id: r.kept.id,
      content: reseal(
        r.keys,
        s.content,
        AAD.sensitive(r.merged.id, section),
        AAD.sensitive(r.kept.id, section),
      ),
    });
    note(r, 'case_sensitive', 'copied', [[source, `${r.kept.id}:${section}`]]);
  }
}

async function leaveAll(r: Run, table: string): Promise<void> {
  const ids = await idsOf(r.ctx.tx, table, r.merged.id);
  note(
    r,
    table,
    'left',
    ids.map((id) => [id, null]),
  );
}

const toEntry = (row: Record<string, unknown>): ConsentEntry => ({
  id: String(row.id),
  purpose: row.purpose as ConsentPurpose,
  serviceType: (row.service_type as ServiceType | null) ?? null,
  granted: row.granted as boolean,
  method: (row.method as ConsentEntry['method']) ?? null,
  recordedAt: (row.recorded_at as Date).toISOString(),
  expiresOn: (row.expires_on as string | null) ?? null,
});

/**
 * Both consent histories end up on the kept case, in time order, and the safest reading wins
 * (src/shared/reunite/duplicates.ts `consentConflicts`): where the combined history would allow
 * what one record refused or withdrew, a withdrawal is recorded now, at the merge, with a note.
 */
async function mergeConsents(r: Run): Promise<MergeResult['consent']> {
  const order = 'recorded_at, seq';
  const keptRows = await rowsOf(r.ctx.tx, 'consents', r.kept.id, order);
  const mergedRows = await rowsOf(r.ctx.tx, 'consents', r.merged.id, order);
  const conflicts = consentConflicts(keptRows.map(toEntry), mergedRows.map(toEntry), r.now);
  const copied = await copyAll(
    r,
    'consents',
    order,
    {
      guardian_name: AAD.guardian,
      note: AAD.consentNote,
    },
    { exclude: ['seq'] },
  );

  // One withdrawal per purpose; for referral, one for all service types when every type
  // conflicts, else one per conflicting type.
  const referral = conflicts.filter((c) => c.question.purpose === 'referral');
  const withdrawals: { purpose: ConsentPurpose; serviceType: ServiceType | null }[] = [
    ...conflicts
      .filter((c) => c.question.purpose !== 'referral')
      .map((c) => ({ purpose: c.question.purpose, serviceType: null })),
    ...(referral.length === SERVICE_TYPES.length
      ? [{ purpose: 'referral' as const, serviceType: null }]
      : referral.map((c) => ({
          purpose: 'referral' as const,
          serviceType: c.question.serviceType ?? null,
        }))),
  ];
  const text = `Recorded by merging ${r.merged.reference} into ${r.kept.reference}: the two records' consent histories disagreed. Ask the person again before relying on this purpose.`;
  for (const w of withdrawals) {
    const id = newId();
    await insertRow(r.ctx.tx, 'consents', {
      id,
      org_id: r.ctx.actor.orgId,
      case_id: r.kept.id,
      purpose: w.purpose,
      service_type: w.serviceType,
      granted: false,
      method: null,
      note: seal(r.keys.encryption, Buffer.from(text, 'utf8'), AAD.consentNote(id)),
      recorded_by: r.ctx.actor.userId,
      recorded_at: r.now,
    });
    note(r, 'consents', 'folded', [[`withdrawal:${w.purpose}:${w.serviceType ?? '*'}`, id]]);
    await r.ctx.audit({
      action: 'consent.withdrawn',
      recordType: 'consent',
      recordId: id,
      fields: ['purpose', ...(w.serviceType ? ['serviceType'] : []), 'note', `merge:${r.mergeId}`],
    });
    // What Refer and Reunite undo on a withdrawal happens here too, in the merge's transaction.
    await notifyConsentWithdrawn(r.ctx, {
      caseId: r.kept.id,
      purpose: w.purpose,
      serviceType: w.serviceType,
      consentId: id,
      at: r.now,
    });
  }
  return { copied: copied.size, conflicts: withdrawals };
}

/** Copies the merged case's timeline, then writes a case_merged event on both cases. */
async function mergeTimeline(r: Run, noteIds: Map<string, string>): Promise<void> {
  await copyAll(
    r,
    'case_events',
    'at, seq',
    { detail: AAD.event },
    {
      exclude: ['seq'],
      jsonb: ['data'],
      edit: (row) => {
        const data: Record<string, unknown> = {
          ...(row.data as Record<string, unknown>),
          mergedFrom: r.merged.id,
        };
        if (row.kind === 'note_added' && typeof data.noteId === 'string') {
          data.noteId = noteIds.get(data.noteId) ?? data.noteId;
          row.ref_id = data.noteId;
        }
        row.data = data;
      },
    },
  );
  const data = {
    mergeId: r.mergeId,
    keptCaseId: r.kept.id,
    keptReference: r.kept.reference,
    mergedCaseId: r.merged.id,
    mergedReference: r.merged.reference,
  };
  for (const caseId of [r.kept.id, r.merged.id]) {
    await insertRow(
      r.ctx.tx,
      'case_events',
      {
        id: newId(),
        org_id: r.ctx.actor.orgId,
        case_id: caseId,
        kind: 'case_merged',
        actor_id: r.ctx.actor.userId,
        at: r.now,
        ref_id: r.mergeId,
        data,
        detail: null,
      },
      ['data'],
    );
  }
}

/** The kept person becomes known by the merged person's names too (sealed, re-indexed). */
async function mergePerson(r: Run): Promise<{ review: string[] }> {
  const kept = openIdentity(r.keys, r.kept.personId, r.kept.identity);
  const merged = openIdentity(r.keys, r.merged.personId, r.merged.identity);
  const fold = foldIdentity(kept, merged);
  if (fold.addedAliases > 0 || fold.filled.length > 0) {
    await replacePersonIdentity(r.ctx, r.kept.personId, fold.identity);
  }
  await dropMatchKeys(r.ctx.tx, r.merged.personId);
  note(r, 'persons', 'folded', [[r.merged.personId, r.kept.personId]]);
  return { review: fold.conflicts.map((f) => `person.${f}`) };
}

function refuse(message: string, details?: unknown): AppError {
  return new AppError('conflict', message, details);
}

/**
 * Merges one case into another in the caller's transaction (one request, all or nothing):
 * every record is re-pointed, copied, folded or left per MERGE_PLAN, the merged case becomes
 * a tombstone pointing at the kept one, both timelines show the merge, and the organisation's
 * audit chain names both. Refuses a case into itself, an already merged case, and a case with
 * a pending approval (409); another organisation's case is 404, like a missing one.
 */
export async function mergeCases(
  ctx: ServiceContext,
  o: { keepId: string; mergeId: string; pairId: string | null },
): Promise<MergeResult> {
  if (o.keepId === o.mergeId) {
    throw refuse('A case cannot be merged into itself.', { caseId: o.keepId });
  }
  const rows = await lockCases(ctx.tx, [o.keepId, o.mergeId]);
  const kept = rows.find((c) => c.id === o.keepId);
  const merged = rows.find((c) => c.id === o.mergeId);
  if (!kept || !merged) throw AppError.notFound('case');
  for (const c of [merged, kept]) {
    if (c.mergedInto) {
      throw refuse(`Case ${c.reference} was already merged into another case.`, {
        caseId: c.id,
        mergedInto: c.mergedInto,
      });
    }
  }
  const pending = await pendingApprovalIds(ctx.tx, [kept.id, merged.id]);
  if (pending.length > 0) {
    throw refuse('An approval is pending on one of the cases: decide it before merging.', {
      approvalIds: pending,
    });
  }

  const r: Run = {
    ctx,
    keys: await ctx.keys(),
    kept,
    merged,
    mergeId: newId(),
    now: ctx.clock.now(),
    items: [],
    review: [],
  };
  await mergeProfile(r);
  for (const t of [
    'trafficking_events',
    'perpetrators',
    'needs',
    'tasks',
    'screenings',
    'referrals',
  ] as const) {
    await moveAll(r, t);
  }
  await mergePlan(r);
  await copyAll(r, 'follow_ups', 'date, created_at', { notes: AAD.followUp });
  await copyAll(r, 'reintegration_assessments', 'assessed_on, created_at', {
    notes: AAD.reintegration,
  });
  await mergeSensitive(r);
  const noteIds = await copyAll(r, 'case_notes', 'created_at, id', { body: AAD.note });
  const consent = await mergeConsents(r);
  for (const t of ['case_approvals', 'case_transitions', 'unmet_needs'] as const)
    await leaveAll(r, t);
  const tracing = await repointTracingCandidates(ctx.tx, merged.id, kept.id);
  note(
    r,
    'tracing_candidates',
    'repointed',
    tracing.moved.map((id) => [id, id]),
  );
  note(
    r,
    'tracing_candidates',
    'left',
    tracing.left.map((id) => [id, null]),
  );
  await mergeTimeline(r, noteIds);

  await foldCaseFacts(ctx.tx, merged.id, kept.id, r.now);
  const person = await mergePerson(r);
  r.review.push(...person.review);
  await tombstone(ctx.tx, merged.id, kept.id, r.now);
  if (o.pairId) await markPairMerged(ctx.tx, o.pairId, r.mergeId, ctx.actor.userId, r.now);
  const obsolete = await obsoletePairsOf(ctx.tx, merged.id, r.now);
  note(r, 'duplicate_pairs', 'folded', [
    ...(o.pairId ? [[o.pairId, r.mergeId] as [string, string]] : []),
    ...obsolete.map((id): [string, null] => [id, null]),
  ]);

  const tables = summarise(r.items);
  await insertMerge(ctx.tx, {
    id: r.mergeId,
    orgId: ctx.actor.orgId,
    keptCaseId: kept.id,
    mergedCaseId: merged.id,
    keptPersonId: kept.personId,
    mergedPersonId: merged.personId,
    pairId: o.pairId,
    userId: ctx.actor.userId,
    now: r.now,
    summary: { tables, consentConflicts: consent.conflicts, review: r.review },
  });
  await insertMergeItems(ctx.tx, r.mergeId, ctx.actor.orgId, r.items);
  ctx.caseCounts?.invalidate(ctx.actor.orgId);

  const touched = tables.map((t) => t.table);
  await ctx.audit({
    action: 'case.merged',
    recordType: 'case',
    recordId: merged.id,
    fields: [`into:${kept.id}`, `merge:${r.mergeId}`, ...touched],
  });
  await ctx.audit({
    action: 'case.merge_kept',
    recordType: 'case',
    recordId: kept.id,
    fields: [`from:${merged.id}`, `merge:${r.mergeId}`, ...touched],
  });
  return {
    mergeId: r.mergeId,
    kept: { id: kept.id, reference: kept.reference },
    merged: { id: merged.id, reference: merged.reference },
    mergedAt: r.now.toISOString(),
    tables,
    consent,
    review: r.review,
  };
}

function summarise(items: MergeItem[]): MergeResult['tables'] {
  const by = new Map<string, MergeResult['tables'][number]>();
  for (const i of items) {
    const t = by.get(i.table) ?? { table: i.table, repointed: 0, copied: 0, folded: 0, left: 0 };
    t[i.action] += 1;
    by.set(i.table, t);
  }
  return [...by.values()].sort((a, b) => a.table.localeCompare(b.table));
}

/** Merges the two cases of a duplicate pair, keeping `keep` (one of them). */
export async function mergePair(
  ctx: ServiceContext,
  pairId: string,
  keep: string,
): Promise<MergeResult> {
  const pair = await findPair(ctx.tx, pairId, true);
  if (!pair) throw AppError.notFound('duplicate pair');
  if (pair.state !== 'open' && pair.state !== 'not_duplicate') {
    // A pair once judged "not a duplicate" may still be merged: a supervisor correcting an
    // earlier decision. A merged or obsolete pair may not.
    throw refuse(
      `The pair is ${pair.state.replace('_', ' ')}; only an open pair, or one judged not a duplicate, can be merged.`,
      {
        from: pair.state,
        to: 'merged',
      },
    );
  }
  if (keep !== pair.caseA && keep !== pair.caseB) {
    throw AppError.invalid([{ path: 'keep', message: 'must be one of the two cases of the pair' }]);
  }
  const other = keep === pair.caseA ? pair.caseB : pair.caseA;
  const result = await mergeCases(ctx, { keepId: keep, mergeId: other, pairId });
  await ctx.audit({
    action: 'duplicate.merged',
    recordType: 'duplicate_pair',
    recordId: pairId,
    fields: [`merge:${result.mergeId}`],
  });
  return result;
}

/**
 * Where a case went, or came from: a tombstone's pointer to the case it was merged into, and
 * the cases merged into this one. Ids and references only, so not audited.
 */
export async function caseMergeInfo(ctx: ServiceContext, caseId: string): Promise<CaseMergeInfo> {
  const c = await caseExists(ctx.tx, caseId);
  if (!c) throw AppError.notFound('case');
  const merges = await mergesOf(ctx.tx, caseId);
  const ref = (id: string, reference: string, m: (typeof merges)[number]) => ({
    id,
    reference,
    mergeId: m.id,
    mergedAt: m.mergedAt.toISOString(),
  });
  const into = merges.filter((m) => m.mergedCaseId === caseId).at(-1);
  return {
    caseId,
    mergedInto:
      c.mergedInto && c.mergedIntoReference
        ? {
            id: c.mergedInto,
            reference: c.mergedIntoReference,
            mergeId: into?.id ?? '',
            mergedAt: (into?.mergedAt ?? new Date(0)).toISOString(),
          }
        : null,
    mergedFrom: merges
      .filter((m) => m.keptCaseId === caseId)
      .map((m) => ref(m.mergedCaseId, m.mergedReference, m)),
  };
}
