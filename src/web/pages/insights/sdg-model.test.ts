import { describe, expect, it } from 'vitest';
import type { SdgResponse } from '../../../shared/api/insights.schema.ts';
import { formsPresent, missingRateReason, sdgRegions } from './sdg-model.ts';

const rate = (victims: number | null, per100k: number | null) => ({
  victims: { count: victims, suppressed: victims === null },
  per100k,
});
const row = (
  country: string,
  population: number | null,
  per100k: number | null,
  byForm: Record<string, ReturnType<typeof rate>> = {},
): SdgResponse['rows'][number] => ({
  country,
  population,
  total: rate(10, per100k),
  bySex: { female: rate(6, null), male: rate(0, 0), other: rate(null, null) },
  byAge: { child: rate(0, 0), adult: rate(10, null), unknown: rate(0, 0) },
  byForm,
  notice: null,
});

describe('SDG 16.2.2 on the page', () => {
  it('says why a rate is missing from the row itself', () => {
    expect(missingRateReason(row('XK', null, null))).toBe('populationUnknown');
    expect(missingRateReason(row('VA', 0, null))).toBe('populationZero');
    expect(missingRateReason(row('IT', 60_000_000, 0.02))).toBeNull();
  });

  it('maps only finite rates, rounded', () => {
    expect(
      sdgRegions([
        row('IT', 60_000_000, 0.016667),
        row('XK', null, null),
        row('ZZ', 1, Number.NaN),
      ]),
    ).toEqual([{ code: 'IT', value: 0.02 }]);
  });

  it('orders the forms as HTCDS does, unknown codes last', () => {
    const r = row('IT', 1, 1, {
      Zeta: rate(5, 1),
      SexualExploitation: rate(5, 1),
      ForcedLabour: rate(5, 1),
    });
    expect(formsPresent([r, row('FR', 1, 1, { ForcedBegging: rate(5, 1) })])).toEqual([
      'ForcedLabour',
      'SexualExploitation',
      'ForcedBegging',
      'Zeta',
    ]);
  });
});
