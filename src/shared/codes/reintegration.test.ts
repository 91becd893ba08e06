import { describe, expect, it } from 'vitest';
import type { ReintegrationLevel } from './reintegration.ts';
import { reintegrationOutcome } from './reintegration.ts';

const r = (
  economic: ReintegrationLevel,
  social: ReintegrationLevel,
  psychosocial: ReintegrationLevel,
) => reintegrationOutcome({ economic, social, psychosocial });

// IOM Reintegration Handbook (2019), module 1: sustainable only with all three dimensions.
describe('reintegration outcome', () => {
  it('is sustainable only when all three dimensions are reached', () => {
    expect(r('Reached', 'Reached', 'Reached')).toBe('Sustainable');
    expect(r('Reached', 'Reached', 'PartlyReached')).toBe('Partial');
    expect(r('Reached', 'Reached', 'NotAssessed')).toBe('Partial');
  });

  it('is not reintegrated when no assessed dimension is even partly reached', () => {
    expect(r('NotReached', 'NotReached', 'NotReached')).toBe('NotReintegrated');
    expect(r('NotReached', 'NotAssessed', 'NotAssessed')).toBe('NotReintegrated');
  });

  it('is not assessed when no dimension was assessed', () => {
    expect(r('NotAssessed', 'NotAssessed', 'NotAssessed')).toBe('NotAssessed');
  });

  it('is partial for any other mix', () => {
    expect(r('PartlyReached', 'NotReached', 'NotReached')).toBe('Partial');
  });
});
