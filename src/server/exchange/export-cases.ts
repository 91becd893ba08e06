import type { CaseCreateBody } from '../../shared/api/cases.schema.ts';
import type { ExchangeFormat, ExportQuery } from '../../shared/api/exchange.schema.ts';
import { EXCHANGE_CONTENT_TYPES, EXPORT_MAX_CASES } from '../../shared/api/exchange.schema.ts';
import { escapeFormula, writeCsv } from '../../shared/exchange/csv.ts';
import { HTCDS_COLUMNS } from '../../shared/exchange/htcds-columns.ts';
import type { ExchangeRecord } from '../../shared/exchange/write-case-sheet.ts';
import { caseRows, headerRows } from '../../shared/exchange/write-case-sheet.ts';
import type { CaseRow } from '../cases/cases.repo.ts';
import { listCases } from '../cases/cases.repo.ts';
import { AppError } from '../http/app-error.ts';
import type { PersonIdentity } from '../persons/person-identity.ts';
import { openIdentity } from '../persons/person-identity.ts';
import type { ExchangeContext } from './exchange-context.ts';
import { findExportDetails } from './exchange.repo.ts';
import { xlsxFromRows } from './xlsx.ts';

export interface ExportFile {
  filename: string;
  contentType: string;
  body: Buffer;
  count: number;
}

/** A case and its person as the registration body that would create them again. */
function recordOf(row: CaseRow, id: PersonIdentity, ownerName: string | null): ExchangeRecord {
  const person: CaseCreateBody['person'] = { givenName: id.givenName, gender: row.gender };
  if (id.familyName) person.familyName = id.familyName;
  if (id.aliases.length) person.aliases = id.aliases;
  if (id.dateOfBirth) person.dateOfBirth = id.dateOfBirth;
  if (row.ageAtRegistration !== null) person.age = row.ageAtRegistration;
  if (id.phone) person.phone = id.phone;
  if (id.email) person.email = id.email;
  if (id.documentNumber) person.documentNumber = id.documentNumber;
  if (id.address) person.address = id.address;
  return {
    person,
    citizenship: row.citizenship as CaseCreateBody['citizenship'],
    ...(row.countryOfExploitation
      ? { countryOfExploitation: row.countryOfExploitation as CaseCreateBody['citizenship'] }
      : {}),
    typeOfExploitation: row.typeOfExploitation,
    registrationDate: row.registrationDate,
    traffickingStatus: row.traffickingStatus,
    status: row.status,
    reference: row.reference,
    caseOwner: ownerName,
  };
}

/** Names of the fields the file carries values of (for the audit entry), e.g. `givenName`. */
function fieldsIn(rows: readonly string[][]): string[] {
  const names = new Set<string>();
  HTCDS_COLUMNS.forEach((c, i) => {
    const path = c.value?.path;
    if (path && path !== 'rowNumber' && rows.some((r) => r[i] !== '')) {
      names.add(path.split('.').pop()!);
    }
  });
  return [...names];
}

async function render(format: ExchangeFormat, rows: string[][], today: string): Promise<Buffer> {
  const [fields, labels] = headerRows() as [string[], string[]];
  switch (format) {
    case 'csv':
      // Spreadsheet programs run cells that start like a formula: escaped (docs/exchange.md).
      return Buffer.from(writeCsv([fields, labels, ...rows].map((r) => r.map(escapeFormula))));
    case 'xlsx':
      return xlsxFromRows({
        header: [fields, labels],
        rows,
        numeric: new Set(
          HTCDS_COLUMNS.flatMap((c, i) =>
            c.value?.path === 'rowNumber' || c.value?.path === 'person.age' ? [i] : [],
          ),
        ),
        about: [
          'Cases exported from Lantern in the layout of the HTCDS 2.0 toolkit spreadsheet',
          'https://github.com/UNMigration/HTCDS',
          `Exported on ${today}. Contains personal data: keep it as safe as the case files.`,
        ],
      });
  }
}

/**
 * The organisation's cases matching the case-list filters as an HTCDS spreadsheet, oldest
 * first. Identities are decrypted, so the export is audited (`case.exported`: the number of
 * cases as record id, the fields carried).
 */
export async function exportCases(ctx: ExchangeContext, query: ExportQuery): Promise<ExportFile> {
  const { format, ...filters } = query;
  const found = await listCases(ctx.tx, filters, EXPORT_MAX_CASES + 1);
  if (found.length > EXPORT_MAX_CASES) {
    throw AppError.invalid([
      { path: 'query', message: `more than ${EXPORT_MAX_CASES} cases match: narrow the filters` },
    ]);
  }
  const details = new Map(
    (
      await findExportDetails(
        ctx.tx,
        found.map((r) => r.id),
      )
    ).map((d) => [d.id, d]),
  );
  const keys = await ctx.keys();
  // Oldest first, in reference order: an import of the file numbers the cases in the same order.
  const ordered = [...found].sort(
    (a, b) =>
      a.createdAt.getTime() - b.createdAt.getTime() ||
      a.reference.length - b.reference.length ||
      (a.reference < b.reference ? -1 : a.reference > b.reference ? 1 : 0),
  );
  const records = ordered.map((row) => {
    const d = details.get(row.id);
    if (!d) throw new Error('case without person');
    return recordOf(row, openIdentity(keys, d.personId, d.identity), d.ownerName);
  });
  const rows = caseRows(records);
  const today = ctx.clock.now().toISOString().slice(0, 10);
  const body = await render(format, rows, today);
  await ctx.audit({
    action: 'case.exported',
    recordType: 'case',
    recordId: String(records.length),
    fields: fieldsIn(rows),
  });
  return {
    filename: `lantern-cases-${today}.${format}`,
    contentType: EXCHANGE_CONTENT_TYPES[format],
    body,
    count: records.length,
  };
}
