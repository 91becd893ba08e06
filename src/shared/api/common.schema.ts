import { z } from 'zod';
import { COUNTRY_CODES } from '../codes/countries.ts';
import { ERROR_STATUS } from './errors.ts';

export const Uuid = z.uuid({ message: 'must be a UUID' });

export const CountryCode = z
  .string()
  .transform((s) => s.trim().toUpperCase())
  .pipe(z.enum(COUNTRY_CODES, { message: 'must be an ISO 3166-1 alpha-2 country code' }))
  .meta({ description: 'ISO 3166-1 alpha-2 country code', example: 'NG' });

export const IdParams = z.strictObject({ id: Uuid });

export const ErrorResponse = z
  .object({
    error: z.object({
      code: z.enum(Object.keys(ERROR_STATUS) as [keyof typeof ERROR_STATUS]),
      message: z.string(),
      details: z.unknown().optional(),
    }),
  })
  .meta({ id: 'Error' });
