import type { RoutesResponse, SdgResponse } from '../../shared/api/insights.schema.ts';
import { isCountryCode } from '../../shared/codes/countries.ts';
import { POPULATION_SOURCE, populationOf } from '../../shared/insights/population.ts';
import type { RouteInput } from '../../shared/insights/routes.ts';
import { buildRoutes } from '../../shared/insights/routes.ts';
import type { SdgInput } from '../../shared/insights/sdg.ts';
import { sdgRows } from '../../shared/insights/sdg.ts';
import { ageGroupOf } from './analytics-shape.ts';
import type { Geography } from './analytics.repo.ts';
import type { RecordGroup } from './public-dashboard.ts';

// Routes and SDG 16.2.2 of a released hub publication (docs/insights.md), for anyone without a
// session, from the same reading of the file as the public dashboard (public-dashboard.ts):
// citizenship → CountryOfExploitation (CTDC has no transit), yearly. A value the release
// generalised (a region for a country, a range of years) cannot be placed: it counts as unknown.

/** An alpha-2 code, or null for 'unknown' and generalised values (`Africa`, `*`). */
const placed = (key: string): string | null => (isCountryCode(key) ? key : null);

/**
 * The dashboard's gender keys → the SDG sex groups. CTDC's Transgender does not say which way
 * a person identifies, and a missing gender is unknown: both are 'other'.
 */
function sexOf(gender: string): SdgInput['sex'] {
  if (gender === 'Feminine') return 'female';
  if (gender === 'Masculine') return 'male';
  return 'other';
}

/** Routes of the records: origin citizenship, destination country of exploitation. */
export function publicRoutes(groups: readonly RecordGroup[], minCell: number): RoutesResponse {
  const input: RouteInput[] = groups.map((g) => ({
    origin: placed(g.keys.citizenship),
    transit: [],
    destination: placed(g.keys.countryOfExploitation),
    count: g.n,
  }));
  return buildRoutes(input, minCell);
}

/**
 * SDG 16.2.2 of the records registered in `year` (default: the latest single year in the file).
 * Every CTDC record is an identified victim (CTDC Data Codebook), so all are counted; forms are
 * the HTCDS types the file's flags name (public-dashboard.ts).
 */
export function publicSdg(
  groups: readonly RecordGroup[],
  q: { year?: string | undefined; geography: Geography },
  minCell: number,
): SdgResponse {
  const years = groups.map((g) => g.year).filter((y): y is string => y !== null);
  const year = q.year ?? (years.length > 0 ? years.reduce((a, b) => (a > b ? a : b)) : null);
  const head = { year, geography: q.geography, populationSource: POPULATION_SOURCE, minCell };
  if (!year) return { ...head, rows: [] };
  const input: SdgInput[] = [];
  for (const g of groups) {
    const country = placed(g.keys[q.geography]);
    if (g.year !== year || !country) continue;
    input.push({
      country,
      sex: sexOf(g.keys.gender),
      age: ageGroupOf(g.keys.ageBand),
      forms: g.exploitation,
      count: g.n,
    });
  }
  return { ...head, rows: sdgRows(input, minCell, populationOf) };
}
