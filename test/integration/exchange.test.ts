import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseList } from '../../src/shared/api/cases.schema.ts';
import type { ImportIssue, ImportResult } from '../../src/shared/api/exchange.schema.ts';
import { parseCsv, writeCsv } from '../../src/shared/exchange/csv.ts';
import { HTCDS_COLUMNS, IDENTITY_COLUMNS } from '../../src/shared/exchange/htcds-columns.ts';
import { auditEntries, errorOf, rowCounts } from '../support/api.ts';
import type { TestSession } from '../support/test-app.ts';
import { TestLantern, caseBody } from '../support/test-app.ts';

const LABELS = [
  'First Name',
  'Second Name',
  'Birthdate',
  'Gender',
  'Citizenship',
  'Type of Exploitation',
];
const good = (name: string) => [
  name,
  'Okafor',
  '1998-04-12',
  'Feminine',
  'Nigeria',
  'Sexual exploitation',
];
const b64 = (data: string | Buffer) => Buffer.from(data).toString('base64');

describe('import and export in the HTCDS spreadsheet layout', () => {
  let t: TestLantern;
  let orgA: string;
  let worker: TestSession;

  beforeAll(async () => {
    t = await TestLantern.start();
    orgA = await t.createOrg('Org A');
    worker = await t.signIn(orgA, 'caseworker');
  });
  afterAll(() => t.close());

  const importFile = (
    session: TestSession,
    content: string | Buffer,
    opts: {
      format?: 'csv' | 'xlsx';
      mode?: 'all_or_nothing' | 'valid_rows_only';
      dryRun?: boolean;
    } = {},
  ) =>
    t.request('POST', '/api/v1/cases/import', {
      session,
      body: {
        format: opts.format ?? 'csv',
        content: b64(content),
        mode: opts.mode,
        dryRun: opts.dryRun,
      },
    });

  /** GET /cases/export with the raw bytes of the answer. */
  async function exportFile(session: TestSession, query: string) {
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/v1/cases/export?${query}`,
      headers: { cookie: session.cookie },
    });
    return { status: res.statusCode, headers: res.headers, bytes: res.rawPayload, body: res.body };
  }

  const casesOf = async (session: TestSession, query = '') =>
    (await t.request('GET', `/api/v1/cases?limit=100${query}`, { session })).json<CaseList>();

  describe('import errors', () => {
    const file = writeCsv([
      LABELS,
      good('Amina'),
      ['', 'Okafor', '1998-04-12', 'Feminine', 'NG', ''],
      good('Bola'),
      ['Chi', 'Eze', '2030-01-01', 'Feminine', 'Atlantis', 'Fishing'],
      good('Dayo'),
    ]);

    it('all_or_nothing: 400 naming every error by row and column, and nothing imported', async () => {
      const before = await rowCounts(t);
      const res = await importFile(worker, file);
      expect(res.status).toBe(400);
      const err = errorOf(res);
      expect(err.code).toBe('validation_failed');
      expect(err.message).toBe('2 rows of 5 have errors; nothing was imported.');
      const issues = err.details as unknown as ImportIssue[];
      expect(issues.map((i) => [i.row, i.column?.letter, i.column?.header, i.field])).toEqual([
        [3, 'A', 'First Name', 'person.givenName'],
        [5, 'E', 'Citizenship', 'citizenship'],
        [5, 'F', 'Type of Exploitation', 'typeOfExploitation'],
      ]);
      expect(issues[0]!.message).toBe('is required');
      expect(await rowCounts(t)).toEqual(before);
    });

    it('reports the server’s own checks (birth after registration) at their column', async () => {
      const res = await importFile(
        worker,
        writeCsv([
          [...LABELS, 'Registration Date'],
          [...good('Eka'), '1990-01-01'],
        ]),
      );
      expect(res.status).toBe(400);
      expect(errorOf(res).details).toEqual([
        {
          row: 2,
          column: { letter: 'C', header: 'Birthdate' },
          field: 'person.dateOfBirth',
          message: 'must be on or before the registration date',
        },
      ]);
    });

    it('valid_rows_only: imports the other rows and reports the errors', async () => {
      const org = await t.createOrg();
      const session = await t.signIn(org, 'caseworker');
      const res = await importFile(session, file, { mode: 'valid_rows_only' });
      expect(res.status).toBe(200);
      const result = res.json<ImportResult>();
      expect(result).toMatchObject({
        dryRun: false,
        mode: 'valid_rows_only',
        rows: 5,
        imported: 3,
        skipped: 2,
        errorCount: 3,
        firstReference: 'LNT-2026-000001',
        lastReference: 'LNT-2026-000003',
      });
      expect(result.errors.map((e) => e.row)).toEqual([3, 5, 5]);
      const list = await casesOf(session);
      expect(list.total).toBe(3);
      expect(
        list.items.every(
          (c) => c.citizenship === 'NG' && c.typeOfExploitation[0] === 'SexualExploitation',
        ),
      ).toBe(true);
      // Audited as created by the importing user, naming the references.
      const audit = await auditEntries(t, org, 'case.imported');
      expect(audit.map((a) => [a.actorId, a.recordId])).toEqual([
        [session.userId, 'LNT-2026-000001..LNT-2026-000003'],
      ]);
      expect(audit[0]!.text).not.toMatch(/Amina|Okafor|1998/);
    });

    it('a dry run checks and reports, and writes nothing', async () => {
      const before = await rowCounts(t);
      const res = await importFile(worker, file, { mode: 'valid_rows_only', dryRun: true });
      expect(res.status).toBe(200);
      expect(res.json<ImportResult>()).toMatchObject({
        dryRun: true,
        imported: 3,
        skipped: 2,
        firstReference: null,
      });
      const strict = await importFile(worker, file, { dryRun: true });
      expect(strict.json<ImportResult>()).toMatchObject({ imported: 0, skipped: 5, errorCount: 3 });
      expect(await rowCounts(t)).toEqual(before);
    });

    it('refuses an unusable header, a file that is not UTF-8 or not a workbook, whatever the mode', async () => {
      for (const [content, format, message] of [
        [
          writeCsv([
            ['Name', 'Sex'],
            ['Amina', 'F'],
          ]),
          'csv',
          /the first row names no HTCDS column/,
        ],
        [Buffer.from([0x46, 0x69, 0x72, 0x73, 0x74, 0xff, 0xfe]), 'csv', /not UTF-8/],
        [Buffer.from('PK\u0003\u0004 this is not a zip'), 'xlsx', /not an XLSX workbook/],
        [writeCsv([LABELS]), 'xlsx', /not an XLSX workbook/],
      ] as const) {
        const res = await importFile(worker, content, { format, mode: 'valid_rows_only' });
        expect(res.status).toBe(400);
        expect(JSON.stringify(errorOf(res).details)).toMatch(message);
      }
    });

    it('refuses content that is not base64, and an unknown mode', async () => {
      const res = await t.request('POST', '/api/v1/cases/import', {
        session: worker,
        body: { format: 'csv', content: 'not base64!', mode: 'sometimes' },
      });
      expect(res.status).toBe(400);
      expect(
        errorOf(res)
          .details?.map((d) => d.path)
          .sort(),
      ).toEqual(['content', 'mode']);
    });
  });

  it('imports a file larger than the default body limit, in several batches', async () => {
    const org = await t.createOrg();
    const session = await t.signIn(org, 'supervisor');
    const rows = Array.from({ length: 2_500 }, (_, i) => [...good(`Person ${i}`), 'x'.repeat(400)]);
    const file = writeCsv([[...LABELS, 'Mailing Street'], ...rows]);
    expect(file.length).toBeGreaterThan(1_048_576);
    const res = await importFile(session, file);
    expect(res.status, JSON.stringify(res.body).slice(0, 300)).toBe(200);
    expect(res.json<ImportResult>()).toMatchObject({
      imported: 2_500,
      firstReference: 'LNT-2026-000001',
      lastReference: 'LNT-2026-002500',
    });
    expect((await auditEntries(t, org, 'case.imported')).map((a) => a.recordId)).toEqual([
      'LNT-2026-000001..LNT-2026-001000',
      'LNT-2026-001001..LNT-2026-002000',
      'LNT-2026-002001..LNT-2026-002500',
    ]);
  });

  describe('round trip: export → import into another organisation → export', () => {
    let source: string;

    beforeAll(async () => {
      source = await t.createOrg('Source');
      const w = await t.signIn(source, 'caseworker');
      await t.createCase(w);
      await t.createCase(w, {
        person: {
          givenName: '=HYPERLINK("http://x")',
          familyName: 'O\'Neil, "Jr"',
          aliases: ['Ami', 'أمينة'],
          age: 30,
          gender: 'NonSpecifiedUnknown',
          phone: '+234 801 234 5678',
          email: 'amina@example.org',
          documentNumber: 'A1234567',
          address: '12 Marina Road, Lagos; Block 4',
        },
        citizenship: 'VN',
        typeOfExploitation: ['ForcedLabour', 'ForcedMilitaryByNonStateActors'],
        traffickingStatus: 'ActualVictimOfTrafficking',
        status: 'FollowUp',
      } as never);
      await t.createCase(w, {
        person: { givenName: 'Олена', gender: 'Feminine' },
        citizenship: 'UA',
        countryOfExploitation: undefined,
        typeOfExploitation: [],
        registrationDate: '2026-06-01',
      } as never);
    });

    /** Rows of a CSV export without the identity columns (owner, reference): new on import. */
    const comparable = (csv: string) => {
      const skip = new Set(
        IDENTITY_COLUMNS.filter((f) => f !== '').map((f) =>
          HTCDS_COLUMNS.findIndex((c) => c.field === f),
        ),
      );
      return parseCsv(csv).records.map((r) => r.cells.filter((_, i) => !skip.has(i)));
    };

    it('CSV: gives the same file, apart from owners and references', async () => {
      const boss = await t.signIn(source, 'supervisor');
      const first = await exportFile(boss, 'format=csv');
      expect(first.status).toBe(200);
      expect(first.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(first.headers['content-disposition']).toBe(
        'attachment; filename="lantern-cases-2026-06-01.csv"',
      );
      expect(first.body.startsWith('\ufeff,cas_CaseOwner,prs_Salutation,prs_FirstName')).toBe(true);
      const records = parseCsv(first.body).records;
      expect(records).toHaveLength(5);
      // A cell that a spreadsheet would run as a formula is escaped.
      expect(records[3]!.cells[3]).toBe('\'=HYPERLINK("http://x")');

      const target = await t.createOrg('Target');
      const importer = await t.signIn(target, 'supervisor');
      const imported = await importFile(importer, first.bytes);
      expect(imported.status, JSON.stringify(imported.body)).toBe(200);
      expect(imported.json<ImportResult>()).toMatchObject({
        imported: 3,
        errorCount: 0,
        warnings: [],
      });
      expect(imported.json<ImportResult>().ignoredColumns.map((c) => c.header)).toEqual([
        'Case Owner',
        'Case Reference',
      ]);

      const second = await exportFile(importer, 'format=csv');
      expect(comparable(second.body)).toEqual(comparable(first.body));
      expect(second.body).not.toBe(first.body);
    });

    it('XLSX: the toolkit’s layout, and the same records back', async () => {
      const boss = await t.signIn(source, 'supervisor');
      const first = await exportFile(boss, 'format=xlsx');
      expect(first.status).toBe(200);
      expect(first.headers['content-type']).toBe(
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      );
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(first.bytes as unknown as ExcelJS.Buffer);
      const ws = wb.getWorksheet('Case Sheet')!;
      expect(ws.getRow(1).hidden).toBe(true);
      expect(ws.getCell('D1').value).toBe('prs_FirstName');
      expect(ws.getCell('D2').value).toBe('First Name');
      expect(ws.getCell('X2').value).toBe('Type of Exploitation');
      expect(ws.getCell('A3').value).toBe(1);
      expect(ws.getCell('D4').value).toBe('=HYPERLINK("http://x")');
      expect(ws.getCell('D4').type).toBe(ExcelJS.ValueType.String);
      expect(ws.getCell('X4').value).toBe('Forced labour; Forced military (by non-state actors)');

      const target = await t.createOrg('Target XLSX');
      const importer = await t.signIn(target, 'supervisor');
      const imported = await importFile(importer, first.bytes, { format: 'xlsx' });
      expect(imported.status, JSON.stringify(imported.body)).toBe(200);
      expect(imported.json<ImportResult>()).toMatchObject({ imported: 3, errorCount: 0 });
      const [a, b] = await Promise.all([
        exportFile(boss, 'format=csv'),
        exportFile(importer, 'format=csv'),
      ]);
      expect(comparable(b.body)).toEqual(comparable(a.body));
    });

    it('another organisation never sees the imported cases', async () => {
      const target = await t.createOrg('Target isolated');
      const importer = await t.signIn(target, 'supervisor');
      const file = await exportFile(await t.signIn(source, 'supervisor'), 'format=csv');
      await importFile(importer, file.bytes);
      const outsider = await t.signIn(orgA, 'supervisor');
      const before = await casesOf(outsider);
      const mine = await casesOf(importer);
      expect(mine.total).toBe(3);
      for (const c of mine.items) {
        expect(before.items.map((x) => x.id)).not.toContain(c.id);
        expect(
          (await t.request('GET', `/api/v1/cases/${c.id}`, { session: outsider })).status,
        ).toBe(404);
      }
      const theirs = await exportFile(outsider, 'format=csv');
      expect(theirs.body).not.toMatch(/Олена|HYPERLINK/);
    });
  });

  describe('export', () => {
    it('applies the case-list filters', async () => {
      const org = await t.createOrg();
      const w = await t.signIn(org, 'caseworker');
      await t.createCase(w, { status: 'Closed' } as never);
      await t.createCase(w, {
        person: { givenName: 'Open', gender: 'Masculine' },
        status: 'Active',
      } as never);
      const boss = await t.signIn(org, 'supervisor');
      const closed = parseCsv((await exportFile(boss, 'format=csv&status=Closed')).body).records;
      expect(closed).toHaveLength(3);
      expect(closed[2]!.cells[3]).toBe('Amina');
      expect(closed[2]!.cells[HTCDS_COLUMNS.findIndex((c) => c.field === 'cas_Status')]).toBe(
        'Closed',
      );
      const bad = await exportFile(boss, 'format=pdf');
      expect(bad.status).toBe(400);
    });

    it('is audited with the number of cases and the fields, never the values', async () => {
      const org = await t.createOrg();
      const w = await t.signIn(org, 'caseworker');
      await t.createCase(w);
      await t.createCase(w);
      const boss = await t.signIn(org, 'supervisor');
      expect((await exportFile(boss, 'format=xlsx')).status).toBe(200);
      const [entry, ...more] = await auditEntries(t, org, 'case.exported');
      expect(more).toEqual([]);
      expect(entry).toMatchObject({ actorId: boss.userId, recordType: 'case', recordId: '2' });
      expect(entry!.fields).toEqual(
        expect.arrayContaining([
          'caseOwner',
          'givenName',
          'familyName',
          'dateOfBirth',
          'gender',
          'citizenship',
          'reference',
        ]),
      );
      expect(entry!.fields).not.toContain('phone');
      expect(entry!.text).not.toMatch(/Amina|Okafor|1998-04-12/);
    });

    it('is refused to caseworkers, and the refusal exports and audits nothing', async () => {
      const before = await auditEntries(t, orgA, 'case.exported');
      const res = await exportFile(worker, 'format=csv');
      expect(res.status).toBe(403);
      expect(res.body).not.toMatch(/Amina/);
      expect(await auditEntries(t, orgA, 'case.exported')).toHaveLength(before.length);
    });
  });

  it('reads a workbook laid out as the toolkit’s template, with typed cells', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Case Sheet');
    // The toolkit's hidden row names N–R in another order than their labels: the labels decide.
    ws.addRow([
      '',
      'cas_CaseOwner',
      'prs_Salutation',
      'prs_FirstName',
      'prs_SecondName',
      'con_Consent',
      'prs_Birthdate',
      'prs_Gender',
      'prs_Citizenship',
      'prs_Title',
      'prs_Email',
      'prs_HomePhone',
      'prs_MobilePhone',
      'prs_MailingCity',
      'prs_MailingCountry',
    ]).hidden = true;
    ws.addRow([
      '',
      'Case Owner',
      'Salutation',
      'First Name',
      'Second Name',
      'Consent',
      'Birthdate',
      'Gender',
      'Citizenship',
      'Title',
      'Email',
      'Home Phone',
      'Mobile Phone',
      'Mailing Street',
      'Mailing City',
    ]);
    ws.addRow([
      1,
      'Someone',
      'Ms',
      { richText: [{ text: 'Ami' }, { text: 'na' }] },
      'Okafor',
      'TRUE',
      new Date(Date.UTC(1998, 3, 12)),
      'Feminine',
      'Albania; Kosovo',
      '',
      { text: 'amina@example.org', hyperlink: 'mailto:amina@example.org' },
      '',
      2348012345678,
      '12 Marina Road',
      'Lagos',
    ]);
    for (let n = 2; n <= 20; n++) ws.addRow([n]);
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());

    const org = await t.createOrg();
    const session = await t.signIn(org, 'supervisor');
    const res = await importFile(session, bytes, { format: 'xlsx' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const result = res.json<ImportResult>();
    expect(result).toMatchObject({ rows: 1, imported: 1, errorCount: 0 });
    expect(result.warnings.map((w) => [w.row, w.column?.letter])).toEqual([[3, 'I']]);
    expect(result.ignoredColumns.map((c) => c.header)).toEqual([
      'Case Owner',
      'Salutation',
      'Consent',
    ]);
    const [summary] = (await casesOf(session)).items;
    const detail = (await t.request('GET', `/api/v1/cases/${summary!.id}`, { session })).json<{
      person: Record<string, unknown>;
      citizenship: string;
    }>();
    expect(detail.citizenship).toBe('AL');
    expect(detail.person).toMatchObject({
      givenName: 'Amina',
      dateOfBirth: '1998-04-12',
      email: 'amina@example.org',
      phone: '2348012345678',
      address: '12 Marina Road, Lagos',
    });
  });

  it('a case created by the API exports as the body that would create it again', async () => {
    const org = await t.createOrg();
    const w = await t.signIn(org, 'caseworker');
    await t.createCase(w);
    const csv = (await exportFile(await t.signIn(org, 'supervisor'), 'format=csv')).body;
    const [fields, , row] = parseCsv(csv).records.map((r) => r.cells);
    const byField = Object.fromEntries(fields!.map((f, i) => [f, row![i]]));
    const body = caseBody();
    expect(byField).toMatchObject({
      prs_FirstName: 'Amina',
      prs_SecondName: 'Okafor',
      prs_Birthdate: '1998-04-12',
      prs_Gender: 'Feminine',
      prs_Citizenship: 'NG',
      vic_LocationOfExploitation: 'IT',
      vic_TypeOfExploitation: 'Sexual exploitation',
      vic_TraffickingStatus: 'Possible victim of trafficking',
      cas_Status: 'Active',
      lnt_RegistrationDate: body.registrationDate,
      lnt_AgeAtRegistration: '28',
      lnt_CaseReference: 'LNT-2026-000001',
    });
  });
});
