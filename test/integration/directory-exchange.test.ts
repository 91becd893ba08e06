import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  DirectoryImportIssue,
  DirectoryImportResult,
  ProviderDetail,
  ProviderList,
} from '../../src/shared/api/directory.schema.ts';
import { DIRECTORY_CSV_COLUMNS } from '../../src/shared/directory/csv.ts';
import { parseCsv } from '../../src/shared/exchange/csv.ts';
import { auditEntries, errorOf } from '../support/api.ts';
import { ok } from '../support/casework.ts';
import { createProvider, createService, csvUpload } from '../support/directory.ts';
import type { TestSession } from '../support/test-app.ts';
import { TestLantern } from '../support/test-app.ts';

/** Typed asymmetric matchers (expect's own return any). */
const containing = (s: string) => expect.stringContaining(s) as string;
const matching = (r: RegExp) => expect.stringMatching(r) as string;

const HEADER =
  'provider_name,provider_phone,receiving_organisation,service_type,service_name,country,latitude,longitude,languages,age_min,age_max,genders,capacity_total,capacity_available,active';

// CSV import and export of the directory: one transaction, every row error reported with its
// row (header = 1) and column, and export → edit → import updating the same services.
describe('service directory: CSV import and export', () => {
  let t: TestLantern;
  let orgA: string;
  let orgB: string;
  let adminA: TestSession;
  let adminB: TestSession;

  beforeAll(async () => {
    t = await TestLantern.start();
    orgA = await t.createOrg('Org A');
    orgB = await t.createOrg('Org B');
    adminA = await t.signIn(orgA, 'admin');
    adminB = await t.signIn(orgB, 'supervisor');
  });
  afterAll(() => t.close());

  const importCsv = (session: TestSession, csv: string) =>
    t.request('POST', '/api/v1/directory/import', { session, body: csvUpload(csv) });
  const exportCsv = async (session: TestSession) => {
    const res = await t.request('GET', '/api/v1/directory/export', { session });
    expect(res.status).toBe(200);
    expect(String(res.headers['content-type'])).toMatch(/^text\/csv/);
    expect(String(res.headers['content-disposition'])).toMatch(
      /attachment; filename="lantern-directory-2026-06-01\.csv"/,
    );
    return String(res.body);
  };
  const counts = async () =>
    (
      await t.database.superuser(
        `SELECT (SELECT count(*)::int FROM providers) AS providers,
                (SELECT count(*)::int FROM services) AS services`,
      )
    )[0];
  const rowErrors = (res: Awaited<ReturnType<typeof importCsv>>) => {
    expect(res.status, JSON.stringify(res.body)).toBe(400);
    expect(errorOf(res).code).toBe('validation_failed');
    return errorOf(res).details as unknown as DirectoryImportIssue[];
  };

  it('imports new providers and services, with BOM, CRLF and quoted fields', async () => {
    const csv =
      '\ufeff' +
      [
        HEADER,
        '"Casa ""Aurora"", Roma",+39 06 1,self,shelter,"Night shelter, women",IT,41.9,12.5,it;en,18,,Feminine,10,3,true',
        `"Casa ""Aurora"", Roma",+39 06 1,self,legal_aid,"Legal clinic, ""Tor""",it,41.91,12.49,,,,,,,`,
        `Pro Bono Napoli,,${orgB},legal_aid,Advice desk,IT,40.85,14.27,it,,,,,,no`,
      ].join('\r\n') +
      '\r\n';
    const res = await importCsv(adminA, csv);
    expect(ok<DirectoryImportResult>(res)).toEqual({ imported: 3, errors: [] });

    const mine = ok<ProviderList>(
      await t.request('GET', '/api/v1/directory/providers?mine=true', { session: adminA }),
    );
    const aurora = mine.providers.find((p) => p.name === 'Casa "Aurora", Roma')!;
    expect(aurora).toMatchObject({ providerOrgId: orgA, phone: '+39 06 1', serviceCount: 2 });
    const napoli = mine.providers.find((p) => p.name === 'Pro Bono Napoli')!;
    expect(napoli).toMatchObject({ providerOrgId: orgB, phone: null });
    const detail = ok<ProviderDetail>(
      await t.request('GET', `/api/v1/directory/providers/${aurora.id}`, { session: adminA }),
    );
    const clinic = detail.services.find((s) => s.serviceType === 'legal_aid')!;
    expect(clinic).toMatchObject({
      name: 'Legal clinic, "Tor"',
      country: 'IT',
      languages: [],
      capacityTotal: null,
      capacityUpdatedAt: null,
      active: true,
    });
    const shelter = detail.services.find((s) => s.serviceType === 'shelter')!;
    expect(shelter).toMatchObject({
      languages: ['it', 'en'],
      ageMin: 18,
      ageMax: null,
      genders: ['Feminine'],
      capacityTotal: 10,
      capacityAvailable: 3,
      capacityUpdatedAt: '2026-06-01T09:00:00.000Z',
    });
    const audit = await auditEntries(t, orgA);
    expect(audit.filter((a) => a.action === 'service.created')).toHaveLength(3);
    expect(audit.filter((a) => a.action === 'provider.created')).toHaveLength(2);
    expect(audit.at(-1)!.action).toBe('directory.imported');
  });

  it('imports nothing when any row fails, and lists every error with row and column', async () => {
    const before = await counts();
    const csv = [
      HEADER,
      'Good provider,,,shelter,Fine,IT,41.9,12.5,,,,,,,',
      'Bad one,,,spa,X,IT,95,12.5,en;xx,30,20,,2,-1,maybe',
      '',
      'Short row,,,shelter',
      'Third,,,medical,Clinic,ZZ,abc,200,,,,,1,2,',
      `Fourth,,${randomUUID()},medical,Clinic,IT,1,2,,,,,,,`,
    ].join('\n');
    const errors = rowErrors(await importCsv(adminA, csv));
    expect(errors).toEqual(
      expect.arrayContaining([
        { row: 3, column: 'service_type', message: containing('shelter') },
        { row: 3, column: 'latitude', message: 'must be between -90 and 90' },
        { row: 3, column: 'languages', message: matching(/^value 2: .*ISO 639-1/) },
        { row: 3, column: 'capacity_available', message: 'must not be below zero' },
        { row: 3, column: 'active', message: 'must be true or false' },
        { row: 5, column: null, message: 'has 4 values where the header has 15 columns' },
        { row: 6, column: 'country', message: containing('ISO 3166-1') },
        { row: 6, column: 'latitude', message: containing('must be a number') },
        { row: 6, column: 'longitude', message: 'must be between -180 and 180' },
        {
          row: 7,
          column: 'receiving_organisation',
          message: 'is not an organisation on this instance',
        },
      ]),
    );
    // Row 3's age range is also wrong, but only once its fields parse; row 2 has no error.
    expect(errors.some((e) => e.row === 2)).toBe(false);
    expect(errors.map((e) => e.row)).toEqual([...errors.map((e) => e.row)].sort((a, b) => a - b));
    expect(await counts()).toEqual(before);
  });

  it('reports cross-field rules and provider disagreements by column', async () => {
    const csv = [
      HEADER,
      'Crossed,,,shelter,A,IT,1,1,,30,20,,2,3,',
      'Same,+1 1,,shelter,A,IT,1,1,,,,,,,',
      'Same,+1 2,self,shelter,B,IT,1,1,,,,,,,',
    ].join('\n');
    const errors = rowErrors(await importCsv(adminA, csv));
    expect(errors).toEqual([
      { row: 2, column: 'age_min', message: 'must not be greater than age_max' },
      {
        row: 2,
        column: 'capacity_available',
        message: 'must not be greater than capacity_total',
      },
      { row: 4, column: 'provider_phone', message: 'differs from row 3 (same provider)' },
      { row: 4, column: 'receiving_organisation', message: 'differs from row 3 (same provider)' },
    ]);
  });

  it('refuses an empty file, a file without required columns, and unknown columns', async () => {
    expect(rowErrors(await importCsv(adminA, ''))).toEqual([
      { row: 1, column: null, message: containing('the file is empty') },
    ]);
    expect(rowErrors(await importCsv(adminA, '\ufeff\r\n\r\n'))[0]!.message).toContain('empty');
    const missing = rowErrors(await importCsv(adminA, 'provider_name,colour\nA,blue\n'));
    expect(missing.map((e) => e.column)).toEqual([
      'colour',
      'service_type',
      'service_name',
      'country',
      'latitude',
      'longitude',
    ]);
    const notUtf8 = await t.request('POST', '/api/v1/directory/import', {
      session: adminA,
      body: { content: Buffer.from([0xff, 0xfe, 0x41]).toString('base64') },
    });
    expect(rowErrors(notUtf8)).toEqual([
      { row: 1, column: null, message: 'the file is not UTF-8 text' },
    ]);
    const unclosed = rowErrors(await importCsv(adminA, `${HEADER}\n"Open,quote`));
    expect(unclosed).toEqual([{ row: 2, column: null, message: 'a quoted value is never closed' }]);
  });

  it('refuses a service_id that is not one of the organisation’s services', async () => {
    const theirs = await createProvider(t, adminB, { name: 'B listing' });
    const theirService = await createService(t, adminB, theirs.id);
    const csv = [
      `service_id,${HEADER}`,
      `${theirService.id},X,,,shelter,Taken,IT,1,1,,,,,,,`,
      `not-a-uuid,X,,,shelter,Taken,IT,1,1,,,,,,,`,
    ].join('\n');
    expect(rowErrors(await importCsv(adminA, csv))).toEqual([
      { row: 2, column: 'service_id', message: 'is not a service listed by your organisation' },
      { row: 3, column: 'service_id', message: 'must be a service id (UUID) or empty' },
    ]);
    const read = ok<ProviderDetail>(
      await t.request('GET', `/api/v1/directory/providers/${theirs.id}`, { session: adminA }),
    );
    expect(read.services[0]!.name).toBe(theirService.name);
  });

  it('round-trips: export, edit, import updates the same services', async () => {
    const org = await t.createOrg('Round trip');
    const admin = await t.signIn(org, 'admin');
    const p = await createProvider(t, admin, {
      name: 'Round =trip',
      providerOrgId: org,
      phone: '+44 20 7946 0000',
    });
    const s1 = await createService(t, admin, p.id, {
      name: '=HYPERLINK("x")',
      description: 'Beds, "quiet" rooms\nand a garden',
      nationalities: ['NG', 'GH'],
      statuses: ['PossibleVictimOfTrafficking'],
      longitude: -0.1276,
      latitude: 51.5072,
      country: 'GB',
    });
    const s2 = await createService(t, admin, p.id, { serviceType: 'medical', active: false });
    const first = await exportCsv(admin);
    const parsed = parseCsv(first).records;
    expect(parsed[0]!.cells).toEqual([...DIRECTORY_CSV_COLUMNS]);
    expect(parsed).toHaveLength(3);
    // A value a spreadsheet would run is escaped in the file.
    expect(first).toContain(`'=HYPERLINK`);

    // Importing the export unchanged changes nothing but writes the same services back.
    expect(ok<DirectoryImportResult>(await importCsv(admin, first)).imported).toBe(2);
    expect(await exportCsv(admin)).toBe(first);

    // Edit one value and import: the same service changes; nothing is added.
    const col = DIRECTORY_CSV_COLUMNS.indexOf('capacity_available');
    const rows = parsed.map((r) => [...r.cells]);
    const row1 = rows.find((r) => r[0] === s1.id)!;
    row1[col] = '1';
    const edited = rows
      .map((r) => r.map((c) => (/[",\n]/.test(c) ? `"${c.replaceAll('"', '""')}"` : c)).join(','))
      .join('\n');
    expect(ok<DirectoryImportResult>(await importCsv(admin, edited)).imported).toBe(2);
    const detail = ok<ProviderDetail>(
      await t.request('GET', `/api/v1/directory/providers/${p.id}`, { session: admin }),
    );
    expect(detail.services).toHaveLength(2);
    const after1 = detail.services.find((s) => s.id === s1.id)!;
    expect(after1).toMatchObject({
      name: '=HYPERLINK("x")',
      description: s1.description,
      capacityAvailable: 1,
      nationalities: ['NG', 'GH'],
      statuses: ['PossibleVictimOfTrafficking'],
      longitude: -0.1276,
    });
    expect(detail.services.find((s) => s.id === s2.id)!.active).toBe(false);
    expect(detail).toMatchObject({
      name: 'Round =trip',
      phone: '+44 20 7946 0000',
      providerOrgId: org,
    });
    const audit = await auditEntries(t, org, 'directory.exported');
    expect(audit.length).toBeGreaterThanOrEqual(2);
  });

  it('exports only the actor’s organisation’s listings', async () => {
    const csv = await exportCsv(adminB);
    const names = parseCsv(csv)
      .records.slice(1)
      .map((r) => r.cells[1]);
    expect(names.every((n) => n === 'B listing')).toBe(true);
  });

  it('refuses import and export to roles without directory:manage', async () => {
    const worker = await t.signIn(orgA, 'caseworker');
    expect((await importCsv(worker, HEADER)).status).toBe(403);
    expect((await t.request('GET', '/api/v1/directory/export', { session: worker })).status).toBe(
      403,
    );
  });
});
