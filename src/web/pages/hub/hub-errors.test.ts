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
      rule: 'budget_exceeded',
      sourceId: 'x',
      remaining: { epsilon: 0.5, delta: 1e-6 },
    });
    expect(refusalOf(t, 'en', e).message).toBe(
      'hub.refusal.budget {"epsilon":"0.5","delta":"1E-6"}',
    );
  });

  it('says which guarantee a publication cannot meet, with its figures and the server’s words', () => {
    const k = new ApiError(422, 'disclosure_check_failed', 'k = 500 cannot be reached (k): …', {
      rule: 'k_not_reachable',
      parameter: 'k',
      k: 500,
      records: 200,
      maxSuppressed: 10,
    });
    expect(refusalOf(t, 'en', k)).toEqual({
      message: 'hub.refusal.publicationK {"k":500,"l":0,"records":200,"suppressed":10}',
      detail: 'k = 500 cannot be reached (k): …',
    });
    const l = new ApiError(422, 'disclosure_check_failed', 'l = 4 …', {
      rule: 'l_not_reachable',
      parameter: 'parameters.l.l',
      k: 11,
      l: 4,
      records: 3000,
    });
    expect(refusalOf(t, 'en', l).message).toBe(
      'hub.refusal.publicationL {"k":11,"l":4,"records":3000}',
    );
    // A contribution's refusal names no parameter: it speaks of the consenting cases.
    const contribution = new ApiError(422, 'disclosure_check_failed', '…', {
      rule: 'k_not_reachable',
      k: 11,
      records: 40,
      considered: 50,
    });
    expect(refusalOf(t, 'en', contribution).message).toBe(
      'hub.refusal.kNotReachable {"k":11,"records":40,"considered":50}',
    );
  });

  it('names the state that changed when a release is refused (409 by rule)', () => {
    const conflict = (rule: string, details: Record<string, unknown> = {}) =>
      refusalOf(t, 'en', new ApiError(409, 'conflict', 'server words', { rule, ...details }));
    expect(conflict('source_withdrawn', { sourceIds: ['x'] })).toEqual({
      message: 'hub.refusal.sourceWithdrawn',
      detail: 'server words',
    });
    expect(conflict('guarantee_broken', { k: 11, faults: ['…'] }).message).toBe(
      'hub.refusal.guaranteeBroken {"k":11}',
    );
    expect(conflict('already_released')).toEqual({
      message: 'hub.refusal.alreadyReleased',
      detail: null,
    });
    expect(conflict('budget_exceeded', { remaining: { epsilon: 0, delta: 0 } }).message).toBe(
      'hub.refusal.budget {"epsilon":"0","delta":"0"}',
    );
    expect(conflict('stale', { casesNoLongerConsenting: 2 }).message).toBe(
      'hub.refusal.stale {"n":2}',
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
