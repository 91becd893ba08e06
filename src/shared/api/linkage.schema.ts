import { z } from 'zod';

// Privacy-preserving linkage between organisations (docs/pprl.md, "Between organisations on
// Lantern"): an organisation's consenting cases as keyed Bloom-filter encodings, and the match of
// two encoding files. Neither carries a name, a date or a place: case references and bit arrays.

/** The shared secret: the key file's 64 hexadecimal digits, or the same 32 bytes in base64. */
export const LinkageSecret = z
  .string()
  .trim()
  // 44 base64 characters with one '=' are exactly 32 bytes. No Buffer: this module is shared with the web app.
  .refine((s) => /^[0-9a-fA-F]{64}$/.test(s) || /^[A-Za-z0-9+/]{43}=$/.test(s), {
    message:
      'must be the 32-byte shared secret: the key file of "lantern pprl keygen" (64 hexadecimal digits) or its 32 bytes in base64',
  })
  .meta({
    description:
      'The secret shared with the other organisation only: 64 hexadecimal digits (the content of the key file written by `lantern pprl keygen`) or the same 32 bytes in base64. Never stored or logged.',
    writeOnly: true,
  });

export const EncodingsBody = z
  .strictObject({ secret: LinkageSecret })
  .meta({ id: 'LinkageEncodingsBody' });
export type EncodingsBody = z.infer<typeof EncodingsBody>;

/**
 * An encoding file (src/shared/linkage/pprl/file.ts). The shape is checked here; the schema,
 * its fingerprint, the encodings' lengths and repeated ids are checked by the service, which
 * names the file and record at fault.
 */
export const EncodingFile = z
  .looseObject({
    format: z.literal('lantern-pprl-encodings'),
    version: z.literal(1),
    fingerprint: z.string().regex(/^[0-9a-f]{64}$/),
    keyCheck: z.string().regex(/^[0-9a-f]{32}$/),
    bits: z.number().int().positive(),
    count: z.number().int().min(0),
    schema: z
      .looseObject({})
      .meta({ description: 'The encoding parameters (docs/pprl.md, "Parameters")' }),
    records: z
      .array(z.tuple([z.string().min(1).max(200), z.string().max(10_000)]))
      .meta({ description: '[id, base64 encoding] per record; ids are case references' }),
  })
  .meta({ id: 'LinkageEncodingFile' });
export type EncodingFile = z.infer<typeof EncodingFile>;

export const MatchesBody = z
  .strictObject({
    a: EncodingFile,
    b: EncodingFile,
    threshold: z.number().gt(0).max(1).default(0.8).meta({
      description: 'Dice similarity at or above which two encodings are a match (default 0.8)',
    }),
  })
  .meta({ id: 'LinkageMatchesBody' });
export type MatchesInput = z.input<typeof MatchesBody>;

export const LinkageMatch = z
  .object({
    a: z.string().meta({ description: 'The record id in file a, as it appears there' }),
    b: z.string().meta({ description: 'The record id in file b, as it appears there' }),
    dice: z.number().min(0).max(1),
  })
  .meta({ id: 'LinkageMatch' });

export const MatchesResult = z
  .object({
    matches: z.array(LinkageMatch).meta({ description: 'One to one, most similar first' }),
    threshold: z.number(),
    comparisons: z.number().int(),
    counts: z.object({ a: z.number().int(), b: z.number().int() }),
  })
  .meta({ id: 'LinkageMatchesResult' });
export type MatchesResult = z.infer<typeof MatchesResult>;

/** Largest request body of POST /linkage/matches: two files of ~200 bytes per record. */
export const MATCHES_MAX_BODY_BYTES = 64 * 1024 * 1024;
