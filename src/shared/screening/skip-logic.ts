import type { Condition, InstrumentBase, Question } from './instrument.ts';

/** Answers keyed by question id, as stored (before or after validation). */
export type AnswerMap = Readonly<Record<string, unknown>>;

/** True when the condition holds for these answers. A missing answer is "unknown". */
export function holds(c: Condition, answers: AnswerMap): boolean {
  if ('all' in c) return c.all.every((x) => holds(x, answers));
  if ('any' in c) return c.any.some((x) => holds(x, answers));
  if ('not' in c) return !holds(c.not, answers);
  const v = answers[c.question];
  switch (c.op) {
    case 'unknown':
      return v === undefined || v === null || v === 'unknown';
    case 'nonEmpty':
      return Array.isArray(v) && v.length > 0;
    case 'lt':
      return typeof v === 'number' && v < c.value;
    case 'gte':
      return typeof v === 'number' && v >= c.value;
    case 'eq':
      return v === c.value;
    case 'includes':
      return Array.isArray(v) && v.includes(c.value);
  }
}

/** True when the question (or option) is shown for these answers. */
export const isShown = (item: { showIf?: Condition }, answers: AnswerMap): boolean =>
  item.showIf === undefined || holds(item.showIf, answers);

/** The questions a form shows, in order, for the answers given so far. */
export function visibleQuestions(instrument: InstrumentBase, answers: AnswerMap): Question[] {
  return instrument.questions.filter((q) => isShown(q, answers));
}
