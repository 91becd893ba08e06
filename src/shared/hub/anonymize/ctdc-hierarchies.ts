/**
 * Built-in generalisation hierarchies for the quasi-identifiers of the CTDC global dataset
 * (column names and vocabularies from ../ctdc/global-layout.ts). CTDC's missing value `-99`
 * stays `-99` at every level below the top: "not recorded" is not widened into a real value.
 *
 * - ageBroad: CTDC band → wider band (0–17, 18–29, 30–47, 48+) → Minor / Adult → `*`.
 * - citizenship, CountryOfExploitation: ISO alpha-2 → M49 intermediate region (the sub-region
 *   where M49 has none) → M49 sub-region → M49 region → `*` (../../codes/m49.ts).
 * - yearOfRegistration: year → 5-year period → decade → `*`, over the years the CTDC reader
 *   accepts (1950–2100).
 * - gender, Datasource, the majority columns and every 0/1 flag: value → `*`.
 */
import { COUNTRY_CODES } from '../../codes/countries.ts';
import { m49Area } from '../../codes/m49.ts';
import {
  CTDC_AGE_BANDS,
  CTDC_DATASOURCES,
  CTDC_FLAG_COLUMNS,
  CTDC_GENDERS,
  CTDC_MAJORITY,
  CTDC_MISSING,
} from '../ctdc/index.ts';
import type { Hierarchies } from './hierarchy.ts';
import { Hierarchy } from './hierarchy.ts';

const TOP = '*';
export const FIRST_YEAR = 1950;
export const LAST_YEAR = 2100;

/** Rows for the missing value: `-99` up to the level below the top. */
const missingRow = (levels: number) => [...new Array<string>(levels - 1).fill(CTDC_MISSING), TOP];

function flat(column: string, values: readonly string[]): Hierarchy {
  return new Hierarchy(column, [...values.map((v) => [v, TOP]), [CTDC_MISSING, TOP]]);
}

const WIDE_AGE: Record<string, [string, string]> = {
  '0--8': ['0--17', 'Minor'],
  '9--17': ['0--17', 'Minor'],
  '18--20': ['18--29', 'Adult'],
  '21--23': ['18--29', 'Adult'],
  '24--26': ['18--29', 'Adult'],
  '27--29': ['18--29', 'Adult'],
  '30--38': ['30--47', 'Adult'],
  '39--47': ['30--47', 'Adult'],
  '48+': ['48+', 'Adult'],
};

function ageHierarchy(): Hierarchy {
  const rows = CTDC_AGE_BANDS.map((band) => [band, ...WIDE_AGE[band]!, TOP]);
  return new Hierarchy('ageBroad', [...rows, missingRow(4)]);
}

function countryHierarchy(column: string): Hierarchy {
  const rows = COUNTRY_CODES.map((code) => {
    const a = m49Area(code);
    if (!a) throw new Error(`M49 table lacks ${code}`); // a unit test keeps the two lists equal
    return [code, a.intermediateRegion, a.subRegion, a.region, TOP];
  });
  return new Hierarchy(column, [...rows, missingRow(5)]);
}

function yearHierarchy(): Hierarchy {
  const rows: string[][] = [];
  for (let y = FIRST_YEAR; y <= LAST_YEAR; y++) {
    const five = y - (y % 5);
    const ten = y - (y % 10);
    rows.push([String(y), `${five}-${five + 4}`, `${ten}-${ten + 9}`, TOP]);
  }
  return new Hierarchy('yearOfRegistration', [...rows, missingRow(4)]);
}

let built: Map<string, Hierarchy> | null = null;

/**
 * The built-in hierarchies, by CTDC column name (built once). A CTDC column not listed here
 * (the `…Concatenated` columns, RecruiterRelationship) has none: give it a hierarchy file to use
 * it as a quasi-identifier.
 */
export function ctdcHierarchies(): Hierarchies {
  if (built) return built;
  const all = new Map<string, Hierarchy>();
  all.set('ageBroad', ageHierarchy());
  all.set('citizenship', countryHierarchy('citizenship'));
  all.set('CountryOfExploitation', countryHierarchy('CountryOfExploitation'));
  all.set('yearOfRegistration', yearHierarchy());
  all.set('gender', flat('gender', CTDC_GENDERS));
  all.set('Datasource', flat('Datasource', CTDC_DATASOURCES));
  for (const c of ['majorityStatus', 'majorityStatusAtExploit', 'majorityEntry'])
    all.set(c, flat(c, CTDC_MAJORITY));
  for (const c of CTDC_FLAG_COLUMNS) all.set(c, flat(c, ['0', '1']));
  built = all;
  return all;
}
