import type { DimensionClause, Requirement } from '../instruments/ilo-ec.ts';
import type { Dimension } from '../instruments/ilo-ec-catalogue.ts';
import type { Weight } from '../instruments/ilo-ec-lists.ts';
import type { Status } from '../result.ts';
import { anyOf } from '../result.ts';

export type Counts = Record<Weight, number>;

export interface DimensionResult {
  status: Status;
  /** The clause that established the dimension, e.g. "(2) one strong … one medium or weak". */
  clause: string | null;
  strong: string[];
  medium: string[];
  weak: string[];
  unknown: string[];
}

/** True when the counts meet the clause ("at least" each number). */
export function meets(c: DimensionClause, n: Counts): boolean {
  return (
    n.strong >= (c.strong ?? 0) &&
    n.medium >= (c.medium ?? 0) &&
    n.weak >= (c.weak ?? 0) &&
    n.medium + n.weak >= (c.mediumOrWeak ?? 0)
  );
}

/**
 * Three-valued dimension status under the ILO–EC (2009) combination rule: present when a clause
 * holds for the indicators found; absent when no clause could hold even if every unknown
 * indicator were found; otherwise unknown. The rule is monotone, so this is exact.
 */
export function assessDimension(
  clauses: readonly DimensionClause[],
  weights: Record<string, Weight>,
  present: readonly string[],
  unknown: readonly string[],
): DimensionResult {
  const by = (codes: readonly string[], w: Weight) => codes.filter((c) => weights[c] === w);
  const count = (codes: readonly string[]): Counts => ({
    strong: by(codes, 'strong').length,
    medium: by(codes, 'medium').length,
    weak: by(codes, 'weak').length,
  });
  const found = count(present);
  const upper = count([...present, ...unknown]);
  const fired = clauses.find((c) => meets(c, found));
  const status: Status = fired
    ? 'present'
    : clauses.some((c) => meets(c, upper))
      ? 'unknown'
      : 'absent';
  return {
    status,
    clause: fired ? `(${fired.id}) ${fired.text}` : null,
    strong: by(present, 'strong'),
    medium: by(present, 'medium'),
    weak: by(present, 'weak'),
    unknown: [...unknown],
  };
}

/** Each requirement of the victim rule: present if any of its parts is present. */
export function assessRequirements(
  requirements: readonly Requirement[],
  parts: Record<Dimension | 'act', Status>,
): Record<string, Status> {
  const out: Record<string, Status> = {};
  for (const r of requirements) out[r.id] = anyOf(r.anyOf.map((p) => parts[p]));
  return out;
}
