import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  Publication,
  PublicationParametersInput,
  PublicPublication,
} from '../../src/shared/api/hub.schema.ts';
import { DEFAULT_HUB_QI } from '../../src/shared/api/hub.schema.ts';
import { cellText } from '../../src/server/exchange/xlsx.ts';
import {
  CTDC_COLUMNS,
  SYNTHETIC_COLUMNS,
  alpha3Of,
  generateCtdc,
} from '../../src/shared/hub/ctdc/index.ts';
import type { Table } from '../../src/shared/hub/table.ts';
import { readTable, writeTable } from '../../src/shared/hub/table.ts';
import { errorOf } from '../support/api.ts';
import { createPublication, importCtdc } from '../support/hub.ts';
import type { TestResponse, TestSession } from '../support/test-app.ts';
import { TestLantern } from '../support/test-app.ts';

// Downloads of a released publication in the CTDC synthetic layout (docs/hub.md, "Layouts"):
// converted from the released global-layout file, k still held, refused for what cannot be
// converted.

const PUBLIC = '/api/v1/public/publications';

/** The smallest number of rows sharing one combination of `qi`, counted here. */
function smallestClass(table: Table, qi: readonly string[]): number {
  const idx = qi.map((c) => table.columns.indexOf(c));
  expect(idx).not.toContain(-1);
  const sizes = new Map<string, number>();
  for (const r of table.rows) {
    const key = JSON.stringify(idx.map((i) => r[i]));
    sizes.set(key, (sizes.get(key) ?? 0) + 1);
  }
  return Math.min(...sizes.values());
}

const csvOf = (res: TestResponse): Table => {
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  expect(String(res.headers['content-type'])).toMatch(/^text\/csv/);
  return readTable(typeof res.body === 'string' ? res.body : JSON.stringify(res.body));
};

describe('public downloads in the CTDC synthetic layout', () => {
  let t: TestLantern;
  let analyst: TestSession;
  let sourceId: string;

  /** Creates and releases a publication; returns its public view. */
  async function released(parameters: PublicationParametersInput): Promise<PublicPublication> {
    const created = await createPublication(t, analyst, parameters);
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const id = created.json<Publication>().id;
    const rel = await t.request('POST', `/api/v1/hub/publications/${id}/release`, {
      session: analyst,
    });
    expect(rel.status, JSON.stringify(rel.body)).toBe(200);
    return (await t.request('GET', `${PUBLIC}/${id}`)).json<PublicPublication>();
  }
  const download = (id: string, query: string) =>
    t.request('GET', `${PUBLIC}/${id}/download?${query}`);

  beforeAll(async () => {
    t = await TestLantern.start({ hub: { budget: { epsilon: 10, delta: 1e-5 } } });
    const org = await t.createOrg('Org A');
    analyst = await t.signIn(org, 'analyst');
    sourceId = (await importCtdc(t, analyst, generateCtdc({ rows: 3000, seed: 21 }), 'Gen')).id;
  });
  afterAll(() => t.close());

  it('k = 11 microdata: both layouts, the synthetic one with the 27 columns and every class ≥ 11', async () => {
    const pub = await released({ kind: 'microdata', sourceIds: [sourceId] });
    expect(pub.layouts).toEqual(['global', 'synthetic']);
    const list = (await t.request('GET', PUBLIC)).json<{ publications: PublicPublication[] }>();
    expect(list.publications.find((p) => p.id === pub.id)?.layouts).toEqual(pub.layouts);

    const global = csvOf(await download(pub.id, 'format=csv'));
    expect(global.columns).toEqual([...CTDC_COLUMNS]);
    expect(csvOf(await download(pub.id, 'format=csv&layout=global'))).toEqual(global);

    const res = await download(pub.id, 'format=csv&layout=synthetic');
    const synthetic = csvOf(res);
    expect(String(res.headers['content-disposition'])).toContain(
      `lantern-microdata-${pub.id}-synthetic-layout.csv`,
    );
    expect(synthetic.columns).toEqual([...SYNTHETIC_COLUMNS]);
    expect(synthetic.rows).toHaveLength(pub.rowCount);
    expect(smallestClass(synthetic, DEFAULT_HUB_QI)).toBeGreaterThanOrEqual(11);
    for (const c of ['citizenship', 'CountryOfExploitation']) {
      const i = synthetic.columns.indexOf(c);
      for (const r of synthetic.rows) expect(r[i]).toMatch(/^([A-Z]{3})?$/);
    }
  });

  it('countries that are not quasi-identifiers become their alpha-3 codes, row for row', async () => {
    const qi = ['gender', 'ageBroad', 'yearOfRegistration'];
    const pub = await released({ kind: 'microdata', sourceIds: [sourceId], qi });
    const global = csvOf(await download(pub.id, 'format=csv'));
    const synthetic = csvOf(await download(pub.id, 'layout=synthetic'));
    expect(smallestClass(synthetic, qi)).toBeGreaterThanOrEqual(11);
    const g = global.columns.indexOf('CountryOfExploitation');
    const s = synthetic.columns.indexOf('CountryOfExploitation');
    const expected = global.rows.map((r) => (r[g] === '-99' ? '' : alpha3Of(r[g]!)));
    expect(synthetic.rows.map((r) => r[s])).toEqual(expected);
    expect(new Set(expected).size).toBeGreaterThan(5);
    expect(expected).toContain('UKR');

    const xlsx = await t.app.inject({
      method: 'GET',
      url: `${PUBLIC}/${pub.id}/download?format=xlsx&layout=synthetic`,
    });
    expect(xlsx.statusCode).toBe(200);
    expect(String(xlsx.headers['content-type'])).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ExcelJS.Buffer);
    const sheetRows: string[][] = [];
    wb.getWorksheet('data')!.eachRow((row) => {
      const cells = (row.values as unknown[]).slice(1).map((v) => cellText(v));
      sheetRows.push(SYNTHETIC_COLUMNS.map((_, i) => cells[i] ?? ''));
    });
    expect(sheetRows[0]).toEqual([...SYNTHETIC_COLUMNS]);
    expect(sheetRows.slice(1)).toEqual(synthetic.rows);
    const about: string[] = [];
    wb.getWorksheet('about')!.eachRow((row) => {
      about.push(
        (row.values as unknown[])
          .slice(1)
          .map((v) => cellText(v))
          .join(' '),
      );
    });
    expect(about.join('\n')).toContain(
      'Guarantee in this layout: every combination of gender, ageBroad, yearOfRegistration occurs at least 11 times',
    );
  });

  it('aggregates and records lacking columns: 400 naming layout; an unknown layout too', async () => {
    const counts = await released({
      kind: 'aggregates',
      sourceIds: [sourceId],
      epsilon: 1,
      length: 2,
    });
    expect(counts.layouts).toEqual(['global']);
    const refused = await download(counts.id, 'format=csv&layout=synthetic');
    expect(refused.status).toBe(400);
    expect(errorOf(refused).code).toBe('validation_failed');
    expect(errorOf(refused).details).toEqual([
      { path: 'querystring.layout', message: expect.stringMatching(/aggregates/) as string },
    ]);
    expect((await download(counts.id, 'format=xlsx&layout=synthetic')).status).toBe(400);
    expect((await download(counts.id, 'format=csv')).status).toBe(200);

    const cut = await released({
      kind: 'microdata',
      sourceIds: [sourceId],
      columns: [...DEFAULT_HUB_QI, 'isForcedLabour'],
    });
    expect(cut.layouts).toEqual(['global']);
    const lacking = await download(cut.id, 'layout=synthetic');
    expect(lacking.status).toBe(400);
    expect(errorOf(lacking).details?.[0]?.path).toBe('querystring.layout');
    expect(errorOf(lacking).message).toMatch(/every column of the CTDC global layout/);

    const unknown = await download(cut.id, 'layout=alpha3');
    expect(unknown.status).toBe(400);
    expect(errorOf(unknown).details?.[0]?.path).toBe('querystring.layout');
  });

  it('checks k again on the converted file: a stored file that breaks it is a 409, nothing sent', async () => {
    const pub = await released({ kind: 'microdata', sourceIds: [sourceId] });
    // Someone with database access alters the stored file: one row gets a year of its own.
    const [stored] = await t.database.superuser(
      'SELECT content FROM hub_publications WHERE id = $1',
      [pub.id],
    );
    const file = readTable(String(stored!.content));
    const year = file.columns.indexOf('yearOfRegistration');
    file.rows[0]![year] = '1951';
    await t.database.superuser('UPDATE hub_publications SET content = $2 WHERE id = $1', [
      pub.id,
      writeTable(file),
    ]);
    const res = await download(pub.id, 'layout=synthetic');
    expect(res.status).toBe(409);
    expect(errorOf(res).message).toMatch(/would not keep its guarantee: 1 combination/);
    expect(errorOf(res).message).not.toContain('1951');
  });

  it('a draft is not found in any layout', async () => {
    const created = await createPublication(t, analyst, {
      kind: 'microdata',
      sourceIds: [sourceId],
    });
    const id = created.json<Publication>().id;
    expect((await download(id, 'layout=synthetic')).status).toBe(404);
  });
});
