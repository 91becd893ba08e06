import { describe, expect, it } from 'vitest';
import {
  ageReached,
  birthBounds,
  issues,
  notBefore,
  notBeforeBirth,
  notInFuture,
} from './date-rules.ts';
import { addDays, addYears, ageOn } from './dates.ts';

describe('calendar arithmetic', () => {
  it('counts whole years, the birthday itself included', () => {
    expect(ageOn('1998-04-12', '2026-04-11')).toBe(27);
    expect(ageOn('1998-04-12', '2026-04-12')).toBe(28);
  });

  it('moves by years, 29 February becoming 28 February', () => {
    expect(addYears('2024-02-29', -1)).toBe('2023-02-28');
    expect(addYears('2024-02-29', 4)).toBe('2028-02-29');
    expect(addYears('2026-05-20', -28)).toBe('1998-05-20');
  });

  it('moves by days across months and years', () => {
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
  });
});

describe('birth bounds', () => {
  it('are the date of birth when it is known', () => {
    expect(
      birthBounds({
        dateOfBirth: '1998-04-12',
        ageAtRegistration: 28,
        registrationDate: '2026-05-20',
      }),
    ).toEqual({ earliest: '1998-04-12', latest: '1998-04-12' });
  });

  it('span one year from the age at registration otherwise', () => {
    const b = birthBounds({
      dateOfBirth: null,
      ageAtRegistration: 28,
      registrationDate: '2026-05-20',
    });
    expect(b).toEqual({ earliest: '1997-05-21', latest: '1998-05-20' });
    // Both ends are really aged 28 on the registration date.
    expect(ageOn(b!.earliest, '2026-05-20')).toBe(28);
    expect(ageOn(b!.latest, '2026-05-20')).toBe(28);
    expect(ageOn(addDays(b!.earliest, -1), '2026-05-20')).toBe(29);
  });

  it('are unknown with neither date of birth nor age', () => {
    expect(
      birthBounds({ dateOfBirth: null, ageAtRegistration: null, registrationDate: '2026-05-20' }),
    ).toBeNull();
  });
});

describe('date rules', () => {
  const birth = { earliest: '1998-04-12', latest: '1998-04-12' };

  it('refuses a date before birth, and accepts the birthday itself', () => {
    expect(notBeforeBirth('date', '1998-04-11', birth)).toEqual({
      path: 'date',
      message: 'is before the person’s date of birth',
    });
    expect(notBeforeBirth('date', '1998-04-12', birth)).toBeNull();
    expect(notBeforeBirth('date', '1990-01-01', null)).toBeNull();
  });

  it('refuses an end before its start, and accepts the same day', () => {
    expect(notBefore('endDate', '2024-02-29', '2024-03-01', 'date')).toEqual({
      path: 'endDate',
      message: 'must be on or after date',
    });
    expect(notBefore('endDate', '2024-03-01', '2024-03-01', 'date')).toBeNull();
    expect(notBefore('endDate', '2024-03-01', null, 'date')).toBeNull();
  });

  it('refuses the future', () => {
    expect(notInFuture('date', '2026-06-02', '2026-06-01')?.path).toBe('date');
    expect(notInFuture('date', '2026-06-01', '2026-06-01')).toBeNull();
  });

  it('refuses an age the person has not reached yet', () => {
    expect(ageReached('ageWhenTrafficked', 29, birth, '2026-06-01')?.path).toBe(
      'ageWhenTrafficked',
    );
    expect(ageReached('ageWhenTrafficked', 28, birth, '2026-06-01')).toBeNull();
  });

  it('collects only the issues found', () => {
    expect(issues(null, { path: 'a', message: 'm' }, null)).toEqual([{ path: 'a', message: 'm' }]);
  });
});
