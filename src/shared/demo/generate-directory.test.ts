import { describe, expect, it } from 'vitest';
import { SERVICE_TYPES } from '../codes/service-types.ts';
import { readDirectoryCsv } from '../directory/csv.ts';
import { demoDirectoryCsv, demoDirectoryRows } from './generate-directory.ts';

describe('demo service directory', () => {
  it('is the same for the same seed and differs for another', () => {
    const a = demoDirectoryCsv({ seed: 7, services: 40 });
    expect(demoDirectoryCsv({ seed: 7, services: 40 })).toBe(a);
    expect(demoDirectoryCsv({ seed: 8, services: 40 })).not.toBe(a);
  });

  it('reads back through the real import without a single row error', () => {
    const read = readDirectoryCsv(demoDirectoryCsv({ seed: 3, services: 150, receiver: 'mixed' }));
    expect(read.errors).toEqual([]);
    expect(read.rows).toHaveLength(150);
    const types = new Set(read.rows.map((r) => r.service.serviceType));
    expect([...types].sort()).toEqual([...SERVICE_TYPES].sort());
    for (const r of read.rows) {
      const s = r.service;
      if (s.capacityTotal != null) expect(s.capacityAvailable).toBeLessThanOrEqual(s.capacityTotal);
      if (s.ageMin != null && s.ageMax != null) expect(s.ageMin).toBeLessThanOrEqual(s.ageMax);
    }
  });

  it('gives each provider one receiver, and makes a third external in the mixed set', () => {
    const rows = demoDirectoryRows({ seed: 5, services: 120, receiver: 'mixed' });
    const receiverOf = new Map<string, Set<string>>();
    for (const r of rows) {
      const set = receiverOf.get(r.provider_name) ?? new Set();
      set.add(r.receiving_organisation);
      receiverOf.set(r.provider_name, set);
    }
    expect([...receiverOf.values()].every((s) => s.size === 1)).toBe(true);
    const external = [...receiverOf.values()].filter((s) => s.has('')).length;
    expect(external / receiverOf.size).toBeGreaterThan(0.2);
    expect(external / receiverOf.size).toBeLessThan(0.45);
    expect(
      demoDirectoryRows({ seed: 5, services: 30 }).every(
        (r) => r.receiving_organisation === 'self',
      ),
    ).toBe(true);
  });
});
