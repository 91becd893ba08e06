import { describe, expect, it } from 'vitest';
import { recompute, screen } from './evaluate.ts';
import { optionsOf, questionText } from './instrument.ts';
import { iloEcV1 } from './instruments/ilo-ec.ts';
import { INDICATOR_CODES } from './instruments/ilo-ec-catalogue.ts';
import { LIST_IDS } from './instruments/ilo-ec-lists.ts';
import { ACT_CODES, MEANS_CODES, PURPOSE_CODES } from './instruments/palermo-codes.ts';
import { palermoV1 } from './instruments/palermo.ts';
import { compareVersions, getInstrument, listInstruments } from './registry.ts';
import { visibleQuestions } from './skip-logic.ts';
import { LANGUAGES } from '../i18n/i18n.ts';
import { LANGS } from './text.ts';

describe('registry', () => {
  it('lists every instrument with its versions', () => {
    expect(listInstruments().map((s) => s.id)).toEqual(['palermo', 'ilo-fl', 'ilo-ec', 'domv']);
    expect(getInstrument('palermo').version).toBe(listInstruments()[0]?.latest);
    expect(getInstrument('palermo', '1.0.0')).toBe(palermoV1);
  });

  it('orders versions numerically', () => {
    expect(compareVersions('1.10.0', '1.9.0')).toBeGreaterThan(0);
    expect(compareVersions('1.0', '1.0.0')).toBe(0);
  });
});

describe('stored screenings', () => {
  it('recompute from stored answers and version to the same result', () => {
    const answers = {
      ageAtRecruitment: 16,
      act: ['recruitment'],
      means: [],
      purpose: ['forced_begging'],
    };
    const { screening, result } = screen('palermo', answers);
    expect(screening).toEqual({ instrumentId: 'palermo', version: '1.0.0', answers });
    const stored = JSON.parse(JSON.stringify(screening)) as typeof screening;
    expect(recompute(stored)).toEqual(result);
  });

  it('recompute every instrument', () => {
    const cases: [string, unknown][] = [
      ['ilo-fl', { present: ['isolation'] }],
      [
        'ilo-ec',
        { ageAtRecruitment: 30, exploitation: 'sexual', present: ['cd.violence', 'cd.isolation'] },
      ],
      ['domv', { ageAtScreening: 9, present: ['unaccompanied_child'] }],
    ];
    for (const [id, answers] of cases) {
      const { screening, result } = screen(id, answers);
      expect(recompute(screening)).toEqual(result);
    }
  });
});

describe('instrument data', () => {
  it('Palermo options carry exactly the CLI codes', () => {
    const codes = (id: string) =>
      optionsOf(palermoV1.questions.find((q) => q.id === id) ?? palermoV1.questions[0]!).map(
        (o) => o.code,
      );
    expect(codes('act')).toEqual([...ACT_CODES]);
    expect(codes('means')).toEqual([...MEANS_CODES]);
    expect(codes('purpose')).toEqual([...PURPOSE_CODES]);
  });

  it('uses the same six languages as the user interface', () => {
    expect([...LANGS].sort()).toEqual(LANGUAGES.map((l) => l.code).sort());
  });

  it('Palermo is translated into all six UI languages, with child wording', () => {
    for (const q of palermoV1.questions) {
      for (const lang of LANGS) {
        expect(q.text[lang], `${q.id} ${lang}`).toBeTruthy();
        expect(q.childText?.[lang], `${q.id} child ${lang}`).toBeTruthy();
        for (const o of optionsOf(q)) expect(o.label[lang], `${o.code} ${lang}`).toBeTruthy();
      }
    }
    expect(questionText(palermoV1.questions[0]!, 'fr', true)).toBe(
      'Quel âge avais-tu quand cela a commencé ?',
    );
  });

  it('skip logic: consent is asked only where means were used or the person is a child', () => {
    const ids = (a: Record<string, unknown>) => visibleQuestions(palermoV1, a).map((q) => q.id);
    expect(ids({ ageAtRecruitment: 30, means: [] })).not.toContain('consent');
    expect(ids({ ageAtRecruitment: 30, means: ['fraud'] })).toContain('consent');
    expect(ids({ ageAtRecruitment: 12 })).toContain('consent');
    expect(visibleQuestions(iloEcV1, { ageAtRecruitment: 30 }).map((q) => q.id)).not.toContain(
      'act',
    );
  });

  it('every ILO–EC list weighs only catalogue indicators, in every dimension', () => {
    for (const id of LIST_IDS) {
      const codes = Object.keys(iloEcV1.lists[id].weights);
      expect(
        codes.every((c) => INDICATOR_CODES.includes(c)),
        id,
      ).toBe(true);
      for (const prefix of ['dr', 'cr', 'vr', 'ex', 'cd', 'vd']) {
        expect(
          codes.some((c) => c.startsWith(`${prefix}.`)),
          `${id} ${prefix}`,
        ).toBe(true);
      }
    }
  });
});
