import type { TFunction } from 'i18next';
import { ApiError } from '../../api/client.ts';
import { errorMessage } from '../../lib/error-message.ts';
import type { FieldErrors } from '../../lib/field-errors.ts';
import { issueFieldErrors, knownIssueMessage, type KnownIssues } from '../../lib/schema-issues.ts';
import { formatDecimal, formatDelta } from './hub-format.ts';

// The hub schemas' own messages (src/shared/api/hub*.schema.ts), beyond those lib/field-errors
// knows; anything else becomes the shared wording.
const KNOWN: KnownIssues = [
  [/at least (\d+)$/, (m, t) => t('hub.errors.atLeast', { min: Number(m[1]) })],
  [/at most (\d+)$/, (m, t) => t('hub.errors.atMost', { max: Number(m[1]) })],
  [
    /between (\d+(?:\.\d+)?) and (\d+(?:\.\d+)?)/,
    (m, t) => t('hub.errors.between', { min: m[1], max: m[2] }),
  ],
  [/above 0/, (_m, t) => t('hub.errors.positive')],
  [/at least 0 and below 1/, (_m, t) => t('hub.errors.share')],
  [/whole number/, (_m, t) => t('fieldErrors.number')],
  [/must be a number/, (_m, t) => t('hub.errors.number')],
  [/at least one (column|quasi-identifier)/, (_m, t) => t('hub.errors.oneColumn')],
  [/at least one source/, (_m, t) => t('hub.errors.oneSource')],
  [/repeat/, (_m, t) => t('fieldErrors.repeated')],
  [/after registeredTo/, (_m, t) => t('hub.errors.periodOrder')],
  [/unknown column|not a column of the sources/i, (_m, t) => t('hub.errors.unknownColumn')],
  [/CTDC global layout/, (_m, t) => t('hub.errors.globalOnly')],
  [/must share a layout/, (_m, t) => t('hub.errors.mixedLayouts')],
  [/was withdrawn/, (_m, t) => t('hub.errors.sourceWithdrawn')],
  [/no such source/, (_m, t) => t('hub.errors.noSuchSource')],
  [/no generalisation hierarchy/, (_m, t) => t('hub.errors.noHierarchy')],
];

function issueMessage(t: TFunction, message: string): string {
  return knownIssueMessage(t, KNOWN, message);
}

/** The field errors of a hub write's 400 answer, keyed by `fieldOf(path)`; null otherwise. */
export function hubFieldErrors(
  t: TFunction,
  error: unknown,
  fieldOf: (path: string) => string = (p) => p.split('.')[0] ?? p,
): FieldErrors | null {
  return issueFieldErrors(error, fieldOf, (message) => issueMessage(t, message));
}

/** A row (or whole-file) fault of a refused CTDC import. */
export interface ImportFault {
  /** Null when the whole file is wrong (not UTF-8, no rows). */
  row: number | null;
  column: string | null;
  /** The validator's own words (CTDC codes and column names are English), shown as such. */
  detail: string;
}

/** The per-row faults of a refused import (400 `validation_failed`), or null. */
export function importFaults(error: unknown): ImportFault[] | null {
  if (!(error instanceof ApiError) || error.code !== 'validation_failed') return null;
  const details: unknown = error.details;
  const list = Array.isArray(details)
    ? details
    : typeof details === 'object' && details !== null
      ? ((details as { faults?: unknown; errors?: unknown; issues?: unknown }).faults ??
        (details as { errors?: unknown }).errors ??
        (details as { issues?: unknown }).issues)
      : null;
  if (!Array.isArray(list)) return null;
  const out: ImportFault[] = [];
  for (const d of list as unknown[]) {
    if (typeof d !== 'object' || d === null) continue;
    const { row, column, message, path } = d as Record<string, unknown>;
    if (typeof message !== 'string') continue;
    // Faults of the file carry a row; `content` issues without one concern the whole file.
    if (typeof row !== 'number' && path !== 'content') continue;
    out.push({
      row: typeof row === 'number' ? row : null,
      column: typeof column === 'string' ? column : null,
      detail: message,
    });
  }
  return out.length > 0 ? out : null;
}

/** A refusal in words, with the server's technical detail (English) when it adds figures. */
export interface Refusal {
  message: string;
  detail: string | null;
}

type Details = Record<string, unknown>;
const detailsOf = (e: ApiError): Details =>
  typeof e.details === 'object' && e.details !== null && !Array.isArray(e.details)
    ? (e.details as Details)
    : {};
const num = (v: unknown): number => (typeof v === 'number' ? v : 0);

/**
 * Issues that name no field: the engine refused the whole request. The server now answers a
 * guarantee it cannot meet with 422 (below); kept for an answer that names no field all the same.
 */
export function engineIssues(error: unknown): string[] | null {
  if (!(error instanceof ApiError) || error.code !== 'validation_failed') return null;
  if (!Array.isArray(error.details)) return null;
  const issues = (error.details as unknown[]).filter(
    (d): d is { path: string; message: string } =>
      typeof d === 'object' &&
      d !== null &&
      typeof (d as { path?: unknown }).path === 'string' &&
      typeof (d as { message?: unknown }).message === 'string',
  );
  if (issues.length === 0) return null;
  const whole = issues.every(
    (i) => i.path === '(body)' || i.path === 'parameters' || i.path === '',
  );
  return whole ? issues.map((i) => i.message) : null;
}

/** A publication's guarantee that its sources cannot meet (422; `details.parameter` names it). */
function publicationGuarantee(t: TFunction, d: Details): string {
  const values = { k: num(d.k), l: num(d.l), records: num(d.records) };
  if (d.rule === 'k_not_reachable')
    return t('hub.refusal.publicationK', { ...values, suppressed: num(d.maxSuppressed) });
  if (d.rule === 'l_not_reachable') return t('hub.refusal.publicationL', values);
  if (d.rule === 'too_few_records') return t('hub.refusal.noRecords');
  return t('hub.refusal.guarantee');
}

/** A state that changed since a draft or a contribution was made (409, `details.rule`). */
function conflictMessage(t: TFunction, lang: string, d: Details): string {
  const remaining = d.remaining as { epsilon?: unknown; delta?: unknown } | undefined;
  if (d.rule === 'budget_exceeded' || (remaining && typeof remaining === 'object'))
    return t('hub.refusal.budget', {
      epsilon: formatDecimal(num(remaining?.epsilon), lang),
      delta: formatDelta(num(remaining?.delta), lang),
    });
  if (d.rule === 'stale') return t('hub.refusal.stale', { n: num(d.casesNoLongerConsenting) });
  if (d.rule === 'source_withdrawn') return t('hub.refusal.sourceWithdrawn');
  if (d.rule === 'guarantee_broken') return t('hub.refusal.guaranteeBroken', { k: num(d.k) });
  if (d.rule === 'already_released') return t('hub.refusal.alreadyReleased');
  return t('hub.refusal.conflict');
}

/**
 * Why a contribution, a draft or a release was refused, by the hub's vocabulary (docs/hub.md,
 * "Refusals"): 422 `disclosure_check_failed` — the guarantee cannot be met (`details.rule`);
 * 409 `conflict` — the state changed (`details.rule`); 403 four-eyes. Nothing was written in
 * any of these cases.
 */
export function refusalOf(t: TFunction, lang: string, error: unknown): Refusal {
  const engine = engineIssues(error);
  if (engine) return { message: t('hub.refusal.guarantee'), detail: engine.join(' ') };
  if (!(error instanceof ApiError)) return { message: errorMessage(t, error), detail: null };
  const d = detailsOf(error);
  const detail = error.message || null;
  if (error.code === 'disclosure_check_failed') {
    // A publication's refusal names its parameter; a contribution's names the cases.
    if (typeof d.parameter === 'string') return { message: publicationGuarantee(t, d), detail };
    const values = { k: num(d.k), records: num(d.records), considered: num(d.considered) };
    if (d.rule === 'too_few_records') return { message: t('hub.refusal.tooFew', values), detail };
    if (d.rule === 'k_not_reachable')
      return { message: t('hub.refusal.kNotReachable', values), detail };
    if (d.rule === 'k_not_met') return { message: t('hub.refusal.kNotMet', values), detail };
    return { message: t('hub.refusal.guarantee'), detail };
  }
  if (error.code === 'forbidden' && d.rule === 'four_eyes')
    return { message: t('hub.actions.fourEyes'), detail: null };
  if (error.code === 'conflict') {
    // The stale and already-released sentences say all there is; the others carry figures.
    const plain = d.rule === 'stale' || d.rule === 'already_released';
    return { message: conflictMessage(t, lang, d), detail: plain ? null : detail };
  }
  return { message: errorMessage(t, error), detail: null };
}

/** The refusal's sentence alone (for alerts that have no room for the detail). */
export const refusalMessage = (t: TFunction, lang: string, error: unknown): string =>
  refusalOf(t, lang, error).message;
