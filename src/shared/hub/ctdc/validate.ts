/**
 * What each column of the two CTDC layouts may hold. A rule is a set of allowed values (or a
 * test) and the words to describe it in an error. Values are compared exactly as written:
 * the published files are machine-written, and a near miss ("female") is more likely a file
 * from somewhere else than a spelling to guess at.
 */
import { isCountryCode } from '../../codes/countries.ts';
import {
  CONCATENATED_LABELS,
  CONCATENATION_SEPARATOR,
  CTDC_AGE_BANDS,
  CTDC_COLUMNS,
  CTDC_DATASOURCES,
  CTDC_GENDERS,
  CTDC_MAJORITY,
  CTDC_MISSING,
  type ConcatenatedColumn,
  type CtdcColumn,
} from './global-layout.ts';
import {
  SYNTHETIC_AGE_BANDS,
  SYNTHETIC_COLUMNS,
  SYNTHETIC_GENDERS,
  SYNTHETIC_MISSING,
  SYNTHETIC_TRAFFICK_MONTHS,
  isAlpha3,
  type SyntheticColumn,
} from './synthetic-layout.ts';

export interface ColumnRule {
  accepts(value: string): boolean;
  /** e.g. "Female, Male, Transgender or -99". */
  expected: string;
}

const either = (values: readonly string[]) =>
  values.length === 1 ? values[0]! : `${values.slice(0, -1).join(', ')} or ${values.at(-1)}`;

function oneOf(values: readonly string[], missing: string): ColumnRule {
  const set = new Set([...values, missing]);
  const shown = missing === '' ? [...values, 'empty'] : [...values, missing];
  return { accepts: (v) => set.has(v), expected: either(shown) };
}

// The registration years CTDC publishes start in 2002; earlier years are accepted for older
// records, later ones up to 2100 so that the rule does not age.
const YEAR = /^(19[5-9][0-9]|20[0-9][0-9]|2100)$/;
const year = (missing: string): ColumnRule => ({
  accepts: (v) => v === missing || YEAR.test(v),
  expected: `a year (four digits) or ${missing === '' ? 'empty' : missing}`,
});

/** Remembers the answers for values already seen (a column repeats few values). */
function remembered(test: (v: string) => boolean): (v: string) => boolean {
  const seen = new Map<string, boolean>();
  return (v) => {
    let ok = seen.get(v);
    if (ok === undefined) {
      ok = test(v);
      if (seen.size < 10_000) seen.set(v, ok);
    }
    return ok;
  };
}

function concatenated(column: ConcatenatedColumn): ColumnRule {
  const labels = new Set<string>(Object.values(CONCATENATED_LABELS[column]));
  return {
    accepts: remembered(
      (v) =>
        v === CTDC_MISSING ||
        (v !== '' && v.split(CONCATENATION_SEPARATOR).every((l) => labels.has(l.trim()))),
    ),
    expected: `labels from ${either([...labels])} separated by "${CONCATENATION_SEPARATOR}", or ${CTDC_MISSING}`,
  };
}

const GLOBAL_FLAG = oneOf(['0', '1'], CTDC_MISSING);
const GLOBAL_COUNTRY: ColumnRule = {
  accepts: (v) => v === CTDC_MISSING || isCountryCode(v),
  expected: `an ISO 3166-1 alpha-2 country code or ${CTDC_MISSING}`,
};

const GLOBAL_SPECIAL: Partial<Record<CtdcColumn, ColumnRule>> = {
  yearOfRegistration: year(CTDC_MISSING),
  Datasource: oneOf(CTDC_DATASOURCES, CTDC_MISSING),
  gender: oneOf(CTDC_GENDERS, CTDC_MISSING),
  ageBroad: oneOf(CTDC_AGE_BANDS, CTDC_MISSING),
  majorityStatus: oneOf(CTDC_MAJORITY, CTDC_MISSING),
  majorityStatusAtExploit: oneOf(CTDC_MAJORITY, CTDC_MISSING),
  majorityEntry: oneOf(CTDC_MAJORITY, CTDC_MISSING),
  citizenship: GLOBAL_COUNTRY,
  CountryOfExploitation: GLOBAL_COUNTRY,
  meansOfControlConcatenated: concatenated('meansOfControlConcatenated'),
  typeOfExploitConcatenated: concatenated('typeOfExploitConcatenated'),
  typeOfLabourConcatenated: concatenated('typeOfLabourConcatenated'),
  typeOfSexConcatenated: concatenated('typeOfSexConcatenated'),
  RecruiterRelationship: concatenated('RecruiterRelationship'),
};

/** The rule of each column of the global layout (CTDC codebook, per variable); the rest are flags. */
export const GLOBAL_RULES: ReadonlyMap<string, ColumnRule> = new Map(
  CTDC_COLUMNS.map((c) => [c, GLOBAL_SPECIAL[c] ?? GLOBAL_FLAG]),
);

const SYNTHETIC_FLAG = oneOf(['0', '1'], SYNTHETIC_MISSING);
const SYNTHETIC_COUNTRY: ColumnRule = {
  accepts: (v) => v === SYNTHETIC_MISSING || isAlpha3(v),
  expected: 'an ISO 3166-1 alpha-3 country code or empty',
};

const SYNTHETIC_SPECIAL: Partial<Record<SyntheticColumn, ColumnRule>> = {
  yearOfRegistration: year(SYNTHETIC_MISSING),
  gender: oneOf(SYNTHETIC_GENDERS, SYNTHETIC_MISSING),
  ageBroad: oneOf(SYNTHETIC_AGE_BANDS, SYNTHETIC_MISSING),
  citizenship: SYNTHETIC_COUNTRY,
  CountryOfExploitation: SYNTHETIC_COUNTRY,
  traffickMonths: oneOf(SYNTHETIC_TRAFFICK_MONTHS, SYNTHETIC_MISSING),
};

/** The rule of each column of the synthetic layout (CTDC synthetic data codebook); the rest are flags. */
export const SYNTHETIC_RULES: ReadonlyMap<string, ColumnRule> = new Map(
  SYNTHETIC_COLUMNS.map((c) => [c, SYNTHETIC_SPECIAL[c] ?? SYNTHETIC_FLAG]),
);

// Several words of letters ("Maria Lopez") could be a name: such a value is described, not
// quoted, so that an error message never carries one. Codes and numbers are quoted.
const NAME_LIKE = /^\p{L}+(?:[ '’-]+\p{L}+)+$/u;
const MAX_SHOWN = 24;

/** The bad value as an error message may show it: quoted when short and code-like. */
export function shownValue(value: string): string {
  if (value === '') return 'an empty value';
  if (value.length > MAX_SHOWN || NAME_LIKE.test(value)) {
    return `a value of ${value.length} characters`;
  }
  return `"${value}"`;
}
