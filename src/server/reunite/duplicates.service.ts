import { createHmac } from 'node:crypto';
import type {
  DuplicateCandidate,
  DuplicateCheckBody,
  DuplicateCheckResult,
  DuplicateDecisionBody,
  DuplicateList,
  DuplicateListQuery,
  DuplicatePair,
  DuplicatePairDetail,
  DuplicateScanBody,
  DuplicateScanResult,
  FieldExplanation,
} from '../../shared/api/duplicates.schema.ts';
import type { LinkRecord } from '../../shared/linkage/types.ts';
import type { ExactIdentifier } from '../../shared/reunite/duplicates.ts';
import {
  CHECK_THRESHOLD,
  SCAN_THRESHOLD,
  identifierWeight,
  orderPair,
  phoneKey,
  probabilityOf,
} from '../../shared/reunite/duplicates.ts';
import { ageAtRegistration } from '../cases/case-age.ts';
import type { OrgKeys } from '../crypto/keyring.ts';
import { openText, sealText } from '../crypto/sealed-values.ts';
import { AppError } from '../http/app-error.ts';
import type { ServiceContext } from '../http/context.ts';
import type { PersonIdentity } from '../persons/person-identity.ts';
import { blindIndexesOf, identityOf, openIdentity } from '../persons/person-identity.ts';
import { newId } from '../shared/ids.ts';
import { findCandidates } from './candidates.ts';
import type {
  CaseRefRow,
  PairPosition,
  PairRow,
  ScanPersonRow,
  ScoredRow,
} from './duplicates.repo.ts';
import {
  blockedPairs,
  caseRefs,
  decidePair,
  findPair,
  insertPair,
  knownPairs,
  listPairs,
  obsoleteOpenPairs,
  personsByDocument,
  reopenPair,
  scanPersons,
} from './duplicates.repo.ts';
import { linkRecordOfPerson } from './link-record.ts';
import { pairScorer, scorePair } from './matcher.ts';
import { scoringModel } from './scoring.service.ts';

// Reunite, duplicates (docs/duplicates.md): the check at registration and the batch review.

const reasonAad = (pairId: string) => `duplicate-pair-reason:${pairId}`;
const displayName = (i: PersonIdentity) => [i.givenName, i.familyName].filter(Boolean).join(' ');
const round = (n: number) => Math.round(n * 1000) / 1000;

/** The identifiers compared exactly, beside the matcher's fields (which never see them). */
interface Identifiers {
  document: Buffer | null;
  phone: string | null;
}

const identifiersOf = (keys: OrgKeys, identity: PersonIdentity): Identifiers => ({
  document: blindIndexesOf(keys, identity).document,
  phone: phoneKey(identity.phone),
});

/**
 * Adds exact identifier agreement to a scored pair: one more field each, its weight added and
 * the probability recomputed from the new weight (the engine's prior is already in it).
 */
function withIdentifiers(
  pair: { weight: number; fields: FieldExplanation[] },
  a: Identifiers,
  b: Identifiers,
): { weight: number; probability: number; fields: FieldExplanation[]; exact: ExactIdentifier[] } {
  const exact: ExactIdentifier[] = [];
  if (a.document && b.document && a.document.equals(b.document)) exact.push('documentNumber');
  if (a.phone && b.phone && a.phone === b.phone) exact.push('phone');
  const extra = exact.map((field) => ({ field, level: 'exact', weight: identifierWeight(field) }));
  const weight = round(pair.weight + extra.reduce((s, f) => s + f.weight, 0));
  const fields = [...extra, ...pair.fields].sort((x, y) => Math.abs(y.weight) - Math.abs(x.weight));
  return { weight, probability: probabilityOf(weight), fields, exact };
}

const recordOf = (row: ScanPersonRow, identity: PersonIdentity): LinkRecord =>
  linkRecordOfPerson(identity, row);

// ── registration check ──────────────────────────────────────────────────────────────────────

/**
 * The likely duplicates of a person about to be registered, among the organisation's cases:
 * most likely first, above CHECK_THRESHOLD, each with its explanation and the case's display
 * name. Creates nothing; the search, and the read of each candidate shown, are audited.
 */
export async function checkDuplicates(
  ctx: ServiceContext,
  body: DuplicateCheckBody,
): Promise<DuplicateCheckResult> {
  const keys = await ctx.keys();
  const today = ctx.clock.now().toISOString().slice(0, 10);
  const registrationDate = body.registrationDate ?? today;
  const age = ageAtRegistration(body.person, registrationDate);
  const identity = identityOf(body.person);
  const record = linkRecordOfPerson(identity, {
    personId: 'query',
    gender: body.person.gender,
    ageAtRegistration: age,
    registrationDate,
    citizenship: body.citizenship ?? null,
    countryOfExploitation: null,
  });
  const search = await findCandidates(ctx, record, {
    purpose: 'duplicates',
    limit: 100,
    excludePersonIds: [],
  });
  const query = identifiersOf(keys, identity);
  // A document number that matches is evidence enough to look, whatever the names say.
  const byDocument = query.document ? await personsByDocument(ctx.tx, query.document) : [];
  const scores = new Map<string, { weight: number; fields: FieldExplanation[] }>();
  for (const c of search.candidates) scores.set(c.caseId, { weight: c.weight, fields: c.fields });
  const refs = await caseRefs(ctx.tx, [
    ...new Set([...scores.keys(), ...byDocument.map((p) => p.caseId)]),
  ]);
  const model = byDocument.length > 0 ? await scoringModel(ctx) : null;
  for (const p of byDocument) {
    if (scores.has(p.caseId) || !model) continue;
    const other = recordOf(p, openIdentity(keys, p.personId, p.identity));
    const pair = scorePair(model, record, other);
    scores.set(p.caseId, { weight: pair.weight, fields: pair.fields });
  }

  const items: DuplicateCandidate[] = [];
  for (const [caseId, score] of scores) {
    const ref = refs.get(caseId);
    if (!ref || ref.mergedInto) continue;
    const other = openIdentity(keys, ref.personId, ref.identity);
    const s = withIdentifiers(score, query, identifiersOf(keys, other));
    if (s.probability < CHECK_THRESHOLD) continue;
    items.push({
      caseId,
      reference: ref.reference,
      stage: ref.stage as DuplicateCandidate['stage'],
      registrationDate: ref.registrationDate,
      displayName: displayName(other),
      probability: s.probability,
      weight: s.weight,
      exactIdentifiers: s.exact,
      fields: s.fields,
    });
  }
  items.sort((x, y) => y.weight - x.weight || x.reference.localeCompare(y.reference));
  const shown = items.slice(0, body.limit);
  await ctx.audit({
    action: 'duplicate.checked',
    recordType: 'person',
    fields: Object.entries(body.person)
      .filter(([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0))
      .map(([k]) => k),
  });
  for (const c of shown) {
    await ctx.audit({
      action: 'duplicate.candidate.read',
      recordType: 'case',
      recordId: c.caseId,
      fields: ['givenName', 'familyName'],
    });
  }
  return { items: shown, threshold: CHECK_THRESHOLD };
}

// ── batch scan ──────────────────────────────────────────────────────────────────────────────

/**
 * A keyed fingerprint of what was compared for one person (their record as the matcher sees
 * it and the identifiers): equal fingerprints mean nothing the decision rested on changed.
 */
function personFingerprint(keys: OrgKeys, r: LinkRecord, ids: Identifiers): string {
  const { id: _id, ...rest } = r;
  return createHmac('sha256', keys.blindIndex)
    .update(JSON.stringify([rest, ids.document?.toString('hex') ?? null, ids.phone]))
    .digest('hex');
}

const pairFingerprint = (keys: OrgKeys, a: string, b: string): Buffer =>
  createHmac('sha256', keys.blindIndex).update(`duplicate-pair\u0000${a}\u0000${b}`).digest();

/**
 * A key shared by more persons than this is not used to pair them: a block of n persons gives
 * n(n-1)/2 pairs (200: 19,900). The narrower keys (a name with the birth year, given and family
 * name together) still bring a true pair with a common name together.
 */
const SCAN_BLOCK_CAP = 200;

/** Persons whose identities a scan decrypts at once. */
const SCAN_BATCH = 1_000;

/**
 * Scans the organisation for duplicate pairs: blocking on the stored match keys (and document
 * numbers), scoring each pair, storing those above the threshold as open pairs. Idempotent: an
 * open pair is rescored; a pair decided "not a duplicate" stays decided unless either record
 * changed since (its fingerprint differs); an open pair no longer above the threshold becomes
 * obsolete. One scan at a time per organisation (an advisory lock, released at commit).
 */
export async function scanDuplicates(
  ctx: ServiceContext,
  body: DuplicateScanBody,
): Promise<DuplicateScanResult> {
  const threshold = body.threshold ?? SCAN_THRESHOLD;
  await ctx.tx.query(`SELECT pg_advisory_xact_lock(hashtext('duplicate-scan:' || $1))`, [
    ctx.actor.orgId,
  ]);
  const keys = await ctx.keys();
  const now = ctx.clock.now();
  const pairs = await blockedPairs(ctx.tx, SCAN_BLOCK_CAP);
  const personIds = [...new Set(pairs.flat())];
  const people = new Map<
    string,
    { row: ScanPersonRow; record: LinkRecord; ids: Identifiers; fp: string }
  >();
  for (let i = 0; i < personIds.length; i += SCAN_BATCH) {
    for (const row of await scanPersons(ctx.tx, personIds.slice(i, i + SCAN_BATCH))) {
      const identity = openIdentity(keys, row.personId, row.identity);
      const record = recordOf(row, identity);
      const ids = identifiersOf(keys, identity);
      people.set(row.personId, { row, record, ids, fp: personFingerprint(keys, record, ids) });
    }
  }

  const known = await knownPairs(ctx.tx);
  // Everyone scanned is prepared for the engine once; pairs are scored by index.
  const index = new Map([...people.keys()].map((id, k) => [id, k]));
  const score = pairScorer(
    await scoringModel(ctx),
    [...people.values()].map((p) => p.record),
  );
  const found: string[] = [];
  const result = { opened: 0, updated: 0, unchanged: 0 };
  for (const [x, y] of pairs) {
    const a = people.get(x);
    const b = people.get(y);
    if (!a || !b) continue;
    const s = withIdentifiers(score(index.get(x)!, index.get(y)!), a.ids, b.ids);
    if (s.probability < threshold) continue;
    const [first, second] = a.row.caseId < b.row.caseId ? [a, b] : [b, a];
    const [caseA, caseB] = orderPair(a.row.caseId, b.row.caseId);
    const row: ScoredRow = {
      caseA,
      caseB,
      weight: s.weight,
      probability: s.probability,
      explanation: s.fields,
      fingerprint: pairFingerprint(keys, first.fp, second.fp),
    };
    const old = known.get(`${caseA}|${caseB}`);
    if (!old) {
      const id = newId();
      await insertPair(ctx.tx, { ...row, id, orgId: ctx.actor.orgId, now });
      found.push(id);
      result.opened++;
    } else if (old.state === 'open') {
      await reopenPair(ctx.tx, old.id, row, now);
      found.push(old.id);
      result.updated++;
    } else if (old.state === 'merged' || Buffer.from(old.fingerprint).equals(row.fingerprint)) {
      result.unchanged++;
    } else {
      // Decided, or obsolete, and a record changed since: the question is open again.
      await reopenPair(ctx.tx, old.id, row, now);
      found.push(old.id);
      result.opened++;
    }
  }
  const obsolete = await obsoleteOpenPairs(ctx.tx, found, now);
  await ctx.audit({
    action: 'duplicate.scanned',
    recordType: 'organisation',
    recordId: ctx.actor.orgId,
    // What was decrypted and compared, never values.
    fields: ['givenName', 'familyName', 'aliases', 'dateOfBirth', 'phone', 'documentNumber'],
  });
  return {
    persons: people.size,
    comparisons: pairs.length,
    ...result,
    obsolete,
    threshold,
  };
}

// ── review ──────────────────────────────────────────────────────────────────────────────────

const encodeCursor = (p: PairPosition) =>
  Buffer.from(JSON.stringify([p.probability, p.id])).toString('base64url');

function decodeCursor(s: string): PairPosition {
  try {
    const [probability, id] = JSON.parse(Buffer.from(s, 'base64url').toString('utf8')) as unknown[];
    if (typeof probability === 'number' && typeof id === 'string' && /^[0-9a-f-]{36}$/i.test(id)) {
      return { probability, id };
    }
  } catch {
    // reported below
  }
  throw AppError.invalid([{ path: 'cursor', message: 'is not a cursor from this list' }]);
}

const caseRef = (r: CaseRefRow) => ({
  id: r.id,
  reference: r.reference,
  stage: r.stage as DuplicatePair['a']['stage'],
  registrationDate: r.registrationDate,
});

function presentPair(p: PairRow, a: CaseRefRow, b: CaseRefRow): DuplicatePair {
  return {
    id: p.id,
    state: p.state,
    probability: p.probability,
    weight: p.weight,
    fields: p.explanation,
    a: caseRef(a),
    b: caseRef(b),
    foundAt: p.foundAt.toISOString(),
    scoredAt: p.scoredAt.toISOString(),
    decidedAt: p.decidedAt?.toISOString() ?? null,
  };
}

/** A page of pairs (open by default), most likely first: case references, no names. */
export async function listDuplicates(
  ctx: ServiceContext,
  q: DuplicateListQuery,
): Promise<DuplicateList> {
  const after = q.cursor ? decodeCursor(q.cursor) : undefined;
  const rows = await listPairs(ctx.tx, q.state, q.limit + 1, after);
  const page = rows.slice(0, q.limit);
  const refs = await caseRefs(
    ctx.tx,
    page.flatMap((p) => [p.caseA, p.caseB]),
  );
  const items = page.flatMap((p) => {
    const a = refs.get(p.caseA);
    const b = refs.get(p.caseB);
    return a && b ? [presentPair(p, a, b)] : [];
  });
  const last = page.at(-1);
  return {
    items,
    nextCursor: rows.length > q.limit && last ? encodeCursor(last) : null,
  };
}

/** One pair with both records side by side; the read of both identities is audited. */
export async function getDuplicate(ctx: ServiceContext, id: string): Promise<DuplicatePairDetail> {
  const p = await findPair(ctx.tx, id);
  if (!p) throw AppError.notFound('duplicate pair');
  const refs = await caseRefs(ctx.tx, [p.caseA, p.caseB]);
  const a = refs.get(p.caseA);
  const b = refs.get(p.caseB);
  if (!a || !b) throw AppError.notFound('duplicate pair');
  const keys = await ctx.keys();
  const side = (r: CaseRefRow) => {
    const { givenName, familyName, aliases, dateOfBirth, phone, email, documentNumber, address } =
      openIdentity(keys, r.personId, r.identity);
    return {
      ...caseRef(r),
      status: r.status,
      gender: r.gender,
      citizenship: r.citizenship,
      ageAtRegistration: r.ageAtRegistration,
      person: {
        givenName,
        familyName,
        aliases,
        dateOfBirth,
        phone,
        email,
        documentNumber,
        address,
      },
      pendingApprovals: r.pendingApprovals,
    };
  };
  const sides = { a: side(a), b: side(b) };
  for (const s of [sides.a, sides.b]) {
    await ctx.audit({
      action: 'case.read',
      recordType: 'case',
      recordId: s.id,
      fields: Object.entries(s.person)
        .filter(([, v]) => v !== null && !(Array.isArray(v) && v.length === 0))
        .map(([k]) => k),
    });
  }
  await ctx.audit({ action: 'duplicate.read', recordType: 'duplicate_pair', recordId: p.id });
  const { a: _a, b: _b, ...rest } = presentPair(p, a, b);
  return {
    ...rest,
    ...sides,
    reason: p.reason ? openText(keys, reasonAad(p.id), p.reason) : null,
    decidedBy: p.decidedById ? { id: p.decidedById, displayName: p.decidedByName ?? '' } : null,
    mergeId: p.mergeId,
  };
}

/** Records that the two cases are different people; the pair stays closed until a record changes. */
export async function decideDuplicate(
  ctx: ServiceContext,
  id: string,
  body: DuplicateDecisionBody,
): Promise<DuplicatePair> {
  const p = await findPair(ctx.tx, id, true);
  if (!p) throw AppError.notFound('duplicate pair');
  if (p.state !== 'open') {
    throw new AppError(
      'conflict',
      `The pair is ${p.state.replace('_', ' ')}; only an open pair can be decided.`,
      { from: p.state, to: body.decision },
    );
  }
  const now = ctx.clock.now();
  const reason = body.reason ? sealText(await ctx.keys(), reasonAad(id), body.reason) : null;
  await decidePair(ctx.tx, id, { state: 'not_duplicate', userId: ctx.actor.userId, now, reason });
  await ctx.audit({
    action: 'duplicate.decided',
    recordType: 'duplicate_pair',
    recordId: id,
    fields: ['decision', ...(body.reason ? ['reason'] : [])],
  });
  const refs = await caseRefs(ctx.tx, [p.caseA, p.caseB]);
  const after = await findPair(ctx.tx, id);
  return presentPair(after!, refs.get(p.caseA)!, refs.get(p.caseB)!);
}
