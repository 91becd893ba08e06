import type { PalermoElement, PalermoInstrument } from '../instruments/palermo.ts';
import { ELEMENTS } from '../instruments/palermo.ts';
import type { Determination, Reason, Status } from '../result.ts';
import { determine, reconcile } from '../result.ts';
import type { PalermoAnswers } from './palermo-answers.ts';
import { parsePalermoAnswers } from './palermo-answers.ts';
import {
  elementReasons,
  missingReasons,
  noteReasons,
  ruleReason,
  ageReason,
} from './palermo-reasons.ts';

/** An element's value in the result; `not_required` is means for a child (art. 3(c)). */
export type ElementValue = Status | 'not_required';

export interface PalermoResult {
  kind: 'palermo';
  instrument: { id: string; version: string };
  determination: Determination;
  elements: Record<PalermoElement, ElementValue>;
  /** Required elements not established (absent or unknown), in act, means, purpose order. */
  missing: PalermoElement[];
  /** True under 18 at recruitment, false from 18, null when the age is not known. */
  child: boolean | null;
  reasons: Reason[];
}

export interface Reading {
  child: boolean;
  required: readonly PalermoElement[];
  determination: Determination;
  missing: PalermoElement[];
}

function statusOf(el: PalermoElement, a: PalermoAnswers): Status {
  const codes = a[el];
  if (codes === null || a.unknown.includes(el)) return 'unknown';
  return codes.length > 0 ? 'present' : 'absent';
}

function read(
  instrument: PalermoInstrument,
  status: Record<PalermoElement, Status>,
  child: boolean,
): Reading {
  const required = instrument.rule.required[child ? 'child' : 'adult'];
  return {
    child,
    required,
    determination: determine(required.map((el) => status[el])),
    missing: required.filter((el) => status[el] !== 'present'),
  };
}

/**
 * Scores Palermo answers: adults need act, means and purpose (art. 3(a)); a child — under 18 at
 * recruitment (art. 3(d)) — needs act and purpose only (art. 3(c)). Where the age is not known,
 * the person is screened as an adult, and if a child's reading would differ the determination
 * is "possible" until the age is established.
 */
export function scorePalermo(instrument: PalermoInstrument, raw: unknown): PalermoResult {
  const a = parsePalermoAnswers(instrument, raw);
  const status = {} as Record<PalermoElement, Status>;
  for (const el of ELEMENTS) status[el] = statusOf(el, a);

  const age = a.ageAtRecruitment;
  const child = age === null ? null : age < instrument.rule.childAgeLimit;
  const main = read(instrument, status, child === true);
  const alt = child === null ? read(instrument, status, true) : undefined;
  const determination = alt ? reconcile(main.determination, alt.determination) : main.determination;

  const elements = { ...status } as Record<PalermoElement, ElementValue>;
  if (child === true && status.means !== 'present') elements.means = 'not_required';

  return {
    kind: 'palermo',
    instrument: { id: instrument.id, version: instrument.version },
    determination,
    elements,
    missing: main.missing,
    child,
    reasons: [
      ageReason(age, child, instrument.rule.childAgeLimit),
      ...elementReasons(instrument, a, elements, child),
      ...noteReasons(instrument, a, status, child),
      ruleReason(main, alt, determination),
      ...missingReasons(instrument, main.missing, status),
    ],
  };
}
