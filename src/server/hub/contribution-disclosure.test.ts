import { describe, expect, it } from 'vitest';
import { AppError } from '../http/app-error.ts';
import { checkStoredRows } from './contribution-disclosure.ts';

const columns = ['gender', 'ageBroad', 'isForcedLabour'];
const row = (gender: string, age: string, flag: string) => [gender, age, flag];

describe('checkStoredRows', () => {
  it('passes rows whose every quasi-identifier combination occurs at least k times', () => {
    const rows = [row('F', '18-20', '0'), row('F', '18-20', '1'), row('M', '30-38', '0')];
    rows.push(rows[2]!);
    expect(() => checkStoredRows(columns, rows, ['gender', 'ageBroad'], 2)).not.toThrow();
  });

  it('refuses (422 k_not_met) naming how many rows are in too small combinations', () => {
    const rows = [row('F', '18-20', '0'), row('F', '18-20', '1'), row('M', '30-38', '0')];
    let error: unknown;
    try {
      checkStoredRows(columns, rows, ['gender', 'ageBroad'], 2);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('disclosure_check_failed');
    expect((error as AppError).details).toEqual({ rule: 'k_not_met', k: 2, recordsAtRisk: 1 });
    // Counts only, never a value.
    expect((error as AppError).message).not.toMatch(/30-38/);
  });

  it('refuses rows without a stated quasi-identifier instead of passing them', () => {
    expect(() => checkStoredRows(columns, [row('F', '18-20', '0')], ['year'], 1)).toThrow(AppError);
  });
});
