import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MISMATCHES } from './eligibility.ts';
import type { Rankable } from './ranking.ts';
import { compareHits, evaluate, rankHits } from './ranking.ts';

const hit = (over: Partial<Rankable> & { id: string }): Rankable => ({
  name: over.id,
  eligible: true,
  withinRadius: true,
  mismatches: [],
  distanceKm: null,
  ...over,
});

// Few distinct values, so that ties on every key are frequent and the tie-breakers are tested.
const arbHit = fc
  .record({
    id: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'),
    name: fc.constantFrom(
      'Alpha',
      'alpha',
      'Beta',
      'Éclair',
      'eclair',
      '',
      'Shelter 10',
      'Shelter 9',
    ),
    withinRadius: fc.boolean(),
    mismatches: fc.subarray([...MISMATCHES]),
    distanceKm: fc.option(fc.constantFrom(0, 1.5, 10, 10.000001, 500), { nil: null }),
  })
  .map((h) => ({ ...h, eligible: h.mismatches.length === 0 }));

const sign = (n: number) => Math.sign(n) || 0;

describe('compareHits', () => {
  it('puts eligible and within the radius first, then fewer mismatches, nearer, by name', () => {
    const ranked = rankHits([
      hit({ id: 'far-ok', withinRadius: false, distanceKm: 90 }),
      hit({ id: 'two', eligible: false, mismatches: ['age', 'gender'], distanceKm: 1 }),
      hit({ id: 'one-far', eligible: false, mismatches: ['age'], distanceKm: 20 }),
      hit({ id: 'one-near', eligible: false, mismatches: ['capacity'], distanceKm: 2 }),
      hit({ id: 'ok-far', distanceKm: 40 }),
      hit({ id: 'ok-near-b', name: 'B', distanceKm: 3 }),
      hit({ id: 'ok-near-a', name: 'a', distanceKm: 3 }),
      hit({ id: 'one-nowhere', eligible: false, mismatches: ['age'], distanceKm: null }),
    ]);
    expect(ranked.map((h) => h.id)).toEqual([
      'ok-near-a',
      'ok-near-b',
      'ok-far',
      'far-ok',
      'one-near',
      'one-far',
      'one-nowhere',
      'two',
    ]);
  });

  it('orders names as a reader expects (numbers by value, case second)', () => {
    const names = ['Shelter 10', 'shelter 9', 'Shelter 9', 'Ärzte', 'Zentrum'];
    const ranked = rankHits(names.map((name, i) => hit({ id: String(i), name })));
    expect(ranked.map((h) => h.name)).toEqual([
      'Ärzte',
      'shelter 9',
      'Shelter 9',
      'Shelter 10',
      'Zentrum',
    ]);
  });

  it('is a total order: reflexive, antisymmetric, transitive, and 0 only for the same id', () => {
    fc.assert(
      fc.property(arbHit, arbHit, arbHit, (a, b, c) => {
        expect(compareHits(a, a)).toBe(0);
        expect(sign(compareHits(a, b)) + sign(compareHits(b, a))).toBe(0);
        if (compareHits(a, b) === 0) expect(a.id).toBe(b.id);
        if (compareHits(a, b) <= 0 && compareHits(b, c) <= 0) {
          expect(compareHits(a, c)).toBeLessThanOrEqual(0);
        }
      }),
      { numRuns: 5000 },
    );
  });

  it('ranks the same whatever the input order', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(arbHit, { selector: (h) => h.id, maxLength: 8 }),
        fc.integer(),
        (hits, seed) => {
          const shuffled = [...hits].sort(
            (x, y) => ((x.id.charCodeAt(0) * seed) % 7) - ((y.id.charCodeAt(0) * seed) % 7),
          );
          expect(rankHits(shuffled)).toEqual(rankHits(hits));
          const ranked = rankHits(hits);
          for (let i = 1; i < ranked.length; i++) {
            expect(compareHits(ranked[i - 1]!, ranked[i]!)).toBeLessThan(0);
          }
        },
      ),
    );
  });

  it('never puts an ineligible or out-of-radius hit before an eligible one within it', () => {
    fc.assert(
      fc.property(fc.uniqueArray(arbHit, { selector: (h) => h.id }), (hits) => {
        const ranked = rankHits(hits);
        const tier = ranked.map((h) => (h.eligible && h.withinRadius ? 0 : 1));
        expect(tier).toEqual([...tier].sort());
      }),
    );
  });
});

describe('evaluate', () => {
  const service = {
    latitude: 41.9028,
    longitude: 12.4964,
    ageMin: 18,
    ageMax: null,
    genders: [],
    nationalities: [],
    statuses: [],
    languages: ['it'],
    capacityAvailable: 3,
  };

  it('gives no distance and no radius limit without a starting point', () => {
    expect(evaluate(service, { radiusKm: 50 })).toEqual({
      eligible: true,
      mismatches: [],
      distanceKm: null,
      withinRadius: true,
    });
  });

  it('measures the distance and compares it with the radius, bounds included', () => {
    const naples = { latitude: 40.8518, longitude: 14.2681 };
    const far = evaluate(service, { from: naples, radiusKm: 100, person: { age: 16 } });
    expect(far.distanceKm).toBeGreaterThan(185);
    expect(far).toMatchObject({ eligible: false, mismatches: ['age'], withinRadius: false });
    const exact = evaluate(service, { from: naples, radiusKm: far.distanceKm! });
    expect(exact.withinRadius).toBe(true);
  });
});
