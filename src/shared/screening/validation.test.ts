import { describe, expect, it } from 'vitest';
import { ScreeningError } from './errors.ts';
import { evaluate } from './evaluate.ts';

function issuesOf(call: () => unknown): ScreeningError {
  try {
    call();
  } catch (e) {
    if (e instanceof ScreeningError) return e;
    throw e;
  }
  throw new Error('expected a ScreeningError');
}

describe('answers are validated before scoring', () => {
  it('an unknown code names the field path and the code', () => {
    const e = issuesOf(() =>
      evaluate('palermo', undefined, { act: ['recruitment'], means: ['deception', 'bribery'] }),
    );
    expect(e.code).toBe('invalid_answers');
    expect(e.issues).toEqual([
      { path: 'means[1]', message: expect.stringContaining('"bribery"') as unknown },
    ]);
  });

  it('an age of 130 is refused', () => {
    const e = issuesOf(() => evaluate('palermo', undefined, { ageAtRecruitment: 130 }));
    expect(e.issues[0]?.path).toBe('ageAtRecruitment');
  });

  it('a negative age and an age given as text are refused', () => {
    expect(
      issuesOf(() => evaluate('domv', undefined, { ageAtScreening: -1, present: [] })).issues[0]
        ?.path,
    ).toBe('ageAtScreening');
    expect(
      issuesOf(() => evaluate('palermo', undefined, { ageAtRecruitment: '17' })).issues[0]?.path,
    ).toBe('ageAtRecruitment');
  });

  it('answers given for another version of the instrument are refused', () => {
    const e = issuesOf(() => evaluate('palermo', '1.0.0', { version: '0.9.0', act: [] }));
    expect(e.code).toBe('version_mismatch');
    expect(e.issues[0]?.path).toBe('version');
  });

  it('an instrument version that does not exist is refused', () => {
    expect(issuesOf(() => evaluate('palermo', '9.0.0', {})).code).toBe('unknown_version');
    expect(issuesOf(() => evaluate('nope', undefined, {})).code).toBe('unknown_instrument');
  });

  it('an answer key the instrument does not have is refused (a typo is not silently "unknown")', () => {
    const e = issuesOf(() => evaluate('palermo', undefined, { act: [], purpse: [] }));
    expect(e.issues).toEqual([{ path: 'purpse', message: 'is not an answer of this instrument' }]);
  });

  it('an element with codes cannot also be marked unknown', () => {
    const e = issuesOf(() =>
      evaluate('palermo', undefined, { act: ['recruitment'], unknown: ['act'] }),
    );
    expect(e.issues[0]?.path).toBe('unknown[0]');
  });

  it('an indicator cannot be both present and unknown', () => {
    const e = issuesOf(() =>
      evaluate('ilo-fl', undefined, { present: ['deception'], unknown: ['deception'] }),
    );
    expect(e.issues[0]?.path).toBe('unknown[0]');
  });

  it('answers that are not an object are refused', () => {
    expect(issuesOf(() => evaluate('palermo', undefined, [1, 2])).issues[0]?.message).toBe(
      'answers must be a JSON object',
    );
  });

  it('a country that is not ISO 3166-1 alpha-2 is refused', () => {
    const e = issuesOf(() => evaluate('palermo', undefined, { citizenship: 'Nigeria' }));
    expect(e.issues[0]?.path).toBe('citizenship');
  });
});
