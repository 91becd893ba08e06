import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generatePersons } from '../../src/shared/demo/generate-persons.ts';
import { runCli } from '../support/cli.ts';

// `lantern link` and `lantern dedupe` on small FEBRL-style files written here (never FEBRL).
const HEADER =
  'rec_id, given_name, surname, street_number, address_1, address_2, suburb, postcode, state, date_of_birth, soc_sec_id';
const A = [
  'rec-1-org, michaela, neumann, 8, stanley street, miami, winston hills, 4223, nsw, 19151111, 5304218',
  'rec-2-org, courtney, painter, 12, pinkerton circuit, bega flats, richlands, 4560, vic, 19161214, 4066625',
  'rec-3-org, charles, green, 38, salkauskas crescent, kela, dapto, 4566, nsw, 19480930, 4365168',
  'rec-4-org, vanessa, parr, 905, macquoid place, broadbridge manor, south grafton, 2135, sa, 19951119, 9239102',
  'rec-5-org, mikayla, malloney, 37, randwick road, avalind, hoppers crossing, 4552, vic, 19860208, 7207688',
];
const B = [
  'rec-3-dup-0, charles, grene, 38, salkauskas cres, kela, dapto, 4566, nsw, 19480930, 4365168',
  'rec-1-dup-0, michaela, nuemann, 8, stanley street, miami, winston hills, 4223, nsw, 19151111, 5304218',
  'rec-5-dup-0, mikayla, malloney, 37, randwick road, , hoppers crossing, 4552, vic, 19860802, 7207688',
  'rec-9-org, peter, zhang, 5, main road, , perth, 6000, wa, 19700101, 1111111',
];

describe('lantern link / dedupe', () => {
  let dir: string;
  const file = async (name: string, text: string) => {
    const path = join(dir, name);
    await writeFile(path, text);
    return path;
  };
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'lantern-link-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('links two FEBRL-style files (spaced header, no final newline) one-to-one', async () => {
    const a = await file('a.csv', [HEADER, ...A].join('\n'));
    const b = await file('b.csv', [HEADER, ...B].join('\n'));
    const res = await runCli(['link', '--a', a, '--b', b, '--json']);
    expect(res.code).toBe(0);
    const out = res.json<{
      matches: [string, string, number][];
      seconds: number;
      errors: unknown[];
    }>();
    const pairs = out.matches.map(([x, y]) => `${x}|${y}`).sort();
    expect(pairs).toEqual([
      'rec-1-org|rec-1-dup-0',
      'rec-3-org|rec-3-dup-0',
      'rec-5-org|rec-5-dup-0',
    ]);
    for (const [, , s] of out.matches) {
      expect(s).toBeGreaterThanOrEqual(0.5);
      expect(s).toBeLessThanOrEqual(1);
    }
    expect(out.seconds).toBeGreaterThanOrEqual(0);
    expect(out.errors).toEqual([]);
  });

  it('reads BOM, CRLF and quoted fields, and reports ragged rows without losing the others', async () => {
    const rows = [
      HEADER,
      ...A.slice(0, 2),
      'rec-7-org,"smith, jr",x', // ragged: three values
      'rec-8-org,ann,"lee,1,a st,b,c,2000,nsw,19900101,1', // a quote never closed
    ];
    const a = await file('a2.csv', `\ufeff${rows.join('\r\n')}\r\n`);
    const b = await file('b2.csv', [HEADER, ...B].join('\r\n'));
    const res = await runCli(['link', '--a', a, '--b', b, '--json']);
    expect(res.code).toBe(0);
    const out = res.json<{
      matches: [string, string, number][];
      errors: { file: string; row: number; message: string }[];
    }>();
    expect(out.matches.map(([x]) => x)).toEqual(['rec-1-org']);
    expect(out.errors.map((e) => e.row)).toEqual([4, 5]);
    expect(out.errors[0]!.file).toBe(a);
    expect(res.err).toMatch(/row 4: has 3 values where the header has 11 columns/);
    expect(res.err).toMatch(/row 5: a quoted value is never closed/);
  });

  it('takes the id column from --id and says when it is missing', async () => {
    const a = await file('a3.csv', 'person,first_name,last_name,dob\np1,Amina,Yusuf,1990-01-02\n');
    const b = await file('b3.csv', 'person,first_name,last_name,dob\nq1,Amina,Yusuf,1990-01-02\n');
    const ok = await runCli(['link', '--a', a, '--b', b, '--id', 'person', '--json']);
    expect(ok.json<{ matches: unknown[] }>().matches).toEqual([['p1', 'q1', expect.any(Number)]]);
    const none = await runCli(['link', '--a', a, '--b', b, '--json']);
    expect(none.code).toBe(0);
    expect(
      none.json<{ matches: unknown[]; errors: { message: string }[] }>().errors[0]!.message,
    ).toMatch(/no id column/);
  });

  it('refuses bad usage and unreadable files clearly', async () => {
    expect((await runCli(['link', '--a', 'x.csv'])).code).toBe(2);
    expect((await runCli(['link', '--a', 'x', '--b', 'y', '--mode', 'magic'])).code).toBe(2);
    const missing = await runCli([
      'link',
      '--a',
      join(dir, 'nope.csv'),
      '--b',
      join(dir, 'nope.csv'),
    ]);
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/cannot read .*nope\.csv: ENOENT/);
    expect((await runCli(['dedupe', '--input', 'x', '--threshold', '7'])).code).toBe(2);
  });

  it('links in pprl mode from the same files', async () => {
    const a = await file('a4.csv', [HEADER, ...A].join('\n'));
    const b = await file('b4.csv', [HEADER, ...B].join('\n'));
    const res = await runCli(['link', '--a', a, '--b', b, '--mode', 'pprl', '--json']);
    expect(res.code).toBe(0);
    const out = res.json<{ matches: [string, string, number][] }>();
    for (const [x, y] of out.matches) expect(x.split('-')[1]).toBe(y.split('-')[1]);
    expect(out.matches.length).toBeGreaterThanOrEqual(2);
  });

  it('dedupes a generated list into clusters of size two or more', async () => {
    const { records, entity } = generatePersons({ seed: 21, count: 800 });
    const lines = ['id,first_name,last_name,dob,sex,city,phone'];
    for (const r of records) {
      const b = r.birth;
      const dob = b?.year
        ? [b.year, b.month, b.day]
            .filter((x) => x !== null)
            .map((x) => String(x).padStart(2, '0'))
            .join('-')
        : '';
      const q = (s: string | null | undefined) => `"${(s ?? '').replaceAll('"', '""')}"`;
      lines.push(
        [
          r.id,
          q(r.givenName),
          q(r.familyName),
          dob,
          r.sex ?? '',
          q(r.places[0]?.locality),
          r.identifiers.phone ?? '',
        ].join(','),
      );
    }
    const input = await file('people.csv', lines.join('\n'));
    const res = await runCli(['dedupe', '--input', input, '--json']);
    expect(res.code).toBe(0);
    const { clusters } = res.json<{ clusters: string[][] }>();
    expect(clusters.length).toBeGreaterThan(20);
    const person = new Map(records.map((r, i) => [r.id, entity[i]]));
    let right = 0;
    let pairs = 0;
    for (const c of clusters) {
      expect(c.length).toBeGreaterThanOrEqual(2);
      for (let i = 0; i < c.length; i++)
        for (let j = i + 1; j < c.length; j++) {
          pairs++;
          if (person.get(c[i]!) === person.get(c[j]!)) right++;
        }
    }
    expect(right / pairs).toBeGreaterThan(0.9);
  });
});
