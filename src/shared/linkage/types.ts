/**
 * The record linkage engine's vocabulary (docs/reunite.md): pure TypeScript used by the server
 * (tracing, duplicates), the CLI (`lantern link`, `dedupe`, `names score`) and the benchmarks.
 */

/** A date known to a precision: a year alone, a year and month, or a full date. */
export interface PartialDate {
  year: number | null;
  month: number | null;
  day: number | null;
}

/** One person as the matcher sees it. Every field may be missing. */
export interface LinkRecord {
  id: string;
  /** Given names and family names as written, in any script. */
  givenName: string | null;
  familyName: string | null;
  /** Other names and spellings the person is known by. */
  aliases: string[];
  /** 'F' | 'M' | null: the matcher compares sex only, never a gender identity beyond it. */
  sex: 'F' | 'M' | null;
  birth: PartialDate | null;
  /** Age in years at `ageAt` when no date of birth is known. */
  age: number | null;
  ageAt: string | null;
  /** Places (of birth, residence, separation): ISO 3166-1 alpha-2, an admin area, a locality. */
  places: { country: string | null; adminArea: string | null; locality: string | null }[];
  /** Other identifiers compared exactly when both have them (a document number, a phone). */
  identifiers: Record<string, string>;
  /**
   * Other attributes compared as generic strings (FEBRL's street_number, address_1, suburb,
   * postcode…), by column name. Optional: records without it have none.
   */
  attributes?: Record<string, string>;
}

/** How two values compared, for one field: the level and the weight it contributed. */
export interface FieldComparison {
  /** 'name', 'birth', 'age', 'sex', 'place', an identifier's or an attribute's name. */
  field: string;
  /** The comparison level, e.g. 'exact', 'transliterated', 'phonetic', 'fuzzy', 'swapped', 'different', 'missing'. */
  level: string;
  /** log2(m/u) of that level (Fellegi–Sunter match weight); 0 when missing. */
  weight: number;
}

/** A scored pair with its explanation, best evidence first. */
export interface ScoredPair {
  a: string;
  b: string;
  /** Sum of the field weights plus the prior log-odds. */
  weight: number;
  /** Posterior match probability from the weight and the prior. */
  probability: number;
  fields: FieldComparison[];
}
