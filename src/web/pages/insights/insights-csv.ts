import type {
  HotspotsResponse,
  RoutesResponse,
  SdgResponse,
} from '../../../shared/api/insights.schema.ts';
import { countText, decimalText, figureCsv } from '../../components/charts/figure-csv.ts';
import { giStarRows } from './hotspots-model.ts';

/**
 * The CSV downloads of the maps: each the table beside its map, row for row, with the words the
 * page shows (already translated by the caller). A suppressed count is the word, never a number;
 * measured values keep the table's decimals with a point, so spreadsheets read them as numbers.
 * Pure, so they are unit-tested.
 */

export interface CsvWords {
  country: (code: string) => string;
  suppressed: string;
}

/** p as the table shows it: three decimals, "<0.001" below (a Monte Carlo p is never 0). */
export const pText = (p: number | null | undefined): string =>
  p === null || p === undefined || !Number.isFinite(p) ? '' : p < 0.001 ? '<0.001' : p.toFixed(3);

/** The routes table (origin, transit, destination, cases): the flow map's CSV. */
export function routesCsv(
  flows: RoutesResponse['flows'],
  words: CsvWords & { header: readonly string[]; direct: string; arrow: string },
): string {
  return figureCsv(
    words.header,
    flows.map((f) => [
      words.country(f.origin),
      f.transit.length === 0 ? words.direct : f.transit.map(words.country).join(` ${words.arrow} `),
      words.country(f.destination),
      countText(f.count, words.suppressed),
    ]),
  );
}

/** The Gi* table (country, cases, z, p, verdict) in the table's order: the choropleth's CSV. */
export function giStarCsv(
  giStar: HotspotsResponse['giStar'],
  words: CsvWords & { header: readonly string[]; hot: string; cold: string; neither: string },
): string {
  return figureCsv(
    words.header,
    giStarRows(giStar).map((g) => [
      words.country(g.country),
      countText(g.count, words.suppressed),
      decimalText(g.z, 2),
      pText(g.p),
      g.hot ? words.hot : g.cold ? words.cold : words.neither,
    ]),
  );
}

type SdgRow = SdgResponse['rows'][number];
type Rate = SdgRow['total'];

/**
 * The SDG 16.2.2 table: country, population, then for each group (total, by sex, by age, as the
 * page) its victims and its rate per 100,000 in two columns, then the notes. No rate (population
 * unknown or zero) is an empty cell, explained in the notes column.
 */
export function sdgCsv(
  rows: readonly SdgRow[],
  words: CsvWords & {
    countryHeading: string;
    populationHeading: string;
    notesHeading: string;
    groups: readonly { victims: string; rate: string; of: (r: SdgRow) => Rate }[];
    note: (r: SdgRow) => string;
  },
): string {
  return figureCsv(
    [
      words.countryHeading,
      words.populationHeading,
      ...words.groups.flatMap((g) => [g.victims, g.rate]),
      words.notesHeading,
    ],
    rows.map((r) => [
      words.country(r.country),
      decimalText(r.population, 0),
      ...words.groups.flatMap((g) => {
        const rate = g.of(r);
        return [countText(rate.victims, words.suppressed), decimalText(rate.per100k, 2)];
      }),
      words.note(r),
    ]),
  );
}
