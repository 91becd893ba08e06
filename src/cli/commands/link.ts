import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { CliIo, Command } from '../command.ts';
import { UsageError } from '../command.ts';
import { parse } from '../runtime-args.ts';
import { recordsFromCsv, type CsvRecords } from '../../shared/linkage/csv-records.ts';
import { dedupeRecords, linkRecords } from '../../shared/linkage/engine.ts';
import { pprlLink } from '../../shared/linkage/pprl/index.ts';
import type { LinkRecord } from '../../shared/linkage/types.ts';

const LINK_USAGE =
  'link --a FILE --b FILE [--mode plain|pprl] [--id COLUMN] [--threshold P] [--json]';
const DEDUPE_USAGE = 'dedupe --input FILE [--id COLUMN] [--threshold P] [--json]';

interface FileErrors {
  file: string;
  row: number;
  message: string;
}

async function readRecords(io: CliIo, path: string, id: string | undefined) {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    throw new Error(`cannot read ${path}: ${(e as NodeJS.ErrnoException).code ?? 'error'}`, {
      cause: e,
    });
  }
  const parsed: CsvRecords = recordsFromCsv(text, { idColumn: id });
  // Each unreadable row is named on standard error (and in the JSON): never a silent drop.
  for (const e of parsed.errors) io.err(`lantern: ${path} row ${e.row}: ${e.message}`);
  return parsed;
}

function threshold(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const t = Number(value);
  if (!Number.isFinite(t) || t <= 0 || t >= 1)
    throw new UsageError('--threshold must be a probability between 0 and 1 (exclusive)');
  return t;
}

/**
 * The PPRL encoder reads address fields from `identifiers` and the suburb and state from the
 * first place; the CSV reader keeps them as generic `attributes`. Copy them across.
 */
function forPprl(r: LinkRecord): LinkRecord {
  const attrs = r.attributes ?? {};
  const identifiers = { ...r.identifiers };
  for (const k of ['postcode', 'street_number', 'address_1', 'address_2']) {
    if (attrs[k] !== undefined) identifiers[k] = attrs[k];
  }
  const place = r.places[0] ?? { country: null, adminArea: null, locality: null };
  const places =
    attrs.suburb !== undefined || attrs.state !== undefined
      ? [
          {
            ...place,
            locality: place.locality ?? attrs.suburb ?? null,
            adminArea: place.adminArea ?? attrs.state ?? null,
          },
        ]
      : r.places;
  return { ...r, identifiers, places };
}

const seconds = (started: number) => Math.round((performance.now() - started) / 10) / 100;

export const linkCommand: Command = {
  path: ['link'],
  summary: 'Link two CSV files of person records (FEBRL layout or common headers)',
  usage: LINK_USAGE,
  async run(args, io) {
    const { values } = parse(args, {
      a: { type: 'string' },
      b: { type: 'string' },
      mode: { type: 'string', default: 'plain' },
      id: { type: 'string' },
      threshold: { type: 'string' },
      json: { type: 'boolean', default: false },
    });
    if (!values.a || !values.b) throw new UsageError('--a and --b are required');
    if (values.mode !== 'plain' && values.mode !== 'pprl')
      throw new UsageError('--mode must be plain or pprl');
    const t = threshold(values.threshold);
    const started = performance.now();
    const a = await readRecords(io, values.a, values.id);
    const b = await readRecords(io, values.b, values.id);
    const errors: FileErrors[] = [
      ...a.errors.map((e) => ({ file: values.a!, ...e })),
      ...b.errors.map((e) => ({ file: values.b!, ...e })),
    ];
    let matches: [string, string, number][];
    if (values.mode === 'pprl') {
      // Both lists are at hand, so a one-off secret serves: the encodings never leave the process.
      matches = pprlLink(a.records.map(forPprl), b.records.map(forPprl), {
        secret: randomBytes(32),
        ...(t !== undefined ? { threshold: t } : {}),
      }).matches;
    } else {
      matches = linkRecords(a.records, b.records, t !== undefined ? { threshold: t } : {}).matches;
    }
    const took = seconds(started);
    if (values.json) io.out(JSON.stringify({ matches, seconds: took, errors }));
    else {
      for (const [x, y, s] of matches) io.out(`${x}\t${y}\t${s}`);
      io.err(`lantern link: ${matches.length} matches in ${took} s`);
    }
    return 0;
  },
};

export const dedupeCommand: Command = {
  path: ['dedupe'],
  summary: 'Find records of the same person within one CSV file',
  usage: DEDUPE_USAGE,
  async run(args, io) {
    const { values } = parse(args, {
      input: { type: 'string' },
      id: { type: 'string' },
      threshold: { type: 'string' },
      json: { type: 'boolean', default: false },
    });
    if (!values.input) throw new UsageError('--input is required');
    const t = threshold(values.threshold);
    const started = performance.now();
    const parsed = await readRecords(io, values.input, values.id);
    const { clusters } = dedupeRecords(parsed.records, t !== undefined ? { threshold: t } : {});
    const took = seconds(started);
    const errors = parsed.errors.map((e) => ({ file: values.input!, ...e }));
    if (values.json) io.out(JSON.stringify({ clusters, seconds: took, errors }));
    else {
      for (const c of clusters) io.out(c.join('\t'));
      io.err(`lantern dedupe: ${clusters.length} clusters in ${took} s`);
    }
    return 0;
  },
};

export const linkCommands: Command[] = [linkCommand, dedupeCommand];
