import { z } from 'zod';
import { Uuid } from './common.schema.ts';
import { line, text } from './text.ts';

/**
 * Building blocks of the case-record schemas: coded fields that name their list in the error,
 * optional texts where an empty string means "none", ages within 0–120.
 */

type Codes = readonly [string, ...string[]];

/** One value of an HTCDS (or Lantern) code list; the error names the accepted values. */
export const code = <T extends Codes>(values: T, list: string) =>
  z
    .enum(values, {
      message:
        values.length <= 16 ? `must be one of ${values.join(', ')}` : `must be a code of ${list}`,
    })
    .meta({ description: list });

/** A multiselect of a code list: no repeats, empty when absent. */
export const codes = <T extends Codes>(values: T, list: string) =>
  z
    .array(code(values, list))
    .max(values.length)
    .refine((a) => new Set(a).size === a.length, { message: 'must not repeat a value' });

/** An optional single-line text; blank becomes null. */
export const optLine = (max: number) =>
  line(max)
    .nullable()
    .transform((s) => s || null);

/** An optional multi-line text (notes); blank becomes null. */
export const optText = (max: number) =>
  text(max)
    .nullable()
    .transform((s) => s || null);

/** An age in whole years. */
export const Age = z
  .number({ message: 'must be a whole number of years' })
  .int({ message: 'must be a whole number of years' })
  .min(0, { message: 'must be between 0 and 120' })
  .max(120, { message: 'must be between 0 and 120' });

/** A PATCH body must change something. */
export const notEmpty = { message: 'must name at least one field to change' };
export const hasKeys = (o: object) => Object.keys(o).length > 0;

/** Who wrote a record (null when the account is gone). */
export const UserRef = z.object({ id: Uuid, displayName: z.string() }).nullable();
export type UserRef = z.infer<typeof UserRef>;

export const Timestamp = z.iso.datetime();
