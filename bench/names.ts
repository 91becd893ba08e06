/**
 * Cross-script name matching on ../shared/data/names/ar2en.txt (15,898 Arabic-script names with
 * a Latin spelling): recall of the true pairs at the threshold where at most 0.5 % of shuffled
 * pairs (each Arabic name against the Latin name of 5 random other lines, fixed seed) match,
 * on the even lines (used while developing) and the odd lines (held out), beside two baselines;
 * blocking-key recall and selectivity; analysis and comparison speed. Prints ONE JSON document
 * on stdout. Measured, never asserted (bench/README.md).
 *
 *   node --import tsx bench/names.ts        (also run by `npm run bench`, bench/run.ts)
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import anyAscii from 'any-ascii';
import type { AnalysedName } from '../src/shared/linkage/names/index.ts';
import {
  analyseName,
  blockingKeysOf,
  compareAnalysed,
  jaroWinkler,
} from '../src/shared/linkage/names/index.ts';

const DATA = fileURLToPath(new URL('../../shared/data/names/ar2en.txt', import.meta.url));
const FALSE_PER_LINE = 5;
const FMR = 0.005;
const SEED = 2026;

/** mulberry32: a small seeded generator, so the shuffled pairs are the same on every run. */
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

type Pair = [string, string];
interface Split {
  truePairs: Pair[];
  falsePairs: Pair[];
}

function split(lines: Pair[], parity: 0 | 1): Split {
  const next = random(SEED + parity);
  const mine = lines.filter((_, i) => i % 2 === parity);
  const falsePairs: Pair[] = [];
  mine.forEach(([arabic], i) => {
    for (let k = 0; k < FALSE_PER_LINE; k++) {
      let j = Math.floor(next() * mine.length);
      if (j === i) j = (j + 1) % mine.length;
      falsePairs.push([arabic, (mine[j] as Pair)[1]]);
    }
  });
  return { truePairs: mine, falsePairs };
}

interface Figures {
  recall: number;
  threshold: number;
  falseMatchRate: number;
}

/** Recall of true pairs scoring above the smallest threshold that keeps false matches ≤ FMR. */
function recallAtFmr(s: Split, score: (a: string, b: string) => number): Figures {
  const f = s.falsePairs.map(([a, b]) => score(a, b)).sort((x, y) => y - x);
  const allowed = Math.floor(f.length * FMR);
  const threshold = f[allowed] ?? 0; // accept scores strictly above it
  const accepted = f.filter((x) => x > threshold).length;
  const t = s.truePairs.map(([a, b]) => score(a, b));
  const round = (x: number) => Math.round(x * 10_000) / 10_000;
  return {
    recall: round(t.filter((x) => x > threshold).length / t.length),
    threshold: round(threshold),
    falseMatchRate: round(accepted / f.length),
  };
}

const plain = (s: string) => anyAscii(s).toLowerCase();
const vowelFree = (s: string) =>
  plain(s)
    .replace(/[^a-z]/g, '')
    .replace(/[aeiouyw]/g, '');

function blocking(s: Split, analysed: (x: string) => AnalysedName) {
  const shares = ([a, b]: Pair) => {
    const ka = new Set(blockingKeysOf(analysed(a)));
    return blockingKeysOf(analysed(b)).some((k) => ka.has(k));
  };
  const round = (x: number) => Math.round(x * 10_000) / 10_000;
  const names = s.truePairs.flatMap(([a, b]) => [a, b]);
  const keys = names.reduce((n, x) => n + blockingKeysOf(analysed(x)).length, 0);
  return {
    pairCompleteness: round(s.truePairs.filter(shares).length / s.truePairs.length),
    /** Share of random pairs that share a key: 1 − reduction ratio. */
    randomPairsSharingAKey: round(s.falsePairs.filter(shares).length / s.falsePairs.length),
    keysPerName: Math.round((keys / names.length) * 100) / 100,
  };
}

export function benchNames(): Record<string, unknown> {
  if (!existsSync(DATA)) return { skipped: `${DATA} not found` };
  const lines = readFileSync(DATA, 'utf8')
    .split('\n')
    .map((l) => l.replace(/\r$/, ''))
    .filter((l) => l.includes('\t'))
    .map((l) => l.split('\t', 2) as Pair);
  const even = split(lines, 0);
  const odd = split(lines, 1);

  // Speed: analysis of every distinct name once, then comparisons of analysed names.
  const distinct = [...new Set(lines.flat())];
  for (const n of distinct) analyseName(n); // warm-up: JIT and any-ascii's lazily loaded tables
  let t = performance.now();
  const analysedAll = new Map(distinct.map((n) => [n, analyseName(n)]));
  const analyseSeconds = (performance.now() - t) / 1000;
  const get = (n: string) => analysedAll.get(n) ?? analyseName(n);
  const pairs = [...even.truePairs, ...even.falsePairs, ...odd.truePairs, ...odd.falsePairs].map(
    ([a, b]) => [get(a), get(b)] as const,
  );
  let sink = 0;
  for (const [a, b] of pairs) sink += compareAnalysed(a, b); // warm-up
  t = performance.now();
  for (let r = 0; r < 3; r++) for (const [a, b] of pairs) sink += compareAnalysed(a, b);
  const compareSeconds = (performance.now() - t) / 1000;
  const ours = (a: string, b: string) => compareAnalysed(get(a), get(b));

  return {
    data: {
      lines: lines.length,
      falsePairsPerLine: FALSE_PER_LINE,
      seed: SEED,
      maxFalseMatchRate: FMR,
    },
    reference: { anyAsciiJaroWinkler: 0.11, vowelFreeSkeletons: 0.65, aim: 0.9 },
    lantern: {
      developmentEvenLines: recallAtFmr(even, ours),
      heldOutOddLines: recallAtFmr(odd, ours),
    },
    baselines: {
      anyAsciiJaroWinkler: {
        even: recallAtFmr(even, (a, b) => jaroWinkler(plain(a), plain(b))),
        odd: recallAtFmr(odd, (a, b) => jaroWinkler(plain(a), plain(b))),
      },
      vowelFreeSkeletonJaroWinkler: {
        even: recallAtFmr(even, (a, b) => jaroWinkler(vowelFree(a), vowelFree(b))),
        odd: recallAtFmr(odd, (a, b) => jaroWinkler(vowelFree(a), vowelFree(b))),
      },
    },
    blocking: { even: blocking(even, get), odd: blocking(odd, get) },
    speed: {
      namesAnalysedPerSecond: Math.round(distinct.length / analyseSeconds),
      comparisonsPerSecond: Math.round((3 * pairs.length) / compareSeconds),
      checksum: Math.round(sink),
    },
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  process.stdout.write(`${JSON.stringify(benchNames(), null, 2)}\n`);
}
