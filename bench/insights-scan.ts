/**
 * Kulldorff's space-time scan statistic (src/shared/insights/space/scan.ts) at the size:
 * 250 regions × 120 months, 999 Monte Carlo replications, target under 10 s on one core. The data
 * are generated: random centroids on a quarter of the globe, populations spread over two orders
 * of magnitude, seasonal months, 100,000 cases drawn as one multinomial, and a planted cluster —
 * a region and its 4 nearest neighbours at twice the rate for 6 months. Prints ONE JSON document
 * on stdout. Measured, never asserted.
 *
 *   node --import tsx bench/insights-scan.ts
 */
import { fileURLToPath } from 'node:url';
import { scanRng } from '../src/shared/insights/space/random.ts';
import { Multinomial } from '../src/shared/insights/space/multinomial.ts';
import { windows } from '../src/shared/insights/space/cylinders.ts';
import { spaceTimeScan } from '../src/shared/insights/space/index.ts';
import { buildZones } from '../src/shared/insights/space/zones.ts';
import type { Region } from '../src/shared/insights/types.ts';

const REGIONS = 250;
const MONTHS = 120;
const REPLICATIONS = 999;
const CASES = 100_000;
const PLANTED = { regions: 5, firstMonth: 100, months: 6, relativeRisk: 2 };

const month = (i: number) =>
  `${2015 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;

export function plantedScanData(seed: number) {
  const rng = scanRng(seed);
  const regions: Region[] = Array.from({ length: REGIONS }, (_, i) => ({
    id: `R${String(i).padStart(3, '0')}`,
    latitude: -30 + 90 * rng.next(),
    longitude: -20 + 120 * rng.next(),
  }));
  const population = regions.map(() => 10 ** (4 + 2 * rng.next()));
  const season = Array.from(
    { length: MONTHS },
    (_, t) => 1 + 0.3 * Math.sin((2 * Math.PI * t) / 12),
  );
  // The planted zone: region 0 and its nearest neighbours (by the same chord ordering the scan uses).
  const d = (a: Region, b: Region) =>
    Math.acos(
      Math.min(
        1,
        Math.sin((a.latitude * Math.PI) / 180) * Math.sin((b.latitude * Math.PI) / 180) +
          Math.cos((a.latitude * Math.PI) / 180) *
            Math.cos((b.latitude * Math.PI) / 180) *
            Math.cos(((a.longitude - b.longitude) * Math.PI) / 180),
      ),
    );
  const planted = regions
    .map((r, i) => ({ i, d: d(regions[0]!, r) }))
    .sort((x, y) => x.d - y.d)
    .slice(0, PLANTED.regions)
    .map((x) => x.i);
  const weight = new Float64Array(REGIONS * MONTHS);
  for (let r = 0; r < REGIONS; r++) {
    for (let t = 0; t < MONTHS; t++) {
      const inside =
        planted.includes(r) && t >= PLANTED.firstMonth && t < PLANTED.firstMonth + PLANTED.months;
      weight[r * MONTHS + t] = population[r]! * season[t]! * (inside ? PLANTED.relativeRisk : 1);
    }
  }
  const cells = new Int32Array(REGIONS * MONTHS);
  new Multinomial(weight, MONTHS).draw(CASES, rng, cells);
  const counts = regions.map((_, r) => [...cells.subarray(r * MONTHS, (r + 1) * MONTHS)]);
  return {
    regions,
    periods: Array.from({ length: MONTHS }, (_, t) => month(t)),
    counts,
    planted: {
      regions: planted.map((r) => regions[r]!.id),
      start: month(PLANTED.firstMonth),
      end: month(PLANTED.firstMonth + PLANTED.months - 1),
    },
  };
}

export function benchInsightsScan(): Record<string, unknown> {
  const data = plantedScanData(7);
  const started = performance.now();
  const cpu = process.cpuUsage();
  const result = spaceTimeScan({ ...data, replications: REPLICATIONS, seed: 1 });
  const seconds = (performance.now() - started) / 1000;
  const cpuSeconds = process.cpuUsage(cpu).user / 1e6;
  const top = result.clusters[0];
  // The cylinders scanned, with the defaults (10 regions, half the cases, 12 months).
  const regionTotals = Float64Array.from(data.counts, (row) => row.reduce((a, b) => a + b, 0));
  const zones = buildZones(data.regions, regionTotals, 10, CASES / 2).count;
  const shared = top ? top.regions.filter((r) => data.planted.regions.includes(r)).length : 0;
  const overlapsInTime =
    top !== undefined && top.start <= data.planted.end && top.end >= data.planted.start;
  return {
    regions: REGIONS,
    months: MONTHS,
    replications: REPLICATIONS,
    cases: CASES,
    zones,
    windows: windows(MONTHS, 12).count,
    seconds: Math.round(seconds * 100) / 100,
    // CPU time of this process: the wall-clock time on a machine shared with other work.
    cpuSeconds: Math.round(cpuSeconds * 100) / 100,
    targetSeconds: 10,
    planted: { ...data.planted, relativeRisk: PLANTED.relativeRisk },
    mostLikely: top ?? null,
    // Found: the most likely cluster is significant and holds most of the planted regions in
    // months overlapping the planted ones.
    plantedFound:
      top !== undefined && top.p <= 0.01 && shared * 2 > PLANTED.regions && overlapsInTime,
    clusters: result.clusters.length,
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  process.stdout.write(`${JSON.stringify(benchInsightsScan(), null, 2)}\n`);
}
