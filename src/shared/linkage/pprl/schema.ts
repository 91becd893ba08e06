/**
 * The linkage schema: what both data holders agree on before encoding (fields, q-grams, bits per
 * field, hashing, hardening). Modelled on clkhash's linkage schema v3
 * (https://clkhash.readthedocs.io/en/stable/schema.html): a fixed number of bits per feature
 * ("bitsPerFeature" strategy) so that a long name does not outweigh a short one and the
 * weight of each field is chosen, not accidental. The SHA-256 of the canonical schema is the
 * fingerprint written into every encoding file; files with different fingerprints never meet.
 */
import { createHash } from 'node:crypto';
import { featureTokens } from './tokens.ts';

/**
 * How a field becomes tokens:
 * - `name`: normalised (transliterated to Latin, lower case, letters only), padded bigrams;
 *   optionally (`crossScript`) also bigrams of each word's consonant skeleton and phonetic
 *   code from the names module, so that spellings across scripts meet.
 * - `text`: as `name` without the skeleton (places, addresses).
 * - `date`: a partial date as separate year, month and day tokens (a wrong day costs one token).
 * - `digits`: positional digits (postcodes, house numbers), as clkhash's positional unigrams.
 * - `exact`: the whole normalised value as one token (sex, country codes).
 */
export type PprlFeatureKind = 'name' | 'text' | 'date' | 'digits' | 'exact';

export interface PprlFeature {
  /** The field's name: a LinkRecord field (see fields.ts) or an identifier key. */
  name: string;
  kind: PprlFeatureKind;
  /** Hash positions given to the field's tokens in total (clkhash bitsPerFeature). */
  bits: number;
  /** Add cross-script skeleton and phonetic-code bigrams (kind `name` only). */
  crossScript?: boolean;
  /**
   * Features of one group share one hash key, so a value set in the other field of the group
   * sets the same bits: given and family names swapped, address lines swapped. Default: the
   * feature's own name.
   */
  group?: string;
}

export interface PprlHardening {
  /**
   * BLIP (Schnell & Borgs 2016, "Randomized response and balanced Bloom filters for privacy
   * preserving record linkage", ICDMW): each bit is flipped with this probability, independently
   * per record, from a cryptographic random source. 0 disables it.
   */
  blip: number;
  /**
   * XOR-folding (Schnell, Borgs & Encheva 2016, "XOR-folding for Bloom filter-based encryptions
   * for privacy-preserving record linkage", German RLC working paper): the two halves are XORed
   * into one of l/2 bits.
   */
  xorFold: boolean;
  /**
   * Record-level salting (Niedermeyer et al. 2014, Christen et al. 2017): the hash key of the
   * named fields also depends on the value of `saltField` (e.g. the year of birth), so the same
   * q-gram sets different bits in different records. A record whose salt differs no longer
   * matches on the salted fields.
   */
  saltField: string | null;
  saltedFields: string[];
}

export interface PprlSchema {
  /** The schema format: 1. */
  version: 1;
  /** Bits per encoding (before XOR-folding): a multiple of 64. */
  l: number;
  /**
   * `random`: every position of every token from the keyed HMAC stream (Niedermeyer et al. 2014
   * showed double hashing's positions are linearly related and exploitable).
   * `double`: Kirsch & Mitzenmacher (2006) double hashing g_i = h1 + i·h2 mod l, keyed; kept
   * for comparison only.
   */
  hashing: 'random' | 'double';
  features: PprlFeature[];
  hardening: PprlHardening;
}

/**
 * Lantern's schema: names weigh most, then the date of birth, then places; sex weighs little
 * (it rarely distinguishes and is often recorded differently). The address features are read
 * from LinkRecord.identifiers when a data set has them (FEBRL's address columns).
 */
export const DEFAULT_SCHEMA: PprlSchema = {
  version: 1,
  l: 1024,
  hashing: 'random',
  features: [
    { name: 'givenName', kind: 'name', bits: 200, crossScript: true, group: 'name' },
    { name: 'familyName', kind: 'name', bits: 200, crossScript: true, group: 'name' },
    { name: 'birth', kind: 'date', bits: 200 },
    { name: 'sex', kind: 'exact', bits: 50 },
    { name: 'country', kind: 'exact', bits: 50 },
    { name: 'adminArea', kind: 'text', bits: 100 },
    { name: 'locality', kind: 'text', bits: 100 },
    { name: 'postcode', kind: 'digits', bits: 100 },
    { name: 'streetNumber', kind: 'digits', bits: 100 },
    { name: 'address1', kind: 'text', bits: 100, group: 'address' },
    { name: 'address2', kind: 'text', bits: 100, group: 'address' },
  ],
  hardening: { blip: 0.01, xorFold: false, saltField: null, saltedFields: [] },
};

export class PprlSchemaError extends Error {}

const KINDS: readonly PprlFeatureKind[] = ['name', 'text', 'date', 'digits', 'exact'];

/** Checks a schema read from a file or given by a caller; throws PprlSchemaError naming the part. */
export function validateSchema(input: unknown): PprlSchema {
  const fail = (m: string): never => {
    throw new PprlSchemaError(`schema: ${m}`);
  };
  if (typeof input !== 'object' || input === null) fail('not an object');
  const s = input as Record<string, unknown>;
  if (s.version !== 1) fail('version must be 1');
  const l = s.l;
  if (typeof l !== 'number' || !Number.isInteger(l) || l < 64 || l > 65536 || l % 64 !== 0)
    fail('l must be a multiple of 64 between 64 and 65536');
  if (s.hashing !== 'random' && s.hashing !== 'double') fail('hashing must be random or double');
  if (!Array.isArray(s.features) || s.features.length === 0) fail('features must be a list');
  const names = new Set<string>();
  const features = (s.features as unknown[]).map((f, i) => {
    if (typeof f !== 'object' || f === null) return fail(`features[${i}] is not an object`);
    const o = f as Record<string, unknown>;
    if (typeof o.name !== 'string' || o.name === '' || o.name.length > 64)
      fail(`features[${i}].name must be a short text`);
    if (names.has(o.name as string)) fail(`features[${i}].name repeats ${String(o.name)}`);
    names.add(o.name as string);
    if (!KINDS.includes(o.kind as PprlFeatureKind))
      fail(`features[${i}].kind must be one of ${KINDS.join(', ')}`);
    if (typeof o.bits !== 'number' || !Number.isInteger(o.bits) || o.bits < 1 || o.bits > 1000)
      fail(`features[${i}].bits must be a whole number from 1 to 1000`);
    if (o.crossScript !== undefined && typeof o.crossScript !== 'boolean')
      fail(`features[${i}].crossScript must be true or false`);
    if (
      o.group !== undefined &&
      (typeof o.group !== 'string' || o.group === '' || o.group.length > 64)
    )
      fail(`features[${i}].group must be a short text`);
    const feature: PprlFeature = {
      name: o.name as string,
      kind: o.kind as PprlFeatureKind,
      bits: o.bits as number,
    };
    if (feature.kind === 'name') feature.crossScript = o.crossScript === true;
    feature.group = typeof o.group === 'string' ? o.group : feature.name;
    return feature;
  });
  const h = s.hardening as Record<string, unknown> | undefined;
  if (typeof h !== 'object' || h === null) fail('hardening must be an object');
  const hh = h as Record<string, unknown>;
  if (typeof hh.blip !== 'number' || !(hh.blip >= 0 && hh.blip < 0.5))
    fail('hardening.blip must be a probability below 0.5');
  if (typeof hh.xorFold !== 'boolean') fail('hardening.xorFold must be true or false');
  if (hh.saltField !== null && (typeof hh.saltField !== 'string' || !names.has(hh.saltField)))
    fail('hardening.saltField must be null or the name of a feature');
  if (
    !Array.isArray(hh.saltedFields) ||
    !hh.saltedFields.every((x) => typeof x === 'string' && names.has(x) && x !== hh.saltField)
  )
    fail('hardening.saltedFields must name features other than the salt field');
  return {
    version: 1,
    l: l as number,
    hashing: s.hashing as 'random' | 'double',
    features,
    hardening: {
      blip: hh.blip as number,
      xorFold: hh.xorFold as boolean,
      saltField: hh.saltField as string | null,
      saltedFields: [...(hh.saltedFields as string[])],
    },
  };
}

/** Bits of the encodings a schema produces (after folding). */
export const encodedBits = (s: PprlSchema): number => (s.hardening.xorFold ? s.l / 2 : s.l);

/** JSON with object keys sorted: the same text for the same schema on every machine. */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v !== null && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return `{${Object.keys(o)
      .filter((k) => o[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical(o[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v);
}

/**
 * Sample values in several scripts: their tokens go into the fingerprint, so that a release
 * whose tokeniser reads names differently (transliteration tables, the names module) cannot
 * produce encodings that silently fail to meet those of the other party.
 */
const PROBES = [
  'Mohammed al-Rashid',
  'محمد الرشيد',
  'Þórunn Ægisdóttir-Ñúñez',
  'Олександра',
  'ገብረ መድህን',
  'রবীন্দ্রনাথ',
  '2135',
  '1951-11-07',
];

function tokeniserProbe(): string {
  const h = createHash('sha256');
  for (const kind of ['name', 'text', 'digits', 'exact', 'date'] as const)
    for (const crossScript of [false, true])
      for (const v of PROBES)
        h.update(
          `${kind}/${crossScript}/${featureTokens({ name: 'p', kind, bits: 1, crossScript }, v).join('\u0001')}\n`,
        );
  return h.digest('hex');
}

let probe: string | undefined;

/**
 * The schema's fingerprint: hex SHA-256 of its canonical JSON and of the tokens this release's
 * tokeniser makes of the probe values.
 */
export function schemaFingerprint(s: PprlSchema): string {
  probe ??= tokeniserProbe();
  return createHash('sha256')
    .update(`lantern-pprl/v1\n${probe}\n${canonical(validateSchema(s))}`)
    .digest('hex');
}
