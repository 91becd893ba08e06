import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportIssue, ImportResult } from '../../src/shared/api/exchange.schema.ts';
import { parseCsv, writeCsv } from '../../src/shared/exchange/csv.ts';
import { runCli, scratchEnvironment } from '../support/cli.ts';

const LABELS = ['First Name', 'Gender', 'Citizenship', 'Type of Exploitation'];

describe('lantern cases import / export', () => {
  let env: Awaited<ReturnType<typeof scratchEnvironment>>;
  let org: string;
  const data = () => ['--data', env.dataDir];

  beforeAll(async () => {
    env = await scratchEnvironment();
    const res = await runCli(['org', 'create', '--name', 'CLI org', ...data(), '--json']);
    org = res.json<{ id: string }>().id;
  });
  afterAll(() => env.dispose());

  it('refuses the whole file when a row fails, naming row and column, and exits 1', async () => {
    const file = join(env.dataDir, 'bad.csv');
    await writeFile(
      file,
      writeCsv([LABELS, ['Amina', 'F', 'NG', ''], ['Bola', 'F', 'Atlantis', '']]),
    );
    const res = await runCli(['cases', 'import', file, '--org', org, ...data(), '--json']);
    expect(res.code).toBe(1);
    const { error } = res.json<{ error: { code: string; details: ImportIssue[] } }>();
    expect(error.code).toBe('validation_failed');
    expect(error.details.map((d) => [d.row, d.column?.letter])).toEqual([[3, 'C']]);
    const text = await runCli(['cases', 'import', file, '--org', org, ...data()]);
    expect(text.err).toContain('row 3, column C (Citizenship): item 1 must be a country');
  });

  it('imports the valid rows when asked, then exports them as CSV and XLSX', async () => {
    const file = join(env.dataDir, 'mixed.csv');
    await writeFile(
      file,
      writeCsv([LABELS, ['Amina', 'F', 'NG', 'Forced labour'], ['Bola', 'F', 'Atlantis', '']]),
    );
    const res = await runCli([
      'cases',
      'import',
      file,
      '--org',
      org,
      '--mode',
      'valid_rows_only',
      ...data(),
      '--json',
    ]);
    // Rows were skipped: the exit code says so, the report says which.
    expect(res.code).toBe(1);
    expect(res.json<ImportResult>()).toMatchObject({ imported: 1, skipped: 1, errorCount: 1 });

    const csv = await runCli(['cases', 'export', '--org', org, ...data()]);
    expect(csv.code).toBe(0);
    const rows = parseCsv(csv.out).records;
    expect(rows).toHaveLength(3);
    expect(rows[2]!.cells.slice(3, 4)).toEqual(['Amina']);

    const out = join(env.dataDir, 'cases.xlsx');
    const xlsx = await runCli([
      'cases',
      'export',
      '--org',
      org,
      '--format',
      'xlsx',
      '--out',
      out,
      ...data(),
      '--json',
    ]);
    expect(xlsx.json<{ exported: number }>().exported).toBe(1);
    expect((await stat(out)).mode & 0o777).toBe(0o600);
    expect((await readFile(out)).subarray(0, 2).toString()).toBe('PK');
  });

  it('asks for --out for a workbook and for a file to import', async () => {
    expect((await runCli(['cases', 'export', '--org', org, '--format', 'xlsx'])).code).toBe(2);
    expect((await runCli(['cases', 'import', '--org', org])).code).toBe(2);
  });
});
