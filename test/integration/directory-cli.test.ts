import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/shared/exchange/csv.ts';
import { runCli, scratchEnvironment } from '../support/cli.ts';

/** Typed asymmetric matchers (expect's own return any). */
const anyText = () => expect.any(String) as string;

const HEADER =
  'provider_name,receiving_organisation,service_type,service_name,country,latitude,longitude,languages,capacity_total,capacity_available';

// The contract outside checks rely on: `lantern services import FILE.csv --json` prints exactly
// {"imported": N, "errors": [...]} and exits 1 when there are errors.
describe('lantern services import / export', () => {
  let env: Awaited<ReturnType<typeof scratchEnvironment>>;
  const data = () => ['--data', env.dataDir];
  const file = async (name: string, lines: string[]) => {
    const path = join(env.dataDir, name);
    await writeFile(path, lines.join('\n'));
    return path;
  };

  beforeAll(async () => {
    env = await scratchEnvironment();
  });
  afterAll(() => env.dispose());

  it('says clearly when the instance has no organisation', async () => {
    const path = await file('none.csv', [HEADER]);
    const res = await runCli(['services', 'import', path, ...data(), '--json']);
    expect(res.code).toBe(1);
    expect(res.err).toContain('no organisation');
  });

  describe('with one organisation', () => {
    let org: string;
    beforeAll(async () => {
      const res = await runCli(['org', 'create', '--name', 'CLI org', ...data(), '--json']);
      org = res.json<{ id: string }>().id;
    });

    it('imports without --org and prints exactly {imported, errors}', async () => {
      const path = await file('good.csv', [
        HEADER,
        'Harbour House,self,shelter,Harbour shelter,IT,41.9,12.5,it;en,10,4',
        'Harbour House,self,medical,Harbour clinic,IT,41.9,12.5,,,',
      ]);
      const res = await runCli(['services', 'import', path, ...data(), '--json']);
      expect(res.code, res.err).toBe(0);
      expect(res.out.trim()).toBe('{"imported":2,"errors":[]}');
    });

    it('exits 1 with every row error and imports nothing', async () => {
      const path = await file('bad.csv', [
        HEADER,
        'Other,,shelter,Fine,IT,41.9,12.5,,,',
        'Other,,spa,Bad type,IT,41.9,12.5,,,',
        'Other,,shelter,Bad place,IT,91,12.5,,3,-1',
      ]);
      const res = await runCli(['services', 'import', path, ...data(), '--json']);
      expect(res.code).toBe(1);
      const out = res.json<{ imported: number; errors: unknown[] }>();
      expect(Object.keys(out)).toEqual(['imported', 'errors']);
      expect(out.imported).toBe(0);
      expect(out.errors).toEqual([
        { row: 3, column: 'service_type', message: anyText() },
        { row: 4, column: 'latitude', message: 'must be between -90 and 90' },
        { row: 4, column: 'capacity_available', message: 'must not be below zero' },
      ]);
      const text = await runCli(['services', 'import', path, ...data()]);
      expect(text.code).toBe(1);
      expect(text.err).toContain('row 4, column latitude: must be between -90 and 90');
      expect(text.out).toContain('Nothing imported');

      const exported = await runCli(['services', 'export', ...data()]);
      const rows = parseCsv(exported.out).records;
      // The two services of the good file only.
      expect(rows.slice(1).map((r) => r.cells[7])).toEqual(['Harbour clinic', 'Harbour shelter']);
    });

    it('exports to a file and imports it back as updates', async () => {
      const out = join(env.dataDir, 'export.csv');
      const res = await runCli([
        'services',
        'export',
        '--org',
        org,
        '--out',
        out,
        ...data(),
        '--json',
      ]);
      expect(res.code).toBe(0);
      expect(res.json<{ exported: number }>().exported).toBe(2);
      const again = await runCli(['services', 'import', out, '--org', org, ...data(), '--json']);
      expect(again.out.trim()).toBe('{"imported":2,"errors":[]}');
      const after = await runCli(['services', 'export', ...data()]);
      expect(after.out.trim()).toBe((await readFile(out, 'utf8')).trim());
    });

    it('requires --org once the instance has two organisations', async () => {
      await runCli(['org', 'create', '--name', 'Second org', ...data(), '--json']);
      const path = await file('again.csv', [HEADER]);
      const res = await runCli(['services', 'import', path, ...data(), '--json']);
      expect(res.code).toBe(2);
      expect(res.err).toContain('--org is required');
      const bad = await runCli(['services', 'export', '--org', 'nope', ...data()]);
      expect(bad.code).toBe(2);
      expect(bad.err).toContain('--org must be an organisation id');
    });
  });
});
