import { rename, rm, writeFile } from 'node:fs/promises';
import type { Command } from '../command.ts';
import { UsageError } from '../command.ts';
import { parse } from '../runtime-args.ts';
import {
  MAX_GENERATED_ROWS,
  generateCtdc,
  toSyntheticLayout,
} from '../../shared/hub/ctdc/index.ts';
import { writeTable } from '../../shared/hub/table.ts';

const USAGE = 'hub generate --rows N [--seed S] [--layout global|synthetic] [--out FILE] [--json]';

function wholeNumber(value: string | undefined, flag: string, min: number, max: number) {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (value.trim() === '' || !Number.isSafeInteger(n) || n < min || n > max) {
    throw new UsageError(`${flag} must be a whole number from ${min} to ${max}`);
  }
  return n;
}

const seconds = (started: number) => Math.round((performance.now() - started) / 10) / 100;

/**
 * `lantern hub generate`: synthetic records in a CTDC layout (docs/ctdc-format.md), for tests and
 * benchmarks. They describe no one. The CSV goes to --out (written whole or not at all) or to
 * standard output; with --json the report takes standard output, so --out is then required.
 */
export const hubGenerateCommand: Command = {
  path: ['hub', 'generate'],
  summary:
    'Write synthetic records in the CTDC global (or synthetic) layout, deterministic by seed',
  usage: USAGE,
  async run(args, io) {
    const { values } = parse(args, {
      rows: { type: 'string' },
      seed: { type: 'string', default: '1' },
      layout: { type: 'string', default: 'global' },
      out: { type: 'string' },
      json: { type: 'boolean', default: false },
    });
    const rows = wholeNumber(values.rows, '--rows', 0, MAX_GENERATED_ROWS);
    if (rows === undefined) throw new UsageError('--rows is required');
    const seed = wholeNumber(
      values.seed,
      '--seed',
      Number.MIN_SAFE_INTEGER,
      Number.MAX_SAFE_INTEGER,
    )!;
    if (values.layout !== 'global' && values.layout !== 'synthetic') {
      throw new UsageError('--layout must be global or synthetic');
    }
    if (values.json && !values.out) {
      throw new UsageError(
        '--json needs --out FILE (the CSV and the JSON report cannot share standard output)',
      );
    }

    const started = performance.now();
    const global = generateCtdc({ rows, seed });
    const table = values.layout === 'synthetic' ? toSyntheticLayout(global) : global;
    const csv = writeTable(table);
    if (values.out) {
      // Written beside the target and renamed: a failed run leaves no half-written file.
      const partial = `${values.out}.partial-${process.pid}`;
      try {
        await writeFile(partial, csv);
        await rename(partial, values.out);
      } catch (e) {
        await rm(partial, { force: true });
        io.err(
          `lantern hub generate: cannot write ${values.out}: ${(e as NodeJS.ErrnoException).code ?? 'error'}`,
        );
        return 1;
      }
    } else {
      io.out(csv.replace(/^\ufeff/, ''));
    }
    const took = seconds(started);
    if (values.json) {
      io.out(JSON.stringify({ rows, seed, layout: values.layout, out: values.out, seconds: took }));
    } else if (values.out) {
      io.err(
        `lantern hub generate: ${rows} ${values.layout}-layout records in ${values.out} (${took} s)`,
      );
    }
    return 0;
  },
};
