import { describe, expect, it } from 'vitest';
import { CaseCreateBody } from '../api/cases.schema.ts';
import { demoCases } from '../demo/generate-cases.ts';
import { writeCsv } from './csv.ts';
import { HTCDS_COLUMNS, columnLetter } from './htcds-columns.ts';
import type { Sheet } from './read-case-sheet.ts';
import { readCaseSheet, sheetFromCsv } from './read-case-sheet.ts';
import { caseRows, headerRows } from './write-case-sheet.ts';

const TODAY = '2026-06-01';
const read = (sheet: Sheet) => readCaseSheet(sheet, { today: TODAY });
/** A CSV sheet from rows of cells. */
const csv = (rows: string[][]) => sheetFromCsv(writeCsv(rows));

const LABELS = ['First Name', 'Second Name', 'Birthdate', 'Gender', 'Citizenship'];
const amina = ['Amina', 'Okafor', '1998-04-12', 'Feminine', 'NG'];

describe('reading a case sheet', () => {
  it('reads the toolkit layout: field names, labels, then cases from row 3', () => {
    const r = read(
      csv([
        ...headerRows(),
        ...caseRows([{ ...CaseCreateBody.parse(caseOf()), reference: 'LNT-1', caseOwner: 'A' }]),
      ]),
    );
    expect(r.errors).toEqual([]);
    expect(r.valid.map((v) => v.row)).toEqual([3]);
    expect(r.valid[0]!.body.person.givenName).toBe('Amina');
  });

  it('reads one header row of labels or of HTCDS field names', () => {
    const byLabel = read(csv([LABELS, amina]));
    const byField = read(
      csv([
        ['prs_FirstName', 'prs_SecondName', 'prs_Birthdate', 'prs_Gender', 'prs_Citizenship'],
        amina,
      ]),
    );
    for (const r of [byLabel, byField]) {
      expect(r.errors).toEqual([]);
      expect(r.valid).toEqual([
        {
          row: 2,
          body: expect.objectContaining({
            person: {
              givenName: 'Amina',
              familyName: 'Okafor',
              dateOfBirth: '1998-04-12',
              gender: 'Feminine',
            },
            citizenship: 'NG',
            status: 'Active',
            traffickingStatus: 'PossibleVictimOfTrafficking',
          }) as unknown,
        },
      ]);
    }
  });

  it('names the row (header = row 1) and the column (letter and header) of every error', () => {
    const r = read(
      csv([
        LABELS,
        amina,
        ['', 'Okafor', '1998-04-12', 'Feminine', 'NG'],
        ['Bola', '', '12/04/1998', 'Feminine', 'Atlantis'],
        ['Chi', '', '', 'yes', 'NG'],
      ]),
    );
    expect(r.fatal).toBe(false);
    expect(r.errors).toEqual([
      {
        row: 3,
        column: { letter: 'A', header: 'First Name' },
        field: 'person.givenName',
        message: 'is required',
      },
      {
        row: 4,
        column: { letter: 'C', header: 'Birthdate' },
        field: 'person.dateOfBirth',
        message: 'must be a date as YYYY-MM-DD',
      },
      {
        row: 4,
        column: { letter: 'E', header: 'Citizenship' },
        field: 'citizenship',
        message: 'item 1 must be a country: an ISO 3166-1 alpha-2 code or its English name',
      },
      {
        row: 5,
        column: { letter: 'D', header: 'Gender' },
        field: 'person.gender',
        message: expect.stringMatching(/^must be one of: Feminine, Masculine/) as string,
      },
    ]);
    expect(r.valid.map((v) => v.row)).toEqual([2]);
    expect(r.rows).toBe(4);
  });

  it('reports a wrong cell and a missing required value of the same row together', () => {
    const r = read(csv([LABELS, ['', 'Okafor', '', 'yes', 'NG']]));
    expect(r.errors.map((e) => [e.row, e.column?.letter, e.field])).toEqual([
      [2, 'A', 'person.givenName'],
      [2, 'D', 'person.gender'],
    ]);
  });

  it('checks what the case schema checks: calendar dates, lengths, e-mail, future registration', () => {
    const r = read(
      csv([
        ['First Name', 'Gender', 'Citizenship', 'Birthdate', 'Email', 'Registration Date'],
        ['Amina', 'F', 'NG', '2023-02-30', '', ''],
        ['x'.repeat(201), 'F', 'NG', '', 'not-an-address', ''],
        ['Amina', 'F', 'NG', '', '', '2026-06-02'],
      ]),
    );
    expect(r.errors.map((e) => [e.row, e.column?.letter, e.message])).toEqual([
      [2, 'D', 'must be a date as YYYY-MM-DD'],
      [3, 'A', 'must be at most 200 characters'],
      [3, 'E', expect.stringMatching(/email/i) as string],
      [4, 'F', 'must not be in the future'],
    ]);
  });

  it('reports a row with more or fewer values than the header, and a CSV fault, at its row', () => {
    const r = read(
      sheetFromCsv(
        'First Name,Gender,Citizenship\r\nAmina,F,NG,extra\r\nBola,F\r\nChi,"F"x,NG\r\nDayo,M,GH\r\n',
      ),
    );
    expect(r.errors).toEqual([
      { row: 2, column: null, field: null, message: 'has 4 values but the header has 3 columns' },
      { row: 3, column: null, field: null, message: 'has 2 values but the header has 3 columns' },
      { row: 4, column: null, field: null, message: 'has text after a closing quote' },
    ]);
    expect(r.valid.map((v) => v.row)).toEqual([5]);
  });

  it('reads the toolkit’s labels and multi-selects, and countries by name', () => {
    const r = read(
      csv([
        [
          'First Name',
          'Gender',
          'Citizenship',
          'Trafficking Status',
          'Type of Exploitation',
          'Status',
          'Location of Exploitation',
        ],
        [
          'Amina',
          'Not Specified/Unknown',
          'Viet Nam',
          'Actual victim of trafficking',
          'Forced labour; Sexual exploitation; Forced military (by non-state actors)',
          'Follow up',
          'Italy',
        ],
      ]),
    );
    expect(r.errors).toEqual([]);
    expect(r.valid[0]!.body).toMatchObject({
      person: { gender: 'NonSpecifiedUnknown' },
      citizenship: 'VN',
      traffickingStatus: 'ActualVictimOfTrafficking',
      typeOfExploitation: ['ForcedLabour', 'SexualExploitation', 'ForcedMilitaryByNonStateActors'],
      status: 'FollowUp',
      countryOfExploitation: 'IT',
    });
  });

  it('keeps the first of several citizenships and warns', () => {
    const r = read(
      csv([
        ['First Name', 'Gender', 'Citizenship'],
        ['Amina', 'F', 'Albania; Kosovo'],
      ]),
    );
    expect(r.valid[0]!.body.citizenship).toBe('AL');
    expect(r.warnings).toEqual([
      {
        row: 2,
        column: { letter: 'C', header: 'Citizenship' },
        field: 'citizenship',
        message: 'Lantern keeps one value for now: the first was imported',
      },
    ]);
  });

  it('joins the mailing columns into the address', () => {
    const r = read(
      csv([
        [
          'First Name',
          'Gender',
          'Citizenship',
          'Mailing Street',
          'Mailing City',
          'Mailing Zip/Postal Code',
          'Mailing Country',
        ],
        ['Amina', 'F', 'NG', '12 Marina Road', 'Lagos', '', 'Nigeria'],
      ]),
    );
    expect(r.valid[0]!.body.person.address).toBe('12 Marina Road, Lagos, Nigeria');
  });

  it('lists columns holding values it does not import, and skips the toolkit’s numbered blank rows', () => {
    const r = read(
      csv([
        ['', 'Case Owner', 'Salutation', 'First Name', 'Gender', 'Citizenship', 'Shoe size'],
        ['1', 'Someone', 'Ms', 'Amina', 'F', 'NG', '38'],
        ['2', '', '', '', '', '', ''],
        ['3', '', '', '', '', '', ''],
      ]),
    );
    expect(r.errors).toEqual([]);
    expect(r.rows).toBe(1);
    expect(r.ignoredColumns).toEqual([
      {
        letter: 'B',
        header: 'Case Owner',
        reason: 'not imported: the importing user owns the imported cases',
      },
      { letter: 'C', header: 'Salutation', reason: 'Lantern does not record this field yet' },
      { letter: 'G', header: 'Shoe size', reason: 'not an HTCDS or Lantern column' },
    ]);
  });

  it('follows the labels where the toolkit’s hidden field-name row disagrees with them', () => {
    // The toolkit's N1 reads prs_MailingCity above "Mailing Street" (N2).
    const r = read(
      csv([
        ['prs_FirstName', 'prs_Gender', 'prs_Citizenship', 'prs_MailingCity'],
        ['First Name', 'Gender', 'Citizenship', 'Mailing Street'],
        ['Amina', 'F', 'NG', '12 Marina Road'],
      ]),
    );
    expect(r.errors).toEqual([]);
    expect(r.valid[0]).toMatchObject({ row: 3, body: { person: { address: '12 Marina Road' } } });
  });

  it('refuses a file without a recognisable header, with a column twice, or without a required column', () => {
    const none = read(
      csv([
        ['Name', 'Sex'],
        ['Amina', 'F'],
      ]),
    );
    expect(none.fatal).toBe(true);
    expect(none.errors[0]).toMatchObject({
      row: 1,
      column: null,
      message: expect.stringMatching(/^the first row names no HTCDS column/) as string,
    });

    const twice = read(
      csv([
        ['First Name', 'Gender', 'Citizenship', 'prs_FirstName'],
        ['A', 'F', 'NG', 'B'],
      ]),
    );
    expect(twice.fatal).toBe(true);
    expect(twice.errors).toEqual([
      {
        row: 1,
        column: { letter: 'D', header: 'prs_FirstName' },
        field: 'person.givenName',
        message: 'repeats column A: both are First Name (prs_FirstName)',
      },
    ]);

    const missing = read(
      csv([
        ['First Name', 'Citizenship'],
        ['Amina', 'NG'],
      ]),
    );
    expect(missing.fatal).toBe(true);
    expect(missing.errors.map((e) => e.message)).toEqual([
      'the file has no Gender (prs_Gender) column, which every case needs',
    ]);

    expect(read(csv([])).errors).toEqual([
      { row: 1, column: null, field: null, message: 'the file holds no header and no cases' },
    ]);
  });

  it('refuses more rows than the limit', () => {
    const r = readCaseSheet(csv([LABELS, amina, amina, amina]), { today: TODAY, maxRows: 2 });
    expect(r.fatal).toBe(true);
    expect(r.errors[0]!.message).toMatch(/more than 2 case rows/);
  });
});

describe('export → import of the sheet', () => {
  it('gives back every case body (500 synthetic cases)', () => {
    const bodies = [...demoCases({ seed: 7, count: 500, today: TODAY })].map((c) =>
      CaseCreateBody.parse(c),
    );
    const records = bodies.map((b, i) => ({
      ...b,
      reference: `LNT-2026-${i}`,
      caseOwner: 'Owner',
    }));
    const r = read(csv([...headerRows(), ...caseRows(records)]));
    expect(r.errors).toEqual([]);
    expect(r.valid.map((v) => v.body)).toEqual(bodies);
  });

  it('gives back identifiers, aliases, address and formula-like text', () => {
    const body = CaseCreateBody.parse(
      caseOf({
        person: {
          givenName: '=cmd|x',
          familyName: 'O\'Neil, "Jr"',
          aliases: ['Ami', 'أمينة'],
          gender: 'Feminine',
          phone: '+234 801 234 5678',
          email: 'amina@example.org',
          documentNumber: 'A1234567',
          address: '12 Marina Road, Lagos; "Block 4"',
        },
      }),
    );
    const r = read(
      csv([...headerRows(), ...caseRows([{ ...body, reference: 'R', caseOwner: null }])]),
    );
    expect(r.errors).toEqual([]);
    expect(r.valid[0]!.body).toEqual(body);
  });
});

describe('the column map', () => {
  it('places the toolkit’s columns where the toolkit has them', () => {
    const at = (field: string) => columnLetter(HTCDS_COLUMNS.findIndex((c) => c.field === field));
    expect(at('cas_CaseOwner')).toBe('B');
    expect(at('prs_FirstName')).toBe('D');
    expect(at('prs_Gender')).toBe('H');
    expect(at('prs_Citizenship')).toBe('I');
    expect(at('prs_MailingStreet')).toBe('N');
    expect(at('prs_MailingCountry')).toBe('R');
    expect(at('vic_TypeOfExploitation')).toBe('X');
    expect(at('cas_Status')).toBe('AB');
    expect(at('cas_ReasonForCaseClosure')).toBe('AM');
    expect(at('lnt_CaseReference')).toBe('AN');
  });

  it('names each column once', () => {
    const names = HTCDS_COLUMNS.flatMap((c) => [c.field, c.label]).filter((n) => n !== '');
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
  });

  it('spells column letters as spreadsheets do', () => {
    expect([0, 25, 26, 38, 701, 702].map(columnLetter)).toEqual([
      'A',
      'Z',
      'AA',
      'AM',
      'ZZ',
      'AAA',
    ]);
  });
});

function caseOf(over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    person: {
      givenName: 'Amina',
      familyName: 'Okafor',
      dateOfBirth: '1998-04-12',
      gender: 'Feminine',
    },
    citizenship: 'NG',
    countryOfExploitation: 'IT',
    typeOfExploitation: ['SexualExploitation'],
    registrationDate: '2026-05-20',
    ...over,
  };
}
