import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DirectoryCsvService } from './csv.ts';
import { DIRECTORY_CSV_COLUMNS, readDirectoryCsv, writeDirectoryCsv } from './csv.ts';

/** Typed asymmetric matchers (expect's own return any). */
const containing = (s: string) => expect.stringContaining(s) as string;

// Text fields refuse control characters (src/shared/api/text.ts); generate none.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f\ufffd]/u;
const ORG = '0a4f2c1e-9b7d-4e3a-8c5f-1d2e3f4a5b6c';
const OTHER = '7b1c9e2d-3f4a-4b5c-9d6e-7f8a9b0c1d2e';

const service = (over: Partial<DirectoryCsvService> = {}): DirectoryCsvService => ({
  id: '3c6e0b8a-5f2d-4c1e-9a7b-2d4f6a8c0e1f',
  provider: { name: 'Harbour House', phone: '+39 06 1', email: null, website: null },
  providerOrgId: ORG,
  serviceType: 'shelter',
  name: 'Harbour shelter',
  description: null,
  address: null,
  country: 'IT',
  adminArea: null,
  latitude: 41.9028,
  longitude: 12.4964,
  languages: ['it', 'en'],
  ageMin: 18,
  ageMax: null,
  genders: ['Feminine'],
  nationalities: [],
  statuses: [],
  capacityTotal: 10,
  capacityAvailable: 4,
  hours: null,
  phone: null,
  email: null,
  responseDays: 5,
  active: true,
  ...over,
});

describe('readDirectoryCsv', () => {
  it('reads what writeDirectoryCsv wrote', () => {
    const text = writeDirectoryCsv([service(), service({ providerOrgId: null, id: OTHER })], ORG);
    const read = readDirectoryCsv(text);
    expect(read.errors).toEqual([]);
    expect(read.rows).toHaveLength(2);
    expect(read.rows[0]).toMatchObject({
      row: 2,
      serviceId: service().id,
      receiver: { kind: 'self' },
      provider: { name: 'Harbour House', phone: '+39 06 1', email: null, website: null },
      service: { serviceType: 'shelter', languages: ['it', 'en'], ageMin: 18, ageMax: null },
    });
    expect(read.rows[1]!.receiver).toEqual({ kind: 'external' });
  });

  it('round-trips text that needs quoting or formula escaping', () => {
    const tricky = fc
      .string({ maxLength: 40 })
      .filter((s) => s.trim() === s && !CONTROL.test(s) && !/\p{Surrogate}/u.test(s));
    fc.assert(
      fc.property(
        tricky,
        tricky,
        fc.double({ min: -90, max: 90, noNaN: true }),
        (name, hours, lat) => {
          const s = service({
            name: name || 'x',
            hours: hours || null,
            latitude: lat,
            provider: { name: 'P', phone: null, email: null, website: null },
          });
          const read = readDirectoryCsv(writeDirectoryCsv([s], ORG));
          expect(read.errors).toEqual([]);
          expect(read.rows[0]!.service).toMatchObject({
            name: (name || 'x').normalize('NFC'),
            hours: hours ? hours.normalize('NFC') : null,
            latitude: Object.is(lat, -0) ? 0 : lat,
          });
        },
      ),
      { numRuns: 300 },
    );
  });

  it('names the row (header = 1) and column of each error', () => {
    const text = [
      'provider_name,service_type,service_name,country,latitude,longitude,age_min,age_max',
      'A,shelter,S,IT,1,1,,',
      'A,shelter,S,IT,1,1,20,10',
      'A,shelter,,IT,1e400x,1,,',
    ].join('\r\n');
    expect(readDirectoryCsv(text).errors).toEqual(
      [
        { row: 3, column: 'age_min', message: 'must not be greater than age_max' },
        { row: 4, column: 'latitude', message: containing('must be a number') },
        { row: 4, column: 'service_name', message: 'is required' },
      ].sort((a, b) => a.row - b.row),
    );
  });

  it('counts rows as a spreadsheet does, across quoted line breaks and blank lines', () => {
    const text = [
      'provider_name,service_type,service_name,country,latitude,longitude,address',
      'A,shelter,S,IT,1,1,"Via Roma 1',
      'Roma"',
      '',
      'A,shelter,S,IT,1,1,x,extra',
    ].join('\n');
    expect(readDirectoryCsv(text).errors).toEqual([
      { row: 4, column: null, message: 'has 8 values where the header has 7 columns' },
    ]);
  });

  it('refuses more rows than allowed, and duplicate or unknown headers', () => {
    const head = 'provider_name,service_type,service_name,country,latitude,longitude';
    const many = [head, 'A,shelter,S,IT,1,1', 'A,shelter,S,IT,1,1'].join('\n');
    expect(readDirectoryCsv(many, 1).errors[0]!.message).toContain('more than 1 rows');
    expect(readDirectoryCsv(`${head},latitude\n`).errors).toEqual([
      { row: 1, column: 'latitude', message: 'appears twice in the header' },
    ]);
    expect(readDirectoryCsv(`${head},\n`).errors).toEqual([
      { row: 1, column: null, message: 'column 7 has no name' },
    ]);
  });

  it('documents every column in docs/directory.md order', () => {
    expect(DIRECTORY_CSV_COLUMNS[0]).toBe('service_id');
    expect(new Set(DIRECTORY_CSV_COLUMNS).size).toBe(DIRECTORY_CSV_COLUMNS.length);
  });
});
