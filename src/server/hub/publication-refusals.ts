/**
 * The refusals of publications, in the hub's one vocabulary (docs/hub.md, "Refusals"):
 * - a guarantee the data cannot meet → 422 `disclosure_check_failed`, `details.rule`
 *   (`k_not_reachable`, `l_not_reachable`, `too_few_records`) and `details.parameter`, the
 *   parameter to change — the same rules as a contribution's disclosure check;
 * - a parameter that does not fit the data → 400 `validation_failed` naming the field;
 * - a state that changed since the draft was made → 409 `conflict`, `details.rule`
 *   (`budget_exceeded`, `source_withdrawn`, `guarantee_broken`, `already_released`).
 * The engines refuse rather than weaken a guarantee (issue 6, "Bad input"); this only says so.
 */
import type { MicrodataParameters, PublicationParameters } from '../../shared/api/hub.schema.ts';
import { AnonymizeError } from '../../shared/hub/anonymize/index.ts';
import { AggregateError, SynthesizeError } from '../../shared/hub/dp/index.ts';
import { TableError } from '../../shared/hub/table.ts';
import { AppError } from '../http/app-error.ts';
import { BuildError } from './publication-build.ts';

/** `details.rule` of a 409 at release (or at create, for the budget). */
export type ConflictRule =
  'budget_exceeded' | 'source_withdrawn' | 'guarantee_broken' | 'already_released';

/** 409 `conflict`: the state changed since the draft was made; nothing is released. */
export const conflict = (
  rule: ConflictRule,
  message: string,
  details: Record<string, unknown> = {},
): AppError => new AppError('conflict', message, { rule, ...details });

export interface RefusalContext {
  p: PublicationParameters;
  /** Field-path prefix of the parameters in the body: '' (preview) or 'parameters.' (create). */
  prefix: string;
  /** Rows of the sources. */
  records: number;
  /** Whether k alone (without l) can be reached: asked only when both were refused together. */
  kAlone: () => boolean;
}

// The engines' words for what they cannot do (src/shared/hub/anonymize, dp); the integration
// tests in test/integration/hub-publications.test.ts fail if one of them changes.
const UNREACHABLE = /^no generalisation of .* reaches/;
const NO_HIERARCHY = /^no hierarchy for the quasi-identifier "(.*)"$/;
const NOT_COVERED = /the hierarchy for column "([^"]*)" does not cover/;
const LATTICE = /generalisation lattice has/;
const TOO_MANY = /too many released values|combinations of length \d+ to examine/;

const invalid = (path: string, message: string) => AppError.invalid([{ path, message }]);

function unreachable(p: MicrodataParameters, c: RefusalContext): AppError {
  // As the engine counts it (ARX): floor(limit × rows) records at most.
  const maxSuppressed = Math.floor(p.suppressionLimit * c.records + 1e-9);
  const figures = {
    k: p.k,
    qi: p.qi,
    suppressionLimit: p.suppressionLimit,
    records: c.records,
    maxSuppressed,
  };
  const within = `with at most ${maxSuppressed} of the ${c.records} records suppressed (suppressionLimit ${p.suppressionLimit})`;
  if (p.l && c.kAlone()) {
    return new AppError(
      'disclosure_check_failed',
      `l = ${p.l.l} cannot be reached (${c.prefix}l.l): no generalisation of ${p.qi.join(', ')} that is ${p.k}-anonymous gives every class ${p.l.l} distinct values of "${p.l.sensitive}" ${within}. Nothing was written: lower l, choose another sensitive column or allow more suppression.`,
      { rule: 'l_not_reachable', parameter: `${c.prefix}l.l`, l: p.l.l, ...figures },
    );
  }
  return new AppError(
    'disclosure_check_failed',
    `k = ${p.k} cannot be reached (${c.prefix}k): no generalisation of ${p.qi.join(', ')} makes every combination occur at least ${p.k} times ${within}. Nothing was written: lower k, choose fewer quasi-identifiers or allow more suppression.`,
    { rule: 'k_not_reachable', parameter: `${c.prefix}k`, ...figures },
  );
}

function anonymizeRefusal(e: AnonymizeError, c: RefusalContext): AppError | null {
  const p = c.p;
  if (p.kind !== 'microdata') return null;
  const qi = p.qi;
  if (UNREACHABLE.test(e.message)) return unreachable(p, c);
  const column = NO_HIERARCHY.exec(e.message)?.[1] ?? NOT_COVERED.exec(e.message)?.[1];
  if (column !== undefined && qi.includes(column)) {
    // The value is not repeated: a message names fields, never what a row holds.
    const why = NO_HIERARCHY.test(e.message)
      ? 'has no generalisation hierarchy: choose another column'
      : 'has values its generalisation hierarchy does not cover: choose another column';
    return invalid(`${c.prefix}qi.${qi.indexOf(column)}`, why);
  }
  if (LATTICE.test(e.message)) return invalid(`${c.prefix}qi`, e.message);
  return null;
}

function dpRefusal(e: Error, c: RefusalContext): AppError | null {
  if (TOO_MANY.test(e.message)) return invalid(`${c.prefix}length`, e.message);
  if (e instanceof TableError && /no records/.test(e.message)) {
    return new AppError(
      'disclosure_check_failed',
      'The chosen sources hold no records: there is nothing to count. Nothing was written.',
      { rule: 'too_few_records', parameter: `${c.prefix}sourceIds`, records: 0 },
    );
  }
  const field = /^(epsilon|delta|length)\b/.exec(e.message)?.[1];
  if (field) return invalid(`${c.prefix}${field}`, e.message);
  if (/^no columns|named twice/.test(e.message)) return invalid(`${c.prefix}columns`, e.message);
  return null;
}

/**
 * What an engine's refusal of a publication's parameters answers (see the file's head); `e`
 * itself when it is not an engine's refusal.
 */
export function publicationRefusal(e: unknown, c: RefusalContext): unknown {
  if (e instanceof BuildError) return invalid(c.prefix + e.path, e.message);
  const known =
    e instanceof AnonymizeError ||
    e instanceof AggregateError ||
    e instanceof SynthesizeError ||
    e instanceof TableError;
  if (!known) return e;
  const mapped = e instanceof AnonymizeError ? anonymizeRefusal(e, c) : dpRefusal(e, c);
  // Anything else the engines refuse is still a request to change: named at the parameters.
  return mapped ?? invalid(c.prefix.replace(/\.$/, '') || '(body)', e.message);
}
