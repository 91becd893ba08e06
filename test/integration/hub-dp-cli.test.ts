import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readTable } from '../../src/shared/hub/table.ts';
import { runCli } from '../support/cli.ts';

let dir: string;
let input: string;

/** 2,000 records in 4 columns, with empty cells and '-99' (missing). */
function csv(): string {
  const lines = ['sex,age,country,forced'];
  for (let i = 0; i < 2000; i++) {
    const sex = i % 3 === 0 ? 'Male' : 'Female';
    const age = ['0--8', '9--17', '18--20', '21--23'][i % 4]!;
    const country = i % 10 === 0 ? '-99' : ['UA', 'PH', 'MD'][i % 3]!;
    const forced = i % 5 === 0 ? '' : String(i % 2);
    lines.push([sex, age, country, forced].join(','));
  }
  return `${lines.join('\n')}\n`;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lantern-hub-dp-'));
  input = join(dir, 'cases.csv');
  await writeFile(input, csv());
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('lantern hub aggregate', () => {
  it('prints the release summary as JSON and writes the aggregates as CSV', async () => {
    const out = join(dir, 'agg.csv');
    const r = await runCli([
      'hub',
      'aggregate',
      '--input',
      input,
      '--epsilon',
      '2',
      '--length',
      '2',
      '--seed',
      '7',
      '--out',
      out,
      '--json',
    ]);
    expect(r.code).toBe(0);
    const j = r.json<{
      records: number;
      length: number;
      combinations: number;
      byLength: { length: number; released: number }[];
      epsilon: number;
      delta: number;
      seconds: number;
    }>();
    expect(j.epsilon).toBe(2);
    expect(j.delta).toBe(1e-6);
    expect(j.length).toBe(2);
    expect(Math.abs(j.records - 2000)).toBeLessThan(200);
    expect(j.byLength.map((l) => l.length)).toEqual([1, 2]);
    expect(typeof j.seconds).toBe('number');
    expect(r.err).toContain('--seed'); // the warning that a seeded release is for tests only
    const table = readTable(await readFile(out, 'utf8'));
    expect(table.columns).toEqual(['length', 'count', 'sex', 'age', 'country', 'forced']);
    expect(table.rows).toHaveLength(j.combinations);
    expect(table.rows.some((row) => row.includes('-99'))).toBe(false);
    expect(table.rows.filter((row) => row[0] === '1').map((row) => row[4])).toContain('UA');
  });

  it('writes JSON aggregates when --out ends in .json, over the chosen columns', async () => {
    const out = join(dir, 'agg.json');
    const r = await runCli([
      'hub',
      'aggregate',
      '--input',
      input,
      '--epsilon',
      '1',
      '--length',
      '3',
      '--delta',
      '1e-7',
      '--columns',
      'sex,age',
      '--out',
      out,
      '--json',
    ]);
    expect(r.code).toBe(0);
    const a = JSON.parse(await readFile(out, 'utf8')) as {
      columns: string[];
      delta: number;
      combinations: { items: { column: string }[] }[];
    };
    expect(a.columns).toEqual(['sex', 'age']);
    expect(a.delta).toBe(1e-7);
    expect(a.combinations.every((c) => c.items.length <= 2)).toBe(true);
  });

  it('refuses ε ≤ 0, a length outside 1..4, unknown columns and an empty file, writing nothing', async () => {
    const out = join(dir, 'never.csv');
    const cases: [string[], number, RegExp][] = [
      [['--epsilon', '0', '--length', '2'], 2, /--epsilon must be a number above 0/],
      [['--epsilon', '-1', '--length', '2'], 2, /--epsilon/],
      [['--epsilon', 'abc', '--length', '2'], 2, /--epsilon/],
      [['--epsilon', '1', '--length', '5'], 2, /--length must be a whole number from 1 to 4/],
      [['--epsilon', '1', '--length', '0'], 2, /--length/],
      [
        ['--epsilon', '1', '--length', '2', '--columns', 'sex,nationality'],
        1,
        /unknown column "nationality"/,
      ],
    ];
    for (const [args, code, message] of cases) {
      const r = await runCli([
        'hub',
        'aggregate',
        '--input',
        input,
        ...args,
        '--out',
        out,
        '--json',
      ]);
      expect(r.code).toBe(code);
      expect(r.err).toMatch(message);
      expect(r.out).toBe('');
    }
    const empty = join(dir, 'empty.csv');
    await writeFile(empty, '');
    const r = await runCli([
      'hub',
      'aggregate',
      '--input',
      empty,
      '--epsilon',
      '1',
      '--length',
      '1',
      '--out',
      out,
    ]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/empty/);
    const headerOnly = join(dir, 'header.csv');
    await writeFile(headerOnly, 'a,b\n');
    const h = await runCli([
      'hub',
      'aggregate',
      '--input',
      headerOnly,
      '--epsilon',
      '1',
      '--length',
      '1',
      '--out',
      out,
    ]);
    expect(h.code).toBe(1);
    expect(h.err).toMatch(/no records/);
    const missing = await runCli([
      'hub',
      'aggregate',
      '--input',
      join(dir, 'nope.csv'),
      '--epsilon',
      '1',
      '--length',
      '1',
    ]);
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/no such file/);
    expect(existsSync(out)).toBe(false);
  });
});

describe('lantern hub synthesize', () => {
  it('writes synthetic records in the input columns and prints rows, ε, δ and seconds', async () => {
    const out = join(dir, 'synthetic.csv');
    const r = await runCli([
      'hub',
      'synthesize',
      '--input',
      input,
      '--epsilon',
      '3',
      '--out',
      out,
      '--json',
    ]);
    expect(r.code).toBe(0);
    const j = r.json<{
      rows: number;
      epsilon: number;
      delta: number;
      seconds: number;
      length: number;
    }>();
    expect(j).toMatchObject({ epsilon: 3, delta: 1e-6, length: 4 });
    expect(typeof j.seconds).toBe('number');
    const table = readTable(await readFile(out, 'utf8'));
    expect(table.columns).toEqual(['sex', 'age', 'country', 'forced']);
    expect(table.rows).toHaveLength(j.rows);
    expect(Math.abs(j.rows - 2000)).toBeLessThan(200);
    const males = table.rows.filter((row) => row[0] === 'Male').length / table.rows.length;
    expect(males).toBeGreaterThan(0.25);
    expect(males).toBeLessThan(0.42);
  });

  it('needs --out and refuses bad input before writing anything', async () => {
    const r = await runCli(['hub', 'synthesize', '--input', input, '--epsilon', '3', '--json']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--out FILE.csv is required/);
    const out = join(dir, 'never-synthetic.csv');
    const bad = await runCli([
      'hub',
      'synthesize',
      '--input',
      input,
      '--epsilon',
      '0',
      '--out',
      out,
    ]);
    expect(bad.code).toBe(2);
    const cols = await runCli([
      'hub',
      'synthesize',
      '--input',
      input,
      '--epsilon',
      '1',
      '--columns',
      'x',
      '--out',
      out,
    ]);
    expect(cols.code).toBe(1);
    expect(existsSync(out)).toBe(false);
  });
});
