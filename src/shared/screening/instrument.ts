import type { Lang, Localized } from './text.ts';
import { localize } from './text.ts';

/**
 * The generic instrument model. An instrument is versioned data: its questions, answer types,
 * translations, skip logic and scoring rule are plain objects, so a web form, the CLI and the
 * API all read the same definition, and a stored screening (answers + version) can always be
 * scored again by the same rule.
 */

export type InstrumentKind = 'palermo' | 'ilo-fl' | 'ilo-ec' | 'domv';

/** Skip logic as data: when a question (or an option) is shown. */
export type Condition =
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition }
  | { question: string; op: 'lt' | 'gte'; value: number }
  | { question: string; op: 'eq' | 'includes'; value: string }
  | { question: string; op: 'nonEmpty' | 'unknown' };

export interface Option {
  code: string;
  label: Localized;
  /** Simpler wording to use with a child. */
  childLabel?: Localized;
  /** Where the option comes from, e.g. "Palermo Protocol art. 3(a)". */
  ref?: string;
  showIf?: Condition;
}

/**
 * How a question is answered, and how the answer is written in the answers object:
 * - `age`: a number of years 0–120, or null when not known;
 * - `codes`: a list of option codes (an empty list means "none of these");
 * - `choice`: one option code;
 * - `tri`: "yes" | "no" | "unknown";
 * - `country`: an ISO 3166-1 alpha-2 code, or null.
 */
export type AnswerType =
  | { type: 'age' }
  | { type: 'codes'; options: Option[] }
  | { type: 'choice'; options: Option[] }
  | { type: 'tri' }
  | { type: 'country' };

export interface Question {
  /** The key of the answer in the answers object. */
  id: string;
  text: Localized;
  /** Child-appropriate wording, used when the person is under 18. */
  childText?: Localized;
  /** Guidance for the caseworker (not read out). */
  help?: Localized;
  answer: AnswerType;
  showIf?: Condition;
}

export interface Source {
  id: string;
  citation: string;
  url?: string;
}

export interface InstrumentBase {
  id: string;
  /** Semantic version of the instrument's questions and rule; a screening stores it. */
  version: string;
  kind: InstrumentKind;
  title: Localized;
  summary: Localized;
  /** Languages in which every question and option has a translation. */
  languages: readonly Lang[];
  sources: Source[];
  questions: Question[];
}

/** The wording of a question for this person and language. */
export function questionText(q: Question, lang: Lang, isChild: boolean): string {
  return localize(isChild && q.childText ? q.childText : q.text, lang);
}

/** The label of an option for this person and language. */
export function optionLabel(o: Option, lang: Lang, isChild = false): string {
  return localize(isChild && o.childLabel ? o.childLabel : o.label, lang);
}

/** The options of a question, or none for free answers (age, tri-state, country). */
export function optionsOf(q: Question): Option[] {
  return q.answer.type === 'codes' || q.answer.type === 'choice' ? q.answer.options : [];
}
