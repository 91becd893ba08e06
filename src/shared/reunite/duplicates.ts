/**
 * Pure rules of duplicate detection and merging (docs/duplicates.md): thresholds, the order of
 * a pair, how a merged person's identity folds into the kept one, and how two consent
 * histories combine. No I/O; the server and the web app share them.
 */
import { SERVICE_TYPES } from '../codes/service-types.ts';
import type { ConsentEntry, ConsentQuestion } from '../consent/index.ts';
import { CONSENT_PURPOSES, decideConsent } from '../consent/index.ts';

/**
 * Lowest match probability shown at registration. Low on purpose: a warning the caseworker
 * dismisses costs a glance, a missed duplicate splits a survivor's record in two.
 */
export const CHECK_THRESHOLD = 0.3;
/** Lowest match probability the batch scan stores as a pair for review. */
export const SCAN_THRESHOLD = 0.5;

/** A pair has one row whichever way it was found: the smaller id first. */
export const orderPair = (x: string, y: string): [string, string] => (x < y ? [x, y] : [y, x]);

/** The identifying fields of a person (the server's PersonIdentity, structurally). */
export interface FoldableIdentity {
  givenName: string;
  familyName: string | null;
  aliases: string[];
  dateOfBirth: string | null;
  phone: string | null;
  email: string | null;
  documentNumber: string | null;
  address: string | null;
}

const SINGLE_FIELDS = ['dateOfBirth', 'phone', 'email', 'documentNumber', 'address'] as const;

/** How two spellings compare for alias purposes: case, accents and spacing do not count. */
export const aliasKey = (s: string): string =>
  s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();

const fullName = (i: { givenName: string; familyName: string | null }): string =>
  i.familyName ? `${i.givenName} ${i.familyName}` : i.givenName;

export interface FoldResult<T extends FoldableIdentity> {
  identity: T;
  /** Names of the merged person added to the kept person's aliases. */
  addedAliases: number;
  /** Fields the kept person lacked and took from the merged person. */
  filled: (typeof SINGLE_FIELDS)[number][];
  /** Fields both had with different values: the kept value stays; listed for review. */
  conflicts: (typeof SINGLE_FIELDS)[number][];
}

/**
 * Folds the merged person's identity into the kept person's: every name the merged person is
 * known by (full name and aliases) that the kept person is not already known by becomes an
 * alias; a field the kept person lacks is filled; a field both have with different values keeps
 * the kept value (the supervisor chose that record) and is reported, by name, for review.
 */
export function foldIdentity<T extends FoldableIdentity>(
  kept: T,
  merged: FoldableIdentity,
): FoldResult<T> {
  const known = new Set([fullName(kept), ...kept.aliases].map(aliasKey));
  const aliases = [...kept.aliases];
  for (const name of [fullName(merged), ...merged.aliases]) {
    const k = aliasKey(name);
    if (k === '' || known.has(k)) continue;
    known.add(k);
    aliases.push(name.trim());
  }
  const identity = { ...kept, aliases };
  const filled: FoldResult<T>['filled'] = [];
  const conflicts: FoldResult<T>['conflicts'] = [];
  for (const f of SINGLE_FIELDS) {
    const m = merged[f];
    if (m === null || m === '') continue;
    const k = kept[f];
    if (k === null || k === '') {
      identity[f] = m;
      filled.push(f);
    } else if (aliasKey(k) !== aliasKey(m)) {
      conflicts.push(f);
    }
  }
  return { identity, addedAliases: aliases.length - kept.aliases.length, filled, conflicts };
}

/** Every consent question a merge re-decides: each purpose, referral once per service type. */
export const CONSENT_QUESTIONS: readonly ConsentQuestion[] = CONSENT_PURPOSES.flatMap(
  (purpose): ConsentQuestion[] =>
    purpose === 'referral'
      ? SERVICE_TYPES.map((serviceType) => ({ purpose: 'referral' as const, serviceType }))
      : [{ purpose }],
);

export interface ConsentConflict {
  question: ConsentQuestion;
  /** Which history said no, and how. */
  refusedIn: 'kept' | 'merged' | 'both';
}

/**
 * Where the combined consent history of a merged person needs a withdrawal recorded at the
 * merge. A consent given for one record applies to the person, so both histories are kept and
 * read together in time order (decideConsent over the union). When that reading allows a
 * purpose that either record, read alone, refuses or has withdrawn — a grant in one and a later
 * withdrawal in the other, or a withdrawal in one and a later grant in the other recorded by
 * someone who could not see it — the safest reading wins: the purpose is withdrawn on the kept
 * case until someone asks the person again. A purpose one record never asked about simply takes
 * the other's answer; an expiry is not a "no" and is left to the time-ordered reading.
 * (Consent must be specific and informed, and is as easy to withdraw as to give: GDPR art. 7,
 * IOM Data Protection Principles 2 and 4.)
 */
export function consentConflicts(
  kept: readonly ConsentEntry[],
  merged: readonly ConsentEntry[],
  at: Date,
): ConsentConflict[] {
  const combined = [...kept, ...merged];
  const said = (h: readonly ConsentEntry[], q: ConsentQuestion) => {
    const d = decideConsent(h, q, at);
    return d.basis === 'withdrawn' || d.basis === 'refused';
  };
  const out: ConsentConflict[] = [];
  for (const q of CONSENT_QUESTIONS) {
    if (!decideConsent(combined, q, at).allowed) continue;
    const k = said(kept, q);
    const m = said(merged, q);
    if (k || m) out.push({ question: q, refusedIn: k && m ? 'both' : k ? 'kept' : 'merged' });
  }
  return out;
}

/**
 * Exact agreement on an identifier is strong evidence on its own, added to the Fellegi–Sunter
 * weight as one more field (weight log2(m/u), Fellegi and Sunter 1969). A document number
 * rarely belongs to two people (u ≈ 1e-6) and is not always recorded (m ≈ 0.9). A telephone is
 * weaker: families share one, and victims of one trafficker are often given the same
 * controller's number, so u is set far higher (1e-3). Disagreement is not counted: people hold
 * several documents and change numbers.
 */
export const IDENTIFIER_EVIDENCE = {
  documentNumber: { m: 0.9, u: 1e-6 },
  phone: { m: 0.5, u: 1e-3 },
} as const;
export type ExactIdentifier = keyof typeof IDENTIFIER_EVIDENCE;

export const identifierWeight = (id: ExactIdentifier): number => {
  const e = IDENTIFIER_EVIDENCE[id];
  return Math.round(Math.log2(e.m / e.u) * 1000) / 1000;
};

/**
 * A telephone number as compared: digits only, without the trunk or international prefix, so
 * that "+234 801 234 5678" and "0801 234 5678" agree (the last nine digits; shorter numbers as
 * they are). Null when too short to mean anything.
 */
export function phoneKey(phone: string | null | undefined): string | null {
  const digits = (phone ?? '').replace(/\D/g, '');
  if (digits.length < 7) return null;
  return digits.slice(-9);
}

/** The posterior probability of a match weight (log2 odds, prior included). */
export const probabilityOf = (weight: number): number => 1 / (1 + 2 ** -weight);
