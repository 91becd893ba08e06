import { readFile, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import type { CliIo, Command } from '../command.ts';
import { UsageError } from '../command.ts';
import type { DpAggregates } from '../../shared/hub/dp/index.ts';
import {
  AggregateError,
  DEFAULT_DELTA,
  SynthesizeError,
  aggregate,
  synthesize,
} from '../../shared/hub/dp/index.ts';
import type { Table } from '../../shared/hub/table.ts';
import { TableError, readTable, writeTable } from '../../shared/hub/table.ts';

// Differentially private aggregates and synthetic data from a CSV file (docs/differential-privacy.md).
// Everything is computed before anything is written: a refused release writes nothing.

class HubDpCliError extends Error {}

function flags(args: string[]) {
  try {
    return parseArgs({
      args,
      options: {
        input: { type: 'string' },
        epsilon: { type: 'string' },
        delta: { type: 'string' },
        length: { type: 'string' },
        columns: { type: 'string' },
        delimiter: { type: 'string' },
        seed: { type: 'string' },
        out: { type: 'string' },
        empty: { type: 'string' },
        json: { type: 'boolean', default: false },
      },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (e) {
    throw new UsageError(e instanceof Error ? e.message : String(e));
  }
}

type Flags = ReturnType<typeof flags>;

interface Common {
  input: string;
  epsilon: number;
  delta: number;
  length: number | undefined;
  columns: string[] | undefined;
  delimiter: ',' | ';' | undefined;
  seed: number | undefined;
}

function common(v: Flags): Common {
  if (!v.input) throw new UsageError('--input FILE is required');
  if (v.epsilon === undefined) throw new UsageError('--epsilon E is required');
  const epsilon = Number(v.epsilon);
  if (v.epsilon.trim() === '' || !Number.isFinite(epsilon) || epsilon <= 0)
    throw new UsageError('--epsilon must be a number above 0');
  const delta = v.delta === undefined ? DEFAULT_DELTA : Number(v.delta);
  if (v.delta?.trim() === '' || !Number.isFinite(delta) || delta <= 0 || delta >= 1)
    throw new UsageError('--delta must be a number above 0 and below 1');
  let length: number | undefined;
  if (v.length !== undefined) {
    length = Number(v.length);
    if (!/^\d+$/.test(v.length.trim()) || length < 1 || length > 4)
      throw new UsageError('--length must be a whole number from 1 to 4');
  }
  const columns = v.columns?.split(',').map((c) => c.trim());
  if (columns?.some((c) => c === '')) throw new UsageError('--columns has an empty column name');
  if (v.delimiter !== undefined && v.delimiter !== ',' && v.delimiter !== ';')
    throw new UsageError("--delimiter must be ',' or ';'");
  let seed: number | undefined;
  if (v.seed !== undefined) {
    seed = Number(v.seed);
    if (!/^\d+$/.test(v.seed.trim()) || seed > 2 ** 32 - 1)
      throw new UsageError('--seed must be a whole number from 0 to 4294967295');
  }
  return { input: v.input, epsilon, delta, length, columns, delimiter: v.delimiter, seed };
}

async function readInput(path: string, delimiter: ',' | ';' | undefined): Promise<Table> {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(await readFile(path));
  } catch (e) {
    if (e instanceof TypeError) throw new HubDpCliError(`${path} is not UTF-8 text`);
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : code;
    throw new HubDpCliError(`cannot read the input file ${path}: ${why ?? 'unreadable'}`);
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return readTable(text, delimiter);
}

async function write(path: string, text: string): Promise<void> {
  try {
    await writeFile(path, text);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new HubDpCliError(`cannot write ${path}: ${code ?? 'unwritable'}`);
  }
}

/** The aggregates as CSV: length, count, then one column per attribute (blank: not in it). */
export function aggregatesCsv(a: DpAggregates): string {
  const at = new Map(a.columns.map((c, i) => [c, i]));
  const rows = a.combinations.map((comb) => {
    const cells = a.columns.map(() => '');
    for (const it of comb.items) cells[at.get(it.column)!] = it.value;
    return [String(comb.items.length), String(comb.count), ...cells];
  });
  return writeTable({ columns: ['length', 'count', ...a.columns], rows });
}

const seconds = (started: number) => Math.round((performance.now() - started) / 10) / 100;

function summary(a: DpAggregates) {
  return a.parameters.lengths.map((l) => ({
    length: l.length,
    released: l.released,
    sigma: Math.round(l.sigma * 1000) / 1000,
    threshold: Math.round(l.threshold * 1000) / 1000,
    contributionBound: l.contributionBound,
  }));
}

async function guarded(io: CliIo, fn: () => Promise<number>): Promise<number> {
  try {
    return await fn();
  } catch (e) {
    if (
      e instanceof HubDpCliError ||
      e instanceof TableError ||
      e instanceof AggregateError ||
      e instanceof SynthesizeError
    ) {
      io.err(`lantern hub: ${e.message}; nothing was written`);
      return 1;
    }
    throw e;
  }
}

function warnSeed(io: CliIo, seed: number | undefined): void {
  if (seed !== undefined)
    io.err(
      'lantern hub: warning: --seed makes the noise reproducible by anyone who knows the seed; use it for tests only, never for a publication',
    );
}

export const hubAggregateCommand: Command = {
  path: ['hub', 'aggregate'],
  summary:
    'Differentially private counts of all combinations of up to L column values (ε, δ), as CSV or JSON',
  usage:
    "hub aggregate --input FILE.csv --epsilon E --length 1-4 [--delta D] [--columns A,B] [--delimiter ';'] [--seed S] [--out FILE.csv|FILE.json] [--json]",
  run: (args, io) =>
    guarded(io, async () => {
      const v = flags(args);
      const c = common(v);
      if (c.length === undefined) throw new UsageError('--length L is required (1 to 4)');
      const started = performance.now();
      const table = await readInput(c.input, c.delimiter);
      const a = aggregate(table, {
        epsilon: c.epsilon,
        delta: c.delta,
        length: c.length,
        ...(c.columns ? { columns: c.columns } : {}),
        ...(c.seed !== undefined ? { seed: c.seed } : {}),
      });
      warnSeed(io, c.seed);
      if (v.out)
        await write(
          v.out,
          v.out.toLowerCase().endsWith('.json') ? `${JSON.stringify(a)}\n` : aggregatesCsv(a),
        );
      const result = {
        records: a.records,
        columns: a.columns,
        length: a.length,
        combinations: a.combinations.length,
        byLength: summary(a),
        epsilon: a.epsilon,
        delta: a.delta,
        seconds: seconds(started),
        ...(v.out ? { out: v.out } : {}),
      };
      if (v.json) io.out(JSON.stringify(result));
      else {
        io.out(
          `released ${a.combinations.length} combinations of length 1–${a.length} (noisy records ${a.records}) at ε ${a.epsilon}, δ ${a.delta}`,
        );
        for (const l of result.byLength)
          io.out(`  length ${l.length}: ${l.released} released, noise σ ${l.sigma}`);
        if (!v.out) io.out(aggregatesCsv(a));
      }
      return 0;
    }),
};

export const hubSynthesizeCommand: Command = {
  path: ['hub', 'synthesize'],
  summary:
    'Synthetic records drawn from differentially private aggregates alone (aggregate-seeded synthesis)',
  usage:
    "hub synthesize --input FILE.csv --epsilon E --out FILE.csv [--length 1-4] [--delta D] [--columns A,B] [--delimiter ';'] [--empty -99] [--seed S] [--json]",
  run: (args, io) =>
    guarded(io, async () => {
      const v = flags(args);
      const c = common(v);
      if (!v.out) throw new UsageError('--out FILE.csv is required');
      const started = performance.now();
      const table = await readInput(c.input, c.delimiter);
      // Without --length the longest length up to 4 that stays tractable is used.
      const a = aggregate(table, {
        epsilon: c.epsilon,
        delta: c.delta,
        length: c.length ?? 4,
        stopWhenTooMany: c.length === undefined,
        ...(c.columns ? { columns: c.columns } : {}),
        ...(c.seed !== undefined ? { seed: c.seed } : {}),
      });
      const synthetic = synthesize(a, {
        ...(c.seed !== undefined ? { seed: c.seed } : {}),
        ...(v.empty !== undefined ? { emptyValue: v.empty } : {}),
      });
      warnSeed(io, c.seed);
      await write(v.out, writeTable(synthetic));
      const result = {
        rows: synthetic.rows.length,
        columns: synthetic.columns.length,
        length: a.length,
        epsilon: a.epsilon,
        delta: a.delta,
        seconds: seconds(started),
        out: v.out,
      };
      if (v.json) io.out(JSON.stringify(result));
      else
        io.out(
          `wrote ${result.rows} synthetic records to ${v.out} (from aggregates of length 1–${a.length}, ε ${a.epsilon}, δ ${a.delta})`,
        );
      return 0;
    }),
};

export const hubDpCommands: Command[] = [hubAggregateCommand, hubSynthesizeCommand];
