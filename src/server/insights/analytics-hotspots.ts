import type { HotspotsResponse } from '../../shared/api/insights.schema.ts';
import { populationOf } from '../../shared/insights/population.ts';
import type { ScanBaseline } from '../../shared/insights/space/index.ts';
import {
  countryNeighbours,
  countryRegions,
  giStar,
  spaceTimeScan,
} from '../../shared/insights/space/index.ts';
import { cell } from '../../shared/insights/suppress.ts';
import type { Period } from '../../shared/insights/types.ts';

/** Monte Carlo replications of the scan (Kulldorff 2001, JRSS A 164:61: 999 for p to 0.001). */
export const HOTSPOT_REPLICATIONS = 999;
/** A fixed seed: the same cases give the same p-values on every request. */
export const HOTSPOT_SEED = 7;

/** Counts of cases per country (alpha-2) and month: counts[r][t]. */
export interface CountryGrid {
  codes: readonly string[];
  periods: readonly Period[];
  counts: readonly (readonly number[])[];
}

type Analysis = Pick<HotspotsResponse, 'replications' | 'clusters' | 'giStar' | 'notice'>;

const list = (codes: readonly string[]) => [...codes].sort().join(', ');

/**
 * Hot spots of a country × month grid (docs/insights.md): Kulldorff's space-time Poisson scan
 * (Kulldorff 1997, Commun Stat 26:1481; space-time: Kulldorff et al. 1998, Am J Public
 * Health 88:1377) with 999 Monte Carlo replications, and Getis-Ord Gi* of each country's total
 * over the window with neighbours by shared boundary (Getis & Ord 1992; Ord & Getis 1995). The study
 * area is the countries the grid names: those without a centroid (and, on the population
 * baseline, without a population) are left out and named in `notice`, as are clusters too small
 * to publish. Fewer than two countries or no case: no analysis, a notice, never an error.
 */
export function analyseHotspots(
  grid: CountryGrid,
  baseline: 'expected' | 'population',
  minCell: number,
): Analysis {
  const notices: string[] = [];
  const { regions: located, unknown } = countryRegions(grid.codes);
  if (unknown.length > 0) notices.push(`Left out, no boundary in the map: ${list(unknown)}.`);
  const noPopulation = located.filter((r) => !((populationOf(r.id) ?? 0) > 0)).map((r) => r.id);
  const regions =
    baseline === 'population' ? located.filter((r) => !noPopulation.includes(r.id)) : located;
  if (baseline === 'population' && noPopulation.length > 0) {
    notices.push(`Left out, no population figure: ${list(noPopulation)}.`);
  }
  const row = new Map(grid.codes.map((c, i) => [c, grid.counts[i]!]));
  const counts = regions.map((r) => row.get(r.id)!);
  const totals = counts.map((c) => c.reduce((s, n) => s + n, 0));
  const total = totals.reduce((s, n) => s + n, 0);

  if (regions.length < 2 || total === 0) {
    notices.push(
      total === 0
        ? 'No cases in the period: nothing to scan.'
        : 'Fewer than two countries with cases in the period: no cluster can be told apart.',
    );
    return { replications: 0, clusters: [], giStar: [], notice: notices.join(' ') };
  }

  const scanBaseline: ScanBaseline =
    baseline === 'population'
      ? { kind: 'population', population: regions.map((r) => populationOf(r.id)!) }
      : { kind: 'margins' };
  const scan = spaceTimeScan({
    regions,
    periods: grid.periods,
    counts,
    baseline: scanBaseline,
    replications: HOTSPOT_REPLICATIONS,
    seed: HOTSPOT_SEED,
  });
  const clusters = scan.clusters.filter((c) => c.observed >= minCell);
  const withheld = scan.clusters.length - clusters.length;
  if (withheld > 0) {
    notices.push(`${withheld} cluster(s) of fewer than ${minCell} cases not shown.`);
  }

  const index = new Map(regions.map((r, i) => [r.id, i]));
  const neighbours = regions.map((r) =>
    countryNeighbours(r.id)
      .map((code) => index.get(code))
      .filter((i): i is number => i !== undefined),
  );
  const stars = giStar({ regions: regions.map((r) => r.id), values: totals, neighbours });
  const totalOf = new Map(regions.map((r, i) => [r.id, totals[i]!]));

  return {
    replications: scan.replications,
    clusters: clusters.map((c) => ({
      countries: [...c.regions],
      start: c.start,
      end: c.end,
      observed: c.observed,
      expected: c.expected,
      relativeRisk: c.relativeRisk,
      logLikelihoodRatio: c.logLikelihoodRatio,
      p: c.p,
    })),
    giStar: stars.map((g) => ({
      country: g.region,
      count: cell(totalOf.get(g.region)!, minCell),
      z: g.z,
      p: g.p,
      hot: g.hot,
      cold: g.cold,
    })),
    notice: notices.length > 0 ? notices.join(' ') : null,
  };
}
