/**
 * Person records from CSV text (FEBRL layout or common headers) for `lantern link` and
 * `lantern dedupe`. Header cells are trimmed (FEBRL writes ", " between them), blank cells are
 * missing values, and every row that cannot be read is reported with its row number — never
 * dropped silently, never fatal for the rest of the file.
 */
import { parseCsv } from '../exchange/csv.ts';
import type { LinkRecord, PartialDate } from './types.ts';

export interface RowError {
  row: number;
  message: string;
}

export interface CsvRecords {
  records: LinkRecord[];
  errors: RowError[];
  /** How each header was used: 'id', 'givenName', …, 'identifier', 'attribute'. */
  columns: Record<string, string>;
}

type Role =
  | 'id'
  | 'givenName'
  | 'familyName'
  | 'aliases'
  | 'birth'
  | 'birthYear'
  | 'sex'
  | 'age'
  | 'country'
  | 'adminArea'
  | 'locality'
  | 'identifier'
  | 'attribute';

const HEADER_ROLES: Record<string, Role> = {
  given_name: 'givenName',
  first_name: 'givenName',
  firstname: 'givenName',
  forename: 'givenName',
  given: 'givenName',
  surname: 'familyName',
  last_name: 'familyName',
  lastname: 'familyName',
  family_name: 'familyName',
  family: 'familyName',
  aliases: 'aliases',
  alias: 'aliases',
  other_names: 'aliases',
  date_of_birth: 'birth',
  dob: 'birth',
  birth_date: 'birth',
  birthdate: 'birth',
  year_of_birth: 'birthYear',
  birth_year: 'birthYear',
  sex: 'sex',
  gender: 'sex',
  age: 'age',
  country: 'country',
  country_of_birth: 'country',
  admin_area: 'adminArea',
  region: 'adminArea',
  province: 'adminArea',
  locality: 'locality',
  city: 'locality',
  town: 'locality',
  village: 'locality',
  soc_sec_id: 'identifier',
  ssn: 'identifier',
  passport: 'identifier',
  passport_number: 'identifier',
  document_number: 'identifier',
  national_id: 'identifier',
  phone: 'identifier',
};

const headerKey = (h: string) =>
  h
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');

/**
 * A date of birth as written: YYYYMMDD (FEBRL), YYYY-MM-DD, YYYY-MM, YYYY, or DD/MM/YYYY.
 * Unreadable parts are unknown: a FEBRL typo giving month 13 keeps the year and loses the
 * rest, rather than the whole date.
 */
export function parseBirth(text: string): PartialDate | null {
  const s = text.trim();
  let y: number;
  let m = 0;
  let d = 0;
  let match: RegExpExecArray | null;
  if (
    (match = /^(\d{4})(\d{2})(\d{2})$/.exec(s)) ||
    (match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s))
  ) {
    [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  } else if ((match = /^(\d{4})-(\d{1,2})$/.exec(s))) {
    [y, m] = [Number(match[1]), Number(match[2])];
  } else if ((match = /^(\d{4})$/.exec(s))) {
    y = Number(match[1]);
  } else if ((match = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$/.exec(s))) {
    [d, m, y] = [Number(match[1]), Number(match[2]), Number(match[3])];
  } else return null;
  if (y < 1000 || y > 3000) return null;
  const month = m >= 1 && m <= 12 ? m : null;
  const day = month !== null && d >= 1 && d <= 31 ? d : null;
  return { year: y, month, day };
}

const parseSex = (s: string): 'F' | 'M' | null => {
  const v = s.trim().toLowerCase();
  if (v === 'f' || v === 'female' || v === 'woman' || v === 'girl') return 'F';
  if (v === 'm' || v === 'male' || v === 'man' || v === 'boy') return 'M';
  return null;
};

export interface CsvRecordOptions {
  /** The id column; default `rec_id`, else `id`. */
  idColumn?: string;
  /** Date the ages were stated at (YYYY-MM-DD), for an `age` column. */
  ageAt?: string;
}

export function recordsFromCsv(text: string, options: CsvRecordOptions = {}): CsvRecords {
  const parsed = parseCsv(text);
  const errors: RowError[] = parsed.faults.map((f) => ({ row: f.row, message: f.message }));
  const [header, ...rows] = parsed.records;
  if (!header) {
    if (errors.length === 0) errors.push({ row: 1, message: 'the file has no header row' });
    return { records: [], errors, columns: {} };
  }
  const names = header.cells.map((h) => h.trim());
  const wanted = options.idColumn?.trim();
  const idIndex = wanted
    ? names.findIndex((h) => h === wanted)
    : (() => {
        const rec = names.findIndex((h) => headerKey(h) === 'rec_id');
        return rec >= 0 ? rec : names.findIndex((h) => headerKey(h) === 'id');
      })();
  if (idIndex < 0) {
    errors.push({
      row: header.row,
      message: `no id column ${wanted ? `"${wanted}"` : '"rec_id" or "id"'} in the header`,
    });
    return { records: [], errors, columns: {} };
  }
  const roles: Role[] = names.map((h, i) =>
    i === idIndex ? 'id' : (HEADER_ROLES[headerKey(h)] ?? 'attribute'),
  );
  const columns: Record<string, string> = {};
  names.forEach((h, i) => (columns[h] = roles[i]!));
  const seen = new Set<string>();
  const records: LinkRecord[] = [];
  for (const { row, cells } of rows) {
    if (cells.length === 1 && cells[0]!.trim() === '') continue; // a blank line
    if (cells.length !== names.length) {
      errors.push({
        row,
        message: `has ${cells.length} values where the header has ${names.length} columns; row skipped`,
      });
      continue;
    }
    const id = cells[idIndex]!.trim();
    if (id === '') {
      errors.push({ row, message: 'has no id; row skipped' });
      continue;
    }
    if (seen.has(id)) {
      errors.push({ row, message: `repeats id "${id.slice(0, 60)}"; row skipped` });
      continue;
    }
    seen.add(id);
    const rec: LinkRecord = {
      id,
      givenName: null,
      familyName: null,
      aliases: [],
      sex: null,
      birth: null,
      age: null,
      ageAt: null,
      places: [],
      identifiers: {},
      attributes: {},
    };
    const place = {
      country: null as string | null,
      adminArea: null as string | null,
      locality: null as string | null,
    };
    cells.forEach((raw, i) => {
      const v = raw.trim();
      if (v === '') return;
      const name = names[i]!;
      switch (roles[i]) {
        case 'givenName':
          rec.givenName = v;
          break;
        case 'familyName':
          rec.familyName = v;
          break;
        case 'aliases':
          rec.aliases = v
            .split(/[;|]/)
            .map((x) => x.trim())
            .filter(Boolean);
          break;
        case 'birth': {
          const b = parseBirth(v);
          if (b) rec.birth = b;
          else errors.push({ row, message: `column "${name}": unreadable date kept as missing` });
          break;
        }
        case 'birthYear': {
          const b = parseBirth(v);
          if (b && !rec.birth) rec.birth = { year: b.year, month: null, day: null };
          break;
        }
        case 'sex':
          rec.sex = parseSex(v);
          break;
        case 'age': {
          const n = Number(v);
          if (Number.isFinite(n) && n >= 0 && n <= 130) {
            rec.age = n;
            rec.ageAt = options.ageAt ?? null;
          }
          break;
        }
        case 'country':
          place.country = v;
          break;
        case 'adminArea':
          place.adminArea = v;
          break;
        case 'locality':
          place.locality = v;
          break;
        case 'identifier':
          rec.identifiers[name] = v;
          break;
        case 'attribute':
          rec.attributes![name] = v;
          break;
        case 'id':
        case undefined:
          break;
      }
    });
    if (place.country || place.adminArea || place.locality) rec.places.push(place);
    records.push(rec);
  }
  errors.sort((x, y) => x.row - y.row);
  return { records, errors, columns };
}
