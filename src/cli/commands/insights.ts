import { readFile } from 'node:fs/promises';
import type { CliIo, Command } from '../command.ts';
import { UsageError } from '../command.ts';
import { parse } from '../runtime-args.ts';
import { InsightsInputError } from '../../shared/insights/errors.ts';
import { populationOf } from '../../shared/insights/population.ts';
import { readSeriesFile, type SeriesFile } from '../../shared/insights/series-csv.ts';
import { countryRegions, spaceTimeScan } from '../../shared/insights/space/index.ts';
import { detectTrends } from '../../shared/insights/trends/index.ts';
import type { ScanBaseline } from '../../shared/insights/space/index.ts';

// Trend alerts and hot spots from a file of counts (docs/insights.md, "Contract"): the input is
// a CSV `month,country,count[,exploitation]` or a file in a CTDC layout (then yearly). Nothing
// is read from the database. A bad file is a failure (exit 1, the message naming the line), as
// for `hub aggregate` and `cases import`; bad options are usage errors (exit 2).

class InsightsCliError extends Error {}

async function readInput(path: string): Promise<SeriesFile> {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(await readFile(path));
  } catch (e) {
    if (e instanceof TypeError) throw new InsightsCliError(`${path} is not UTF-8 text`);
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : code;
    throw new InsightsCliError(`cannot read the input file ${path}: ${why ?? 'unreadable'}`);
  }
  return readSeriesFile(text);
}

/** A whole-number option within [min, max], or undefined when not given. */
function whole(value: string | undefined, name: string, min: number, max: number) {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || n < min || n > max) {
    throw new UsageError(`--${name} must be a whole number from ${min} to ${max}`);
  }
  return n;
}

/** The output must hold no NaN or Infinity (JSON would turn them into null silently). */
function finite(value: unknown, where: string): void {
  if (typeof value === 'number' && !Number.isFinite(value)) {
    throw new InsightsCliError(`internal error: ${where} is not a finite number`);
  }
  if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) finite(v, `${where}.${k}`);
  }
}

/** Four decimals: the engines' full precision is noise in a report. */
const r4 = (x: number) => Math.round(x * 10_000) / 10_000;

async function guarded(io: CliIo, fn: () => Promise<number>): Promise<number> {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof InsightsInputError || e instanceof InsightsCliError) {
      io.err(`lantern insights: ${e.message}`);
      return 1;
    }
    throw e;
  }
}

function table(rows: readonly (readonly string[])[]): string {
  const widths = rows[0]!.map((_, j) => Math.max(...rows.map((r) => r[j]!.length)));
  return rows
    .map((r) =>
      r
        .map((c, j) => c.padEnd(widths[j]!))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

function skippedNote(io: CliIo, file: SeriesFile): void {
  if (file.skipped > 0) {
    io.err(
      `lantern insights: ${file.skipped} CTDC record${file.skipped === 1 ? '' : 's'} without a country of exploitation or a year left out`,
    );
  }
}

export const insightsTrendsCommand: Command = {
  path: ['insights', 'trends'],
  summary:
    'Trend alerts (EARS C1–C3, Farrington flexible, NB CUSUM) from a CSV of monthly counts or a CTDC file',
  usage: 'insights trends --input FILE.csv [--last N] [--json]',
  run: (args, io) =>
    guarded(io, async () => {
      const { values: v } = parse(args, {
        input: { type: 'string' },
        last: { type: 'string' },
        json: { type: 'boolean', default: false },
      });
      if (!v.input) throw new UsageError('--input FILE is required');
      const last = whole(v.last, 'last', 1, 1200) ?? 3;
      const file = await readInput(v.input);
      const alerts = detectTrends(file.series, { last }).map((a) => ({
        country: a.key.country!,
        ...(a.key.exploitation !== undefined ? { exploitation: a.key.exploitation } : {}),
        month: a.period,
        observed: a.observed,
        expected: r4(a.expected),
        threshold: r4(a.threshold),
        method: a.method,
        note: a.note,
        history: a.history,
      }));
      const result = {
        ...(file.granularity === 'year' ? { granularity: 'year' } : {}),
        ...(file.format !== 'counts' ? { skipped: file.skipped } : {}),
        alerts,
      };
      finite(result, 'alerts');
      if (v.json) io.out(JSON.stringify(result));
      else {
        skippedNote(io, file);
        const unit = file.granularity === 'year' ? 'year' : 'month';
        io.out(
          `${alerts.length} alert${alerts.length === 1 ? '' : 's'} in the last ${last} ${unit}${last === 1 ? '' : 's'} of ${file.series.length} series (${file.periods[0]}..${file.periods.at(-1)})`,
        );
        if (alerts.length > 0) {
          const split = alerts.some((a) => a.exploitation !== undefined);
          const head = [unit, 'country', ...(split ? ['exploitation'] : [])];
          io.out(
            table([
              [...head, 'observed', 'expected', 'threshold', 'method'],
              ...alerts.map((a) => [
                a.month,
                a.country,
                ...(split ? [a.exploitation ?? ''] : []),
                String(a.observed),
                a.expected.toFixed(2),
                a.threshold.toFixed(2),
                a.method,
              ]),
            ]),
          );
        }
      }
      return 0;
    }),
};

export const insightsHotspotsCommand: Command = {
  path: ['insights', 'hotspots'],
  summary:
    "Hot spots by Kulldorff's space-time Poisson scan statistic over countries, with Monte Carlo p-values",
  usage:
    'insights hotspots --input FILE.csv [--baseline margins|population] [--replications N] [--seed N] [--json]',
  run: (args, io) =>
    guarded(io, async () => {
      const { values: v } = parse(args, {
        input: { type: 'string' },
        baseline: { type: 'string', default: 'margins' },
        replications: { type: 'string' },
        seed: { type: 'string' },
        json: { type: 'boolean', default: false },
      });
      if (!v.input) throw new UsageError('--input FILE is required');
      if (v.baseline !== 'margins' && v.baseline !== 'population') {
        throw new UsageError('--baseline must be margins or population');
      }
      const replications = whole(v.replications, 'replications', 0, 99_999);
      const seed = whole(v.seed, 'seed', 0, 2 ** 32 - 1);
      const file = await readInput(v.input);
      // The scan works on countries: the series summed over exploitation type.
      const { regions, unknown } = countryRegions(file.totals.map((s) => s.key.country!));
      if (unknown.length > 0) {
        throw new InsightsCliError(
          `no boundary in the shipped map (Natural Earth) for ${unknown.join(', ')}; remove ${unknown.length === 1 ? 'this country' : 'these countries'} or use a finer input`,
        );
      }
      let baseline: ScanBaseline = { kind: 'margins' };
      if (v.baseline === 'population') {
        const missing = regions.filter((r) => !populationOf(r.id)).map((r) => r.id);
        if (missing.length > 0) {
          throw new InsightsCliError(
            `no population in the shipped table for ${missing.join(', ')}; use --baseline margins`,
          );
        }
        baseline = { kind: 'population', population: regions.map((r) => populationOf(r.id)!) };
      }
      const result = spaceTimeScan({
        regions,
        periods: file.periods,
        counts: file.totals.map((s) => s.counts),
        baseline,
        ...(replications !== undefined ? { replications } : {}),
        ...(seed !== undefined ? { seed } : {}),
      });
      const clusters = result.clusters.map((c) => ({
        countries: [...c.regions],
        start: c.start,
        end: c.end,
        observed: c.observed,
        expected: r4(c.expected),
        relativeRisk: r4(c.relativeRisk),
        logLikelihoodRatio: r4(c.logLikelihoodRatio),
        p: c.p,
      }));
      const out = {
        ...(file.granularity === 'year' ? { granularity: 'year' } : {}),
        ...(file.format !== 'counts' ? { skipped: file.skipped } : {}),
        baseline: v.baseline,
        replications: result.replications,
        clusters,
      };
      finite(out, 'clusters');
      if (v.json) io.out(JSON.stringify(out));
      else {
        skippedNote(io, file);
        io.out(
          `${clusters.length} cluster${clusters.length === 1 ? '' : 's'} over ${regions.length} countries and ${file.periods.length} ${file.granularity}${file.periods.length === 1 ? '' : 's'} (${result.replications} replications; most likely first)`,
        );
        if (clusters.length > 0) {
          io.out(
            table([
              ['countries', 'from', 'to', 'observed', 'expected', 'RR', 'LLR', 'p'],
              ...clusters.map((c) => [
                c.countries.join(' '),
                c.start,
                c.end,
                String(c.observed),
                c.expected.toFixed(2),
                c.relativeRisk.toFixed(2),
                c.logLikelihoodRatio.toFixed(2),
                String(c.p),
              ]),
            ]),
          );
        }
      }
      return 0;
    }),
};

export const insightsCommands: Command[] = [insightsTrendsCommand, insightsHotspotsCommand];
