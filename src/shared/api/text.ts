import { z } from 'zod';

// C0 controls other than tab, line feed and carriage return; DEL; C1 controls; and the
// replacement character, which is what invalid UTF-8 decodes to.
/* eslint-disable no-control-regex -- finding control characters is the point of these two */
const FORBIDDEN_SINGLE_LINE = /[\u0000-\u001f\u007f-\u009f\ufffd]/u;
const FORBIDDEN_MULTI_LINE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufffd]/u;
/* eslint-enable no-control-regex */
// Lone surrogates cannot be stored as UTF-8.
const LONE_SURROGATE = /\p{Surrogate}/u;

/** A single-line text field: trimmed, NFC-normalised, no control characters, at most `max` chars. */
export const line = (max: number) =>
  z
    .string()
    // A first, looser bound before normalising (NFC can shorten, trimming drops spaces); its
    // message states the real limit, and so does the documented maxLength.
    .max(max * 4, { message: `must be at most ${max} characters` })
    .transform((s) => s.normalize('NFC').trim())
    .pipe(
      z
        .string()
        .max(max, { message: `must be at most ${max} characters` })
        .refine((s) => !FORBIDDEN_SINGLE_LINE.test(s) && !LONE_SURROGATE.test(s), {
          message: 'must not contain control characters',
        }),
    )
    .meta({ maxLength: max });

/** A multi-line text field (notes): as `line`, but line breaks and tabs are allowed. */
export const text = (max: number) =>
  z
    .string()
    // A first, looser bound before normalising (NFC can shorten, trimming drops spaces); its
    // message states the real limit, and so does the documented maxLength.
    .max(max * 4, { message: `must be at most ${max} characters` })
    .transform((s) => s.normalize('NFC').trim())
    .pipe(
      z
        .string()
        .max(max, { message: `must be at most ${max} characters` })
        .refine((s) => !FORBIDDEN_MULTI_LINE.test(s) && !LONE_SURROGATE.test(s), {
          message: 'must not contain control characters',
        }),
    )
    .meta({ maxLength: max });

/**
 * A calendar date `YYYY-MM-DD` that exists (2023-02-30 is refused). Year 0000 is refused too:
 * the Gregorian calendar has none, and PostgreSQL rejects it as a `date`.
 */
export const isoDate = () =>
  z.iso.date({ message: 'must be a date as YYYY-MM-DD' }).refine(
    (s) => {
      const d = new Date(`${s}T00:00:00Z`);
      return (
        !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s && !s.startsWith('0000')
      );
    },
    { message: 'is not a real calendar date' },
  );
