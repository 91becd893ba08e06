import { describe, expect, it } from 'vitest';
import { generatePersons } from '../../shared/demo/generate-persons.ts';
import { createRng } from '../../shared/demo/random.ts';
import { DEFAULT_MODEL } from '../../shared/linkage/default-model.ts';
import { person } from '../../shared/linkage/test-support.ts';
import { SCAN_THRESHOLD } from '../../shared/reunite/duplicates.ts';
import { pairScorer, scoreCandidates, scorePair, SCORER, serverModel } from './matcher.ts';

const inCountry = (country: string) => [{ country, adminArea: null, locality: null }];

// A case registered in Arabic, and a request for the same man written in Latin letters.
const registered = person('case', {
  givenName: 'محمد',
  familyName: 'عبد الرحمن',
  sex: 'M',
  birth: { year: 1990, month: 2, day: 3 },
  places: inCountry('SD'),
});
const sought = person('query', {
  givenName: 'Mohammed',
  familyName: 'Abdulrahman',
  sex: 'M',
  birth: { year: 1990, month: null, day: null },
  places: [{ country: 'SD', adminArea: 'Khartoum', locality: 'Omdurman' }],
});
const someoneElse = person('other', {
  givenName: 'Grace',
  familyName: 'Mensah',
  sex: 'F',
  birth: { year: 1985, month: 1, day: 30 },
  places: inCountry('GH'),
});

describe('the server’s match model', () => {
  const model = serverModel(10_000);

  it('scores the same person across scripts above the scan threshold, someone else below', () => {
    const same = scorePair(model, sought, registered);
    const other = scorePair(model, sought, someoneElse);
    expect(same.probability).toBeGreaterThan(SCAN_THRESHOLD);
    expect(other.probability).toBeLessThan(0.001);
    expect(same.weight).toBeGreaterThan(other.weight);
  });

  it('explains a pair by the fields the model has, each with its level and weight', () => {
    const { fields } = scorePair(model, sought, registered);
    expect(fields.map((f) => f.field).sort()).toEqual(model.comparisons.map((c) => c.id).sort());
    expect(fields.map((f) => f.field).sort()).toEqual(
      ['birth', 'familyName', 'givenName', 'place', 'sex'].sort(),
    );
    const by = Object.fromEntries(fields.map((f) => [f.field, f]));
    expect(by.birth).toMatchObject({ level: 'year' });
    expect(by.place).toMatchObject({ level: 'country' });
    expect(by.sex).toMatchObject({ level: 'exact' });
    for (const f of ['givenName', 'familyName', 'birth', 'sex', 'place'])
      expect(by[f]!.weight).toBeGreaterThan(0);
    // Strongest evidence first.
    const weights = fields.map((f) => f.weight);
    expect(weights).toEqual([...weights].sort((x, y) => y - x));
  });

  it('weighs each level as the trained default model does (names, dates, sex unchanged)', () => {
    const trained = (id: string, level: string) => {
      const l = DEFAULT_MODEL.comparisons
        .find((c) => c.id === id)!
        .levels.find((x) => x.name === level)!;
      return Math.log2(l.m / l.u);
    };
    const by = Object.fromEntries(
      scorePair(model, sought, registered).fields.map((f) => [f.field, f]),
    );
    expect(by.birth!.weight).toBeCloseTo(trained('birth', 'year'), 2);
    expect(by.sex!.weight).toBeCloseTo(trained('sex', 'exact'), 2);
    expect(by.givenName!.weight).toBeCloseTo(trained('givenName', by.givenName!.level), 2);
  });

  it('never compares a telephone: the duplicate check weighs identifiers itself', () => {
    const a = person('a', { givenName: 'Joy', identifiers: { phone: '08012345678' } });
    const b = person('b', { givenName: 'Joy', identifiers: { phone: '07099999999' } });
    expect(scorePair(model, a, b).fields.map((f) => f.field)).not.toContain('phone');
  });

  it('sets the prior by the size of the organisation’s list: one over persons plus one', () => {
    expect(serverModel(999).lambda).toBeCloseTo(0.001, 12);
    const small = scorePair(serverModel(100), sought, registered);
    const large = scorePair(serverModel(1_000_000), sought, registered);
    // Prior odds 1 : persons.
    expect(small.weight - large.weight).toBeCloseTo(Math.log2(1_000_000 / 100), 2);
    expect(small.fields).toEqual(large.fields);
  });

  it('scores a query against its candidates as pair by pair, in the candidates’ order', () => {
    const batch = scoreCandidates(model, sought, [someoneElse, registered]);
    expect(batch.map((p) => p.b)).toEqual(['other', 'case']);
    expect(batch[0]).toEqual(scorePair(model, sought, someoneElse));
    expect(batch[1]).toEqual(scorePair(model, sought, registered));
    const byIndex = pairScorer(model, [sought, someoneElse, registered]);
    expect(byIndex(0, 2)).toEqual(scorePair(model, sought, registered));
  });

  it('names the model it scores with, not a hand-set one', () => {
    expect(SCORER.name).toBe('fs-default-v1');
    expect(SCORER.comparisons).toEqual(model.comparisons.map((c) => c.id));
  });
});

describe('on synthetic registrations with realistic errors (seeded)', () => {
  it('finds most true duplicate pairs and almost no random pair above the scan threshold', () => {
    const { records, entity } = generatePersons({ seed: 11, count: 3_000 });
    const score = pairScorer(serverModel(records.length), records);
    const groups = new Map<number, number[]>();
    entity.forEach((e, i) => groups.set(e, [...(groups.get(e) ?? []), i]));
    let truePairs = 0;
    let found = 0;
    for (const g of groups.values()) {
      for (let x = 0; x < g.length; x++) {
        for (let y = x + 1; y < g.length; y++) {
          truePairs++;
          if (score(g[x]!, g[y]!).probability >= SCAN_THRESHOLD) found++;
        }
      }
    }
    const rng = createRng(3);
    let others = 0;
    let falseMatches = 0;
    for (let s = 0; s < 20_000; s++) {
      const i = Math.floor(rng() * records.length);
      const j = Math.floor(rng() * records.length);
      if (entity[i] === entity[j]) continue;
      others++;
      if (score(i, j).probability >= SCAN_THRESHOLD) falseMatches++;
    }
    expect(truePairs).toBeGreaterThan(500);
    expect(found / truePairs).toBeGreaterThan(0.9);
    expect(falseMatches / others).toBeLessThan(0.001);
  });
});
