import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCtdc } from '../../src/shared/hub/ctdc/index.ts';
import { writeTable } from '../../src/shared/hub/table.ts';
import { periodAt } from '../../src/shared/insights/periods.ts';
import { poissonDraw, seededRng } from '../../src/shared/insights/trends/simulate.ts';
import { TREND_METHODS } from '../../src/shared/insights/types.ts';
import { runCli } from '../support/cli.ts';

// `lantern insights trends|hotspots` on generated files whose answer is known: an outbreak or a
// space-time cluster is planted on Poisson background counts (seeded, so reproducible).

interface Alert {
  country: string;
  exploitation?: string;
  month: string;
  observed: number;
  expected: number;
  threshold: number;
  method: string;
  note: string;
  history: { from: string; to: string; periods: number };
}
interface Cluster {
  countries: string[];
  start: string;
  end: string;
  observed: number;
  expected: number;
  relativeRisk: number;
  logLikelihoodRatio: number;
  p: number;
}

let dir: string;
let n = 0;
async function file(text: string): Promise<string> {
  const path = join(dir, `input-${n++}.csv`);
  await writeFile(path, text);
  return path;
}

/** Rows `month,country,count` of Poisson(mean) counts, `mean(country, i)` per month i. */
function counts(
  countries: readonly string[],
  start: string,
  months: number,
  mean: (country: string, i: number) => number,
  seed: number,
): string {
  const rng = seededRng(seed);
  const lines = ['month,country,count'];
  for (let i = 0; i < months; i++) {
    for (const c of countries) {
      lines.push(`${periodAt(start, i, 'month')},${c},${poissonDraw(rng, mean(c, i))}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

const noNaN = (out: string) => expect(out).not.toMatch(/NaN|Infinity|null/);

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lantern-insights-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('lantern insights trends', () => {
  it('raises an explained alert for a planted outbreak, in its country and month', async () => {
    // 48 months of Poisson(20) in three countries; NG's last month is 60.
    const text = counts(['NG', 'PH', 'UA'], '2021-01', 48, () => 20, 11).replace(
      /^2024-12,NG,\d+$/m,
      '2024-12,NG,60',
    );
    const r = await runCli(['insights', 'trends', '--input', await file(text), '--json']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    noNaN(r.out);
    const { alerts } = r.json<{ alerts: Alert[] }>();
    const hit = alerts.filter((a) => a.country === 'NG' && a.month === '2024-12');
    expect(hit.length).toBeGreaterThan(0);
    for (const a of hit) {
      expect(a.observed).toBe(60);
      expect(a.expected).toBeGreaterThan(10);
      expect(a.expected).toBeLessThan(30);
      expect(a.threshold).toBeGreaterThan(a.expected);
      expect(a.threshold).toBeLessThan(60);
      expect(TREND_METHODS).toContain(a.method);
      expect(a.note).toMatch(/60 cases in 2024-12/);
      expect(a.history.periods).toBeGreaterThan(0);
      expect(a.history.to < '2024-12').toBe(true);
    }
    // 36 months before the examined one: the Farrington model is used.
    expect(hit.map((a) => a.method)).toContain('farrington');
    // Only the last three months are examined by default.
    for (const a of alerts) expect(a.month >= '2024-10').toBe(true);
  });

  it('uses EARS on a short history, splits by exploitation and honours --last', async () => {
    const rng = seededRng(5);
    const lines = ['month,country,exploitation,count'];
    for (let i = 0; i < 14; i++) {
      const month = periodAt('2024-01', i, 'month');
      for (const type of ['ForcedLabour', 'SexualExploitation']) {
        const planted = type === 'SexualExploitation' && month === '2025-01';
        lines.push(`${month},ua,${type},${planted ? 45 : poissonDraw(rng, 12)}`);
      }
    }
    const path = await file(`${lines.join('\r\n')}\r\n`);
    const r = await runCli(['insights', 'trends', '--input', path, '--json', '--last', '2']);
    expect(r.code).toBe(0);
    noNaN(r.out);
    const { alerts } = r.json<{ alerts: Alert[] }>();
    const hit = alerts.filter(
      (a) => a.exploitation === 'SexualExploitation' && a.month === '2025-01',
    );
    expect(hit.map((a) => a.method)).toEqual(expect.arrayContaining(['ears-c1', 'ears-c2']));
    expect(hit.every((a) => a.country === 'UA' && a.observed === 45)).toBe(true);
    expect(alerts.every((a) => a.month >= '2025-01')).toBe(true);
    // Without --last the last three months: the outbreak month is still among them.
    const human = await runCli(['insights', 'trends', '--input', path]);
    expect(human.code).toBe(0);
    expect(human.out).toMatch(/^2025-01 +UA +SexualExploitation +45 /m);
  });

  it('reads a CTDC file as yearly series and says how many records it left out', async () => {
    const years = Array.from({ length: 12 }, (_, i) => String(2010 + i));
    const cells: [string, string][] = [];
    years.forEach((y, i) => {
      const ua = y === '2021' ? 40 : 8 + (i % 5);
      for (let k = 0; k < ua; k++) cells.push([y, 'UA']);
      for (let k = 0; k < 9 + (i % 3); k++) cells.push([y, 'PH']);
    });
    for (let k = 0; k < 5; k++) cells.push(['2015', '-99']);
    const table = generateCtdc({ rows: cells.length, seed: 2 });
    const year = table.columns.indexOf('yearOfRegistration');
    const country = table.columns.indexOf('CountryOfExploitation');
    cells.forEach(([y, c], i) => {
      table.rows[i]![year] = y;
      table.rows[i]![country] = c;
    });
    const path = await file(writeTable(table));
    const r = await runCli(['insights', 'trends', '--input', path, '--json']);
    expect(r.code).toBe(0);
    noNaN(r.out);
    const j = r.json<{ granularity: string; skipped: number; alerts: Alert[] }>();
    expect(j.granularity).toBe('year');
    expect(j.skipped).toBe(5);
    expect(j.alerts.every((a) => /^\d{4}$/.test(a.month))).toBe(true);
    const total = j.alerts.filter((a) => a.country === 'UA' && !a.exploitation);
    expect(total.length).toBeGreaterThan(0);
    expect(total.every((a) => a.month === '2021' && a.observed === 40)).toBe(true);
    expect(total.every((a) => a.method.startsWith('ears-'))).toBe(true);

    const hot = await runCli([
      'insights',
      'hotspots',
      '--input',
      path,
      '--json',
      '--replications',
      '99',
    ]);
    expect(hot.code).toBe(0);
    const h = hot.json<{ granularity: string; clusters: Cluster[] }>();
    expect(h.granularity).toBe('year');
    expect(h.clusters.length).toBeGreaterThan(0);
    for (const c of h.clusters) expect([c.start, c.end].every((y) => /^\d{4}$/.test(y))).toBe(true);
    noNaN(hot.out);
  });

  it('gives no alert and no NaN for a single month or all zeros', async () => {
    for (const text of [
      'month,country,count\n2024-05,NG,3\n',
      counts(['NG', 'UA'], '2022-01', 30, () => 0, 1),
    ]) {
      const r = await runCli(['insights', 'trends', '--input', await file(text), '--json']);
      expect(r.code).toBe(0);
      expect(r.json<{ alerts: Alert[] }>().alerts).toEqual([]);
      noNaN(r.out);
    }
  });
});

describe('lantern insights hotspots', () => {
  // Western Europe: BE, NL and LU are neighbours, and the nearest centroids to one another.
  const countries = ['AT', 'BE', 'CH', 'CZ', 'DE', 'DK', 'ES', 'FR', 'IT', 'LU', 'NL', 'PL', 'PT'];
  const cluster = ['BE', 'LU', 'NL'];

  it('finds a planted space-time cluster in neighbouring countries, most likely first', async () => {
    // 24 months of Poisson(10); BE, NL and LU have Poisson(40) from 2024-05 to 2024-07.
    const planted = (c: string, i: number) => cluster.includes(c) && i >= 16 && i <= 18;
    const text = counts(countries, '2023-01', 24, (c, i) => (planted(c, i) ? 40 : 10), 21);
    const path = await file(text);
    const r = await runCli([
      'insights',
      'hotspots',
      '--input',
      path,
      '--json',
      '--replications',
      '199',
      '--seed',
      '4',
    ]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    noNaN(r.out);
    const j = r.json<{ replications: number; clusters: Cluster[] }>();
    expect(j.replications).toBe(199);
    const top = j.clusters[0]!;
    expect([...top.countries].sort()).toEqual(cluster);
    expect([top.start, top.end]).toEqual(['2024-05', '2024-07']);
    expect(top.p).toBeLessThanOrEqual(0.05);
    expect(top.observed).toBeGreaterThan(top.expected);
    // Below the planted 4: the margins baseline takes the cluster's own cases into account.
    expect(top.relativeRisk).toBeGreaterThan(1.5);
    for (let i = 1; i < j.clusters.length; i++) {
      expect(j.clusters[i]!.logLikelihoodRatio).toBeLessThanOrEqual(top.logLikelihoodRatio);
    }

    const byPopulation = await runCli([
      'insights',
      'hotspots',
      '--input',
      path,
      '--json',
      '--baseline',
      'population',
      '--replications',
      '99',
    ]);
    expect(byPopulation.code).toBe(0);
    noNaN(byPopulation.out);
    expect(byPopulation.json<{ baseline: string }>().baseline).toBe('population');
  });

  it('uses 999 replications by default (small grid), summing over exploitation', async () => {
    const rng = seededRng(8);
    const lines = ['month,country,count,exploitation'];
    const small = ['BE', 'DE', 'FR', 'LU', 'NL', 'CH'];
    for (let i = 0; i < 12; i++) {
      for (const c of small) {
        const mean = c === 'DE' && i >= 8 && i <= 9 ? 30 : 6;
        for (const type of ['A', 'B']) {
          lines.push(`${periodAt('2024-01', i, 'month')},${c},${poissonDraw(rng, mean)},${type}`);
        }
      }
    }
    const r = await runCli([
      'insights',
      'hotspots',
      '--input',
      await file(lines.join('\n')),
      '--json',
    ]);
    expect(r.code).toBe(0);
    noNaN(r.out);
    const j = r.json<{ replications: number; clusters: Cluster[] }>();
    expect(j.replications).toBe(999);
    expect(j.clusters[0]!.countries).toEqual(['DE']);
    expect([j.clusters[0]!.start, j.clusters[0]!.end]).toEqual(['2024-09', '2024-10']);
    expect(j.clusters[0]!.p).toBeLessThanOrEqual(0.05);
    // p-values are (rank + 1) / 1000.
    expect(Number.isInteger(Math.round(j.clusters[0]!.p * 1000 * 1e6) / 1e6)).toBe(true);
  });

  it('lists the countries the shipped map has no boundary for, instead of dropping them', async () => {
    const text = 'month,country,count\n2024-01,BE,4\n2024-01,BV,1\n2024-01,TK,2\n2024-02,BE,4\n';
    const r = await runCli(['insights', 'hotspots', '--input', await file(text), '--json']);
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toMatch(/no boundary in the shipped map \(Natural Earth\) for BV, TK/);
  });
});

describe('bad input', () => {
  it.each([
    [
      'an unknown country code',
      'month,country,count\n2024-01,NG,1\n2024-02,ZZ,1\n',
      /line 3: country "ZZ" is not an ISO 3166-1 alpha-2 code/,
    ],
    [
      'a bad month',
      'month,country,count\n2024-1,NG,1\n',
      /line 2: month "2024-1" is not a month as YYYY-MM/,
    ],
    [
      'a negative count',
      'month,country,count\n2024-01,NG,2\n2024-02,NG,-3\n',
      /line 3: count "-3" is not a whole number ≥ 0/,
    ],
    [
      'a repeated cell',
      'month,country,count\n2024-01,NG,2\n2024-01,UA,2\n2024-01,NG,3\n',
      /line 4: repeats the month and country of line 2/,
    ],
    ['an empty file', '', /the file is empty/],
    ['a header without rows', 'month,country,count\n', /the file has a header but no rows/],
  ])('%s: exit 1, the line named on stderr, nothing on stdout', async (_, text, message) => {
    const path = await file(text);
    for (const command of ['trends', 'hotspots']) {
      const r = await runCli(['insights', command, '--input', path, '--json']);
      expect(r.code).toBe(1);
      expect(r.out).toBe('');
      expect(r.err).toMatch(message);
    }
  });

  it('refuses bad options with the usage (exit 2)', async () => {
    const path = await file('month,country,count\n2024-01,NG,1\n');
    const cases = [
      ['insights', 'trends', '--json'],
      ['insights', 'trends', '--input', path, '--last', '0'],
      ['insights', 'hotspots', '--input', path, '--baseline', 'cases'],
      ['insights', 'hotspots', '--input', path, '--replications', 'many'],
      ['insights', 'trends', '--input', path, '--colour'],
    ];
    for (const args of cases) {
      const r = await runCli(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.out).toBe('');
      expect(r.err).toMatch(/Usage: lantern insights/);
    }
    const missing = await runCli(['insights', 'trends', '--input', join(dir, 'nope.csv')]);
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/cannot read the input file .*: no such file/);
  });
});
