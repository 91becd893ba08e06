import type {
  Answers,
  InstrumentDefinition,
  InstrumentOption,
  InstrumentQuestion,
} from '../../../shared/api/screenings.schema.ts';
import { isShown } from '../../../shared/screening/skip-logic.ts';

/*
 * The wizard's reading of an instrument: which steps are shown for the answers so far, what a
 * step's form holds, and the answers it writes (in the engine's format, docs/screening.md).
 * Pure, so it is unit-tested without a browser.
 */

/**
 * One screen of the wizard: a question, or — for an indicator list that records what could not
 * be established (`unknownListKey`) — the follow-up "which of the others are not known".
 */
export type Step =
  | { kind: 'question'; id: string; question: InstrumentQuestion }
  | { kind: 'unknown'; id: string; question: InstrumentQuestion };

/** What one step's form holds before it becomes an answer. */
export type Draft =
  | { type: 'age'; years: string; notKnown: boolean }
  | { type: 'codes'; codes: string[]; none: boolean; notKnown: boolean }
  | { type: 'choice'; value: string }
  | { type: 'tri'; value: string }
  | { type: 'country'; value: string }
  | { type: 'unknown'; codes: string[] };

/** The country select's value for "not known" (a real code is two capital letters). */
export const COUNTRY_NOT_KNOWN = 'not-known';

export type StepError = 'required' | 'age';

const strings = (v: unknown): string[] | null =>
  Array.isArray(v) && v.every((x): x is string => typeof x === 'string') ? v : null;

/** The options of a question shown for these answers. */
export const visibleOptions = (q: InstrumentQuestion, answers: Answers): InstrumentOption[] =>
  q.answer.type === 'codes' || q.answer.type === 'choice'
    ? q.answer.options.filter((o) => isShown(o, answers))
    : [];

const unknownListKey = (q: InstrumentQuestion): string | undefined =>
  q.answer.type === 'codes' ? q.answer.unknownListKey : undefined;

/** The options of an indicator list not ticked as present: candidates for "not known". */
export const remainingOptions = (q: InstrumentQuestion, answers: Answers): InstrumentOption[] => {
  const present = strings(answers[q.id]) ?? [];
  return visibleOptions(q, answers).filter((o) => !present.includes(o.code));
};

/** The steps shown for the answers so far, in order (skip logic applied). */
export function stepsFor(def: InstrumentDefinition, answers: Answers): Step[] {
  const steps: Step[] = [];
  for (const question of def.questions) {
    if (!isShown(question, answers)) continue;
    steps.push({ kind: 'question', id: question.id, question });
    const key = unknownListKey(question);
    const answered = question.id in answers;
    if (key && (!answered || remainingOptions(question, answers).length > 0))
      steps.push({ kind: 'unknown', id: key, question });
  }
  return steps;
}

/** Where to resume: the first step not answered yet, or the last step when all are. */
export function resumeIndex(steps: readonly Step[], answers: Answers): number {
  const i = steps.findIndex((s) => !(s.id in answers));
  return i === -1 ? Math.max(steps.length - 1, 0) : i;
}

/** Palermo's whole-element "not known" may also be written as the element named in `unknown`. */
const listedUnknown = (answers: Answers, id: string): boolean =>
  (strings(answers.unknown) ?? []).includes(id);

/** The form state of a step, from the answers saved so far. */
export function draftFor(step: Step, answers: Answers): Draft {
  const value = answers[step.id];
  if (step.kind === 'unknown') return { type: 'unknown', codes: strings(value) ?? [] };
  const q = step.question;
  switch (q.answer.type) {
    case 'age':
      return {
        type: 'age',
        years: typeof value === 'number' ? String(value) : '',
        notKnown: value === null,
      };
    case 'codes': {
      const codes = strings(value);
      const notKnown =
        !q.answer.unknownListKey &&
        step.id in answers &&
        (value === null || listedUnknown(answers, q.id));
      return {
        type: 'codes',
        codes: notKnown ? [] : (codes ?? []),
        none: !notKnown && codes !== null && codes.length === 0,
        notKnown,
      };
    }
    case 'choice':
    case 'tri':
      return { type: q.answer.type, value: typeof value === 'string' ? value : '' };
    case 'country':
      return {
        type: 'country',
        value: typeof value === 'string' ? value : value === null ? COUNTRY_NOT_KNOWN : '',
      };
  }
}

const AGE = /^\d{1,3}$/;

/** The step's answer as the engine reads it, or why the form cannot be saved yet. */
export function answerOf(draft: Draft): { value: unknown } | { error: StepError } {
  switch (draft.type) {
    case 'age': {
      if (draft.notKnown) return { value: null };
      const years = draft.years.trim();
      if (years === '') return { error: 'required' };
      if (!AGE.test(years) || Number(years) > 120) return { error: 'age' };
      return { value: Number(years) };
    }
    case 'codes':
      if (draft.notKnown) return { value: null };
      if (draft.none) return { value: [] };
      return draft.codes.length > 0 ? { value: draft.codes } : { error: 'required' };
    case 'choice':
    case 'tri':
      return draft.value ? { value: draft.value } : { error: 'required' };
    case 'country':
      if (draft.value === COUNTRY_NOT_KNOWN) return { value: null };
      return draft.value ? { value: draft.value } : { error: 'required' };
    case 'unknown':
      // Unticked means ruled out: an empty list is an answer.
      return { value: draft.codes };
  }
}

/** The answers with one step's answer written in (a listed codes answer is no longer unknown). */
export function withAnswer(answers: Answers, step: Step, value: unknown): Answers {
  const next: Answers = { ...answers, [step.id]: value };
  const unknown = strings(answers.unknown);
  if (step.kind === 'question' && !unknownListKey(step.question) && unknown?.includes(step.id)) {
    next.unknown = unknown.filter((x) => x !== step.id);
  }
  return next;
}

/**
 * Answers fit for the current skip logic: answers to hidden questions are dropped, and so are
 * codes of options no longer shown (an indicator of another ILO–EC list, a DOMV factor for
 * another age) and "not known" codes now ticked as present. Repeats until nothing changes, as
 * one removal can hide another question.
 */
export function sanitize(
  def: InstrumentDefinition,
  answers: Answers,
): { answers: Answers; remove: string[] } {
  let current: Answers = { ...answers };
  for (let round = 0; round < 10; round++) {
    const next: Answers = { ...current };
    for (const q of def.questions) {
      const key = unknownListKey(q);
      if (!isShown(q, current)) {
        delete next[q.id];
        if (key) delete next[key];
        continue;
      }
      if (q.answer.type !== 'codes') continue;
      const shown = new Set(visibleOptions(q, current).map((o) => o.code));
      const codes = strings(current[q.id]);
      if (codes) next[q.id] = codes.filter((c) => shown.has(c));
      const unknown = key ? strings(current[key]) : null;
      if (key && unknown)
        next[key] = unknown.filter((c) => shown.has(c) && !(codes ?? []).includes(c));
    }
    if (JSON.stringify(next) === JSON.stringify(current)) break;
    current = next;
  }
  return { answers: current, remove: Object.keys(answers).filter((k) => !(k in current)) };
}

/**
 * Whether to word questions for a child: the person's age asked in this screening when there is
 * one (DOMV asks the age now), else what the case says.
 */
export function childByDefault(answers: Answers, personUnder18: boolean | null): boolean {
  const age = answers.ageAtScreening;
  if (typeof age === 'number') return age < 18;
  return personUnder18 === true;
}

/** True when any question or option has wording for a child. */
export const hasChildWording = (def: InstrumentDefinition): boolean =>
  def.questions.some(
    (q) =>
      q.childText !== undefined ||
      ((q.answer.type === 'codes' || q.answer.type === 'choice') &&
        q.answer.options.some((o) => o.childLabel !== undefined)),
  );
