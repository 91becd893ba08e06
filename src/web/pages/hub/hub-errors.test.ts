import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/client.ts';
import { engineIssues, hubFieldErrors, importFaults, refusalOf } from './hub-errors.ts';
import { wizardFieldOf } from './publication-draft.ts';

// A stand-in for i18next's t: the key and its values, so the tests read what was chosen.
const t = ((key: string, values?: Record<string, unknown>) =>
  values ? `${key} ${JSON.stringify(values)}` : key) as unknown as TFunction;

describe('hub refusals in words', () => {
  it('explains a contribution with too few consenting cases, with its figures', () => {
    const e = new ApiError(422, 'disclosure_check_failed', 'Only 3 of 9 …', {
      rule: 'too_few_records',
      k: 11,
      records: 3,
      considered: 9,
      excludedWithoutConsent: 6,
    });
    expect(refusalOf(t, 'en', e)).toEqual({
      message: 'hub.refusal.tooFew {"k":11,"records":3,"considered":9}',
      detail: 'Only 3 of 9 …',
    });
  });

  it('says a preparer may not approve their own contribution (four-eyes)', () => {
    const e = new ApiError(403, 'forbidden', 'no', { rule: 'four_eyes' });
    expect(refusalOf(t, 'en', e).message).toBe('hub.actions.fourEyes');
  });

  it('names what is left of the budget when a release would exceed it', () => {
    const e = new ApiError(409, 'conflict', 'Source x: over budget.', {
      sourceId: 'x',
      remaining: { epsilon: 0.5, delta: 1e-6 },
    });
    expect(refusalOf(t, 'en', e).message).toBe(
      'hub.refusal.budget {"epsilon":"0.5","delta":"1E-6"}',
    );
  });

  it('treats an engine refusal of the whole request as a broken guarantee, not a field', () => {
    const e = new ApiError(400, 'validation_failed', '', [
      { path: '(body)', message: 'no generalisation reaches k = 11 within 5 % suppression' },
    ]);
    expect(engineIssues(e)).toEqual(['no generalisation reaches k = 11 within 5 % suppression']);
    expect(refusalOf(t, 'en', e)).toEqual({
      message: 'hub.refusal.guarantee',
      detail: 'no generalisation reaches k = 11 within 5 % suppression',
    });
    const field = new ApiError(400, 'validation_failed', '', [
      { path: 'qi.1', message: 'must not repeat a column' },
    ]);
    expect(engineIssues(field)).toBeNull();
    expect(hubFieldErrors(t, field)).toEqual({ qi: 'fieldErrors.repeated' });
  });

  it('lists an import’s faults by row and column, and whole-file faults without a row', () => {
    const e = new ApiError(400, 'validation_failed', '', [
      { path: 'content', row: 3, column: 'gender', message: 'unknown value "X"' },
      { path: 'content', message: 'the file is not UTF-8 text' },
      { path: 'label', message: 'is required' },
    ]);
    expect(importFaults(e)).toEqual([
      { row: 3, column: 'gender', detail: 'unknown value "X"' },
      { row: null, column: null, detail: 'the file is not UTF-8 text' },
    ]);
    expect(importFaults(new ApiError(409, 'conflict', ''))).toBeNull();
  });

  it('puts a wrong-layout source on the sources step, in words', () => {
    const e = new ApiError(400, 'validation_failed', '', [
      {
        path: 'sourceIds',
        message:
          'k-anonymised microdata is made from sources in the CTDC global layout (the built-in hierarchies are for its codes)',
      },
    ]);
    expect(hubFieldErrors(t, e, wizardFieldOf)).toEqual({ sources: 'hub.errors.globalOnly' });
  });
});
