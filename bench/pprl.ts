/**
 * Privacy-preserving linkage (docs/pprl.md) on FEBRL 4: 5,000 + 5,000 records, 5,000 true
 * pairs (rec-N-org ↔ rec-N-dup-0), each side encoded under a fresh random secret; precision,
 * recall and speed at Dice 0.8 with the default schema, the quality cost of each hardening
 * option, HLSH pair completeness, raw Dice comparisons per second, and Arabic↔Latin names in
 * the encoding space. Prints ONE JSON document on stdout (progress on stderr). Measured, never
 * asserted. Reads ../shared/data (never copied into the repository).
 *
 *   node --import tsx bench/pprl.ts        (also run by `npm run bench`, bench/run.ts)
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { andCount, popcount } from '../src/shared/linkage/pprl/bits.ts';
import { readPprlCsv } from '../src/shared/linkage/pprl/csv.ts';
import { hlshPositions } from '../src/shared/linkage/pprl/match.ts';
import {
  DEFAULT_HLSH,
  DEFAULT_SCHEMA,
  createEncoder,
  dice,
  encodeFieldRecords,
  matchEncodings,
} from '../src/shared/linkage/pprl/index.ts';
import type { PprlEncodings, PprlSchema } from '../src/shared/linkage/pprl/index.ts';

const DATA = fileURLToPath(new URL('../../shared/data/', import.meta.url));
const log = (m: string) => process.stderr.write(`[bench pprl] ${m}\n`);
const r4 = (n: number) => Math.round(n * 10_000) / 10_000;
const r2 = (n: number) => Math.round(n * 100) / 100;

const REFERENCE = {
  source: '../shared/design/REFERENCES.md (clkhash/anonlink on FEBRL 4)',
  precision: 1.0,
  recall: 0.992,
  threshold: 0.8,
  anonlinkDiceComparisonsPerSecond: 100_000_000,
};

const truthKey = (id: string) => id.replace(/-(org|dup-\d+)$/, '');

function quality(matches: [string, string, number][], truePairs: number) {
  const tp = matches.filter(([a, b]) => truthKey(a) === truthKey(b)).length;
  const precision = matches.length ? tp / matches.length : 1;
  const recall = tp / truePairs;
  return {
    matches: matches.length,
    truePositives: tp,
    precision: r4(precision),
    recall: r4(recall),
    f1: r4((2 * precision * recall) / (precision + recall || 1)),
  };
}

/** Index pairs of the true matches between two encodings. */
function truePairsOf(a: PprlEncodings, b: PprlEncodings): [number, number][] {
  const inB = new Map(b.ids.map((id, j) => [truthKey(id), j]));
  const out: [number, number][] = [];
  a.ids.forEach((id, i) => {
    const j = inB.get(truthKey(id));
    if (j !== undefined) out.push([i, j]);
  });
  return out;
}

/** Dice on every pair, no filter: the raw comparison speed (best of RAW_RUNS runs). */
const RAW_RUNS = 2;
function rawDiceSpeed(a: PprlEncodings, b: PprlEncodings) {
  const w = a.bits / 32;
  const pack = (vs: Uint32Array[]) => {
    const words = new Uint32Array(vs.length * w);
    vs.forEach((v, i) => words.set(v, i * w));
    return { words, pops: Uint32Array.from(vs, (v) => popcount(v)) };
  };
  const A = pack(a.vectors);
  const B = pack(b.vectors);
  let best = Infinity;
  let above = 0;
  for (let run = 0; run < RAW_RUNS; run++) {
    const t = performance.now();
    above = 0;
    for (let j = 0; j < b.vectors.length; j++) {
      for (let i = 0; i < a.vectors.length; i++) {
        const d = (2 * andCount(A.words, i * w, B.words, j * w, w)) / (A.pops[i]! + B.pops[j]!);
        if (d >= 0.8) above++;
      }
    }
    best = Math.min(best, (performance.now() - t) / 1000);
  }
  const comparisons = a.vectors.length * b.vectors.length;
  return {
    comparisons,
    seconds: r2(best),
    comparisonsPerSecond: Math.round(comparisons / best),
    pairsAtOrAbove08: above,
    bits: a.bits,
  };
}

/** HLSH pair completeness: true pairs sharing a bucket in at least one table. */
function hlshCompleteness(a: PprlEncodings, b: PprlEncodings, pairs: [number, number][]) {
  const tables = hlshPositions(a.bits, DEFAULT_HLSH);
  const bit = (v: Uint32Array, p: number) => (v[p >>> 5]! >>> (p & 31)) & 1;
  let kept = 0;
  for (const [i, j] of pairs) {
    const va = a.vectors[i]!;
    const vb = b.vectors[j]!;
    if (tables.some((ps) => ps.every((p) => bit(va, p) === bit(vb, p)))) kept++;
  }
  return r4(kept / pairs.length);
}

interface Variant {
  name: string;
  what: string;
  schema: PprlSchema;
  thresholds?: number[];
}

const withHardening = (h: Partial<PprlSchema['hardening']>): PprlSchema => ({
  ...DEFAULT_SCHEMA,
  hardening: { ...DEFAULT_SCHEMA.hardening, ...h },
});

const VARIANTS: Variant[] = [
  {
    name: 'doubleHashing',
    what: 'keyed double hashing instead of random hashing',
    schema: { ...DEFAULT_SCHEMA, hashing: 'double' },
  },
  {
    name: 'noCrossScript',
    what: 'names as Latin bigrams only (no skeleton/phonetic tokens)',
    schema: {
      ...DEFAULT_SCHEMA,
      features: DEFAULT_SCHEMA.features.map((f) => ({ ...f, crossScript: false })),
    },
  },
  {
    name: 'noGroups',
    what: 'own key per field (swapped given/family names no longer meet)',
    schema: {
      ...DEFAULT_SCHEMA,
      features: DEFAULT_SCHEMA.features.map((f) => ({ ...f, group: f.name })),
    },
  },
  {
    name: 'noBlip',
    what: 'BLIP off (the default flips with probability 0.01)',
    schema: withHardening({ blip: 0 }),
  },
  { name: 'blip0.02', what: 'BLIP, flip probability 0.02', schema: withHardening({ blip: 0.02 }) },
  {
    name: 'blip0.05',
    what: 'BLIP, flip probability 0.05',
    schema: withHardening({ blip: 0.05 }),
    thresholds: [0.75, 0.7],
  },
  {
    name: 'xorFold',
    what: 'XOR-folding to 512 bits',
    schema: withHardening({ xorFold: true }),
    thresholds: [0.7, 0.65, 0.6],
  },
  {
    name: 'saltNamesWithBirthYear',
    what: 'given and family names salted with the year of birth',
    schema: withHardening({ saltField: 'birth', saltedFields: ['givenName', 'familyName'] }),
  },
];

function crossScriptNames(): Record<string, unknown> {
  const path = `${DATA}names/ar2en.txt`;
  if (!existsSync(path)) return { skipped: `${path} not found` };
  const pairs = readFileSync(path, 'utf8')
    .split('\n')
    .map((l) => l.split('\t'))
    .filter(
      (p): p is [string, string] => p.length === 2 && p[0]!.trim() !== '' && p[1]!.trim() !== '',
    );
  const secret = randomBytes(32);
  const out: Record<string, unknown> = { pairs: pairs.length, falseMatchRate: 0.005 };
  for (const crossScript of [false, true]) {
    const enc = createEncoder({
      secret,
      schema: {
        ...DEFAULT_SCHEMA,
        features: [{ name: 'givenName', kind: 'name', bits: 200, crossScript }],
      },
    });
    const ar = pairs.map((p) => enc.encode({ givenName: p[0] }));
    const en = pairs.map((p) => enc.encode({ givenName: p[1] }));
    const trueD = ar.map((v, i) => dice(v, en[i]!));
    // Shuffled pairs: each Arabic name against the Latin name of another line.
    const falseD = ar
      .map((v, i) => dice(v, en[(i * 7919 + 13) % en.length]!))
      .sort((x, y) => y - x);
    const threshold = falseD[Math.floor(falseD.length * 0.005)]!;
    out[crossScript ? 'crossScript' : 'latinBigramsOnly'] = {
      diceThreshold: r4(threshold),
      recall: r4(trueD.filter((d) => d > threshold).length / trueD.length),
    };
  }
  return out;
}

export function benchPprl(): Promise<Record<string, unknown>> {
  return Promise.resolve().then(runPprlBench);
}

function runPprlBench(): Record<string, unknown> {
  const started = performance.now();
  const fa = `${DATA}febrl/dataset4a.csv`;
  const fb = `${DATA}febrl/dataset4b.csv`;
  if (!existsSync(fa) || !existsSync(fb)) return { skipped: 'FEBRL 4 not found in ../shared/data' };
  const A = readPprlCsv(readFileSync(fa, 'utf8'), DEFAULT_SCHEMA);
  const B = readPprlCsv(readFileSync(fb, 'utf8'), DEFAULT_SCHEMA);
  const truePairs = A.records.filter((r) =>
    B.records.some((s) => truthKey(s.id) === truthKey(r.id)),
  ).length;
  log(`FEBRL 4: ${A.records.length} + ${B.records.length} records, ${truePairs} true pairs`);

  const secret = randomBytes(32);
  const encode = (schema: PprlSchema) => {
    const t = performance.now();
    const ea = encodeFieldRecords(A.records, { secret, schema });
    const eb = encodeFieldRecords(B.records, { secret, schema });
    return { ea, eb, seconds: (performance.now() - t) / 1000 };
  };

  const base = encode(DEFAULT_SCHEMA);
  log(`encoded in ${r2(base.seconds)} s`);
  const exhaustive = matchEncodings(base.ea, base.eb, { blocking: 'none' });
  const lsh = matchEncodings(base.ea, base.eb, { blocking: 'hlsh' });
  const manyToMany = matchEncodings(base.ea, base.eb, { blocking: 'none', oneToOne: false });
  const pairs = truePairsOf(base.ea, base.eb);
  const trueDice = pairs.map(([i, j]) => dice(base.ea.vectors[i]!, base.eb.vectors[j]!));
  const all = base.ea.ids.length * base.eb.ids.length;
  log(`exhaustive ${r2(exhaustive.seconds)} s, HLSH ${r2(lsh.seconds)} s`);
  const raw = rawDiceSpeed(base.ea, base.eb);
  log(`raw Dice: ${raw.comparisonsPerSecond} comparisons/s`);

  const febrl4 = {
    schema: {
      l: DEFAULT_SCHEMA.l,
      hashing: DEFAULT_SCHEMA.hashing,
      fingerprint: base.ea.fingerprint,
    },
    threshold: 0.8,
    encodeSeconds: r2(base.seconds),
    recordsEncodedPerSecond: Math.round((A.records.length + B.records.length) / base.seconds),
    exhaustive: {
      ...quality(exhaustive.matches, truePairs),
      seconds: r2(exhaustive.seconds),
      comparisons: exhaustive.comparisons,
      comparisonsPerSecond: Math.round(exhaustive.comparisons / exhaustive.seconds),
    },
    hlsh: {
      ...quality(lsh.matches, truePairs),
      seconds: r2(lsh.seconds),
      tables: DEFAULT_HLSH.tables,
      bitsPerKey: DEFAULT_HLSH.bitsPerKey,
      comparisons: lsh.comparisons,
      pairCompleteness: hlshCompleteness(base.ea, base.eb, pairs),
      reductionRatio: r4(1 - lsh.comparisons / all),
    },
    withoutOneToOne: {
      ...quality(manyToMany.matches, truePairs),
      note: 'every pair at Dice ≥ 0.8: precision at 0.8 rests on the one-to-one assignment',
    },
    truePairDice: {
      below08: trueDice.filter((d) => d < 0.8).length,
      min: r4(Math.min(...trueDice)),
      median: r4([...trueDice].sort((x, y) => x - y)[trueDice.length >> 1]!),
    },
    rawDice: raw,
    reference: REFERENCE,
  };

  const hardening: Record<string, unknown> = {};
  for (const v of VARIANTS) {
    const e = encode(v.schema);
    const at = (t: number) =>
      quality(matchEncodings(e.ea, e.eb, { threshold: t, blocking: 'none' }).matches, truePairs);
    const entry: Record<string, unknown> = {
      what: v.what,
      encodeSeconds: r2(e.seconds),
      at08: at(0.8),
    };
    for (const t of v.thresholds ?? []) entry[`at${t}`] = at(t);
    hardening[v.name] = entry;
    log(`${v.name}: ${JSON.stringify(entry.at08)}`);
  }

  const names = crossScriptNames();
  log(`cross-script names: ${JSON.stringify(names)}`);
  return {
    machine: { cpus: cpus().length, node: process.version },
    febrl4,
    hardening,
    crossScriptNames: names,
    totalSeconds: r2((performance.now() - started) / 1000),
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  benchPprl().then(
    (r) => process.stdout.write(`${JSON.stringify({ pprl: r }, null, 2)}\n`),
    (e: unknown) => {
      log(`failed: ${(e as Error).stack ?? String(e)}`);
      process.exitCode = 1;
    },
  );
}
