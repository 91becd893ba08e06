import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/client.ts';
import { createI18n } from '../../../shared/i18n/i18n.ts';
import { directoryFieldErrors, directoryIssueMessage, importProblems } from './directory-errors.ts';

const t = createI18n('en').t;

describe('directory validation messages', () => {
  it('words the schema’s own messages, never the server’s text', () => {
    expect(directoryIssueMessage(t, 'must be between -90 and 90')).toBe(
      'Enter a value between -90 and 90.',
    );
    expect(directoryIssueMessage(t, 'must not be below zero')).toBe('Enter zero or more.');
    expect(directoryIssueMessage(t, 'must not be greater than capacityTotal')).toBe(
      'Free places must not be more than places in all.',
    );
    expect(directoryIssueMessage(t, 'is required')).toBe('This field is required.');
    expect(directoryIssueMessage(t, 'something unexpected')).toBe(
      'This value is not valid. Check it and try again.',
    );
  });

  it('keys field errors by form field, the first per field', () => {
    const error = new ApiError(400, 'validation_failed', '', [
      { path: 'languages.1', message: 'must be an ISO 639-1 two-letter language code' },
      { path: 'languages.2', message: 'is required' },
      { path: 'latitude', message: 'must be a number' },
    ]);
    expect(directoryFieldErrors(t, error, (p) => p.split('.')[0]!)).toEqual({
      languages: 'Enter two-letter language codes (ISO 639-1), like en, ar, ro.',
      latitude: 'Enter a number, like 41.9028.',
    });
    expect(directoryFieldErrors(t, new ApiError(409, 'conflict', ''))).toBeNull();
  });

  it('lists the rows a refused import names', () => {
    const error = new ApiError(400, 'validation_failed', '', [
      { row: 3, column: 'latitude', message: 'must be between -90 and 90' },
      { row: 1, column: null, message: 'missing column' },
    ]);
    expect(importProblems(t, error)).toEqual([
      { row: 3, column: 'latitude', message: 'Enter a value between -90 and 90.' },
      { row: 1, column: null, message: 'This value is not valid. Check it and try again.' },
    ]);
    expect(
      importProblems(t, new ApiError(400, 'validation_failed', '', [{ path: 'content' }])),
    ).toBeNull();
  });
});
