/**
 * The disclosure check of a contribution, before anything leaves the organisation:
 * k-anonymity over the chosen quasi-identifiers with the built-in CTDC generalisation
 * hierarchies and local suppression (src/shared/hub/anonymize, ARX's Flash search), and the
 * risk (prosecutor model) and utility reports. A guarantee that cannot be met is refused, never
 * weakened (issue 6, "Bad input").
 */
import type {
  ContributionRisk,
  ContributionUtility,
} from '../../shared/api/hub-contributions.schema.ts';
import type { RiskReport } from '../../shared/hub/anonymize/index.ts';
import { AnonymizeError, anonymize, ctdcHierarchies } from '../../shared/hub/anonymize/index.ts';
import type { Table } from '../../shared/hub/table.ts';
import { AppError } from '../http/app-error.ts';

export interface DisclosureParams {
  qi: readonly string[];
  k: number;
  suppressionLimit: number;
}

export interface DisclosureOutcome {
  /** The released rows, sorted (their order says nothing about the cases' order). */
  rows: string[][];
  suppressed: number;
  riskBefore: ContributionRisk;
  risk: ContributionRisk;
  utility: ContributionUtility;
}

/** 422 `disclosure_check_failed`: the stated guarantee cannot be met; nothing is written. */
export const disclosureRefusal = (message: string, details: Record<string, unknown>): AppError =>
  new AppError('disclosure_check_failed', message, details);

/** Quasi-identifiers without a built-in hierarchy, as field issues (`qi.2`). */
export function qiWithoutHierarchy(qi: readonly string[]): { path: string; message: string }[] {
  const hierarchies = ctdcHierarchies();
  return qi.flatMap((c, i) =>
    hierarchies.has(c)
      ? []
      : [{ path: `qi.${i}`, message: 'has no generalisation hierarchy: choose another column' }],
  );
}

const riskOf = (r: RiskReport): ContributionRisk => ({
  records: r.records,
  classes: r.classes,
  sampleUniques: r.sampleUniques,
  recordsAtRisk: r.recordsAtRisk,
  highestRisk: r.highestRisk,
  averageRisk: r.averageRisk,
  expectedReidentifications: r.expectedReidentifications,
});

const byContent = (a: readonly string[], b: readonly string[]): number => {
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
};

/**
 * Runs the check on the prepared rows (`counts` go into a refusal's details).
 * @throws AppError 422 `disclosure_check_failed` when no generalisation within the suppression
 *   limit makes every combination of the quasi-identifiers occur at least k times.
 */
export function runDisclosureCheck(
  table: Table,
  p: DisclosureParams,
  counts: Record<string, number>,
): DisclosureOutcome {
  let result: ReturnType<typeof anonymize>;
  try {
    result = anonymize(table, {
      qi: p.qi,
      k: p.k,
      hierarchies: ctdcHierarchies(),
      suppressionLimit: p.suppressionLimit,
    });
  } catch (e) {
    if (!(e instanceof AnonymizeError)) throw e;
    throw disclosureRefusal(
      `The ${table.rows.length} consenting cases cannot be made ${p.k}-anonymous on ${p.qi.join(', ')} with at most ${Math.round(p.suppressionLimit * 100)}% of them suppressed (${e.message}). Nothing was saved: choose fewer quasi-identifiers, a wider period, or a higher suppression limit.`,
      { rule: 'k_not_reachable', k: p.k, records: table.rows.length, ...counts },
    );
  }
  const u = result.utility;
  const released = result.table.rows;
  return {
    // Sorted by content: the engine sorts so; checked here in one pass (sorted again if not), as
    // the order must never follow the cases' order.
    rows: released.every((r, i) => i === 0 || byContent(released[i - 1]!, r) <= 0)
      ? released
      : [...released].sort(byContent),
    suppressed: result.suppressed,
    riskBefore: riskOf(result.riskBefore),
    risk: riskOf(result.risk),
    utility: {
      informationLoss: u.informationLoss,
      discernibility: u.discernibility,
      suppressed: u.suppressed,
      suppressedShare: u.suppressedShare,
      levels: { ...u.levels },
    },
  };
}

/**
 * Checks stored rows again before they are copied (a changed or damaged row must not leave):
 * every combination of the quasi-identifiers occurs at least k times.
 * @throws AppError 422 `disclosure_check_failed` naming the figures.
 */
export function checkStoredRows(
  columns: readonly string[],
  rows: readonly (readonly string[])[],
  qi: readonly string[],
  k: number,
): void {
  // The class sizes counted here, on the quasi-identifier cells only (the rows are not copied);
  // the same count as riskReport's records at risk: records in classes of fewer than k.
  const idx = qi.map((c) => columns.indexOf(c));
  const missing = idx.findIndex((i) => i < 0);
  if (missing >= 0) {
    throw disclosureRefusal(
      `The stored rows have no column "${qi[missing]}": the contribution cannot be approved. Prepare it again.`,
      { rule: 'k_not_met', k },
    );
  }
  const sizes = new Map<string, number>();
  for (const row of rows) {
    const key = idx.map((i) => row[i]).join('\u0000');
    sizes.set(key, (sizes.get(key) ?? 0) + 1);
  }
  let recordsAtRisk = 0;
  for (const f of sizes.values()) if (f < k) recordsAtRisk += f;
  if (recordsAtRisk > 0) {
    throw disclosureRefusal(
      `${recordsAtRisk} of the stored rows are in combinations of the quasi-identifiers that occur fewer than ${k} times: the contribution cannot be approved. Prepare it again.`,
      { rule: 'k_not_met', k, recordsAtRisk },
    );
  }
}
