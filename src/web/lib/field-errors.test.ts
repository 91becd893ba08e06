import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/client.ts';
import { fieldErrorsFrom } from './field-errors.ts';

// Renders the key (and count) instead of a translation, so the mapping itself is visible.
const t = ((key: string, options?: { count?: number }) =>
  options?.count === undefined ? key : `${key}:${options.count}`) as unknown as TFunction;

const invalid = (details: unknown) => new ApiError(400, 'validation_failed', 'Invalid', details);

describe('field errors from a 400 response', () => {
  it('maps the server messages to catalogue keys, never showing them raw', () => {
    const errors = fieldErrorsFrom(
      t,
      invalid([
        { path: 'person.givenName', message: 'is required' },
        { path: 'person.phone', message: 'must be a telephone number' },
        { path: 'newPassword', message: 'must be at least 12 characters' },
        { path: 'person.address', message: 'something new the client does not know' },
      ]),
    );
    expect(errors).toEqual({
      'person.givenName': 'fieldErrors.required',
      'person.phone': 'fieldErrors.phone',
      newPassword: 'fieldErrors.tooShort:12',
      'person.address': 'fieldErrors.invalid',
    });
  });

  it('reports an array item on its field, first message first', () => {
    const fieldOf = (p: string) => p.replace(/(\.\d+)+$/, '');
    const errors = fieldErrorsFrom(
      t,
      invalid([
        { path: 'person.aliases.2', message: 'must be at most 200 characters' },
        { path: 'person.aliases.3', message: 'is required' },
      ]),
      fieldOf,
    );
    expect(errors).toEqual({ 'person.aliases': 'fieldErrors.tooLong:200' });
  });

  it('returns null for other errors and for details it cannot read', () => {
    expect(fieldErrorsFrom(t, new ApiError(409, 'conflict', 'Exists'))).toBeNull();
    expect(fieldErrorsFrom(t, invalid('oops'))).toBeNull();
    expect(fieldErrorsFrom(t, new Error('x'))).toBeNull();
  });
});
