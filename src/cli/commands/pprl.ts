import { randomBytes } from 'node:crypto';
import { chmod, readFile, stat, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import type { CliIo, Command } from '../command.ts';
import { UsageError } from '../command.ts';
import { PprlCsvError, readPprlCsv } from '../../shared/linkage/pprl/csv.ts';
import {
  DEFAULT_SCHEMA,
  DEFAULT_THRESHOLD,
  MIN_SECRET_BYTES,
  PprlFileError,
  PprlSchemaError,
  encodeFieldRecords,
  matchEncodings,
  parseEncodingFile,
  toEncodingFileJson,
  validateSchema,
} from '../../shared/linkage/pprl/index.ts';
import type { Blocking, PprlSchema } from '../../shared/linkage/pprl/index.ts';
import { Uuid } from '../../shared/api/common.schema.ts';
import { SYSTEM } from '../../server/db/database.ts';
import { withSystemExchange } from '../../server/exchange/exchange-context.ts';
import { findOrganisation } from '../../server/organisations/organisations.repo.ts';
import { encodeOrganisationCases } from '../../server/reunite/pprl.service.ts';
import { withRuntime } from '../runtime-args.ts';

// Privacy-preserving record linkage between two data holders (docs/pprl.md): each encodes its
// own records locally under a shared secret; the linking party runs `match` on encodings only.

function flags<
  T extends Record<string, { type: 'string' | 'boolean'; default?: string | boolean }>,
>(args: string[], options: T) {
  try {
    return parseArgs({ args, options, strict: true, allowPositionals: false }).values;
  } catch (e) {
    throw new UsageError(e instanceof Error ? e.message : String(e));
  }
}

const fileError = (what: string, path: string, e: unknown): string => {
  const code = (e as NodeJS.ErrnoException).code;
  const why = code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : code;
  return `cannot read the ${what} ${path}: ${why ?? 'unreadable'}`;
};

/** Reads a key written by `pprl keygen`: hexadecimal, at least 128 bits. */
async function readSecret(path: string, io: CliIo): Promise<Uint8Array> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
    // The key lets anyone holding an encoding file test guesses against it: warn when others can read it.
    if (process.platform !== 'win32' && ((await stat(path)).mode & 0o077) !== 0)
      io.err(
        `lantern pprl: warning: the secret file ${path} is readable by other users (chmod 600 it)`,
      );
  } catch (e) {
    throw new PprlCliError(fileError('secret file', path, e));
  }
  const hex = text.trim();
  if (!/^(?:[0-9a-fA-F]{2})+$/.test(hex) || hex.length < MIN_SECRET_BYTES * 2)
    throw new PprlCliError(
      `the secret file ${path} is not a key made by "lantern pprl keygen" (at least ${MIN_SECRET_BYTES * 2} hexadecimal digits)`,
    );
  return Buffer.from(hex, 'hex');
}

async function readSchema(path: string | undefined): Promise<PprlSchema> {
  if (path === undefined) return DEFAULT_SCHEMA;
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    throw new PprlCliError(fileError('schema file', path, e));
  }
  try {
    return validateSchema(JSON.parse(text));
  } catch (e) {
    if (e instanceof SyntaxError) throw new PprlCliError(`the schema file ${path} is not JSON`);
    if (e instanceof PprlSchemaError) throw new PprlCliError(`${path}: ${e.message}`);
    throw e;
  }
}

class PprlCliError extends Error {}

const BLOCKINGS: readonly Blocking[] = ['auto', 'none', 'hlsh'];

/** Runs a sub-command, turning the module's own refusals into a message and exit code 1. */
async function guarded(io: CliIo, fn: () => Promise<number>): Promise<number> {
  try {
    return await fn();
  } catch (e) {
    if (
      e instanceof PprlCliError ||
      e instanceof PprlFileError ||
      e instanceof PprlCsvError ||
      e instanceof PprlSchemaError
    ) {
      io.err(`lantern pprl: ${e.message}`);
      return 1;
    }
    throw e;
  }
}

export const pprlKeygenCommand: Command = {
  path: ['pprl', 'keygen'],
  summary:
    'Write a new 256-bit secret for privacy-preserving linkage (share it with the other data holder only)',
  usage: 'pprl keygen --out KEY',
  run: (args, io) =>
    guarded(io, async () => {
      const v = flags(args, { out: { type: 'string' } });
      if (!v.out) throw new UsageError('--out KEY is required');
      try {
        // 'wx': never overwrite a key; encodings made under it would become unmatchable.
        await writeFile(v.out, `${randomBytes(32).toString('hex')}\n`, { flag: 'wx', mode: 0o600 });
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'EEXIST')
          throw new PprlCliError(`${v.out} exists: a key is never overwritten (remove it first)`);
        throw new PprlCliError(fileError('key file', v.out, e).replace('read', 'write'));
      }
      io.out(`wrote a 256-bit secret to ${v.out} (mode 600)`);
      return 0;
    }),
};

export const pprlEncodeCommand: Command = {
  path: ['pprl', 'encode'],
  summary:
    'Encode a CSV of people, or an organisation’s consenting cases, as keyed Bloom filters (ids and encodings only, no names)',
  usage:
    'pprl encode (--input FILE.csv [--id COLUMN] | --org ORG_ID [--data DIR]) --secret-file KEY [--schema SCHEMA.json] --out ENC.json [--json]',
  run: (args, io) =>
    guarded(io, async () => {
      const v = flags(args, {
        input: { type: 'string' },
        org: { type: 'string' },
        data: { type: 'string' },
        'secret-file': { type: 'string' },
        id: { type: 'string' },
        schema: { type: 'string' },
        out: { type: 'string' },
        json: { type: 'boolean', default: false },
      });
      if (v.input && v.org) throw new UsageError('give either --input FILE.csv or --org ORG_ID');
      if (!v.input && !v.org) throw new UsageError('--input FILE.csv or --org ORG_ID is required');
      if (v.org && v.id) throw new UsageError('--id names a CSV column: not with --org');
      if (v.input && v.data) throw new UsageError('--data is for --org only');
      if (!v['secret-file']) throw new UsageError('--secret-file KEY is required');
      if (!v.out) throw new UsageError('--out ENC.json is required');
      const secret = await readSecret(v['secret-file'], io);
      const schema = await readSchema(v.schema);
      if (v.org) return encodeOrganisation(io, v.org, v.data, secret, schema, v.out, v.json);
      if (!v.input) throw new UsageError('--input FILE.csv is required');
      let text: string;
      try {
        text = new TextDecoder('utf-8', { fatal: true }).decode(await readFile(v.input));
      } catch (e) {
        if (e instanceof TypeError) throw new PprlCliError(`${v.input} is not UTF-8 text`);
        throw new PprlCliError(fileError('input file', v.input, e));
      }
      const read = readPprlCsv(text, schema, v.id);
      if (read.faults.length > 0) {
        // All or nothing: a partial file would silently lose people from the linkage.
        for (const f of read.faults) io.err(`lantern pprl: ${v.input} row ${f.row}: ${f.message}`);
        io.err(
          `lantern pprl: ${read.faults.length} row(s) could not be read; nothing was written. Correct them and run again.`,
        );
        return 1;
      }
      const enc = encodeFieldRecords(read.records, { secret, schema });
      await writeFile(v.out, JSON.stringify(toEncodingFileJson(enc)), { mode: 0o600 });
      await chmod(v.out, 0o600);
      const summary = {
        records: enc.ids.length,
        out: v.out,
        fingerprint: enc.fingerprint,
        idColumn: read.idColumn,
        missingColumns: read.missingColumns,
      };
      if (v.json) io.out(JSON.stringify(summary));
      else {
        io.out(
          `encoded ${enc.ids.length} records to ${v.out} (schema ${enc.fingerprint.slice(0, 12)})`,
        );
        if (read.missingColumns.length > 0)
          io.out(`no column for: ${read.missingColumns.join(', ')} (missing in every record)`);
      }
      return 0;
    }),
};

/**
 * `pprl encode --org`: the organisation's cases whose person consents to family tracing now,
 * encoded in one transaction acting for nobody (audited without an actor, as `cases export`).
 * Ids are case references (docs/pprl.md, "Between organisations on Lantern").
 */
async function encodeOrganisation(
  io: CliIo,
  org: string,
  data: string | undefined,
  secret: Uint8Array,
  schema: PprlSchema,
  out: string,
  json: boolean,
): Promise<number> {
  const orgId = Uuid.safeParse(org);
  if (!orgId.success) throw new UsageError('--org must be an organisation id (UUID)');
  const r = await withRuntime(data, async (rt) => {
    const exists = await rt.db.transaction(SYSTEM, (tx) => findOrganisation(tx, orgId.data));
    if (!exists) throw new PprlCliError('no organisation with that id');
    return withSystemExchange(rt.db, rt.keyring, orgId.data, (ctx) =>
      encodeOrganisationCases(ctx, secret, { schema }),
    );
  });
  await writeFile(out, JSON.stringify(r.file), { mode: 0o600 });
  await chmod(out, 0o600);
  if (json)
    io.out(
      JSON.stringify({ encoded: r.encoded, skippedWithoutConsent: r.skippedWithoutConsent, out }),
    );
  else
    io.out(
      `encoded ${r.encoded} cases to ${out} (schema ${r.file.fingerprint.slice(0, 12)}); ` +
        `${r.skippedWithoutConsent} without family-tracing consent were left out`,
    );
  return 0;
}

export const pprlMatchCommand: Command = {
  path: ['pprl', 'match'],
  summary: 'Link two encoding files by Dice similarity (one-to-one); sees encodings only',
  usage:
    'pprl match --a ENC.json --b ENC.json [--threshold 0.8] [--blocking auto|none|hlsh] [--json]',
  run: (args, io) =>
    guarded(io, async () => {
      const v = flags(args, {
        a: { type: 'string' },
        b: { type: 'string' },
        threshold: { type: 'string' },
        blocking: { type: 'string', default: 'auto' },
        json: { type: 'boolean', default: false },
      });
      if (!v.a || !v.b) throw new UsageError('--a ENC.json and --b ENC.json are required');
      const threshold = v.threshold === undefined ? DEFAULT_THRESHOLD : Number(v.threshold);
      if (!(threshold > 0 && threshold <= 1))
        throw new UsageError('--threshold must be a number above 0 and at most 1');
      const blocking = BLOCKINGS.find((x) => x === v.blocking);
      if (!blocking) throw new UsageError('--blocking must be auto, none or hlsh');
      const started = performance.now();
      const load = async (path: string, label: string) => {
        let text: string;
        try {
          text = await readFile(path, 'utf8');
        } catch (e) {
          throw new PprlCliError(fileError('encoding file', path, e));
        }
        return parseEncodingFile(text, `${label} (${path})`);
      };
      const a = await load(v.a, 'A');
      const b = await load(v.b, 'B');
      const r = matchEncodings(a, b, { threshold, blocking });
      const seconds = Math.round((performance.now() - started) / 10) / 100;
      if (v.json) {
        io.out(
          JSON.stringify({
            matches: r.matches,
            seconds,
            threshold,
            comparisons: r.comparisons,
            blocking: r.blocking,
          }),
        );
      } else {
        for (const [x, y, d] of r.matches) io.out(`${x}\t${y}\t${d}`);
        io.err(
          `${r.matches.length} matches at Dice ≥ ${threshold}, ${r.comparisons} comparisons, ${seconds} s`,
        );
      }
      return 0;
    }),
};

export const pprlCommands: Command[] = [pprlKeygenCommand, pprlEncodeCommand, pprlMatchCommand];
