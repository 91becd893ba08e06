/**
 * Trend-alert detection on generated series with injected outbreaks of known size: for each
 * method, the probability of detection (share of outbreak months alarmed, share of outbreaks
 * with at least one alarm), the false-alarm rate (share of other months alarmed) and the median
 * delay to the first alarm, beside the published reference. Prints ONE JSON document.
 *
 *   node --import tsx bench/insights-detection.ts
 *
 * Design, after the simulation study of Noufaily et al. 2013 (Stat Med 32:1206, §3), monthly.
 * Baseline mean μ_t = exp(θ + β·t + γ·sin(2πt/12) + γ·cos(2πt/12)), counts negative binomial
 * with variance φ·μ_t; scenarios cross θ ∈ {log 3, log 10, log 30}, β ∈ {0, 0.003 a month},
 * γ ∈ {0, 0.4}, φ ∈ {1.5, 3}; 6 series each. 120 months; the last 60 are examined. Outbreaks: one
 * in months 12–59 (history the methods must be robust to) and two in the last 60, at least a
 * year apart, each lasting 2–4 months with its mean multiplied by 1.5, 2, 3 or 4 (drawn
 * uniformly), the extra cases Poisson((k − 1)·μ_t) on top of the baseline draw.
 *
 * Where it follows Noufaily §3: the same mean model (log-linear in α/θ, a linear trend β and
 * Fourier seasonality γ), negative-binomial counts with variance φ·μ, a trend-free and a trended
 * version of every scenario, outbreaks planted in the history as well as in the current
 * period, and the same measures (probability of detection, false-alarm rate).
 * Where it departs: monthly, not weekly (Lantern's series are monthly), 120 months, not 624
 * weeks; θ spans log 3 to log 30 (≈ 1.1–3.4) where Noufaily's 7 scenario families span −2 to 5;
 * one seasonal harmonic with γ₁ = γ₂ = 0.4 where Noufaily use 0, 1 or 2 harmonics with family-
 * specific γ₁, γ₂; φ ∈ {1.5, 3} where Noufaily use 1 to 5; β = 0.003 a month (≈ 0.0007 a week)
 * lies inside Noufaily's 0.0001–0.005 a week. Outbreak size: Noufaily draw the size as k times
 * the baseline standard deviation (k itself Poisson-drawn around 2–10) and spread the cases over
 * weeks with a lognormal curve; here the size is a factor of the mean held for 2–4 months, which
 * is (k − 1)·√(μ/φ) baseline SDs a month: from 0.5 SD (μ 3, φ 3, 1.5×) to 13 SD (μ 30, φ 1.5,
 * 4×), so both small and large outbreaks are present, as in Noufaily. 6 series per scenario
 * (144 in all) rather than 100, to keep the run short; hence the tuning and reporting seeds.
 */
import { fileURLToPath } from 'node:url';
import { assessSeries } from '../src/shared/insights/trends/index.ts';
import type { TrendMethod } from '../src/shared/insights/types.ts';
import {
  negBinomialDraw,
  poissonDraw,
  seededRng,
  type Rng,
} from '../src/shared/insights/trends/simulate.ts';

const MONTHS = 120;
const EXAMINED_FROM = 60;
const SERIES_PER_SCENARIO = 6;
// Defaults were tuned on seed 1; the figures reported come from this held-out seed.
const REPORT_SEED = 2;
const FACTORS = [1.5, 2, 3, 4];

/** REFERENCES.md: the figures the issue asks us to beat. */
const REFERENCE = {
  source: 'R surveillance on overdispersed seasonal series with 1.5-4x outbreaks (REFERENCES.md)',
  farringtonFlexible: { alpha: 0.01, detectedMonthsPercent: 58, falseAlarmPercent: 2 },
  earsC2: { detectedMonthsPercent: 67, falseAlarmPercent: 5 },
};

/**
 * R `surveillance` 1.20.3 run offline on the very series of REPORT_SEED (written out with
 * `generateAll`, scored as `score` does): `earsC(sts(y, frequency = 12), control = list(method,
 * range = 61:120))` with its default levels, and `farringtonFlexible(..., control = list(range =
 * 61:120, b = 4, alpha = 0.01, ...))` (b = 4: R needs whole windows five years back, which month
 * 61 lacks). Valid for REPORT_SEED only. Recorded constants: R is not installed where the bench
 * runs (CI), so they are not recomputed; `defaultAgainstR` compares our default with them.
 */
const R_ON_SAME_SERIES = {
  'earsC C1': {
    detectedMonthsPercent: 22.1,
    detectedOutbreaksPercent: 59.0,
    falseAlarmPercent: 3.6,
    medianDelayMonths: 0,
  },
  'earsC C2': {
    detectedMonthsPercent: 45.9,
    detectedOutbreaksPercent: 64.6,
    falseAlarmPercent: 4.4,
    medianDelayMonths: 0,
  },
  'earsC C3': {
    detectedMonthsPercent: 44.2,
    detectedOutbreaksPercent: 66.0,
    falseAlarmPercent: 12.5,
    medianDelayMonths: 1,
  },
  'farringtonFlexible noPeriods=10 nbPlugin': {
    detectedMonthsPercent: 43.8,
    detectedOutbreaksPercent: 57.6,
    falseAlarmPercent: 0.6,
    medianDelayMonths: 0,
  },
  'farringtonFlexible defaults (noPeriods=1, delta)': {
    detectedMonthsPercent: 44.2,
    detectedOutbreaksPercent: 58.0,
    falseAlarmPercent: 1.1,
    medianDelayMonths: 0,
  },
};

interface Outbreak {
  start: number;
  length: number;
  factor: number;
}

interface Generated {
  counts: number[];
  outbreaks: Outbreak[];
}

function generate(rng: Rng, theta: number, beta: number, gamma: number, phi: number): Generated {
  const mu = Array.from({ length: MONTHS }, (_, t) =>
    Math.exp(
      theta +
        beta * t +
        gamma * (Math.sin((2 * Math.PI * t) / 12) + Math.cos((2 * Math.PI * t) / 12)),
    ),
  );
  const counts = mu.map((m) => negBinomialDraw(rng, m, m / (phi - 1)));
  const outbreaks: Outbreak[] = [];
  const place = (from: number, to: number) => {
    for (;;) {
      const length = 2 + Math.floor(rng.next() * 3);
      const start = from + Math.floor(rng.next() * (to - from - length));
      // Keep outbreaks apart by at least a year so each one's delay is its own.
      if (outbreaks.some((o) => Math.abs(o.start - start) < 12)) continue;
      const factor = FACTORS[Math.floor(rng.next() * FACTORS.length)]!;
      outbreaks.push({ start, length, factor });
      for (let t = start; t < start + length; t++) {
        counts[t] = counts[t]! + poissonDraw(rng, (factor - 1) * mu[t]!);
      }
      return;
    }
  };
  place(12, EXAMINED_FROM);
  place(EXAMINED_FROM, MONTHS);
  place(EXAMINED_FROM, MONTHS);
  return { counts, outbreaks };
}

/** Whether a detector alarms at index t of a series. */
export type Alarms = (counts: readonly number[], t: number) => boolean;

const single =
  (method: TrendMethod): Alarms =>
  (counts, t) =>
    assessSeries(counts, method, t, 'month')?.alarm ?? false;

/** Each method as the alerts run it (assessSeries, so with PRODUCT_SETTINGS: Farrington α 0.005). */
const METHODS: Record<string, Alarms> = {
  'ears-c1': single('ears-c1'),
  'ears-c2': single('ears-c2'),
  'ears-c3': single('ears-c3'),
  farrington: single('farrington'),
  'nb-cusum': single('nb-cusum'),
};

/**
 * Combinations alarm when any member does; this one is detectTrends' default on a monthly series
 * with 3 years of history (Farrington α and CUSUM h, window: PRODUCT_SETTINGS in
 * src/shared/insights/trends/assess-series.ts, tuned on seed 1 of this bench).
 */
const DEFAULT = 'default: farrington or nb-cusum';
const COMBINED: Record<string, readonly string[]> = { [DEFAULT]: ['farrington', 'nb-cusum'] };

interface Tally {
  outbreakMonths: number;
  alarmedOutbreakMonths: number;
  otherMonths: number;
  falseAlarms: number;
  outbreaks: number;
  detected: number;
  delays: number[];
  /** Outbreak months and alarmed ones by outbreak factor. */
  byFactor: Map<number, [number, number]>;
}

const pct = (a: number, b: number) => (b === 0 ? 0 : Math.round((1000 * a) / b) / 10);

function median(xs: number[]): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** Every generated series of `seed`, scenario by scenario (exported for cross-checks in R). */
export function generateAll(seed: number, seriesPerScenario = SERIES_PER_SCENARIO): Generated[] {
  const rng = seededRng(seed);
  const out: Generated[] = [];
  for (const theta of [Math.log(3), Math.log(10), Math.log(30)])
    for (const beta of [0, 0.003])
      for (const gamma of [0, 0.4])
        for (const phi of [1.5, 3])
          for (let k = 0; k < seriesPerScenario; k++)
            out.push(generate(rng, theta, beta, gamma, phi));
  return out;
}

const emptyTally = (): Tally => ({
  outbreakMonths: 0,
  alarmedOutbreakMonths: 0,
  otherMonths: 0,
  falseAlarms: 0,
  outbreaks: 0,
  detected: 0,
  delays: [],
  byFactor: new Map(FACTORS.map((f) => [f, [0, 0]])),
});

function score(tally: Tally, alarmed: readonly boolean[], outbreaks: readonly Outbreak[]): void {
  const outbreakAt = (t: number) => outbreaks.find((o) => t >= o.start && t < o.start + o.length);
  for (let t = EXAMINED_FROM; t < MONTHS; t++) {
    const o = outbreakAt(t);
    if (o) {
      tally.outbreakMonths++;
      const f = tally.byFactor.get(o.factor)!;
      f[0]++;
      if (alarmed[t]) {
        tally.alarmedOutbreakMonths++;
        f[1]++;
      }
    } else {
      tally.otherMonths++;
      if (alarmed[t]) tally.falseAlarms++;
    }
  }
  for (const o of outbreaks.filter((x) => x.start >= EXAMINED_FROM)) {
    tally.outbreaks++;
    const first = alarmed.findIndex((a, t) => a && t >= o.start && t < o.start + o.length);
    if (first >= 0) {
      tally.detected++;
      tally.delays.push(first - o.start);
    }
  }
}

/**
 * Every method's and combination's figures on the series of `seed` (exported for tuning runs
 * with other detectors or settings).
 */
export function detectionFigures(
  methods: Readonly<Record<string, Alarms>>,
  combined: Readonly<Record<string, readonly string[]>>,
  seed: number,
  seriesPerScenario = SERIES_PER_SCENARIO,
) {
  const names = [...Object.keys(methods), ...Object.keys(combined)];
  const tallies = new Map(names.map((m) => [m, emptyTally()]));
  const all = generateAll(seed, seriesPerScenario);
  for (const { counts, outbreaks } of all) {
    const alarmed = new Map<string, boolean[]>();
    for (const [name, alarms] of Object.entries(methods)) {
      alarmed.set(
        name,
        counts.map((_, t) => t >= EXAMINED_FROM && alarms(counts, t)),
      );
    }
    for (const [name, members] of Object.entries(combined)) {
      alarmed.set(
        name,
        counts.map((_, t) => members.some((m) => alarmed.get(m)![t])),
      );
    }
    for (const name of names) score(tallies.get(name)!, alarmed.get(name)!, outbreaks);
  }
  const series = all.length;
  const figures = Object.fromEntries(
    [...tallies].map(([name, t]) => [
      name,
      {
        detectedMonthsPercent: pct(t.alarmedOutbreakMonths, t.outbreakMonths),
        detectedOutbreaksPercent: pct(t.detected, t.outbreaks),
        falseAlarmPercent: pct(t.falseAlarms, t.otherMonths),
        medianDelayMonths: median(t.delays),
        detectedMonthsPercentByFactor: Object.fromEntries(
          [...t.byFactor].map(([f, [n, a]]) => [`${f}x`, pct(a, n)]),
        ),
      },
    ]),
  );
  return { series, figures };
}

interface Figures {
  detectedMonthsPercent: number;
  falseAlarmPercent: number;
}

/**
 * Issue 7's bar, per R reference on the same series: our default beats it when it detects more
 * outbreak months at no more false alarms. Both sides are compared at the 0.1 % the R figures
 * were recorded to, so a tie in detection is not a win.
 */
function verdicts(ours: Figures) {
  return Object.entries(R_ON_SAME_SERIES).map(([reference, theirs]) => ({
    reference,
    theirDetection: theirs.detectedMonthsPercent,
    theirFalseAlarms: theirs.falseAlarmPercent,
    ourDetection: ours.detectedMonthsPercent,
    ourFalseAlarms: ours.falseAlarmPercent,
    beats:
      ours.detectedMonthsPercent > theirs.detectedMonthsPercent &&
      ours.falseAlarmPercent <= theirs.falseAlarmPercent,
  }));
}

export function benchInsightsDetection(seed = REPORT_SEED): Record<string, unknown> {
  const started = performance.now();
  const { series, figures } = detectionFigures(METHODS, COMBINED, seed);
  const ours = figures[DEFAULT]!;
  return {
    data: {
      generator: 'Noufaily et al. 2013 design, monthly (see bench/insights-detection.ts)',
      seed,
      series,
      months: MONTHS,
      examinedMonths: MONTHS - EXAMINED_FROM,
      outbreakFactors: FACTORS,
    },
    reference: REFERENCE,
    ...(seed === REPORT_SEED
      ? { rOnSameSeries: R_ON_SAME_SERIES, defaultAgainstR: verdicts(ours) }
      : {}),
    lantern: figures,
    seconds: Math.round((performance.now() - started) / 100) / 10,
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const seed = process.env.BENCH_SEED ? Number(process.env.BENCH_SEED) : REPORT_SEED;
  process.stdout.write(`${JSON.stringify(benchInsightsDetection(seed), null, 2)}\n`);
}
