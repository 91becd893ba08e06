import { describe, expect, it } from 'vitest';
import { isCountryCode } from '../codes/countries.ts';
import { POPULATION_2018 } from './population-data.ts';
import { POPULATION_SOURCE, populationOf } from './population.ts';

describe('population table', () => {
  it('holds the World Bank WDI 2018 figures (SP.POP.TOTL)', () => {
    // WDI, SP.POP.TOTL, 2018, as published in the 2019 edition.
    expect(populationOf('AF')).toBe(37_172_386);
    expect(populationOf('CN')).toBe(1_392_730_000);
    expect(populationOf('IN')).toBe(1_352_617_328);
    expect(populationOf('NG')).toBe(195_874_740);
    expect(populationOf('IS')).toBe(352_721);
    expect(populationOf('CV')).toBe(543_767);
    expect(POPULATION_SOURCE).toMatch(/World Bank.*SP\.POP\.TOTL.*2018.*CC BY 4\.0/);
  });

  it('has only valid codes with a population above zero', () => {
    const entries = Object.entries(POPULATION_2018);
    expect(entries.length).toBeGreaterThan(200);
    for (const [code, n] of entries) {
      expect(isCountryCode(code), code).toBe(true);
      expect(Number.isInteger(n) && n > 0, code).toBe(true);
    }
  });

  it('answers undefined for a code it does not have', () => {
    expect(populationOf('AQ')).toBeUndefined(); // Antarctica: not a WDI economy
    expect(populationOf('ZZ')).toBeUndefined();
    expect(populationOf('toString')).toBeUndefined();
  });
});
