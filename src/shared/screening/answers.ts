import { z } from 'zod';
import type { FieldIssue } from '../api/errors.ts';
import { isCountryCode } from '../codes/countries.ts';
import { ScreeningError } from './errors.ts';

/** Age in years, 0–120; null when not known. */
export const ageAnswer = () =>
  z
    .number({ error: 'must be a number of years, or null when not known' })
    .min(0, { error: 'must be an age from 0 to 120' })
    .max(120, { error: 'must be an age from 0 to 120' })
    .nullable();

/** One code out of `codes`; anything else names the code that was not recognised. */
export const codeAnswer = <T extends string>(codes: readonly T[]) =>
  z.enum(codes as [T, ...T[]], {
    error: (iss) =>
      `unknown code ${JSON.stringify(iss.input)}; expected one of: ${codes.join(', ')}`,
  });

/** A list of codes; duplicates are dropped. */
export const codeListAnswer = <T extends string>(codes: readonly T[]) =>
  z
    .array(codeAnswer(codes), { error: 'must be a list of codes' })
    .transform((xs) => [...new Set(xs)]);

export const TRI = ['yes', 'no', 'unknown'] as const;
export type Tri = (typeof TRI)[number];
export const triAnswer = () => codeAnswer(TRI);

/** ISO 3166-1 alpha-2, upper case; null when not known. */
export const countryAnswer = () =>
  z
    .string({ error: 'must be an ISO 3166-1 alpha-2 country code' })
    .refine(isCountryCode, { error: 'must be an ISO 3166-1 alpha-2 country code, e.g. "NG"' })
    .nullable();

/** Every answers object may say which instrument version it was given for. */
export const versionAnswer = () => z.string({ error: 'must be a version string' }).optional();

/** `means[2]`-style path of a zod issue. */
export function pathOf(path: readonly PropertyKey[]): string {
  return path
    .map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`))
    .join('');
}

function toIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.flatMap((iss): FieldIssue[] => {
    if (iss.code === 'unrecognized_keys') {
      return iss.keys.map((k) => ({
        path: pathOf([...iss.path, k]),
        message: 'is not an answer of this instrument',
      }));
    }
    const message =
      iss.path.length === 0 && iss.code === 'invalid_type'
        ? 'answers must be a JSON object'
        : iss.message;
    return [{ path: pathOf(iss.path), message }];
  });
}

/** Parses answers with the instrument's schema, or throws a ScreeningError naming each field. */
export function parseAnswers<T>(schema: z.ZodType<T>, raw: unknown): T {
  const r = schema.safeParse(raw);
  if (!r.success) throw new ScreeningError('invalid_answers', toIssues(r.error));
  return r.data;
}

/** Throws when the answers say they were given for another version of the instrument. */
export function checkVersion(declared: string | undefined, version: string, id: string): void {
  if (declared !== undefined && declared !== version) {
    throw new ScreeningError('version_mismatch', [
      {
        path: 'version',
        message: `answers were given for ${id} version ${declared}, not version ${version}`,
      },
    ]);
  }
}

/** Throws for codes listed both as present and as unknown. */
export function checkDisjoint(
  present: readonly string[],
  unknown: readonly string[],
  field: string,
): void {
  const both = new Set(present);
  const issues = unknown.flatMap((c, i) =>
    both.has(c)
      ? [{ path: `${field}[${i}]`, message: `"${c}" is listed both as present and as unknown` }]
      : [],
  );
  if (issues.length > 0) throw new ScreeningError('invalid_answers', issues);
}
