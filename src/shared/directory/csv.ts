/**
 * The directory's CSV layout: one row per service, its provider's details repeated on each row.
 * Pure: reading turns text into checked rows or row errors, writing turns services into text.
 * The server resolves providers and service ids (src/server/directory/directory-exchange.ts).
 * The columns are documented in docs/directory.md; keep the two in step.
 */
import type { z } from 'zod';
import type { DirectoryImportIssue, ServiceFieldsBody } from '../api/directory.schema.ts';
import { ProviderCreateBody, ServiceFieldsBody as ServiceFields } from '../api/directory.schema.ts';
import { escapeFormula, parseCsv, unescapeFormula, writeCsv } from '../exchange/csv.ts';

/**
 * The columns, in the order the export writes them. Only provider_name, service_type,
 * service_name, country, latitude and longitude must be present; a missing column reads as empty.
 *
 * | column | value |
 * | --- | --- |
 * | service_id | empty: a new service; an id of one of your services: that service is updated |
 * | provider_name | the provider, matched by exact name among your listings (created when new) |
 * | provider_phone, provider_email, provider_website | the provider's contacts (same on every row of a provider) |
 * | receiving_organisation | `self`: your organisation receives the referrals; an organisation id on this instance; empty: external provider |
 * | service_type | shelter, medical, mental_health_psychosocial, legal_aid, interpretation, documentation, safe_return_reintegration, livelihood, education, child_protection, family_tracing |
 * | service_name, description, address, admin_area, hours, phone, email | text |
 * | country | ISO 3166-1 alpha-2 |
 * | latitude, longitude | decimal degrees (WGS 84) with a full stop: −90..90, −180..180 |
 * | languages | ISO 639-1 codes separated by `;` (empty: not stated) |
 * | age_min, age_max | whole years 0..120 (empty: no limit) |
 * | genders | prs_Gender codes separated by `;` (empty: any) |
 * | nationalities | ISO 3166-1 alpha-2 codes separated by `;` (empty: any) |
 * | statuses | vic_TraffickingStatus codes separated by `;` (empty: any) |
 * | capacity_total, capacity_available | places, whole numbers ≥ 0 (empty: not limited by places) |
 * | response_days | days to answer a referral, 1..90 (empty: 5) |
 * | active | true or false (also yes/no, 1/0; empty: true) |
 */
export const DIRECTORY_CSV_COLUMNS = [
  'service_id',
  'provider_name',
  'provider_phone',
  'provider_email',
  'provider_website',
  'receiving_organisation',
  'service_type',
  'service_name',
  'description',
  'address',
  'country',
  'admin_area',
  'latitude',
  'longitude',
  'languages',
  'age_min',
  'age_max',
  'genders',
  'nationalities',
  'statuses',
  'capacity_total',
  'capacity_available',
  'hours',
  'phone',
  'email',
  'response_days',
  'active',
] as const;
export type DirectoryCsvColumn = (typeof DIRECTORY_CSV_COLUMNS)[number];

const REQUIRED_COLUMNS: readonly DirectoryCsvColumn[] = [
  'provider_name',
  'service_type',
  'service_name',
  'country',
  'latitude',
  'longitude',
];

/** Which column each service field comes from (error paths are named by column). */
const SERVICE_COLUMN: Record<keyof ServiceFieldsBody, DirectoryCsvColumn> = {
  serviceType: 'service_type',
  name: 'service_name',
  description: 'description',
  address: 'address',
  country: 'country',
  adminArea: 'admin_area',
  latitude: 'latitude',
  longitude: 'longitude',
  languages: 'languages',
  ageMin: 'age_min',
  ageMax: 'age_max',
  genders: 'genders',
  nationalities: 'nationalities',
  statuses: 'statuses',
  capacityTotal: 'capacity_total',
  capacityAvailable: 'capacity_available',
  hours: 'hours',
  phone: 'phone',
  email: 'email',
  responseDays: 'response_days',
  active: 'active',
};

const PROVIDER_COLUMN = {
  name: 'provider_name',
  phone: 'provider_phone',
  email: 'provider_email',
  website: 'provider_website',
} as const satisfies Record<string, DirectoryCsvColumn>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Where the referrals of a row's provider go: the listing organisation, another, or outside. */
export type Receiver = { kind: 'self' } | { kind: 'org'; orgId: string } | { kind: 'external' };

export interface DirectoryCsvRow {
  /** The row as a spreadsheet numbers it, the header being row 1. */
  row: number;
  serviceId: string | null;
  provider: { name: string; phone: string | null; email: string | null; website: string | null };
  receiver: Receiver;
  service: ServiceFieldsBody;
}

export interface DirectoryCsvRead {
  rows: DirectoryCsvRow[];
  errors: DirectoryImportIssue[];
}

const issue = (row: number, column: string | null, message: string): DirectoryImportIssue => ({
  row,
  column,
  message,
});

const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const TRUE = new Set(['true', 'yes', '1']);
const FALSE = new Set(['false', 'no', '0']);

/** One row's cells by column, each trimmed and with a formula escape undone. */
type Cells = (c: DirectoryCsvColumn) => string;

/** The text cells of a row in the API's shape; numbers, lists and booleans converted. */
function toFields(
  cell: Cells,
  row: number,
  errors: DirectoryImportIssue[],
): Record<keyof ServiceFieldsBody, unknown> {
  const number = (c: DirectoryCsvColumn): number | null => {
    const v = cell(c);
    if (v === '') return null;
    if (!DECIMAL.test(v)) {
      errors.push(issue(row, c, 'must be a number written with a full stop, e.g. 41.9028'));
      return null;
    }
    return Number(v);
  };
  const list = (c: DirectoryCsvColumn) =>
    cell(c)
      .split(';')
      .map((s) => s.trim())
      .filter((s) => s !== '');
  const nullable = (c: DirectoryCsvColumn) => (cell(c) === '' ? null : cell(c));
  const active = cell('active').toLowerCase();
  if (active !== '' && !TRUE.has(active) && !FALSE.has(active)) {
    errors.push(issue(row, 'active', 'must be true or false'));
  }
  const latitude = number('latitude');
  const longitude = number('longitude');
  const responseDays = number('response_days');
  return {
    serviceType: cell('service_type'),
    name: cell('service_name'),
    description: nullable('description'),
    address: nullable('address'),
    country: cell('country'),
    adminArea: nullable('admin_area'),
    // Missing coordinates are reported by the schema as required.
    latitude: latitude ?? undefined,
    longitude: longitude ?? undefined,
    languages: list('languages'),
    ageMin: number('age_min'),
    ageMax: number('age_max'),
    genders: list('genders'),
    nationalities: list('nationalities'),
    statuses: list('statuses'),
    capacityTotal: number('capacity_total'),
    capacityAvailable: number('capacity_available'),
    hours: nullable('hours'),
    phone: nullable('phone'),
    email: nullable('email'),
    responseDays: responseDays ?? undefined,
    active: active === '' ? true : TRUE.has(active),
  };
}

/** Zod issues as row errors, named by the column the field came from. */
function columnIssues(
  row: number,
  error: z.ZodError,
  columnOf: (field: string) => string,
  already: DirectoryImportIssue[],
): DirectoryImportIssue[] {
  return error.issues
    .map((i) => {
      const [field, index] = i.path;
      const column = columnOf(String(field ?? ''));
      const which = typeof index === 'number' ? `value ${index + 1}: ` : '';
      const message =
        i.code === 'invalid_type' && i.input === undefined ? 'is required' : i.message;
      return issue(row, column, which + message);
    })
    .filter((i) => !already.some((a) => a.row === i.row && a.column === i.column));
}

/**
 * Reads a directory CSV: checks the header and every row. Rows with errors are left out of
 * `rows`; the caller imports nothing when `errors` is not empty.
 */
export function readDirectoryCsv(text: string, maxRows = Infinity): DirectoryCsvRead {
  const { records, faults } = parseCsv(text);
  const errors: DirectoryImportIssue[] = faults.map((f) => issue(f.row, null, f.message));
  const filled = records.filter((r) => r.cells.some((c) => c.trim() !== ''));
  const [head, ...body] = filled;
  if (!head) {
    if (errors.length === 0) {
      errors.push(issue(1, null, 'the file is empty: expected a header row naming the columns'));
    }
    return { rows: [], errors };
  }
  const header = head.cells.map((c) => c.trim().toLowerCase());
  const index = new Map<string, number>();
  header.forEach((h, i) => {
    if (h === '') errors.push(issue(head.row, null, `column ${i + 1} has no name`));
    else if (!(DIRECTORY_CSV_COLUMNS as readonly string[]).includes(h)) {
      errors.push(issue(head.row, h, 'is not a known column (see docs/directory.md)'));
    } else if (index.has(h)) errors.push(issue(head.row, h, 'appears twice in the header'));
    else index.set(h, i);
  });
  for (const c of REQUIRED_COLUMNS) {
    if (!index.has(c)) errors.push(issue(head.row, c, 'is a required column and is missing'));
  }
  if (errors.length > 0) return { rows: [], errors };
  if (body.length > maxRows) {
    errors.push(issue(head.row, null, `has more than ${maxRows} rows: split the file`));
    return { rows: [], errors };
  }

  const rows: DirectoryCsvRow[] = [];
  for (const record of body) {
    if (record.cells.length !== header.length) {
      errors.push(
        issue(
          record.row,
          null,
          `has ${record.cells.length} values where the header has ${header.length} columns`,
        ),
      );
      continue;
    }
    const cell: Cells = (c) => {
      const i = index.get(c);
      return i === undefined ? '' : unescapeFormula(record.cells[i]!.trim());
    };
    const rowErrors: DirectoryImportIssue[] = [];
    const serviceId = cell('service_id');
    if (serviceId !== '' && !UUID.test(serviceId)) {
      rowErrors.push(issue(record.row, 'service_id', 'must be a service id (UUID) or empty'));
    }
    const receiving = cell('receiving_organisation');
    let receiver: Receiver = { kind: 'external' };
    if (receiving.toLowerCase() === 'self') receiver = { kind: 'self' };
    else if (UUID.test(receiving)) receiver = { kind: 'org', orgId: receiving.toLowerCase() };
    else if (receiving !== '') {
      rowErrors.push(
        issue(record.row, 'receiving_organisation', 'must be self, an organisation id, or empty'),
      );
    }
    const fields = toFields(cell, record.row, rowErrors);
    const service = ServiceFields.safeParse(fields);
    if (!service.success) {
      rowErrors.push(
        ...columnIssues(
          record.row,
          service.error,
          (f) => SERVICE_COLUMN[f as keyof ServiceFieldsBody] ?? f,
          rowErrors,
        ),
      );
    } else {
      for (const i of serviceRuleIssuesOf(service.data)) rowErrors.push(issue(record.row, ...i));
    }
    const provider = ProviderCreateBody.pick({
      name: true,
      phone: true,
      email: true,
      website: true,
    }).safeParse({
      name: cell('provider_name'),
      phone: cell('provider_phone') || null,
      email: cell('provider_email') || null,
      website: cell('provider_website') || null,
    });
    if (!provider.success) {
      rowErrors.push(
        ...columnIssues(
          record.row,
          provider.error,
          (f) => PROVIDER_COLUMN[f as keyof typeof PROVIDER_COLUMN] ?? f,
          rowErrors,
        ),
      );
    }
    if (rowErrors.length > 0 || !service.success || !provider.success) {
      errors.push(...rowErrors);
      continue;
    }
    rows.push({
      row: record.row,
      serviceId: serviceId === '' ? null : serviceId.toLowerCase(),
      provider: {
        name: provider.data.name,
        phone: provider.data.phone ?? null,
        email: provider.data.email ?? null,
        website: provider.data.website ?? null,
      },
      receiver,
      service: service.data,
    });
  }
  return { rows, errors };
}

/** The cross-field rules, named by column. */
function serviceRuleIssuesOf(s: ServiceFieldsBody): [DirectoryCsvColumn, string][] {
  const out: [DirectoryCsvColumn, string][] = [];
  if (s.ageMin != null && s.ageMax != null && s.ageMin > s.ageMax) {
    out.push(['age_min', 'must not be greater than age_max']);
  }
  if (
    s.capacityAvailable != null &&
    s.capacityTotal != null &&
    s.capacityAvailable > s.capacityTotal
  ) {
    out.push(['capacity_available', 'must not be greater than capacity_total']);
  }
  return out;
}

/** What the export writes for one service (a stored service and its provider's contacts). */
export interface DirectoryCsvService {
  id: string;
  provider: { name: string; phone: string | null; email: string | null; website: string | null };
  /** The provider's receiving organisation; `self` is written when it is the listing one. */
  providerOrgId: string | null;
  serviceType: string;
  name: string;
  description: string | null;
  address: string | null;
  country: string;
  adminArea: string | null;
  latitude: number;
  longitude: number;
  languages: readonly string[];
  ageMin: number | null;
  ageMax: number | null;
  genders: readonly string[];
  nationalities: readonly string[];
  statuses: readonly string[];
  capacityTotal: number | null;
  capacityAvailable: number | null;
  hours: string | null;
  phone: string | null;
  email: string | null;
  responseDays: number;
  active: boolean;
}

const numberText = (n: number | null | undefined) => (n == null ? '' : String(n));

/** One service as a CSV row, in DIRECTORY_CSV_COLUMNS order. */
export function directoryCsvCells(s: DirectoryCsvService, listingOrgId: string): string[] {
  const values: Record<DirectoryCsvColumn, string> = {
    service_id: s.id,
    provider_name: s.provider.name,
    provider_phone: s.provider.phone ?? '',
    provider_email: s.provider.email ?? '',
    provider_website: s.provider.website ?? '',
    receiving_organisation:
      s.providerOrgId === null ? '' : s.providerOrgId === listingOrgId ? 'self' : s.providerOrgId,
    service_type: s.serviceType,
    service_name: s.name,
    description: s.description ?? '',
    address: s.address ?? '',
    country: s.country,
    admin_area: s.adminArea ?? '',
    latitude: String(s.latitude),
    longitude: String(s.longitude),
    languages: s.languages.join(';'),
    age_min: numberText(s.ageMin),
    age_max: numberText(s.ageMax),
    genders: s.genders.join(';'),
    nationalities: s.nationalities.join(';'),
    statuses: s.statuses.join(';'),
    capacity_total: numberText(s.capacityTotal),
    capacity_available: numberText(s.capacityAvailable),
    hours: s.hours ?? '',
    phone: s.phone ?? '',
    email: s.email ?? '',
    response_days: String(s.responseDays),
    active: s.active ? 'true' : 'false',
  };
  return DIRECTORY_CSV_COLUMNS.map((c) => values[c]);
}

/** The whole file: header, then one row per service; formulas escaped for spreadsheets. */
export function writeDirectoryCsv(services: readonly DirectoryCsvService[], listingOrgId: string) {
  return writeCsv([
    [...DIRECTORY_CSV_COLUMNS],
    ...services.map((s) => directoryCsvCells(s, listingOrgId).map(escapeFormula)),
  ]);
}
