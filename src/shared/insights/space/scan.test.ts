import { describe, expect, it } from 'vitest';
import { InsightsInputError } from '../errors.ts';
import type { Region, ScanCluster } from '../types.ts';
import { spaceTimeScan } from './index.ts';
import { Multinomial } from './multinomial.ts';
import { scanRng } from './random.ts';
import type { ScanInput } from './scan-input.ts';

const months = (n: number) =>
  Array.from(
    { length: n },
    (_, i) => `${2020 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`,
  );

/** Regions on a grid, 1° apart: region i is at row ⌊i / width⌋, column i mod width. */
function grid(count: number, width: number): Region[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `R${i}`,
    latitude: Math.floor(i / width),
    longitude: i % width,
  }));
}

/** Counts drawn as one multinomial with the given weights (rows = regions). */
function drawCounts(weights: number[][], total: number, seed: number): number[][] {
  const T = weights[0]!.length;
  const out = new Int32Array(weights.length * T);
  new Multinomial(weights.flat(), T).draw(total, scanRng(seed), out);
  return weights.map((_, r) => [...out.subarray(r * T, (r + 1) * T)]);
}

function expectFinite(clusters: readonly ScanCluster[]) {
  for (const c of clusters) {
    for (const x of [c.observed, c.expected, c.relativeRisk, c.logLikelihoodRatio, c.p]) {
      expect(Number.isFinite(x)).toBe(true);
    }
  }
}

describe('space-time scan: a case worked by hand', () => {
  // Regions A (0°, 0°), B (0°, 1°), C (0°, 10°); four months; N = 4 + 8 + 4 = 16.
  // Defaults: largest zone min(10, ⌊3/2⌋) = 1 region, longest window min(12, 4/2) = 2 months.
  // Margins baseline: region totals 4, 8, 4; month totals 3, 3, 7, 3; e[r][t] = n[r]·n[t]/16.
  const input: ScanInput = {
    regions: [
      { id: 'A', latitude: 0, longitude: 0 },
      { id: 'B', latitude: 0, longitude: 1 },
      { id: 'C', latitude: 0, longitude: 10 },
    ],
    periods: ['2024-01', '2024-02', '2024-03', '2024-04'],
    counts: [
      [1, 1, 1, 1],
      [1, 1, 5, 1],
      [1, 1, 1, 1],
    ],
    replications: 99,
    alpha: 1,
  };

  it('finds B in March with the LLR, expected count and relative risk computed by hand', () => {
    const { clusters, replications } = spaceTimeScan(input);
    expect(replications).toBe(99);
    const top = clusters[0]!;
    // B in March: c = 5, e = 8·7/16 = 3.5.
    // LLR = 5·ln(5/3.5) + 11·ln(11/12.5) = 1.783374 − 1.406157 = 0.377208.
    // (B in Feb–Mar: c = 6, e = 8·10/16 = 5: 6·ln(6/5) + 10·ln(10/11) = 0.141… < 0.377.)
    expect(top.regions).toEqual(['B']);
    expect([top.start, top.end]).toEqual(['2024-03', '2024-03']);
    expect(top.observed).toBe(5);
    expect(top.expected).toBeCloseTo(3.5, 12);
    expect(top.logLikelihoodRatio).toBeCloseTo(0.377208, 6);
    // RR = (5/3.5) / (11/12.5) = 1.428571 / 0.88 = 1.623377.
    expect(top.relativeRisk).toBeCloseTo(1.623377, 6);
  });

  it('reports A and C as secondary clusters (alpha = 1) with their best windows', () => {
    const { clusters } = spaceTimeScan(input);
    // A in Jan–Feb: c = 2, e = 4·6/16 = 1.5: 2·ln(2/1.5) + 14·ln(14/14.5) = 0.575364 − 0.491278
    // = 0.084086, above A in January alone (1·ln(1/0.75) + 15·ln(15/15.25) = 0.039761). C is
    // the same; A comes first as the lower-numbered centre.
    expect(clusters.map((c) => c.regions)).toEqual([['B'], ['A'], ['C']]);
    expect(clusters[1]!.logLikelihoodRatio).toBeCloseTo(0.084086, 6);
    expect([clusters[1]!.start, clusters[1]!.end]).toEqual(['2024-01', '2024-02']);
    // p-values are (rank + 1) / 100 and do not decrease as the LLR falls.
    for (const c of clusters) expect(c.p * 100).toBeCloseTo(Math.round(c.p * 100), 9);
    expect(clusters[1]!.p).toBeGreaterThanOrEqual(clusters[0]!.p);
  });

  it('reports only the most likely cluster when the others miss alpha', () => {
    const { clusters } = spaceTimeScan({ ...input, alpha: 0.05 });
    expect(clusters).toHaveLength(1);
    expect(clusters[0]!.regions).toEqual(['B']);
  });

  it('is reproducible for a seed', () => {
    const one = spaceTimeScan({ ...input, seed: 5 });
    expect(spaceTimeScan({ ...input, seed: 5 })).toEqual(one);
  });
});

describe('space-time scan: generated data', () => {
  // 48 regions on an 8 × 6 grid, 36 months; populations vary fourfold.
  const regions = grid(48, 8);
  const T = 36;
  const population = regions.map((_, r) => 1 + ((r * 7) % 4));

  it('finds a planted cluster: the right regions and months, p ≤ 0.01', () => {
    // Regions 18, 19, 26, 27 (a 2 × 2 square) at three times the rate in months 20–23.
    const planted = [18, 19, 26, 27];
    const weights = regions.map((_, r) =>
      Array.from({ length: T }, (_, t) =>
        planted.includes(r) && t >= 20 && t < 24 ? 3 * population[r]! : population[r]!,
      ),
    );
    const counts = drawCounts(weights, 6000, 11);
    const { clusters } = spaceTimeScan({
      regions,
      periods: months(T),
      counts,
      baseline: { kind: 'population', population },
      replications: 99,
    });
    const top = clusters[0]!;
    expect(top.p).toBeLessThanOrEqual(0.01);
    const found = top.regions.map((id) => Number(id.slice(1)));
    expect(found.filter((r) => planted.includes(r)).length).toBeGreaterThanOrEqual(3);
    // A circle holding the 2 × 2 square also holds some of the regions around it (1° away from
    // the square's corners, as its diagonal is √2°), but not the whole largest zone.
    expect(found.length).toBeLessThanOrEqual(8);
    const all = months(T);
    expect(all.indexOf(top.start)).toBeGreaterThanOrEqual(19);
    expect(all.indexOf(top.end)).toBeLessThanOrEqual(24);
    expect(top.relativeRisk).toBeGreaterThan(2);
    expectFinite(clusters);
  });

  it('rarely calls uniform data significant', () => {
    // Under the null p is uniform: P(p < 0.05) = 0.05. Ten data sets: 4 or more below 0.05 has
    // probability about 1e-3.
    const weights = regions.map((_, r) => Array.from({ length: T }, () => population[r]!));
    const ps = Array.from({ length: 10 }, (_, seed) => {
      const { clusters } = spaceTimeScan({
        regions,
        periods: months(T),
        counts: drawCounts(weights, 3000, 100 + seed),
        replications: 99,
        seed,
      });
      expectFinite(clusters);
      return clusters[0]!.p;
    });
    expect(ps.filter((p) => p < 0.05).length).toBeLessThan(4);
    // …and does not call everything insignificant by construction either.
    expect(Math.min(...ps)).toBeLessThan(0.9);
  });

  it('reports secondary clusters that share no region with earlier ones', () => {
    const weights = regions.map((_, r) =>
      Array.from({ length: T }, (_, t) => ((r === 3 && t < 4) || (r === 44 && t > 30) ? 6 : 1)),
    );
    const { clusters } = spaceTimeScan({
      regions,
      periods: months(T),
      counts: drawCounts(weights, 4000, 3),
      replications: 99,
    });
    expect(clusters.length).toBeGreaterThanOrEqual(2);
    const seen = new Set<string>();
    for (const c of clusters) {
      for (const id of c.regions) {
        expect(seen.has(id)).toBe(false);
        seen.add(id);
      }
    }
    const centres = clusters.slice(0, 2).map((c) => c.regions);
    expect(centres.some((ids) => ids.includes('R3'))).toBe(true);
    expect(centres.some((ids) => ids.includes('R44'))).toBe(true);
    for (let i = 1; i < clusters.length; i++) {
      expect(clusters[i]!.logLikelihoodRatio).toBeLessThanOrEqual(
        clusters[i - 1]!.logLikelihoodRatio,
      );
      expect(clusters[i]!.p).toBeLessThanOrEqual(0.05);
    }
  });

  it('gives the same p-values with the pruned and the full search of the replicas', () => {
    // alpha = 1 reports every non-overlapping zone, so secondary clusters fall below the floor
    // of the pruned search and force the full one; the most likely's p must agree with a run
    // that reports it alone.
    const weights = regions.map((_, r) => Array.from({ length: T }, () => population[r]!));
    const input = { regions, periods: months(T), counts: drawCounts(weights, 3000, 8) };
    const alone = spaceTimeScan({ ...input, replications: 99 }).clusters[0]!;
    const all = spaceTimeScan({ ...input, replications: 99, alpha: 1 }).clusters;
    expect(all.length).toBeGreaterThan(3);
    expect(all[0]).toEqual(alone);
  });
});

describe('space-time scan: edge cases never give NaN', () => {
  const regions = grid(4, 2);
  const periods = months(3);

  it('returns no cluster when there are no cases', () => {
    const zero = regions.map(() => [0, 0, 0]);
    expect(spaceTimeScan({ regions, periods, counts: zero }).clusters).toEqual([]);
  });

  it('handles all cases in one cell, one region, one period', () => {
    const counts = [
      [0, 9, 0],
      [0, 0, 0],
      [0, 0, 0],
      [0, 0, 0],
    ];
    const a = spaceTimeScan({
      regions,
      periods,
      counts,
      baseline: { kind: 'population', population: [1, 1, 1, 1] },
    });
    expect(a.clusters[0]!.observed).toBe(9);
    expectFinite(a.clusters);
    // One region under the margins baseline: every cylinder has c = e, nothing to report.
    const one = spaceTimeScan({ regions: regions.slice(0, 1), periods, counts: [[1, 2, 3]] });
    expect(one.clusters).toEqual([]);
    const single = spaceTimeScan({
      regions,
      periods: ['2024-01'],
      counts: counts.map((r) => [r[1]!]),
    });
    expectFinite(single.clusters);
  });

  it('accepts given expected counts at any scale', () => {
    const counts = [
      [1, 2, 3],
      [0, 1, 0],
      [4, 0, 1],
      [0, 0, 9],
    ];
    const expected = regions.map(() => [10, 10, 10]);
    const { clusters } = spaceTimeScan({
      regions,
      periods,
      counts,
      baseline: { kind: 'expected', expected },
    });
    expect(clusters[0]!.regions[0]).toBe('R3');
    // Rescaled to N = 21: each cell expects 21/12 = 1.75.
    const top = clusters[0]!;
    const length = periods.indexOf(top.end) - periods.indexOf(top.start) + 1;
    expect(top.expected).toBeCloseTo(1.75 * top.regions.length * length, 9);
    expectFinite(clusters);
  });
});

describe('space-time scan: bad input', () => {
  const regions = grid(3, 3);
  const periods = months(2);
  const counts = [
    [1, 2],
    [3, 4],
    [5, 6],
  ];
  const fails = (input: Partial<ScanInput>, field: string) => {
    let error: unknown;
    try {
      spaceTimeScan({ regions, periods, counts, ...input });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InsightsInputError);
    expect((error as InsightsInputError).field).toBe(field);
    return (error as Error).message;
  };

  it('refuses negative, fractional or missing counts, naming region and period', () => {
    expect(
      fails(
        {
          counts: [
            [1, 2],
            [3, -1],
            [5, 6],
          ],
        },
        'counts',
      ),
    ).toContain('R1');
    expect(
      fails(
        {
          counts: [
            [1, 2],
            [3, 4],
            [5, 6.5],
          ],
        },
        'counts',
      ),
    ).toContain(periods[1]);
    fails(
      {
        counts: [
          [1, 2],
          [3, 4],
          [5, Number.NaN],
        ],
      },
      'counts',
    );
  });

  it('refuses tables of the wrong shape', () => {
    fails({ counts: counts.slice(0, 2) }, 'counts');
    fails({ counts: [[1, 2], [3], [5, 6]] }, 'counts');
    fails({ baseline: { kind: 'expected', expected: [[1, 1]] } }, 'baseline.expected');
    fails({ baseline: { kind: 'population', population: [1, 2] } }, 'baseline.population');
  });

  it('refuses a population of zero and an expected count of zero where cases are', () => {
    expect(
      fails({ baseline: { kind: 'population', population: [1, 0, 2] } }, 'baseline.population'),
    ).toContain('R1');
    const expected = [
      [1, 1],
      [1, 0],
      [1, 1],
    ];
    fails({ baseline: { kind: 'expected', expected } }, 'baseline.expected');
  });

  it('refuses duplicate regions and periods, and regions without coordinates', () => {
    expect(fails({ regions: [regions[0]!, regions[1]!, regions[0]!] }, 'regions')).toContain('R0');
    fails({ periods: ['2024-01', '2024-01'] }, 'periods');
    fails(
      { regions: [regions[0]!, { id: 'X', latitude: 95, longitude: 0 }, regions[2]!] },
      'regions',
    );
    fails({ regions: [], counts: [] }, 'regions');
  });

  it('refuses options out of range', () => {
    fails({ replications: -1 }, 'replications');
    fails({ replications: 2.5 }, 'replications');
    fails({ maxPopulationShare: 0 }, 'maxPopulationShare');
    fails({ maxRegions: 0 }, 'maxRegions');
    fails({ maxPeriods: 1.5 }, 'maxPeriods');
    fails({ alpha: 2 }, 'alpha');
  });
});
