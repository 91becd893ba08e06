/**
 * The encoding file that a data holder hands to the linking party: the schema, its fingerprint,
 * the key check, record ids and base64 encodings. No names, dates or other field values.
 */
import { fromBase64, toBase64 } from './bits.ts';
import type { PprlSchema } from './schema.ts';
import { PprlSchemaError, encodedBits, schemaFingerprint, validateSchema } from './schema.ts';

export const ENCODING_FORMAT = 'lantern-pprl-encodings';

/** Encodings in memory. */
export interface PprlEncodings {
  schema: PprlSchema;
  fingerprint: string;
  keyCheck: string;
  bits: number;
  ids: string[];
  vectors: Uint32Array[];
}

/** The file's JSON. */
export interface PprlEncodingFileJson {
  format: typeof ENCODING_FORMAT;
  version: 1;
  fingerprint: string;
  keyCheck: string;
  bits: number;
  count: number;
  schema: PprlSchema;
  records: [id: string, clk: string][];
}

/** Refusal of an encoding file or of a pair of files, with a message fit for the user. */
export class PprlFileError extends Error {}

export function toEncodingFileJson(e: PprlEncodings): PprlEncodingFileJson {
  return {
    format: ENCODING_FORMAT,
    version: 1,
    fingerprint: e.fingerprint,
    keyCheck: e.keyCheck,
    bits: e.bits,
    count: e.ids.length,
    schema: e.schema,
    records: e.ids.map((id, i) => [id, toBase64(e.vectors[i]!)]),
  };
}

/** Reads and checks an encoding file's JSON text; `label` names the file in messages. */
export function parseEncodingFile(text: string, label: string): PprlEncodings {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new PprlFileError(`${label}: not JSON (expected a lantern pprl encoding file)`);
  }
  const o = raw as Partial<Record<keyof PprlEncodingFileJson, unknown>>;
  if (typeof raw !== 'object' || raw === null || o.format !== ENCODING_FORMAT)
    throw new PprlFileError(`${label}: not a lantern pprl encoding file (format is missing)`);
  if (o.version !== 1) throw new PprlFileError(`${label}: unsupported version (expected 1)`);
  let schema: PprlSchema;
  try {
    schema = validateSchema(o.schema);
  } catch (e) {
    if (e instanceof PprlSchemaError) throw new PprlFileError(`${label}: ${e.message}`);
    throw e;
  }
  const fingerprint = schemaFingerprint(schema);
  if (o.fingerprint !== fingerprint)
    throw new PprlFileError(
      `${label}: the schema fingerprint does not match the schema in the file (edited or damaged)`,
    );
  if (typeof o.keyCheck !== 'string' || !/^[0-9a-f]{32}$/.test(o.keyCheck))
    throw new PprlFileError(`${label}: keyCheck is missing or malformed`);
  const bits = encodedBits(schema);
  if (o.bits !== bits) throw new PprlFileError(`${label}: bits must be ${bits} for its schema`);
  if (!Array.isArray(o.records)) throw new PprlFileError(`${label}: records must be a list`);
  if (o.count !== o.records.length)
    throw new PprlFileError(
      `${label}: count says ${String(o.count)}, the file has ${o.records.length} records`,
    );
  const ids: string[] = [];
  const vectors: Uint32Array[] = [];
  const seen = new Set<string>();
  o.records.forEach((r: unknown, i) => {
    const where = `${label}: records[${i}]`;
    if (!Array.isArray(r) || r.length !== 2 || typeof r[0] !== 'string' || r[0] === '')
      throw new PprlFileError(`${where} must be [id, encoding] with a non-empty id`);
    if (seen.has(r[0])) throw new PprlFileError(`${where}: the id repeats an earlier record`);
    const v = fromBase64(r[1] as string, bits);
    if (!v) throw new PprlFileError(`${where}: the encoding is not ${bits} bits of base64`);
    seen.add(r[0]);
    ids.push(r[0]);
    vectors.push(v);
  });
  return { schema, fingerprint, keyCheck: o.keyCheck, bits, ids, vectors };
}

/** Two encodings can be compared only under the same schema and the same key. */
export function assertComparable(a: PprlEncodings, b: PprlEncodings): void {
  if (a.fingerprint !== b.fingerprint) {
    const describe = (e: PprlEncodings) =>
      `fingerprint ${e.fingerprint.slice(0, 12)}…, l=${e.schema.l}, hashing=${e.schema.hashing}, ` +
      `features ${e.schema.features.map((f) => `${f.name}:${f.bits}`).join(' ')}`;
    throw new PprlFileError(
      'the two encodings were made with different schemas or parameters and cannot be compared ' +
        `(A: ${describe(a)}; B: ${describe(b)}). Both parties must encode with the same schema.`,
    );
  }
  if (a.keyCheck !== b.keyCheck)
    throw new PprlFileError(
      'the two encodings were made under different secrets and cannot be compared: both parties ' +
        'must encode with the same shared secret file.',
    );
}
