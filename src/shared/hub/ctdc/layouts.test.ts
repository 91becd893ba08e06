import { describe, expect, it } from 'vitest';
import { writeTable } from '../table.ts';
import {
  CTDC_COLUMNS,
  CTDC_FLAG_COLUMNS,
  SYNTHETIC_COLUMNS,
  ageBand,
  alpha2Of,
  alpha3Of,
  generateCtdc,
  readCtdc,
  toSyntheticLayout,
} from './index.ts';

describe('CTDC layouts', () => {
  it('has the 63 columns of the global dataset, in the published order', () => {
    expect(CTDC_COLUMNS).toHaveLength(63);
    expect(new Set(CTDC_COLUMNS).size).toBe(63);
    expect(CTDC_COLUMNS.slice(0, 9)).toEqual([
      'yearOfRegistration',
      'Datasource',
      'gender',
      'ageBroad',
      'majorityStatus',
      'majorityStatusAtExploit',
      'majorityEntry',
      'citizenship',
      'meansOfControlDebtBondage',
    ]);
    const at = (c: string) => CTDC_COLUMNS.indexOf(c as (typeof CTDC_COLUMNS)[number]);
    // The blocks follow each other as the published header has them.
    expect(at('meansOfControlConcatenated')).toBe(26);
    expect(at('isForcedLabour')).toBe(27);
    expect(at('isSlaveryAndPractices')).toBe(34);
    expect(at('typeOfExploitConcatenated')).toBe(35);
    expect(at('typeOfLabourConcatenated')).toBe(49);
    expect(at('typeOfSexConcatenated')).toBe(54);
    expect(CTDC_COLUMNS.slice(55)).toEqual([
      'isAbduction',
      'RecruiterRelationship',
      'CountryOfExploitation',
      'recruiterRelationIntimatePartner',
      'recruiterRelationFriend',
      'recruiterRelationFamily',
      'recruiterRelationOther',
      'recruiterRelationUnknown',
    ]);
    // 63 = 8 person columns + 18 + 1 means + 8 + 1 exploitation + 13 + 1 labour + 4 + 1 sex
    //      + isAbduction, RecruiterRelationship, CountryOfExploitation + 5 relations
    expect(CTDC_FLAG_COLUMNS).toHaveLength(18 + 8 + 13 + 4 + 1 + 5);
  });

  it('has the 27 variables of the synthetic dataset', () => {
    expect(SYNTHETIC_COLUMNS).toHaveLength(27);
    expect(new Set(SYNTHETIC_COLUMNS).size).toBe(27);
    expect(SYNTHETIC_COLUMNS.slice(0, 6)).toEqual([
      'yearOfRegistration',
      'gender',
      'ageBroad',
      'citizenship',
      'CountryOfExploitation',
      'traffickMonths',
    ]);
    expect(SYNTHETIC_COLUMNS.at(-1)).toBe('recruiterRelationOther');
  });

  it('bands ages as the codebook does', () => {
    expect([0, 8, 9, 17, 18, 20, 21, 29, 30, 38, 39, 47, 48, 90].map(ageBand)).toEqual([
      '0--8',
      '0--8',
      '9--17',
      '9--17',
      '18--20',
      '18--20',
      '21--23',
      '27--29',
      '30--38',
      '30--38',
      '39--47',
      '39--47',
      '48+',
      '48+',
    ]);
  });

  it('maps alpha-2 to alpha-3 and back', () => {
    expect(alpha3Of('GB')).toBe('GBR');
    expect(alpha3Of('UA')).toBe('UKR');
    expect(alpha2Of('PHL')).toBe('PH');
    expect(alpha3Of('ZZ')).toBeUndefined();
  });
});

describe('toSyntheticLayout', () => {
  const global = generateCtdc({ rows: 2_000, seed: 11 });
  const synthetic = toSyntheticLayout(global);
  const col = (name: string) =>
    SYNTHETIC_COLUMNS.indexOf(name as (typeof SYNTHETIC_COLUMNS)[number]);
  const gcol = (name: string) => CTDC_COLUMNS.indexOf(name as (typeof CTDC_COLUMNS)[number]);

  it('keeps every row and passes the synthetic layout check', () => {
    expect(synthetic.columns).toEqual([...SYNTHETIC_COLUMNS]);
    expect(synthetic.rows).toHaveLength(global.rows.length);
    expect(readCtdc(writeTable(synthetic)).layout).toBe('synthetic');
  });

  it('writes countries as alpha-3, missing values as empty cells and the synthetic spellings', () => {
    global.rows.forEach((g, i) => {
      const s = synthetic.rows[i]!;
      const cit = g[gcol('citizenship')]!;
      expect(s[col('citizenship')]).toBe(cit === '-99' ? '' : alpha3Of(cit));
      const gender = g[gcol('gender')]!;
      expect(s[col('gender')]).toBe(
        { Female: 'Woman', Male: 'Man', Transgender: 'Trans/Transgender/NonConforming' }[gender] ??
          '',
      );
      if (g[gcol('ageBroad')] === '9--17') expect(s[col('ageBroad')]).toBe('09--17');
      expect(s[col('traffickMonths')]).toBe('');
    });
  });

  it('merges means of control into composite flags', () => {
    const row = [...CTDC_COLUMNS].map(() => '-99');
    row[gcol('meansOfControlDebtBondage')] = '0';
    row[gcol('meansOfControlTakesEarnings')] = '1';
    row[gcol('meansOfControlPsychologicalAbuse')] = '0';
    row[gcol('meansOfControlPhysicalAbuse')] = '0';
    const [s] = toSyntheticLayout({ columns: [...CTDC_COLUMNS], rows: [row] }).rows;
    expect(s![col('meansDebtBondageEarnings')]).toBe('1');
    expect(s![col('meansAbusePsyPhySex')]).toBe('0'); // known and absent
    expect(s![col('meansDrugsAlcohol')]).toBe(''); // not recorded
  });

  it('refuses a table that lacks a global-layout column', () => {
    expect(() => toSyntheticLayout({ columns: CTDC_COLUMNS.slice(1), rows: [] })).toThrow(
      /yearOfRegistration/,
    );
  });
});
