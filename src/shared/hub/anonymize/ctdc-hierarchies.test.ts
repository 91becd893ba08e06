import { describe, expect, it } from 'vitest';
import { COUNTRY_CODES } from '../../codes/countries.ts';
import { CTDC_FLAG_COLUMNS } from '../ctdc/index.ts';
import { ctdcHierarchies } from './ctdc-hierarchies.ts';

const h = (column: string) => {
  const found = ctdcHierarchies().get(column);
  if (!found) throw new Error(`no built-in hierarchy for ${column}`);
  return found;
};

describe('built-in CTDC hierarchies', () => {
  it('widens age bands, then to minor or adult, then to *', () => {
    const age = h('ageBroad');
    expect([1, 2, 3].map((l) => age.generalise('9--17', l))).toEqual(['0--17', 'Minor', '*']);
    expect([1, 2, 3].map((l) => age.generalise('24--26', l))).toEqual(['18--29', 'Adult', '*']);
    expect([1, 2, 3].map((l) => age.generalise('48+', l))).toEqual(['48+', 'Adult', '*']);
  });

  it('generalises countries along UN M49: intermediate region, sub-region, region', () => {
    const c = h('citizenship');
    expect([0, 1, 2, 3, 4].map((l) => c.generalise('NG', l))).toEqual([
      'NG',
      'Western Africa',
      'Sub-Saharan Africa',
      'Africa',
      '*',
    ]);
    expect(c.generalise('VN', 2)).toBe('South-eastern Asia');
    expect(h('CountryOfExploitation').generalise('US', 3)).toBe('Americas');
    for (const code of COUNTRY_CODES) expect(c.generalise(code, 4)).toBe('*');
  });

  it('groups years into 5-year periods and decades', () => {
    const y = h('yearOfRegistration');
    expect([1, 2, 3].map((l) => y.generalise('2017', l))).toEqual(['2015-2019', '2010-2019', '*']);
    expect(() => y.generalise('1949', 1)).toThrow(/does not cover the value "1949"/);
  });

  it('keeps the missing value -99 as itself below the top', () => {
    for (const column of ['ageBroad', 'citizenship', 'yearOfRegistration', 'gender']) {
      const x = h(column);
      for (let l = 0; l < x.height; l++) expect(x.generalise('-99', l)).toBe('-99');
      expect(x.generalise('-99', x.height)).toBe('*');
    }
  });

  it('suppresses gender and every 0/1 flag to *', () => {
    expect(h('gender').generalise('Transgender', 1)).toBe('*');
    for (const flag of CTDC_FLAG_COLUMNS) {
      expect(h(flag).leaves).toEqual(['0', '1', '-99']);
      expect(h(flag).generalise('1', 1)).toBe('*');
    }
    expect(ctdcHierarchies().has('typeOfExploitConcatenated')).toBe(false);
  });
});
