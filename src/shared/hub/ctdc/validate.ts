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
  /**
   * Whether a value this column refuses may be quoted in an error message: only when it has the
   * column's own shape (see `shownValue`), never when it could be a name.
   */
  quotable(value: string): boolean;
}

// What an error may quote of a refused cell. A names column pasted into a coded one must not
// come back in a message, and a name can be one short word ("Li", "Ana", "Ben"): so a value is
// quoted only when it has the column's own shape — a short number or range ("-98", "2",
// "18-20", "1.0"), a usual placeholder ("yes", "n/a"), one of the column's values in another
// case ("female"), or for a country column an upper-case ISO code ("GBR"). Anything else is
// described by its length. Long digit strings are not quoted either (a telephone number, a
// date of birth).
const SHORT_NUMBER = /^(?:[-+]?\d{1,4}|\d{1,2}\.\d{1,2}|\d{1,2}\s*-{1,2}\s*\d{1,2}|\d{1,2}\+)$/;
const PLACEHOLDERS = new Set([
  'yes',
  'no',
  'y',
  'n',
  'x',
  'true',
  'false',
  'na',
  'n/a',
  'null',
  'none',
  'unknown',
  'missing',
]);
const codeLike = (v: string): boolean => SHORT_NUMBER.test(v) || PLACEHOLDERS.has(v.toLowerCase());

/** Quotable: code-like, or one of `values` whatever its case. */
function quotableAmong(values: Iterable<string>): (v: string) => boolean {
  const lower = new Set([...values].map((x) => x.toLowerCase()));
  return (v) => codeLike(v) || lower.has(v.toLowerCase());
}

const either = (values: readonly string[]) =>
  values.length === 1 ? values[0]! : `${values.slice(0, -1).join(', ')} or ${values.at(-1)}`;

function oneOf(values: readonly string[], missing: string): ColumnRule {
  const set = new Set([...values, missing]);
  const shown = missing === '' ? [...values, 'empty'] : [...values, missing];
  return { accepts: (v) => set.has(v), expected: either(shown), quotable: quotableAmong(values) };
}

// The registration years CTDC publishes start in 2002; earlier years are accepted for older
// records, later ones up to 2100 so that the rule does not age.
const YEAR = /^(19[5-9][0-9]|20[0-9][0-9]|2100)$/;
const year = (missing: string): ColumnRule => ({
  accepts: (v) => v === missing || YEAR.test(v),
  expected: `a year (four digits) or ${missing === '' ? 'empty' : missing}`,
  quotable: codeLike,
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
  const known = quotableAmong(labels);
  return {
    accepts: remembered(
      (v) =>
        v === CTDC_MISSING ||
        (v !== '' && v.split(CONCATENATION_SEPARATOR).every((l) => labels.has(l.trim()))),
    ),
    expected: `labels from ${either([...labels])} separated by "${CONCATENATION_SEPARATOR}", or ${CTDC_MISSING}`,
    // Every label known (in another case, or spaced differently): an unknown one could be a name.
    quotable: (v) =>
      codeLike(v) ||
      v.split(CONCATENATION_SEPARATOR).every((l) => l.trim() !== '' && known(l.trim())),
  };
}

const GLOBAL_FLAG = oneOf(['0', '1'], CTDC_MISSING);
/** An ISO code of either length in upper case ("GBR" where alpha-2 is expected); "Li" is not. */
const countryQuotable = (v: string): boolean =>
  codeLike(v) || (/^[A-Z]{2,3}$/.test(v) && (isCountryCode(v) || isAlpha3(v)));

const GLOBAL_COUNTRY: ColumnRule = {
  accepts: (v) => v === CTDC_MISSING || isCountryCode(v),
  expected: `an ISO 3166-1 alpha-2 country code or ${CTDC_MISSING}`,
  quotable: countryQuotable,
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
  quotable: countryQuotable,
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

const MAX_SHOWN = 40;

/**
 * A refused value as an error message may show it: quoted only when `rule` finds it quotable
 * (short and of the column's own shape), otherwise "a value of N characters".
 */
export function shownValue(value: string, rule: ColumnRule): string {
  if (value === '') return 'an empty value';
  if (value.length > MAX_SHOWN || !rule.quotable(value)) {
    return `a value of ${[...value].length} characters`;
  }
  return `"${value}"`;
}

/**
 * Whether `column` (of either layout) may quote `value` in a message: for a second check where
 * messages leave the server (defence in depth). False for a column of neither layout.
 */
export function mayQuote(column: string, value: string): boolean {
  if (value.length > MAX_SHOWN) return false;
  const rules = [GLOBAL_RULES.get(column), SYNTHETIC_RULES.get(column)];
  return rules.some((r) => r?.quotable(value) === true);
}
