import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.ts';

// `lantern pprl keygen | encode | match` on small CSV files written here (docs/pprl.md).

let dir: string;
const p = (name: string) => join(dir, name);

// FEBRL's layout: a space after each comma in the header, blanks missing, no final newline.
const PARTY_A =
  'rec_id, given_name, surname, date_of_birth, suburb, postcode\n' +
  'a1, Amina, Haddad, 19940317, Achrafieh, 1100\n' +
  'a2, Yusuf, Khalil, 19800102, Hamra, 1103\n' +
  'a3, Katherine, Johnson, 19751224, Dapto, 2530\n' +
  'a4, Olga, Petrenko, 19881111, , ';
const PARTY_B =
  'id,given_name,surname,date_of_birth,suburb,postcode\r\n' +
  'b9,Katharine,Jonson,19751224,Dapto,2530\r\n' +
  'b7,Amena,Haddad,19940317,Achrafieh,1100\r\n' +
  'b8,Yousef,Khalil,19800102,Hamra,1103\r\n' +
  'b6,Pierre,Dubois,19600505,Lyon,69001\r\n';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lantern-pprl-'));
  await writeFile(p('a.csv'), PARTY_A);
  await writeFile(p('b.csv'), PARTY_B);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('lantern pprl', () => {
  it('generates a 256-bit key readable by its owner only, and never overwrites one', async () => {
    const r = await runCli(['pprl', 'keygen', '--out', p('key')]);
    expect(r.code).toBe(0);
    expect((await readFile(p('key'), 'utf8')).trim()).toMatch(/^[0-9a-f]{64}$/);
    expect((await stat(p('key'))).mode & 0o777).toBe(0o600);
    const before = await readFile(p('key'), 'utf8');
    const again = await runCli(['pprl', 'keygen', '--out', p('key')]);
    expect(again.code).toBe(1);
    expect(again.err).toMatch(/never overwritten/);
    expect(await readFile(p('key'), 'utf8')).toBe(before);
  });

  it('encodes each party locally and links the encodings one to one', async () => {
    const ea = await runCli([
      'pprl',
      'encode',
      '--input',
      p('a.csv'),
      '--secret-file',
      p('key'),
      '--out',
      p('a.json'),
      '--json',
    ]);
    expect(ea.code).toBe(0);
    expect(ea.json<{ records: number; idColumn: string }>()).toMatchObject({
      records: 4,
      idColumn: 'rec_id',
    });
    const eb = await runCli([
      'pprl',
      'encode',
      '--input',
      p('b.csv'),
      '--secret-file',
      p('key'),
      '--id',
      'id',
      '--out',
      p('b.json'),
    ]);
    expect(eb.code).toBe(0);
    expect((await stat(p('a.json'))).mode & 0o777).toBe(0o600);

    // The files hold ids and encodings only.
    const text = await readFile(p('a.json'), 'utf8');
    expect(text).not.toMatch(/amina|haddad|katherine|1994|achrafieh|dapto/i);
    expect((JSON.parse(text) as { records: [string, string][] }).records.map((r) => r[0])).toEqual([
      'a1',
      'a2',
      'a3',
      'a4',
    ]);

    const m = await runCli(['pprl', 'match', '--a', p('a.json'), '--b', p('b.json'), '--json']);
    expect(m.code).toBe(0);
    const out = m.json<{ matches: [string, string, number][]; seconds: number }>();
    expect(out.matches.map(([x, y]) => `${x}-${y}`).sort()).toEqual(['a1-b7', 'a2-b8', 'a3-b9']);
    for (const [, , d] of out.matches) expect(d).toBeGreaterThanOrEqual(0.8);
    expect(typeof out.seconds).toBe('number');

    // A stricter threshold keeps fewer pairs; never more.
    const strict = await runCli([
      'pprl',
      'match',
      '--a',
      p('a.json'),
      '--b',
      p('b.json'),
      '--threshold',
      '0.99',
      '--json',
    ]);
    expect(strict.json<{ matches: unknown[] }>().matches.length).toBeLessThan(3);
  });

  it('refuses encodings made with another schema, naming the difference', async () => {
    const schema = {
      version: 1,
      l: 2048,
      hashing: 'random',
      features: [{ name: 'givenName', kind: 'name', bits: 200 }],
      hardening: { blip: 0, xorFold: false, saltField: null, saltedFields: [] },
    };
    await writeFile(p('schema.json'), JSON.stringify(schema));
    const e = await runCli([
      'pprl',
      'encode',
      '--input',
      p('b.csv'),
      '--secret-file',
      p('key'),
      '--schema',
      p('schema.json'),
      '--out',
      p('b2.json'),
    ]);
    expect(e.code).toBe(0);
    const m = await runCli(['pprl', 'match', '--a', p('a.json'), '--b', p('b2.json'), '--json']);
    expect(m.code).toBe(1);
    expect(m.err).toMatch(/different schemas or parameters/);
    expect(m.err).toMatch(/l=2048/);
    expect(m.out).toBe('');
  });

  it('refuses encodings made under another secret', async () => {
    await runCli(['pprl', 'keygen', '--out', p('key2')]);
    await runCli([
      'pprl',
      'encode',
      '--input',
      p('b.csv'),
      '--secret-file',
      p('key2'),
      '--out',
      p('b3.json'),
    ]);
    const m = await runCli(['pprl', 'match', '--a', p('a.json'), '--b', p('b3.json')]);
    expect(m.code).toBe(1);
    expect(m.err).toMatch(/different secrets/);
  });

  it('refuses an edited encoding file', async () => {
    const o = JSON.parse(await readFile(p('a.json'), 'utf8')) as {
      schema: { features: { bits: number }[] };
    };
    o.schema.features[0]!.bits = 1;
    await writeFile(p('edited.json'), JSON.stringify(o));
    const m = await runCli(['pprl', 'match', '--a', p('edited.json'), '--b', p('b.json')]);
    expect(m.code).toBe(1);
    expect(m.err).toMatch(/A \(.*edited\.json\): the schema fingerprint does not match/);
  });

  it('reports every bad row of a malformed CSV and writes nothing', async () => {
    await writeFile(
      p('bad.csv'),
      '\ufeffid,given_name,surname,dob\r\n1,Ana,Souza,2001-12-30\r\n2,Only\r\n3,"Omar"x,Nasser,\r\n1,Ana,Souza,\r\n4,Lina,Saleh,12/30/2001\r\n',
    );
    const r = await runCli([
      'pprl',
      'encode',
      '--input',
      p('bad.csv'),
      '--secret-file',
      p('key'),
      '--out',
      p('bad.json'),
    ]);
    expect(r.code).toBe(1);
    for (const row of [3, 4, 5, 6]) expect(r.err).toContain(`row ${row}:`);
    expect(r.err).toMatch(/nothing was written/);
    expect(r.err).not.toMatch(/Omar|Nasser|Lina|12\/30/);
    expect(existsSync(p('bad.json'))).toBe(false);
  });

  it('explains unusable input: no id column, a bad key file, bad flags', async () => {
    await writeFile(p('noid.csv'), 'name,surname\nA,B\n');
    const noId = await runCli([
      'pprl',
      'encode',
      '--input',
      p('noid.csv'),
      '--secret-file',
      p('key'),
      '--out',
      p('x.json'),
    ]);
    expect(noId.code).toBe(1);
    expect(noId.err).toMatch(/no id column/);

    await writeFile(p('weak.key'), 'secret\n', { mode: 0o600 });
    const weak = await runCli([
      'pprl',
      'encode',
      '--input',
      p('a.csv'),
      '--secret-file',
      p('weak.key'),
      '--out',
      p('x.json'),
    ]);
    expect(weak.code).toBe(1);
    expect(weak.err).toMatch(/not a key made by "lantern pprl keygen"/);

    const missing = await runCli([
      'pprl',
      'encode',
      '--input',
      p('nope.csv'),
      '--secret-file',
      p('key'),
      '--out',
      p('x.json'),
    ]);
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/no such file/);

    const threshold = await runCli([
      'pprl',
      'match',
      '--a',
      p('a.json'),
      '--b',
      p('b.json'),
      '--threshold',
      '2',
    ]);
    expect(threshold.code).toBe(2);
    expect(threshold.err).toMatch(/--threshold/);

    const notEnc = await runCli(['pprl', 'match', '--a', p('a.csv'), '--b', p('b.json')]);
    expect(notEnc.code).toBe(1);
    expect(notEnc.err).toMatch(/not JSON/);
  });
});
