/**
 * What every screening result shares. A determination is a screening outcome to be reviewed by
 * a person ("explain, don't decide"), never a legal finding.
 */
export type Determination = 'likely' | 'possible' | 'not_indicated';

/** Three-valued status of an element, dimension or indicator. */
export type Status = 'present' | 'absent' | 'unknown';

export type ReasonKind = 'age' | 'indicator' | 'element' | 'rule' | 'missing' | 'note';

/** One line of explanation: which indicator was present, which rule fired, what is missing. */
export interface Reason {
  kind: ReasonKind;
  /** Stable code for translation and tests, e.g. `palermo.rule.adult`. */
  code: string;
  /** English text, with the source cited. */
  text: string;
  /** The source of the rule or indicator, e.g. "Palermo Protocol art. 3(b)". */
  ref?: string;
}

export const reason = (kind: ReasonKind, code: string, text: string, ref?: string): Reason =>
  ref === undefined ? { kind, code, text } : { kind, code, text, ref };

/** Kleene "or": present if any is present, absent if all are absent, else unknown. */
export function anyOf(xs: readonly Status[]): Status {
  if (xs.includes('present')) return 'present';
  return xs.every((x) => x === 'absent') ? 'absent' : 'unknown';
}

/** Determination from required parts: all present → likely; one absent → not indicated. */
export function determine(required: readonly Status[]): Determination {
  if (required.includes('absent')) return 'not_indicated';
  return required.every((x) => x === 'present') ? 'likely' : 'possible';
}

/** Where the outcome depends on an unknown age, the two readings disagree: say "possible". */
export const reconcile = (a: Determination, b: Determination): Determination =>
  a === b ? a : 'possible';

/** "a, b and c" */
export function listText(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1] ?? ''}`;
}
