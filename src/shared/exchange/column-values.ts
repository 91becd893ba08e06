/**
 * How one spreadsheet column holds one Lantern value: what a cell's text becomes on import and
 * what a value becomes on export. Each kind is a small constructor, so that the column map
 * (htcds-columns.ts) stays one line per column.
 */
import type { CodeList } from './code-lists.ts';
import { lookupIn } from './code-lists.ts';
import { countryCodeOf } from './country-names.ts';

/** A cell read: a value for the case body (undefined: left out), or why the text is wrong. */
export type CellRead =
  { ok: true; value: unknown; warning?: string } | { ok: false; message: string };

export interface ColumnValue {
  /** Where the value sits in the case body and the export record, e.g. `person.givenName`. */
  path: string;
  /** False for columns that the export fills but an import ignores (identity columns). */
  importable: boolean;
  /** Why an importable-looking column is not imported (shown in the import report). */
  ignoredBecause?: string;
  /** Several columns make one field, joined with this on import; the export fills the first. */
  joinWith?: string;
  read(text: string): CellRead;
  write(value: unknown): string;
}

/** The HTCDS toolkit's multi-select separator (the VBA of its multi-select template: `"; "`). */
export const MULTI_SEPARATOR = '; ';

const ok = (value: unknown): CellRead => ({ ok: true, value });
const fail = (message: string): CellRead => ({ ok: false, message });
const str = (v: unknown): string =>
  typeof v === 'string' ? v : typeof v === 'number' && Number.isFinite(v) ? String(v) : '';

/** Free text, validated by the case schema (length, control characters, format). */
export const text = (path: string, opts: { joinWith?: string } = {}): ColumnValue => ({
  path,
  importable: true,
  ...opts,
  read: ok,
  write: str,
});

/** A calendar date, written and read as ISO 8601 `YYYY-MM-DD` (the schema checks it exists). */
export const date = (path: string): ColumnValue => ({
  path,
  importable: true,
  read: (t) => (/^\d{4}-\d{2}-\d{2}$/.test(t) ? ok(t) : fail('must be a date as YYYY-MM-DD')),
  write: str,
});

/** A whole number of years, months, … */
export const wholeNumber = (path: string): ColumnValue => ({
  path,
  importable: true,
  read: (t) => (/^\d{1,6}$/.test(t) ? ok(Number(t)) : fail('must be a whole number')),
  write: str,
});

const choices = (list: CodeList) => list.values.map((v) => list.written[v]).join(', ');

/** A single-select picklist: written in the toolkit's spelling, read in any accepted one. */
export function pick<T extends string>(path: string, list: CodeList<T>): ColumnValue {
  const lookup = lookupIn(list);
  return {
    path,
    importable: true,
    read: (t) => {
      const v = lookup(t);
      return v ? ok(v) : fail(`must be one of: ${choices(list)}`);
    },
    write: (v) => (typeof v === 'string' && v in list.written ? list.written[v as T] : str(v)),
  };
}

/**
 * Splits a multi-select cell at the toolkit's semicolons. One toolkit label has a semicolon of
 * its own ("Water supply; sewerage, waste management and remediation"), so neighbouring pieces
 * that together spell a known value are kept together.
 */
export function splitMulti<T>(
  t: string,
  lookup: (s: string) => T | undefined,
): { values: T[]; unknown: number[] } {
  const pieces = t.split(';');
  const values: T[] = [];
  const unknown: number[] = [];
  let item = 0;
  for (let i = 0; i < pieces.length;) {
    if (pieces[i]!.trim() === '') {
      i++;
      continue;
    }
    item++;
    let taken = 0;
    for (let k = Math.min(3, pieces.length - i); k >= 1 && !taken; k--) {
      const hit = lookup(
        pieces
          .slice(i, i + k)
          .join(';')
          .trim(),
      );
      if (hit !== undefined) {
        if (!values.includes(hit)) values.push(hit);
        taken = k;
      }
    }
    if (!taken) unknown.push(item);
    i += taken || 1;
  }
  return { values, unknown };
}

const items = (n: number[]) => (n.length === 1 ? `item ${n[0]}` : `items ${n.join(', ')}`);

/** A multi-select picklist, values separated by `; ` as the toolkit's template writes them. */
export function multi<T extends string>(path: string, list: CodeList<T>): ColumnValue {
  const lookup = lookupIn(list);
  return {
    path,
    importable: true,
    read: (t) => {
      const { values, unknown } = splitMulti(t, lookup);
      return unknown.length ? fail(`${items(unknown)} not one of: ${choices(list)}`) : ok(values);
    },
    write: (v) =>
      (Array.isArray(v) ? (v as T[]) : []).map((x) => list.written[x] ?? x).join(MULTI_SEPARATOR),
  };
}

/** A list of free-text items separated by semicolons (aliases). */
export const textList = (path: string): ColumnValue => ({
  path,
  importable: true,
  read: (t) =>
    ok(
      t
        .split(';')
        .map((s) => s.trim())
        .filter((s) => s !== ''),
    ),
  write: (v) => (Array.isArray(v) ? (v as string[]).join(MULTI_SEPARATOR) : ''),
});

const NOT_A_COUNTRY = 'must be a country: an ISO 3166-1 alpha-2 code or its English name';

/**
 * A country, written as its ISO 3166-1 alpha-2 code and read as a code or an English name.
 * `firstOfMany`: the toolkit's column is a multi-select, Lantern keeps one value (the first).
 */
export const country = (path: string, opts: { firstOfMany?: boolean } = {}): ColumnValue => ({
  path,
  importable: true,
  read: (t) => {
    if (!opts.firstOfMany) {
      const code = countryCodeOf(t);
      return code ? ok(code) : fail(NOT_A_COUNTRY);
    }
    const { values, unknown } = splitMulti(t, countryCodeOf);
    if (unknown.length) return fail(`${items(unknown)} ${NOT_A_COUNTRY}`);
    const [first] = values;
    return values.length > 1
      ? {
          ok: true,
          value: first,
          warning: 'Lantern keeps one value for now: the first was imported',
        }
      : ok(first);
  },
  write: str,
});

/** Written on export, never imported: the import gives new ones (case reference, owner, row). */
export const exportOnly = (path: string, ignoredBecause: string): ColumnValue => ({
  path,
  importable: false,
  ignoredBecause,
  read: () => ok(undefined),
  write: str,
});
