import { getInstrument } from './registry.ts';
import type { DomvResult } from './scoring/domv.ts';
import { scoreDomv } from './scoring/domv.ts';
import type { IloEcResult } from './scoring/ilo-ec.ts';
import { scoreIloEc } from './scoring/ilo-ec.ts';
import type { IloFlResult } from './scoring/ilo-forced-labour.ts';
import { scoreIloFl } from './scoring/ilo-forced-labour.ts';
import type { PalermoResult } from './scoring/palermo.ts';
import { scorePalermo } from './scoring/palermo.ts';

export type ScreeningResult = PalermoResult | IloFlResult | IloEcResult | DomvResult;

/** What is stored for a screening: enough to recompute its result at any later time. */
export interface StoredScreening {
  instrumentId: string;
  version: string;
  answers: unknown;
}

/**
 * Validates answers against one version of an instrument (the latest when `version` is
 * undefined) and scores them. Pure: no I/O, same answers and version → same result.
 * Throws ScreeningError (unknown instrument or version, answers for another version, invalid
 * answers naming the field path).
 */
export function evaluate(
  instrumentId: string,
  version: string | undefined,
  answers: unknown,
): ScreeningResult {
  const instrument = getInstrument(instrumentId, version);
  switch (instrument.kind) {
    case 'palermo':
      return scorePalermo(instrument, answers);
    case 'ilo-fl':
      return scoreIloFl(instrument, answers);
    case 'ilo-ec':
      return scoreIloEc(instrument, answers);
    case 'domv':
      return scoreDomv(instrument, answers);
  }
}

/** Screens answers with the latest version and returns what to store along with the result. */
export function screen(
  instrumentId: string,
  answers: unknown,
  version?: string,
): { screening: StoredScreening; result: ScreeningResult } {
  const result = evaluate(instrumentId, version, answers);
  return {
    screening: { instrumentId, version: result.instrument.version, answers },
    result,
  };
}

/** The result of a stored screening, by the rule of the version it was given with. */
export function recompute(stored: StoredScreening): ScreeningResult {
  return evaluate(stored.instrumentId, stored.version, stored.answers);
}
