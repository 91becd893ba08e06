import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { LinkRecord } from '../types.ts';
import { dice, fromBase64, popcount, popcount32, toBase64 } from './bits.ts';
import { readPprlCsv } from './csv.ts';
import { createEncoder } from './encode.ts';
import { PprlFileError, assertComparable, parseEncodingFile, toEncodingFileJson } from './file.ts';
import {
  DEFAULT_SCHEMA,
  PprlKeyError,
  encodeFieldRecords,
  encodeRecords,
  matchEncodings,
  pprlLink,
} from './index.ts';
import { matchVectors } from './match.ts';
import type { PprlSchema } from './schema.ts';
import { PprlSchemaError, schemaFingerprint, validateSchema } from './schema.ts';
import { featureTokens, normaliseText, paddedQgrams } from './tokens.ts';

const KEY = new Uint8Array(32).fill(7);
const OTHER_KEY = new Uint8Array(32).fill(9);
/** The default schema without BLIP: encodings are then a pure function of key and record. */
const DETERMINISTIC: PprlSchema = {
  ...DEFAULT_SCHEMA,
  hardening: { ...DEFAULT_SCHEMA.hardening, blip: 0 },
};

const words = (...xs: number[]) => Uint32Array.from(xs);

/** A seeded byte source for BLIP, so that tests are repeatable. */
function seededBytes(seed: number) {
  let s = seed >>> 0;
  return (n: number) => {
    const out = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
      out[i] = s >>> 24;
    }
    return out;
  };
}

function person(id: string, over: Partial<LinkRecord> = {}): LinkRecord {
  return {
    id,
    givenName: 'Amina',
    familyName: 'Haddad',
    aliases: [],
    sex: 'F',
    birth: { year: 1994, month: 3, day: 17 },
    age: null,
    ageAt: null,
    places: [{ country: 'LB', adminArea: 'Beirut', locality: 'Achrafieh' }],
    identifiers: {},
    ...over,
  };
}

describe('bits', () => {
  it('counts bits and computes Dice on known vectors', () => {
    expect(popcount32(0)).toBe(0);
    expect(popcount32(0xffffffff)).toBe(32);
    expect(popcount32(0b1011)).toBe(3);
    expect(popcount(words(0xf, 0xf0))).toBe(8);
    // |A| = 4, |B| = 2, |A∧B| = 2: Dice = 4/6.
    expect(dice(words(0b1111, 0), words(0b0011, 0))).toBeCloseTo(2 / 3, 12);
    expect(dice(words(0b1100), words(0b0011))).toBe(0);
    expect(dice(words(0), words(0))).toBe(0);
    expect(() => dice(words(1), words(1, 1))).toThrow(RangeError);
  });

  it('round-trips through base64 and refuses the wrong length', () => {
    const v = words(0xdeadbeef, 1, 0x80000000, 42);
    expect(fromBase64(toBase64(v), 128)).toEqual(v);
    expect(fromBase64(toBase64(v), 256)).toBeNull();
    expect(fromBase64('not base64!', 128)).toBeNull();
  });

  const vec = fc.uint32Array({ minLength: 4, maxLength: 4 });
  it('Dice is symmetric and in [0, 1] (property)', () => {
    fc.assert(
      fc.property(vec, vec, (a, b) => {
        const d = dice(a, b);
        expect(d).toBe(dice(b, a));
        expect(d).toBeGreaterThanOrEqual(0);
        expect(d).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('Dice is 1 on identical non-empty vectors (property)', () => {
    fc.assert(
      fc.property(vec, (a) => {
        fc.pre(popcount(a) > 0);
        expect(dice(a, Uint32Array.from(a))).toBe(1);
      }),
    );
  });
});

describe('tokens', () => {
  it('pads bigrams and normalises across scripts and marks', () => {
    expect(paddedQgrams('ab')).toEqual([' a', 'ab', 'b ']);
    expect(normaliseText('  Zoë  Ñúñez-García ', false)).toBe('zoe nunez garcia');
    expect(normaliseText('Олександра', false)).toBe('oleksandra');
  });

  it('gives no tokens for empty, punctuation-only or emoji names, and caps long names', () => {
    const f = { name: 'givenName', kind: 'name', bits: 200, crossScript: true } as const;
    expect(featureTokens(f, '')).toEqual([]);
    expect(featureTokens(f, '?!… --')).toEqual([]);
    expect(featureTokens(f, '😀🙂')).toEqual([]);
    expect(featureTokens(f, null)).toEqual([]);
    const long = featureTokens(f, 'a'.repeat(1000) + 'b'.repeat(1000));
    expect(long.length).toBeGreaterThan(0);
    expect(long.length).toBeLessThan(50);
  });

  it('makes year, month and day tokens of dates, full or partial', () => {
    const f = { name: 'birth', kind: 'date', bits: 200 } as const;
    expect(featureTokens(f, '19940317')).toEqual(['y1994', 'm03', 'd17']);
    expect(featureTokens(f, { year: 1994, month: null, day: null })).toEqual(['y1994']);
    expect(featureTokens(f, 'sometime')).toEqual([]);
  });
});

describe('encoding', () => {
  it('is deterministic under a key and different under another key', () => {
    const a1 = createEncoder({ secret: KEY, schema: DETERMINISTIC });
    const a2 = createEncoder({ secret: KEY, schema: DETERMINISTIC });
    const b = createEncoder({ secret: OTHER_KEY, schema: DETERMINISTIC });
    const fields = { givenName: 'Amina', familyName: 'Haddad', birth: '19940317' };
    expect(a1.encode(fields)).toEqual(a2.encode(fields));
    expect(a1.keyCheck).toBe(a2.keyCheck);
    expect(a1.keyCheck).not.toBe(b.keyCheck);
    // Another key sets other bits: the encodings are no closer than unrelated ones.
    expect(dice(a1.encode(fields), b.encode(fields))).toBeLessThan(0.8);
  });

  it('refuses a short secret', () => {
    expect(() => createEncoder({ secret: new Uint8Array(8), schema: DEFAULT_SCHEMA })).toThrow(
      PprlKeyError,
    );
  });

  it('scores similar names above different ones', () => {
    const e = createEncoder({ secret: KEY, schema: DETERMINISTIC });
    const enc = (given: string, family: string) =>
      e.encode({ givenName: given, familyName: family, birth: '19940317' });
    const base = enc('Katherine', 'Johnson');
    const typo = dice(base, enc('Katharine', 'Jonson'));
    const other = dice(base, enc('Miriam', 'Okonkwo'));
    expect(typo).toBeGreaterThan(0.85);
    expect(typo).toBeGreaterThan(other + 0.15);
  });

  it('lets swapped given and family names meet (shared name key)', () => {
    const e = createEncoder({ secret: KEY, schema: DETERMINISTIC });
    const a = e.encode({ givenName: 'Lucinda', familyName: 'Burrill' });
    expect(dice(a, e.encode({ givenName: 'Burrill', familyName: 'Lucinda' }))).toBe(1);
  });

  it('brings an Arabic-script name closer to its Latin spelling with cross-script tokens', () => {
    const schema = (crossScript: boolean): PprlSchema => ({
      ...DETERMINISTIC,
      features: [{ name: 'givenName', kind: 'name', bits: 200, crossScript }],
    });
    // Mean margin of each true spelling over the other names of the list: Dice levels differ
    // between schemas, the margin is what a threshold can use.
    const pairs: [string, string][] = [
      ['محمد', 'Mohammed'],
      ['أحمد', 'Ahmed'],
      ['فاطمة', 'Fatima'],
      ['يوسف', 'Youssef'],
      ['خديجة', 'Khadija'],
      ['حسين', 'Hussein'],
      ['زينب', 'Zainab'],
      ['عبد الرحمن', 'Abdul Rahman'],
    ];
    const meanMargin = (crossScript: boolean) => {
      const e = createEncoder({ secret: KEY, schema: schema(crossScript) });
      const ar = pairs.map(([x]) => e.encode({ givenName: x }));
      const la = pairs.map(([, y]) => e.encode({ givenName: y }));
      let sum = 0;
      ar.forEach((v, i) => {
        const others = la.filter((_, j) => j !== i).map((u) => dice(v, u));
        sum += dice(v, la[i]!) - Math.max(...others);
      });
      return sum / pairs.length;
    };
    const withTokens = meanMargin(true);
    const without = meanMargin(false);
    expect(withTokens).toBeGreaterThan(0.1);
    expect(withTokens).toBeGreaterThan(without + 0.05);
  });

  it('BLIP makes each encoding of a record different, and they still match', () => {
    const e = createEncoder({ secret: KEY, schema: DEFAULT_SCHEMA, randomBytes: seededBytes(1) });
    const fields = { givenName: 'Amina', familyName: 'Haddad', birth: '19940317' };
    const x = e.encode(fields);
    const y = e.encode(fields);
    expect(x).not.toEqual(y);
    expect(dice(x, y)).toBeGreaterThan(0.95);
    // Seeded randomness repeats: BLIP flips come from the source it is given.
    const again = createEncoder({
      secret: KEY,
      schema: DEFAULT_SCHEMA,
      randomBytes: seededBytes(1),
    });
    expect(again.encode(fields)).toEqual(x);
  });

  it('hardening options survive the file round trip', () => {
    const variants: PprlSchema[] = [
      DEFAULT_SCHEMA,
      { ...DEFAULT_SCHEMA, hashing: 'double' },
      { ...DEFAULT_SCHEMA, hardening: { ...DEFAULT_SCHEMA.hardening, xorFold: true } },
      {
        ...DEFAULT_SCHEMA,
        hardening: { ...DEFAULT_SCHEMA.hardening, saltField: 'birth', saltedFields: ['givenName'] },
      },
    ];
    for (const schema of variants) {
      const enc = encodeRecords([person('a'), person('b', { givenName: 'Amena' })], {
        secret: KEY,
        schema,
        randomBytes: seededBytes(2),
      });
      const back = parseEncodingFile(JSON.stringify(toEncodingFileJson(enc)), 'test');
      expect(back.ids).toEqual(['a', 'b']);
      expect(back.vectors).toEqual(enc.vectors);
      expect(back.bits).toBe(schema.hardening.xorFold ? 512 : 1024);
      expect(back.fingerprint).toBe(enc.fingerprint);
    }
  });

  it('salting separates records whose salt differs', () => {
    const schema: PprlSchema = {
      ...DETERMINISTIC,
      features: [
        { name: 'givenName', kind: 'name', bits: 200 },
        { name: 'birth', kind: 'date', bits: 10 },
      ],
      hardening: { ...DETERMINISTIC.hardening, saltField: 'birth', saltedFields: ['givenName'] },
    };
    const e = createEncoder({ secret: KEY, schema });
    const a = e.encode({ givenName: 'Amina', birth: '1994' });
    expect(dice(a, e.encode({ givenName: 'Amina', birth: '1994' }))).toBe(1);
    expect(dice(a, e.encode({ givenName: 'Amina', birth: '1995' }))).toBeLessThan(0.6);
  });
});

describe('schema', () => {
  it('validates and names the faulty part', () => {
    expect(validateSchema(DEFAULT_SCHEMA).l).toBe(1024);
    expect(() => validateSchema({ ...DEFAULT_SCHEMA, l: 1000 })).toThrow(/l must be/);
    expect(() =>
      validateSchema({ ...DEFAULT_SCHEMA, features: [{ name: 'x', kind: 'soundex', bits: 5 }] }),
    ).toThrow(PprlSchemaError);
    expect(() =>
      validateSchema({ ...DEFAULT_SCHEMA, hardening: { ...DEFAULT_SCHEMA.hardening, blip: 0.7 } }),
    ).toThrow(/blip/);
  });

  it('changes its fingerprint with any parameter', () => {
    const f = schemaFingerprint(DEFAULT_SCHEMA);
    expect(schemaFingerprint(structuredClone(DEFAULT_SCHEMA))).toBe(f);
    expect(schemaFingerprint({ ...DEFAULT_SCHEMA, l: 2048 })).not.toBe(f);
    const fewer = { ...DEFAULT_SCHEMA, features: DEFAULT_SCHEMA.features.slice(1) };
    expect(schemaFingerprint(fewer)).not.toBe(f);
  });
});

describe('encoding files', () => {
  const enc = encodeRecords([person('a'), person('b')], { secret: KEY });
  const json = toEncodingFileJson(enc);

  it('hold ids and encodings, never names or dates', () => {
    const text = JSON.stringify(json);
    expect(text).not.toMatch(/amina|haddad|1994|achrafieh/i);
    expect(json.records.map((r) => r[0])).toEqual(['a', 'b']);
  });

  it('refuse damaged or edited files', () => {
    const bad = (mutate: (o: Record<string, unknown>) => void) => {
      const o = structuredClone(json) as unknown as Record<string, unknown>;
      mutate(o);
      return () => parseEncodingFile(JSON.stringify(o), 'X');
    };
    expect(() => parseEncodingFile('{', 'X')).toThrow(/X: not JSON/);
    expect(bad((o) => (o.format = 'other'))).toThrow(/not a lantern pprl encoding file/);
    expect(bad((o) => ((o.schema as PprlSchema).l = 2048))).toThrow(/fingerprint/);
    expect(bad((o) => ((o.records as unknown[][])[1]![0] = 'a'))).toThrow(/records\[1\].*repeats/);
    expect(bad((o) => ((o.records as unknown[][])[0]![1] = 'AAAA'))).toThrow(
      /records\[0\].*1024 bits/,
    );
    expect(bad((o) => (o.count = 3))).toThrow(/count/);
  });

  it('are compared only under the same schema and key', () => {
    const otherSchema = encodeRecords([person('a')], {
      secret: KEY,
      schema: { ...DEFAULT_SCHEMA, l: 2048 },
    });
    const otherKey = encodeRecords([person('a')], { secret: OTHER_KEY });
    expect(() => assertComparable(enc, otherSchema)).toThrow(/different schemas or parameters/);
    expect(() => matchEncodings(enc, otherKey)).toThrow(PprlFileError);
    expect(() => matchEncodings(enc, otherKey)).toThrow(/different secrets/);
  });
});

describe('matching', () => {
  it('assigns one to one, best pair first', () => {
    // a0 is closest to b0; a1 is also close to b0 but must settle for b1.
    const a = [words(0b1111_1111), words(0b1111_1110)];
    const b = [words(0b1111_1111), words(0b0111_1110)];
    const r = matchVectors(a, b, 32, { threshold: 0.8, blocking: 'none' });
    expect(r.pairs.map(([i, j]) => [i, j])).toEqual([
      [0, 0],
      [1, 1],
    ]);
    const all = matchVectors(a, b, 32, { threshold: 0.8, blocking: 'none', oneToOne: false });
    expect(all.pairs.length).toBe(4);
    expect(() => matchVectors(a, b, 32, { threshold: 0 })).toThrow(RangeError);
  });

  it('links records across spellings and HLSH finds the same pairs here', () => {
    const given = ['Amina', 'Yusuf', 'Fatima', 'Omar', 'Layla', 'Karim', 'Noor', 'Samir'];
    const family = ['Haddad', 'Khalil', 'Mansour', 'Nasser', 'Saleh', 'Aziz', 'Hamdan', 'Farah'];
    const listA = given.map((g, i) =>
      person(`a${i}`, {
        givenName: g,
        familyName: family[i]!,
        birth: { year: 1980 + i, month: i + 1, day: 10 + i },
      }),
    );
    // B: the same people with a typo or two, in another order, and two strangers.
    const listB = [
      ...listA.map((r, i) =>
        person(`b${i}`, {
          givenName: i % 2 ? r.givenName! : r.givenName!.replace(/a/, 'e'),
          familyName: i % 3 ? r.familyName! : `${r.familyName!}h`,
          birth: r.birth,
        }),
      ),
      person('x1', {
        givenName: 'Peter',
        familyName: 'Lindqvist',
        birth: { year: 1950, month: 1, day: 1 },
      }),
      person('x2', {
        givenName: 'Ana',
        familyName: 'Souza',
        birth: { year: 2001, month: 12, day: 30 },
      }),
    ].reverse();
    const exhaustive = pprlLink(listA, listB, { secret: KEY, blocking: 'none' });
    expect(new Set(exhaustive.matches.map(([a, b]) => `${a}-${b}`))).toEqual(
      new Set(given.map((_, i) => `a${i}-b${i}`)),
    );
    const a = encodeRecords(listA, { secret: KEY, schema: DETERMINISTIC });
    const b = encodeRecords(listB, { secret: KEY, schema: DETERMINISTIC });
    const none = matchEncodings(a, b, { blocking: 'none' });
    const lsh = matchEncodings(a, b, { blocking: 'hlsh', hlsh: { tables: 200, bitsPerKey: 8 } });
    expect(lsh.matches).toEqual(none.matches);
    expect(lsh.blocking).toBe('hlsh');
  });
});

describe('CSV', () => {
  it('reads FEBRL layout: spaced headers, blanks missing, no final newline', () => {
    const text =
      'rec_id, given_name, surname, date_of_birth, suburb\n' +
      'rec-1-org, michaela, neumann, 19151111, winston hills\n' +
      'rec-2-org, , painter, , richlands';
    const r = readPprlCsv(text, DEFAULT_SCHEMA);
    expect(r.faults).toEqual([]);
    expect(r.records.map((x) => x.id)).toEqual(['rec-1-org', 'rec-2-org']);
    expect(r.records[1]!.fields.givenName).toBeNull();
    expect(r.records[1]!.fields.birth).toBeNull();
    expect(r.records[0]!.fields.locality).toBe('winston hills');
    expect(r.missingColumns).toContain('sex');
  });

  it('reports ragged rows, repeated ids and unreadable dates by row, without their content', () => {
    const text =
      '\ufeffid,given_name,surname,dob\r\n1,Ana,Souza,2001-12-30\r\n2,Only\r\n1,Ana,Souza,\r\n3,Omar,Nasser,30/12/2001\r\n4,"bad"x,y,\r\n';
    const r = readPprlCsv(text, DEFAULT_SCHEMA);
    expect(r.records.map((x) => x.id)).toEqual(['1']);
    expect(r.faults.map((f) => f.row)).toEqual([3, 4, 5, 6]);
    expect(r.faults.find((f) => f.row === 5)!.message).toMatch(/dob: not a date/);
    expect(JSON.stringify(r.faults)).not.toMatch(/Omar|Nasser|30\/12/);
  });

  it('encodes CSV records like LinkRecords', () => {
    const r = readPprlCsv('id,given_name,surname\n1,Amina,Haddad\n', DETERMINISTIC);
    const viaCsv = encodeFieldRecords(r.records, { secret: KEY, schema: DETERMINISTIC });
    const viaRecord = encodeRecords([person('1', { sex: null, birth: null, places: [] })], {
      secret: KEY,
      schema: DETERMINISTIC,
    });
    expect(viaCsv.vectors[0]).toEqual(viaRecord.vectors[0]);
  });
});
