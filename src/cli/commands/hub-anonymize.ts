import { readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Command } from '../command.ts';
import { UsageError } from '../command.ts';
import { parse } from '../runtime-args.ts';
import { csvField, detectDelimiter } from '../../shared/exchange/csv.ts';
import type { Hierarchies, Hierarchy } from '../../shared/hub/anonymize/index.ts';
import {
  AnonymizeError,
  anonymize,
  ctdcHierarchies,
  DEFAULT_SUPPRESSION_LIMIT,
  hierarchyColumnOfFile,
  hierarchyFromCsv,
} from '../../shared/hub/anonymize/index.ts';
import type { Table } from '../../shared/hub/table.ts';
import { readTable } from '../../shared/hub/table.ts';

const USAGE =
  "hub anonymize --input FILE --qi COL,COL,... --k K [--l L --sensitive COL] [--hierarchies DIR] [--suppression-limit 0.05] [--delimiter ';'] --out FILE [--json]";

async function readText(path: string, what: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (e) {
    throw new AnonymizeError(
      `cannot read the ${what} ${path}: ${(e as NodeJS.ErrnoException).code ?? 'error'}`,
    );
  }
}

/** ARX hierarchy files (`*_hierarchy_<column>.csv`) in `dir` for the quasi-identifiers. */
async function hierarchiesIn(dir: string, qi: readonly string[]): Promise<Hierarchies> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (e) {
    throw new AnonymizeError(
      `cannot read the hierarchy folder ${dir}: ${(e as NodeJS.ErrnoException).code ?? 'error'}`,
    );
  }
  const out = new Map<string, Hierarchy>();
  for (const name of names.sort()) {
    const column = hierarchyColumnOfFile(name);
    if (column === null || !qi.includes(column)) continue;
    if (out.has(column))
      throw new AnonymizeError(`two hierarchy files in ${dir} are for column "${column}"`);
    const text = await readText(join(dir, name), 'hierarchy file');
    out.set(column, hierarchyFromCsv(column, text, detectDelimiter(text)));
  }
  for (const c of qi) {
    if (!out.has(c))
      throw new AnonymizeError(
        `no hierarchy for the quasi-identifier "${c}" (expected a file named *_hierarchy_${c}.csv in ${dir})`,
      );
  }
  return out;
}

function delimiterOf(value: string | undefined): ',' | ';' | undefined {
  if (value === undefined) return undefined;
  if (value === ',' || value === ';') return value;
  throw new UsageError('--delimiter must be , or ;');
}

function number(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n)) throw new UsageError(`${flag} must be a number`);
  return n;
}

/** The release as CSV in the input's delimiter: header first, LF line ends, no byte order mark. */
function csvOf(table: Table, delimiter: ',' | ';'): string {
  const line = (cells: readonly string[]) => cells.map(csvField).join(delimiter);
  return [table.columns, ...table.rows].map(line).join('\n') + '\n';
}

/**
 * `lantern hub anonymize`: k-anonymises a CSV file (docs/anonymisation.md). Every error (k
 * below 2, an unknown column, a value a hierarchy does not cover, a missing file, no
 * generalisation within the suppression limit) is reported before anything is written; the
 * output is written to a temporary file and renamed, so it never exists half-written.
 */
export const hubAnonymizeCommand: Command = {
  path: ['hub', 'anonymize'],
  summary:
    'k-anonymise a CSV file (generalisation + suppression, optional l-diversity); writes the release and prints risk and utility',
  usage: USAGE,
  async run(args, io) {
    const started = performance.now();
    const { values } = parse(args, {
      input: { type: 'string' },
      qi: { type: 'string' },
      k: { type: 'string' },
      l: { type: 'string' },
      sensitive: { type: 'string' },
      hierarchies: { type: 'string' },
      'suppression-limit': { type: 'string' },
      delimiter: { type: 'string' },
      out: { type: 'string' },
      json: { type: 'boolean', default: false },
    });
    if (!values.input) throw new UsageError('--input is required');
    if (!values.out) throw new UsageError('--out is required');
    if (!values.qi) throw new UsageError('--qi is required (comma-separated column names)');
    if (values.k === undefined) throw new UsageError('--k is required');
    if ((values.l === undefined) !== (values.sensitive === undefined))
      throw new UsageError('--l and --sensitive go together');
    const qi = values.qi
      .split(',')
      .map((c) => c.trim())
      .filter((c) => c !== '');
    const k = number(values.k, '--k')!;
    const l = number(values.l, '--l');
    const suppressionLimit =
      number(values['suppression-limit'], '--suppression-limit') ?? DEFAULT_SUPPRESSION_LIMIT;
    const given = delimiterOf(values.delimiter);
    if (!Number.isInteger(k) || k < 2)
      throw new AnonymizeError(`k must be a whole number of at least 2 (got ${values.k})`);

    const text = await readText(values.input, 'input file');
    const delimiter = given ?? detectDelimiter(text);
    const input = readTable(text, delimiter);
    for (const c of qi) {
      if (!input.columns.includes(c))
        throw new AnonymizeError(
          `unknown quasi-identifier column "${c}" (the file has: ${input.columns.join(', ')})`,
        );
    }
    const hierarchies = values.hierarchies
      ? await hierarchiesIn(values.hierarchies, qi)
      : ctdcHierarchies();
    const result = anonymize(input, {
      qi,
      k,
      hierarchies,
      suppressionLimit,
      ...(l !== undefined && values.sensitive !== undefined
        ? { l: { sensitive: values.sensitive, l } }
        : {}),
    });

    const temporary = `${values.out}.${process.pid}.tmp`;
    try {
      await writeFile(temporary, csvOf(result.table, delimiter), 'utf8');
      await rename(temporary, values.out);
    } catch (e) {
      await rm(temporary, { force: true });
      throw new AnonymizeError(
        `cannot write ${values.out}: ${(e as NodeJS.ErrnoException).code ?? 'error'}`,
      );
    }
    const seconds = Math.round(performance.now() - started) / 1000;
    const summary = {
      k: result.k,
      suppressed: result.suppressed,
      informationLoss: result.informationLoss,
      seconds,
      records: input.rows.length,
      released: result.table.rows.length,
      suppressionLimit,
      ...(l !== undefined ? { l, sensitive: values.sensitive } : {}),
      levels: result.levels,
      lattice: {
        nodes: result.search.nodes,
        checked: result.search.checked,
        seconds: Math.round(result.search.seconds * 1000) / 1000,
      },
      risk: result.risk,
      riskBefore: result.riskBefore,
      utility: result.utility,
    };
    if (values.json) io.out(JSON.stringify(summary));
    else {
      io.out(
        `${summary.released} of ${summary.records} records written to ${values.out}, ${summary.suppressed} suppressed; ` +
          `every combination of ${qi.join(', ')} occurs at least ${k} times`,
      );
      io.out(
        `information loss ${result.informationLoss.toFixed(4)}; levels ${JSON.stringify(result.levels)}; ${seconds} s`,
      );
    }
    return 0;
  },
};
