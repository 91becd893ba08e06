/**
 * Where the encoder finds each schema field: in a LinkRecord (the engine's vocabulary, used by
 * `lantern link --mode pprl`) or in a CSV row (`lantern pprl encode`).
 */
import type { LinkRecord } from '../types.ts';
import { parseDateText } from './tokens.ts';
import type { PprlFields } from './tokens.ts';

/** Keys of LinkRecord.identifiers read for the address features (FEBRL-style files). */
const IDENTIFIER_ALIASES: Record<string, string[]> = {
  postcode: ['postcode', 'postal_code', 'zip'],
  streetNumber: ['streetNumber', 'street_number'],
  address1: ['address1', 'address_1'],
  address2: ['address2', 'address_2'],
};

/**
 * The schema fields of a LinkRecord: names, date of birth, sex, the first place, and any other
 * feature name looked up in `identifiers` (see IDENTIFIER_ALIASES).
 */
export function fieldsOfLinkRecord(r: LinkRecord, featureNames: readonly string[]): PprlFields {
  const place = r.places[0];
  const out: PprlFields = {
    givenName: r.givenName,
    familyName: r.familyName,
    birth: r.birth,
    sex: r.sex,
    country: place?.country ?? null,
    adminArea: place?.adminArea ?? null,
    locality: place?.locality ?? null,
  };
  for (const name of featureNames) {
    if (name in out) continue;
    const keys = IDENTIFIER_ALIASES[name] ?? [name];
    const key = keys.find((k) => typeof r.identifiers[k] === 'string' && r.identifiers[k] !== '');
    out[name] = key === undefined ? null : r.identifiers[key];
  }
  return out;
}

/** CSV header names (lower case, spaces and punctuation removed) for each field. */
const CSV_COLUMNS: Record<string, string[]> = {
  givenName: ['givenname', 'given', 'firstname', 'forename', 'first'],
  familyName: ['surname', 'familyname', 'lastname', 'family', 'last'],
  birth: ['dateofbirth', 'dob', 'birthdate', 'birth'],
  sex: ['sex', 'gender'],
  country: ['country', 'countrycode'],
  adminArea: ['state', 'adminarea', 'region', 'province', 'governorate'],
  locality: ['suburb', 'locality', 'city', 'town', 'village'],
  postcode: ['postcode', 'postalcode', 'zip', 'zipcode'],
  streetNumber: ['streetnumber', 'housenumber'],
  address1: ['address1', 'address', 'street'],
  address2: ['address2'],
};

export const headerKey = (h: string): string => h.toLowerCase().replace(/[^a-z0-9]/g, '');

/** For each feature, the index of its column in the header, or -1 when the file has none. */
export function csvColumnsFor(header: readonly string[], featureNames: readonly string[]) {
  const keys = header.map(headerKey);
  const columns: Record<string, number> = {};
  for (const name of featureNames) {
    const wanted = CSV_COLUMNS[name] ?? [headerKey(name)];
    columns[name] = keys.findIndex((k) => wanted.includes(k));
  }
  return columns;
}

/** 'F' | 'M' from the usual spellings; null for anything else (an unknown sex is missing). */
export function sexOf(raw: string): 'F' | 'M' | null {
  const s = raw.trim().toLowerCase();
  if (s === 'f' || s === 'female' || s === 'w' || s === 'woman' || s === 'girl') return 'F';
  if (s === 'm' || s === 'male' || s === 'man' || s === 'boy') return 'M';
  return null;
}

/**
 * The fields of one CSV row. Blank cells are missing values. Returns the names of columns whose
 * content could not be read (an unreadable date), never their content.
 */
export function fieldsOfCsvRow(
  cells: readonly string[],
  columns: Record<string, number>,
): { fields: PprlFields; unreadable: string[] } {
  const fields: PprlFields = {};
  const unreadable: string[] = [];
  for (const [name, index] of Object.entries(columns)) {
    const raw = index < 0 ? '' : (cells[index] ?? '').trim();
    if (raw === '') {
      fields[name] = null;
    } else if (name === 'birth') {
      const d = parseDateText(raw);
      if (!d) unreadable.push(name);
      fields[name] = d;
    } else if (name === 'sex') {
      fields[name] = sexOf(raw);
    } else {
      fields[name] = raw;
    }
  }
  return { fields, unreadable };
}
