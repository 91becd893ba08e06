import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { instrumentDefinition } from '../../../server/screenings/instrument-definition.ts';
import type { Answers, InstrumentDefinition } from '../../../shared/api/screenings.schema.ts';
import { evaluate, getInstrument } from '../../../shared/screening/index.ts';
import type { Draft, Step } from './answer-model.ts';
import {
  answerOf,
  childByDefault,
  COUNTRY_NOT_KNOWN,
  draftFor,
  remainingOptions,
  resumeIndex,
  sanitize,
  stepsFor,
  visibleOptions,
  withAnswer,
} from './answer-model.ts';

// The definitions exactly as GET /api/v1/instruments/{id}/{version} serves them.
const def = (id: string): InstrumentDefinition => instrumentDefinition(getInstrument(id));
const palermo = def('palermo');
const ids = (steps: Step[]) => steps.map((s) => (s.kind === 'unknown' ? `${s.id}?` : s.id));
const step = (d: InstrumentDefinition, answers: Answers, id: string): Step =>
  stepsFor(d, answers).find((s) => s.id === id)!;
const value = (draft: Draft) => {
  const a = answerOf(draft);
  return 'value' in a ? a.value : a;
};

describe('wizard steps', () => {
  it('shows Palermo’s consent question only for a child or where means were used', () => {
    expect(ids(stepsFor(palermo, {}))).toEqual([
      'ageAtRecruitment',
      'act',
      'means',
      'purpose',
      'citizenship',
      'countryOfExploitation',
    ]);
    expect(ids(stepsFor(palermo, { ageAtRecruitment: 16 }))).toContain('consent');
    expect(ids(stepsFor(palermo, { ageAtRecruitment: 30, means: ['fraud'] }))).toContain('consent');
    expect(ids(stepsFor(palermo, { ageAtRecruitment: 30, means: [] }))).not.toContain('consent');
  });

  it('follows an indicator list with “which of the others are not known”, until all are ticked', () => {
    const fl = def('ilo-fl');
    expect(ids(stepsFor(fl, {}))).toEqual(['present', 'unknown?']);
    const all = visibleOptions(fl.questions[0]!, {}).map((o) => o.code);
    expect(ids(stepsFor(fl, { present: all }))).toEqual(['present']);
    expect(
      remainingOptions(fl.questions[0]!, { present: all.slice(1) }).map((o) => o.code),
    ).toEqual([all[0]]);
  });

  it('resumes at the first question not answered, or at the last when all are', () => {
    const answers = { ageAtRecruitment: 30, act: ['recruitment'] };
    expect(resumeIndex(stepsFor(palermo, answers), answers)).toBe(2);
    expect(resumeIndex(stepsFor(palermo, {}), {})).toBe(0);
    const done = {
      ageAtRecruitment: 30,
      act: [],
      means: [],
      purpose: [],
      citizenship: null,
      countryOfExploitation: null,
    };
    expect(resumeIndex(stepsFor(palermo, done), done)).toBe(5);
  });

  it('shows ILO–EC indicators of the list that applies, and DOMV factors for the age', () => {
    const ec = def('ilo-ec');
    const present = ec.questions.find((q) => q.id === 'present')!;
    const codes = (a: Answers) => visibleOptions(present, a).map((o) => o.code);
    expect(codes({ exploitation: 'labour' })).toContain('ex.social_protection');
    expect(codes({ exploitation: 'labour', ageAtRecruitment: 15 })).not.toContain(
      'ex.social_protection',
    );
    expect(codes({})).toEqual([]);
    const domv = def('domv');
    const factors = (a: Answers) => visibleOptions(domv.questions[1]!, a).map((o) => o.code);
    expect(factors({ ageAtScreening: 15 })).toContain('unaccompanied_child');
    expect(factors({ ageAtScreening: 30 })).not.toContain('unaccompanied_child');
  });
});

describe('a step’s form and its answer', () => {
  it('writes ages as numbers from 0 to 120, or null when not known', () => {
    const age = step(palermo, {}, 'ageAtRecruitment');
    const draft = draftFor(age, {}) as Extract<Draft, { type: 'age' }>;
    expect(draft).toEqual({ type: 'age', years: '', notKnown: false });
    expect(value({ ...draft, years: '16' })).toBe(16);
    expect(value({ ...draft, years: ' 0 ' })).toBe(0);
    expect(value({ ...draft, notKnown: true })).toBeNull();
    expect(value(draft)).toEqual({ error: 'required' });
    for (const bad of ['121', '-1', '1.5', 'abc', '1e2'])
      expect(value({ ...draft, years: bad })).toEqual({ error: 'age' });
    expect(draftFor(age, { ageAtRecruitment: null })).toMatchObject({ notKnown: true });
  });

  it('writes a Palermo element as codes, [] for none, null for not known', () => {
    const act = step(palermo, {}, 'act');
    const draft = draftFor(act, {}) as Extract<Draft, { type: 'codes' }>;
    expect(value(draft)).toEqual({ error: 'required' });
    expect(value({ ...draft, codes: ['transfer'] })).toEqual(['transfer']);
    expect(value({ ...draft, none: true })).toEqual([]);
    expect(value({ ...draft, notKnown: true })).toBeNull();
    expect(draftFor(act, { act: [] })).toMatchObject({ none: true, notKnown: false });
    expect(draftFor(act, { act: null })).toMatchObject({ none: false, notKnown: true });
    expect(draftFor(act, { act: [], unknown: ['act'] })).toMatchObject({ notKnown: true });
  });

  it('answering an element listed as unknown takes it off that list', () => {
    const act = step(palermo, {}, 'act');
    expect(withAnswer({ act: [], unknown: ['act', 'means'] }, act, ['transfer'])).toEqual({
      act: ['transfer'],
      unknown: ['means'],
    });
  });

  it('writes a country code, or null when not known', () => {
    const c = step(palermo, {}, 'citizenship');
    expect(value({ type: 'country', value: 'NG' })).toBe('NG');
    expect(value({ type: 'country', value: COUNTRY_NOT_KNOWN })).toBeNull();
    expect(value({ type: 'country', value: '' })).toEqual({ error: 'required' });
    expect(draftFor(c, { citizenship: null })).toEqual({
      type: 'country',
      value: COUNTRY_NOT_KNOWN,
    });
  });

  it('takes an empty “not known” list as an answer: unticked means ruled out', () => {
    expect(value({ type: 'unknown', codes: [] })).toEqual([]);
  });
});

describe('answers kept fit for the skip logic', () => {
  it('drops the answer to a question no longer shown', () => {
    const r = sanitize(palermo, { ageAtRecruitment: 30, means: [], consent: 'yes' });
    expect(r).toEqual({ answers: { ageAtRecruitment: 30, means: [] }, remove: ['consent'] });
  });

  it('drops indicators of another ILO–EC list once the age is known', () => {
    const r = sanitize(def('ilo-ec'), {
      exploitation: 'labour',
      ageAtRecruitment: 15,
      present: ['ex.social_protection', 'dr.wages'],
      unknown: ['vr.false_info_law', 'cd.violence', 'dr.wages'],
    });
    expect(r.answers).toMatchObject({ present: ['dr.wages'], unknown: ['cd.violence'] });
    expect(() => evaluate('ilo-ec', undefined, r.answers)).not.toThrow();
  });

  it('chooses child wording from the age asked now, else from the case', () => {
    expect(childByDefault({ ageAtScreening: 12 }, false)).toBe(true);
    expect(childByDefault({ ageAtScreening: 40 }, true)).toBe(false);
    expect(childByDefault({}, true)).toBe(true);
    expect(childByDefault({}, null)).toBe(false);
  });
});

// Whatever a caseworker ticks, step by step (going back and changing earlier answers too), the
// answers the wizard saves are ones the engine accepts: drafts pass, the last step completes.
describe('any path through the wizard gives answers the engine accepts', () => {
  /** A random but well-formed form state for a step. */
  const drafts = (s: Step, answers: Answers): fc.Arbitrary<Draft> => {
    const pick = (codes: string[]) => fc.subarray(codes);
    if (s.kind === 'unknown')
      return pick(remainingOptions(s.question, answers).map((o) => o.code)).map((codes) => ({
        type: 'unknown' as const,
        codes,
      }));
    const q = s.question;
    switch (q.answer.type) {
      case 'age':
        return fc.oneof(
          fc.integer({ min: 0, max: 120 }).map((n) => ({
            type: 'age' as const,
            years: String(n),
            notKnown: false,
          })),
          fc.constant<Draft>({ type: 'age', years: '', notKnown: true }),
        );
      case 'codes': {
        const codes = visibleOptions(q, answers).map((o) => o.code);
        return fc.oneof(
          pick(codes).map((c) => ({
            type: 'codes' as const,
            codes: c,
            none: c.length === 0,
            notKnown: false,
          })),
          fc.constant<Draft>({
            type: 'codes',
            codes: [],
            none: false,
            notKnown: !q.answer.unknownListKey,
          }),
        );
      }
      case 'choice':
        return fc
          .constantFrom(...visibleOptions(q, answers).map((o) => o.code))
          .map((v) => ({ type: 'choice' as const, value: v }));
      case 'tri':
        return fc
          .constantFrom('yes', 'no', 'unknown')
          .map((v) => ({ type: 'tri' as const, value: v }));
      case 'country':
        return fc
          .constantFrom('NG', 'IT', 'UA', COUNTRY_NOT_KNOWN)
          .map((v) => ({ type: 'country' as const, value: v }));
    }
  };

  it.each(['palermo', 'ilo-fl', 'ilo-ec', 'domv'])('%s', (id) => {
    const d = def(id);
    const instrument = getInstrument(id);
    fc.assert(
      fc.property(
        fc.array(fc.nat(), { minLength: 1, maxLength: 14 }),
        fc.infiniteStream(fc.nat()),
        (moves, seeds) => {
          let answers: Answers = {};
          let index = 0;
          const rand = seeds[Symbol.iterator]();
          for (const back of moves) {
            const steps = stepsFor(d, answers);
            // Now and then go back a few steps and change an earlier answer.
            if (back % 4 === 0) index = Math.max(0, index - (back % 3));
            const s = steps[Math.min(index, steps.length - 1)]!;
            const [draft] = fc.sample(drafts(s, answers), {
              numRuns: 1,
              seed: rand.next().value as number,
            });
            const a = answerOf(draft!);
            if (!('value' in a)) continue;
            answers = sanitize(d, withAnswer(answers, s, a.value)).answers;
            const next = stepsFor(d, answers);
            index = next.findIndex((x) => x.kind === s.kind && x.id === s.id) + 1;
            if (index >= next.length) break;
          }
          // Every question the engine requires was shown and answered before the last step.
          const finished = stepsFor(d, answers).every((s) => s.id in answers);
          if (finished)
            expect(() => evaluate(instrument.id, instrument.version, answers)).not.toThrow();
          // A draft with gaps is still valid as far as it goes: fill the gaps as "nothing found".
          const filled: Answers = { ...answers };
          for (const s of stepsFor(d, answers))
            if (!(s.id in filled))
              filled[s.id] =
                s.kind === 'unknown'
                  ? []
                  : s.question.answer.type === 'choice'
                    ? visibleOptions(s.question, answers)[0]?.code
                    : s.question.answer.type === 'tri'
                      ? 'unknown'
                      : s.question.answer.type === 'codes'
                        ? []
                        : null;
          expect(() => evaluate(instrument.id, instrument.version, filled)).not.toThrow();
        },
      ),
      { numRuns: 150 },
    );
  });
});
