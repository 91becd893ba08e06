/**
 * Record linkage quality and speed, beside the reference figures of
 * ../shared/design/REFERENCES.md. Prints ONE JSON document on stdout (progress on stderr).
 * Measured, never asserted.
 *
 *   node --import tsx bench/linkage.ts          (also run by `npm run bench`, bench/run.ts)
 *
 * - FEBRL 4 (dataset4a vs dataset4b, truth rec-N-org ↔ rec-N-dup-0): plain Fellegi–Sunter with
 *   one-to-one assignment, and the Bloom-filter (PPRL) mode; precision, recall, F1, seconds,
 *   pair completeness, reduction ratio.
 * - FEBRL 3 deduplication: pairwise precision, recall and F1 of the clusters (truth: same N).
 * - Scale: LINKAGE_SCALE synthetic person records (default 1,000,000; generatePersons, seed
 *   2026) deduplicated end to end; generation is not timed.
 * FEBRL is read from ../shared/data/febrl (LINKAGE_FEBRL_DIR); missing files are reported.
 */
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generatePersons } from '../src/shared/demo/generate-persons.ts';
import { recordsFromCsv } from '../src/shared/linkage/csv-records.ts';
import { dedupeRecords, linkRecords } from '../src/shared/linkage/engine.ts';
import {
  clusterPairs,
  pairCompleteness,
  pairMetrics,
  type PairMetrics,
} from '../src/shared/linkage/evaluate.ts';
import { pprlLink } from '../src/shared/linkage/pprl/index.ts';
import type { LinkRecord } from '../src/shared/linkage/types.ts';

const FEBRL =
  process.env.LINKAGE_FEBRL_DIR ??
  fileURLToPath(new URL('../../shared/data/febrl/', import.meta.url));
const SCALE = Number(process.env.LINKAGE_SCALE ?? 1_000_000);
const log = (msg: string) => process.stderr.write(`[bench:linkage] ${msg}\n`);
const r4 = (x: number) => Math.round(x * 10_000) / 10_000;
const s2 = (ms: number) => Math.round(ms / 10) / 100;

const REFERENCE = {
  febrl4: {
    splinkStyleWeightedJaroWinklerOneToOne: { f1: 0.99 },
    bloomFilterPprl: { precision: 1.0, recall: 0.992, dice: 0.8 },
    target: { f1: 0.995 },
  },
  scale: {
    publishedLinker: '~1,000,000 records in ~1 min on a 4-core laptop',
    target: '< 60 s on 2 cores',
  },
};

const entityOf = (id: string) => id.split('-')[1] ?? id;
const metrics = (m: PairMetrics) => ({
  precision: r4(m.precision),
  recall: r4(m.recall),
  f1: r4(m.f1),
  predicted: m.predicted,
  truePairs: m.truePairs,
});

async function febrl(name: string): Promise<LinkRecord[]> {
  const parsed = recordsFromCsv(await readFile(join(FEBRL, `${name}.csv`), 'utf8'));
  if (parsed.errors.length) log(`${name}: ${parsed.errors.length} rows reported`);
  return parsed.records;
}

/** PPRL's encoder reads address fields from identifiers and suburb/state from the place. */
const forPprl = (r: LinkRecord): LinkRecord => {
  const at = r.attributes ?? {};
  const identifiers = { ...r.identifiers };
  for (const k of ['postcode', 'street_number', 'address_1', 'address_2'])
    if (at[k] !== undefined) identifiers[k] = at[k];
  return {
    ...r,
    identifiers,
    places: [{ country: null, adminArea: at.state ?? null, locality: at.suburb ?? null }],
  };
};

async function benchFebrl4() {
  const a = await febrl('dataset4a');
  const b = await febrl('dataset4b');
  const truth = a.map((r) => [r.id, `rec-${entityOf(r.id)}-dup-0`] as [string, string]);
  const t = performance.now();
  const plain = linkRecords(a, b);
  const seconds = s2(performance.now() - t);
  const pc = pairCompleteness(plain.scored.set.ids, plain.scored.candidates, truth);
  const out: Record<string, unknown> = {
    plain: {
      ...metrics(
        pairMetrics(
          plain.matches.map(([x, y]) => [x, y]),
          truth,
        ),
      ),
      seconds,
      stageSeconds: plain.stats.seconds,
      candidatePairs: plain.stats.candidatePairs,
      pairCompleteness: r4(pc),
      reductionRatio: plain.stats.reductionRatio,
      lambda: plain.model.lambda,
    },
  };
  try {
    const tp = performance.now();
    const pprl = pprlLink(a.map(forPprl), b.map(forPprl), { secret: randomBytes(32) });
    out.pprl = {
      ...metrics(
        pairMetrics(
          pprl.matches.map(([x, y]) => [x, y]),
          truth,
        ),
      ),
      seconds: s2(performance.now() - tp),
      diceComparisons: pprl.comparisons,
    };
  } catch (e) {
    out.pprl = { error: (e as Error).message };
  }
  return out;
}

async function benchFebrl3() {
  const recs = await febrl('dataset3');
  const groups = new Map<string, string[]>();
  for (const r of recs) {
    const g = groups.get(entityOf(r.id)) ?? [];
    g.push(r.id);
    groups.set(entityOf(r.id), g);
  }
  const truth = clusterPairs([...groups.values()]);
  const t = performance.now();
  const res = dedupeRecords(recs);
  const seconds = s2(performance.now() - t);
  return {
    ...metrics(pairMetrics(clusterPairs(res.clusters), truth)),
    pairsAboveThreshold: metrics(
      pairMetrics(
        res.pairs.map(([x, y]) => [x, y]),
        truth,
      ),
    ),
    seconds,
    clusters: res.clusters.length,
    pairCompleteness: r4(pairCompleteness(res.scored.set.ids, res.scored.candidates, truth)),
    reductionRatio: res.stats.reductionRatio,
  };
}

function benchScale() {
  const tg = performance.now();
  const { records, entity } = generatePersons({ seed: 2026, count: SCALE });
  const generateSeconds = s2(performance.now() - tg);
  log(`generated ${records.length} records in ${generateSeconds} s; deduplicating`);
  const t = performance.now();
  const res = dedupeRecords(records);
  const seconds = s2(performance.now() - t);
  log(`deduplicated in ${seconds} s`);
  // Truth pairs from the generator's person numbers.
  const byEntity = new Map<number, string[]>();
  records.forEach((r, i) => {
    const e = entity[i]!;
    const list = byEntity.get(e);
    if (list) list.push(r.id);
    else byEntity.set(e, [r.id]);
  });
  const truth = clusterPairs([...byEntity.values()].filter((g) => g.length > 1));
  return {
    records: records.length,
    seconds,
    stageSeconds: res.stats.seconds,
    generateSeconds,
    candidatePairs: res.stats.candidatePairs,
    reductionRatio: res.stats.reductionRatio,
    pairCompleteness: r4(pairCompleteness(res.scored.set.ids, res.scored.candidates, truth)),
    ...metrics(pairMetrics(clusterPairs(res.clusters), truth)),
    blocking: res.stats.blocking,
    peakRssMb: Math.round(process.memoryUsage().rss / 1e6),
  };
}

export async function benchLinkage(): Promise<Record<string, unknown>> {
  const report: Record<string, unknown> = {
    reference: REFERENCE,
    machine: {
      cpus: cpus().length,
      loadAverageAtStart: loadavg().map((x) => Math.round(x * 100) / 100),
    },
  };
  for (const [key, run] of [
    ['febrl4', benchFebrl4],
    ['febrl3', benchFebrl3],
    ['scale', benchScale],
  ] as const) {
    log(key);
    try {
      report[key] = await run();
    } catch (e) {
      log(`${key} failed: ${(e as Error).message}`);
      report[key] = { error: (e as Error).message };
    }
  }
  return report;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  benchLinkage().then(
    (r) => process.stdout.write(`${JSON.stringify(r, null, 2)}\n`),
    (e: unknown) => {
      log(`failed: ${(e as Error).stack ?? String(e)}`);
      process.exitCode = 1;
    },
  );
}
