/**
 * The screening engine of the "Identify" capability: instruments as versioned data, scored by
 * pure functions that explain every result. See docs/screening.md.
 */
export type { FieldIssue } from '../api/errors.ts';
export { ScreeningError } from './errors.ts';
export type { ScreeningErrorCode } from './errors.ts';
export { evaluate, recompute, screen } from './evaluate.ts';
export type { ScreeningResult, StoredScreening } from './evaluate.ts';
export { optionLabel, optionsOf, questionText } from './instrument.ts';
export type {
  AnswerType,
  Condition,
  InstrumentBase,
  InstrumentKind,
  Option,
  Question,
  Source,
} from './instrument.ts';
export { getInstrument, listInstruments } from './registry.ts';
export type { Instrument, InstrumentSummary } from './registry.ts';
export type { Determination, Reason, ReasonKind, Status } from './result.ts';
export type { DomvResult, LevelProfile, Recommendation } from './scoring/domv.ts';
export type { IloEcResult } from './scoring/ilo-ec.ts';
export type { DimensionResult } from './scoring/ilo-ec-rule.ts';
export type { IloFlResult } from './scoring/ilo-forced-labour.ts';
export type { ElementValue, PalermoResult } from './scoring/palermo.ts';
export { holds, isShown, visibleQuestions } from './skip-logic.ts';
export { COMMON_LABELS, LANGS, localize } from './text.ts';
export type { Lang, Localized } from './text.ts';
