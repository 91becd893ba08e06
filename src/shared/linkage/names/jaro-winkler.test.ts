import { describe, expect, it } from 'vitest';
import { jaro, jaroWinkler } from './jaro-winkler.ts';
import { CODE_EQUIVALENCE } from './phonetic.ts';

describe('Jaro–Winkler', () => {
  // Reference values from Winkler (1990) and the Census Bureau's strcmp95 examples.
  it.each([
    ['MARTHA', 'MARHTA', 0.961],
    ['DWAYNE', 'DUANE', 0.84],
    ['DIXON', 'DICKSONX', 0.813],
  ])('%s / %s ≈ %f', (a, b, expected) => {
    expect(jaroWinkler(a, b)).toBeCloseTo(expected, 3);
    expect(jaroWinkler(b, a)).toBeCloseTo(expected, 3);
  });

  it('is 1 for identical strings and 0 against an empty string', () => {
    expect(jaroWinkler('ABC', 'ABC')).toBe(1);
    expect(jaroWinkler('', 'ABC')).toBe(0);
    expect(jaro('ABC', 'XYZ')).toBe(0);
  });

  it('lets equivalent code letters match (Latin g against Arabic ق)', () => {
    expect(jaroWinkler('GaDaFa', 'KDaFa')).toBeLessThan(
      jaroWinkler('GaDaFa', 'KDaFa', CODE_EQUIVALENCE),
    );
    expect(jaroWinkler('G', 'K', CODE_EQUIVALENCE)).toBe(1);
    expect(jaroWinkler('J', 'K', CODE_EQUIVALENCE)).toBe(0);
  });
});
