import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../test/support/cli.ts';

let dir: string;

/** mulberry32, so the generated records are the same on every run. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(next: () => number, xs: readonly T[]): T =>
  xs[Math.floor(next() ** 2 * xs.length)]!;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lantern-anon-'));
  const next = random(7);
  // 200 made-up records, age 20–59, three towns, a job, and an outcome column.
  const rows = Array.from({ length: 200 }, () =>
    [
      20 + Math.floor(next() * 40),
      pick(next, ['North', 'South', 'East']),
      pick(next, ['a', 'b', 'c', 'd']),
      pick(next, ['yes', 'no']),
    ].join(';'),
  );
  await writeFile(join(dir, 'people.csv'), ['age;town;job;outcome', ...rows].join('\n'));
  const ages = Array.from({ length: 40 }, (_, i) => {
    const a = 20 + i;
    const ten = a - (a % 10);
    return `${a};${ten}-${ten + 9};*`;
  });
  await writeFile(join(dir, 'people_hierarchy_age.csv'), ages.join('\n'));
  await writeFile(join(dir, 'people_hierarchy_town.csv'), 'North;*\nSouth;*\nEast;*\n');
  await writeFile(join(dir, 'people_hierarchy_job.csv'), 'a;ab;*\nb;ab;*\nc;cd;*\nd;cd;*\n');
  // CTDC-style records for the built-in hierarchies.
  const ctdc = Array.from({ length: 300 }, () =>
    [
      pick(next, ['2016', '2017', '2018', '2019', '-99']),
      pick(next, ['Female', 'Male', '-99']),
      pick(next, ['18--20', '21--23', '9--17', '30--38', '-99']),
      pick(next, ['UA', 'PH', 'NG', 'MD', 'KH', 'US', '-99']),
      pick(next, ['0', '1']),
    ].join(','),
  );
  await writeFile(
    join(dir, 'ctdc.csv'),
    ['yearOfRegistration,gender,ageBroad,citizenship,isForcedLabour', ...ctdc].join('\n'),
  );
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function combinations(file: string, columns: number, delimiter: string) {
  const [, ...lines] = (await readFile(file, 'utf8')).trimEnd().split('\n');
  const sizes = new Map<string, number>();
  for (const l of lines) {
    const key = l.split(delimiter).slice(0, columns).join('|');
    sizes.set(key, (sizes.get(key) ?? 0) + 1);
  }
  return { rows: lines.length, sizes: [...sizes.values()] };
}

describe('lantern hub anonymize', () => {
  it('writes a file where every combination of the quasi-identifiers occurs at least k times', async () => {
    const out = join(dir, 'people-5.csv');
    const r = await runCli([
      'hub',
      'anonymize',
      '--input',
      join(dir, 'people.csv'),
      '--qi',
      'age,town,job',
      '--k',
      '5',
      '--hierarchies',
      dir,
      '--delimiter',
      ';',
      '--out',
      out,
      '--json',
    ]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const printed = r.json<Record<string, unknown>>();
    expect(printed).toMatchObject({ k: 5, records: 200 });
    expect(typeof printed.informationLoss).toBe('number');
    expect(typeof printed.seconds).toBe('number');
    const suppressed = printed.suppressed as number;
    expect(suppressed).toBeLessThanOrEqual(10); // 5 % of 200
    const { rows, sizes } = await combinations(out, 3, ';');
    expect(rows).toBe(200 - suppressed);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(5);
  });

  it('holds l-diversity of a sensitive column', async () => {
    const out = join(dir, 'people-l.csv');
    const r = await runCli([
      'hub',
      'anonymize',
      '--input',
      join(dir, 'people.csv'),
      '--qi',
      'age,town',
      '--k',
      '3',
      '--l',
      '2',
      '--sensitive',
      'outcome',
      '--hierarchies',
      dir,
      '--out',
      out,
      '--json',
    ]);
    expect(r.code).toBe(0);
    const [, ...lines] = (await readFile(out, 'utf8')).trimEnd().split('\n');
    const outcomes = new Map<string, Set<string>>();
    for (const l of lines) {
      const [age, town, , outcome] = l.split(';');
      const key = `${age}|${town}`;
      outcomes.set(key, (outcomes.get(key) ?? new Set()).add(outcome!));
    }
    for (const s of outcomes.values()) expect(s.size).toBe(2);
  });

  it('uses the built-in CTDC hierarchies without --hierarchies', async () => {
    const out = join(dir, 'ctdc-11.csv');
    const r = await runCli([
      'hub',
      'anonymize',
      '--input',
      join(dir, 'ctdc.csv'),
      '--qi',
      'yearOfRegistration,gender,ageBroad,citizenship,isForcedLabour',
      '--k',
      '11',
      '--out',
      out,
      '--json',
    ]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const { sizes } = await combinations(out, 5, ',');
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(11);
  });

  it.each([
    ['k below 2', ['--k', '1'], /k must be a whole number of at least 2/],
    ['an unknown column', ['--qi', 'age,height'], /unknown quasi-identifier column "height"/],
    [
      'a missing hierarchy',
      ['--qi', 'age,outcome'],
      /no hierarchy for the quasi-identifier "outcome"/,
    ],
    ['a missing input file', ['--input', '/nonexistent/x.csv'], /cannot read the input file/],
    ['an unreachable k', ['--k', '500'], /no generalisation of age, town reaches 500-anonymity/],
    [
      'a bad suppression limit',
      ['--suppression-limit', 'lots'],
      /--suppression-limit must be a number/,
    ],
  ])('refuses %s before writing anything', async (_name, change, message) => {
    const out = join(dir, `refused-${_name.replaceAll(' ', '-')}.csv`);
    const args: Record<string, string> = {
      '--input': join(dir, 'people.csv'),
      '--qi': 'age,town',
      '--k': '5',
      '--hierarchies': dir,
      '--out': out,
    };
    for (let i = 0; i < change.length; i += 2) args[change[i]!] = change[i + 1]!;
    const r = await runCli(['hub', 'anonymize', ...Object.entries(args).flat(), '--json']);
    expect(r.code).not.toBe(0);
    expect(r.err).toMatch(message);
    expect(existsSync(out)).toBe(false);
  });

  it('names the value a hierarchy does not cover', async () => {
    const input = join(dir, 'odd.csv');
    await writeFile(input, 'age;town\n25;North\n101;South\n');
    const out = join(dir, 'odd-out.csv');
    const r = await runCli([
      'hub',
      'anonymize',
      '--input',
      input,
      '--qi',
      'age,town',
      '--k',
      '2',
      '--hierarchies',
      dir,
      '--out',
      out,
    ]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/row 3: the hierarchy for column "age" does not cover the value "101"/);
    expect(existsSync(out)).toBe(false);
  });
});
