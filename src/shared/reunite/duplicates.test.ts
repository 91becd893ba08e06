import { describe, expect, it } from 'vitest';
import type { ConsentEntry } from '../consent/index.ts';
import { decideConsent } from '../consent/index.ts';
import { consentConflicts, foldIdentity, orderPair } from './duplicates.ts';

const person = (over: Partial<Parameters<typeof foldIdentity>[0]> = {}) => ({
  givenName: 'Amina',
  familyName: 'Okafor',
  aliases: [] as string[],
  dateOfBirth: null as string | null,
  phone: null as string | null,
  email: null as string | null,
  documentNumber: null as string | null,
  address: null as string | null,
  ...over,
});

let n = 0;
const entry = (
  purpose: ConsentEntry['purpose'],
  granted: boolean,
  recordedAt: string,
  over: Partial<ConsentEntry> = {},
): ConsentEntry => ({
  id: `c${++n}`,
  purpose,
  serviceType: null,
  granted,
  method: granted ? 'verbal' : null,
  recordedAt,
  expiresOn: null,
  ...over,
});

const AT = new Date('2026-06-01T12:00:00Z');

describe('orderPair', () => {
  it('puts the smaller id first whichever way the pair was found', () => {
    expect(orderPair('b', 'a')).toEqual(['a', 'b']);
    expect(orderPair('a', 'b')).toEqual(['a', 'b']);
  });
});

describe('foldIdentity', () => {
  it('adds the merged full name and aliases the kept person is not known by', () => {
    const r = foldIdentity(
      person({ aliases: ['Mina'] }),
      person({ givenName: 'Aminah', familyName: 'Okafor', aliases: ['mina', 'أمينة'] }),
    );
    expect(r.identity.aliases).toEqual(['Mina', 'Aminah Okafor', 'أمينة']);
    expect(r.addedAliases).toBe(2);
  });

  it('adds nothing when the names agree but for case and accents', () => {
    const r = foldIdentity(person(), person({ givenName: 'AMÍNA', familyName: 'okafor ' }));
    expect(r.identity.aliases).toEqual([]);
    expect(r.addedAliases).toBe(0);
  });

  it('fills fields the kept person lacks and reports disagreements by field name', () => {
    const r = foldIdentity(
      person({ dateOfBirth: '1998-04-12', phone: null }),
      person({ dateOfBirth: '1998-12-04', phone: '+234 801 000 0000', documentNumber: 'A1' }),
    );
    expect(r.identity.dateOfBirth).toBe('1998-04-12');
    expect(r.identity.phone).toBe('+234 801 000 0000');
    expect(r.identity.documentNumber).toBe('A1');
    expect(r.filled).toEqual(['phone', 'documentNumber']);
    expect(r.conflicts).toEqual(['dateOfBirth']);
  });
});

describe('consentConflicts', () => {
  it('a grant on one record applies to the person when the other never asked', () => {
    const kept = [entry('family_tracing', true, '2026-01-01T00:00:00Z')];
    expect(consentConflicts(kept, [], AT)).toEqual([]);
    expect(consentConflicts([], kept, AT)).toEqual([]);
  });

  it('a later withdrawal in one history ends a grant in the other (time order alone is safe)', () => {
    const kept = [entry('family_tracing', true, '2026-01-01T00:00:00Z')];
    const merged = [
      entry('family_tracing', true, '2025-12-01T00:00:00Z'),
      entry('family_tracing', false, '2026-03-01T00:00:00Z'),
    ];
    expect(consentConflicts(kept, merged, AT)).toEqual([]);
    expect(decideConsent([...kept, ...merged], { purpose: 'family_tracing' }, AT).allowed).toBe(
      false,
    );
  });

  it('a withdrawal followed by a grant on the other record is a conflict: the safest reading wins', () => {
    const merged = [
      entry('family_tracing', true, '2025-12-01T00:00:00Z'),
      entry('family_tracing', false, '2026-02-01T00:00:00Z'),
    ];
    const kept = [entry('family_tracing', true, '2026-04-01T00:00:00Z')];
    expect(consentConflicts(kept, merged, AT)).toEqual([
      { question: { purpose: 'family_tracing' }, refusedIn: 'merged' },
    ]);
  });

  it('a refusal counts like a withdrawal, and referral is re-decided per service type', () => {
    const kept = [entry('referral', true, '2026-04-01T00:00:00Z', { serviceType: 'shelter' })];
    const merged = [entry('referral', false, '2026-01-01T00:00:00Z')];
    const c = consentConflicts(kept, merged, AT);
    expect(c).toEqual([
      { question: { purpose: 'referral', serviceType: 'shelter' }, refusedIn: 'merged' },
    ]);
  });

  it('an expired grant is not a no', () => {
    const kept = [entry('statistics', true, '2026-04-01T00:00:00Z')];
    const merged = [entry('statistics', true, '2025-01-01T00:00:00Z', { expiresOn: '2025-06-30' })];
    expect(consentConflicts(kept, merged, AT)).toEqual([]);
  });
});
