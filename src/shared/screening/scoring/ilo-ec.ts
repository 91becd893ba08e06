import type { IloEcInstrument, Requirement } from '../instruments/ilo-ec.ts';
import type { Dimension } from '../instruments/ilo-ec-catalogue.ts';
import { DIMENSIONS, dimensionOf } from '../instruments/ilo-ec-catalogue.ts';
import type { ListId } from '../instruments/ilo-ec-lists.ts';
import type { Determination, Reason, Status } from '../result.ts';
import { determine, reconcile } from '../result.ts';
import { listFor, parseIloEcAnswers } from './ilo-ec-answers.ts';
import { ageReasons, dimensionReasons, missingReasons, ruleReason } from './ilo-ec-reasons.ts';
import type { DimensionResult } from './ilo-ec-rule.ts';
import { assessDimension, assessRequirements } from './ilo-ec-rule.ts';

export interface IloEcResult {
  kind: 'ilo-ec';
  instrument: { id: string; version: string };
  determination: Determination;
  list: ListId;
  dimensions: Record<Dimension, DimensionResult>;
  /** Each requirement of the victim rule that applied (adult or child). */
  requirements: Record<string, Status>;
  /** Requirements not established. */
  missing: string[];
  child: boolean | null;
  reasons: Reason[];
}

export interface EcReading {
  child: boolean;
  requirements: readonly Requirement[];
  status: Record<string, Status>;
  determination: Determination;
}

const ACT: Record<'yes' | 'no' | 'unknown', Status> = {
  yes: 'present',
  no: 'absent',
  unknown: 'unknown',
};

/**
 * Scores the ILO–EC operational indicators: each dimension by the combination rule, then the
 * victim rule over the dimensions (adults: recruitment + exploitation + coercion or abuse of
 * vulnerability at destination; children: recruitment + exploitation, no means needed).
 */
export function scoreIloEc(instrument: IloEcInstrument, raw: unknown): IloEcResult {
  const a = parseIloEcAnswers(instrument, raw);
  const listId = listFor(instrument, a);
  const list = instrument.lists[listId];
  const inDim = (codes: readonly string[], d: Dimension) =>
    codes.filter((c) => dimensionOf(c) === d);

  const dimensions = {} as Record<Dimension, DimensionResult>;
  for (const d of DIMENSIONS) {
    dimensions[d] = assessDimension(
      instrument.rule.dimension,
      list.weights,
      inDim(a.present, d),
      inDim(a.unknown, d),
    );
  }
  const parts = { act: ACT[a.act] } as Record<Dimension | 'act', Status>;
  for (const d of DIMENSIONS) parts[d] = dimensions[d].status;

  const reading = (child: boolean): EcReading => {
    const requirements = instrument.rule.victim[child ? 'child' : 'adult'];
    const status = assessRequirements(requirements, parts);
    return {
      child,
      requirements,
      status,
      determination: determine(requirements.map((r) => status[r.id] ?? 'unknown')),
    };
  };
  const child =
    a.ageAtRecruitment === null ? null : a.ageAtRecruitment < instrument.rule.childAgeLimit;
  const main = reading(child === true);
  const alt = child === null ? reading(true) : undefined;
  const determination = alt ? reconcile(main.determination, alt.determination) : main.determination;
  const missing = main.requirements.filter((r) => main.status[r.id] !== 'present').map((r) => r.id);

  return {
    kind: 'ilo-ec',
    instrument: { id: instrument.id, version: instrument.version },
    determination,
    list: listId,
    dimensions,
    requirements: main.status,
    missing,
    child,
    reasons: [
      ...ageReasons(a.ageAtRecruitment, child, list),
      ...dimensionReasons(dimensions),
      ruleReason(main, alt, determination),
      ...missingReasons(main),
    ],
  };
}
