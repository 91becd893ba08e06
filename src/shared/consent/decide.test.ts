import { describe, expect, it } from 'vitest';
import type { ConsentEntry } from './decide.ts';
import { decideConsent } from './decide.ts';

// A small history builder: each entry is recorded one minute after the previous one, from
// 2026-06-01T09:00Z, unless `recordedAt` is given.
let n = 0;
function entry(over: Partial<ConsentEntry> & Pick<ConsentEntry, 'purpose'>): ConsentEntry {
  n += 1;
  return {
    id: `c${n}`,
    serviceType: null,
    granted: true,
    method: 'written',
    recordedAt: new Date(Date.UTC(2026, 5, 1, 9, n)).toISOString(),
    expiresOn: null,
    ...over,
  };
}
const grant = (over: Partial<ConsentEntry> & Pick<ConsentEntry, 'purpose'>) => entry(over);
const withdraw = (over: Partial<ConsentEntry> & Pick<ConsentEntry, 'purpose'>) =>
  entry({ granted: false, method: null, ...over });

const LATER = new Date('2026-06-10T12:00:00Z');

describe('decideConsent', () => {
  it('says no, and why, when nothing is recorded', () => {
    expect(decideConsent([], { purpose: 'referral', serviceType: 'shelter' }, LATER)).toEqual({
      allowed: false,
      basis: 'none',
      reason: 'no consent recorded for referral to shelter',
    });
    expect(decideConsent([], { purpose: 'statistics' }, LATER).reason).toBe(
      'no consent recorded for sharing de-identified data for statistics',
    );
  });

  it('says yes on a grant, naming the record, the day and the method', () => {
    const g = grant({ purpose: 'assistance', method: 'verbal' });
    expect(decideConsent([g], { purpose: 'assistance' }, LATER)).toEqual({
      allowed: true,
      basis: 'granted',
      reason: `consent for assistance given on 2026-06-01 (verbal)`,
      consentId: g.id,
    });
  });

  it('keeps purposes apart: consent to assistance is not consent to family tracing', () => {
    const history = [grant({ purpose: 'assistance' })];
    expect(decideConsent(history, { purpose: 'family_tracing' }, LATER).allowed).toBe(false);
    expect(decideConsent(history, { purpose: 'statistics' }, LATER).allowed).toBe(false);
  });

  it('the latest record wins: grant, withdraw, grant again', () => {
    const g1 = grant({ purpose: 'family_tracing' });
    const w = withdraw({ purpose: 'family_tracing' });
    const q = { purpose: 'family_tracing' } as const;
    expect(decideConsent([g1, w], q, LATER)).toMatchObject({
      allowed: false,
      basis: 'withdrawn',
      consentId: w.id,
      reason: 'consent for family tracing was withdrawn on 2026-06-01',
    });
    const g2 = grant({ purpose: 'family_tracing' });
    expect(decideConsent([g1, w, g2], q, LATER)).toMatchObject({
      allowed: true,
      consentId: g2.id,
    });
  });

  it('calls a withdrawal with no grant before it a refusal', () => {
    const w = withdraw({ purpose: 'statistics' });
    expect(decideConsent([w], { purpose: 'statistics' }, LATER)).toMatchObject({
      allowed: false,
      basis: 'refused',
      reason: 'consent for sharing de-identified data for statistics was refused on 2026-06-01',
    });
  });

  it('answers for a past instant: records made later do not count', () => {
    const g = grant({ purpose: 'assistance', recordedAt: '2026-06-01T10:00:00.000Z' });
    const w = withdraw({ purpose: 'assistance', recordedAt: '2026-06-03T10:00:00.000Z' });
    const q = { purpose: 'assistance' } as const;
    expect(decideConsent([g, w], q, new Date('2026-06-02T00:00:00Z')).allowed).toBe(true);
    expect(decideConsent([g, w], q, new Date('2026-06-03T10:00:00Z')).allowed).toBe(false);
    expect(decideConsent([g, w], q, new Date('2026-06-01T09:59:59Z')).basis).toBe('none');
  });

  it('orders by time whatever the order given, and by the given order within one instant', () => {
    const at = '2026-06-02T08:00:00.000Z';
    const g = grant({ purpose: 'assistance', recordedAt: at });
    const w = withdraw({ purpose: 'assistance', recordedAt: at });
    const q = { purpose: 'assistance' } as const;
    expect(decideConsent([g, w], q, LATER).allowed).toBe(false);
    expect(decideConsent([w, g], q, LATER).allowed).toBe(true);
    const early = withdraw({ purpose: 'assistance', recordedAt: '2026-06-01T08:00:00.000Z' });
    expect(decideConsent([g, early], q, LATER).allowed).toBe(true);
  });

  describe('expiry', () => {
    const g = grant({ purpose: 'statistics', expiresOn: '2026-06-30' });
    const q = { purpose: 'statistics' } as const;

    it('holds through its last day, naming it', () => {
      expect(decideConsent([g], q, new Date('2026-06-30T23:59:59Z'))).toMatchObject({
        allowed: true,
        expiresOn: '2026-06-30',
        reason:
          'consent for sharing de-identified data for statistics given on 2026-06-01 (written), valid until 2026-06-30',
      });
    });

    it('ends the day after, and says so', () => {
      expect(decideConsent([g], q, new Date('2026-07-01T00:00:00Z'))).toMatchObject({
        allowed: false,
        basis: 'expired',
        consentId: g.id,
        reason:
          'consent for sharing de-identified data for statistics given on 2026-06-01 (written) expired after 2026-06-30',
      });
    });

    it('does not fall back to an older grant without expiry: renewal is a new record', () => {
      const open = grant({ purpose: 'statistics' });
      const dated = grant({ purpose: 'statistics', expiresOn: '2026-06-30' });
      const after = new Date('2026-07-02T00:00:00Z');
      expect(decideConsent([open, dated], q, after).basis).toBe('expired');
      const renewed = grant({ purpose: 'statistics', recordedAt: '2026-07-02T00:00:00.000Z' });
      expect(decideConsent([open, dated, renewed], q, after).allowed).toBe(true);
    });
  });

  describe('referral: per service type or all service types', () => {
    const shelter = { purpose: 'referral', serviceType: 'shelter' } as const;
    const medical = { purpose: 'referral', serviceType: 'medical' } as const;

    it('a grant for one service type covers that type only', () => {
      const g = grant({ purpose: 'referral', serviceType: 'medical' });
      expect(decideConsent([g], medical, LATER)).toMatchObject({
        allowed: true,
        reason: 'consent for referral to medical given on 2026-06-01 (written)',
      });
      expect(decideConsent([g], shelter, LATER)).toMatchObject({
        allowed: false,
        reason: 'no consent recorded for referral to shelter',
      });
    });

    it('a grant for all service types covers each, and says it was for all', () => {
      const g = grant({ purpose: 'referral' });
      for (const q of [shelter, medical]) expect(decideConsent([g], q, LATER).allowed).toBe(true);
      expect(decideConsent([g], shelter, LATER).reason).toBe(
        'consent for referral to shelter given on 2026-06-01 (written) (it covered all service types)',
      );
    });

    it('all granted, then one withdrawn: that one ends, the others hold', () => {
      const g = grant({ purpose: 'referral' });
      const w = withdraw({ purpose: 'referral', serviceType: 'shelter' });
      expect(decideConsent([g, w], shelter, LATER)).toMatchObject({
        allowed: false,
        basis: 'withdrawn',
        consentId: w.id,
      });
      expect(decideConsent([g, w], medical, LATER).allowed).toBe(true);
    });

    it('one granted, then all withdrawn: the withdrawal of all ends it too', () => {
      const g = grant({ purpose: 'referral', serviceType: 'shelter' });
      const w = withdraw({ purpose: 'referral' });
      expect(decideConsent([g, w], shelter, LATER)).toMatchObject({
        allowed: false,
        basis: 'withdrawn',
        reason:
          'consent for referral to shelter was withdrawn on 2026-06-01 (it covered all service types)',
      });
    });

    it('all withdrawn, then one granted again: that one only', () => {
      const history = [
        grant({ purpose: 'referral' }),
        withdraw({ purpose: 'referral' }),
        grant({ purpose: 'referral', serviceType: 'medical' }),
      ];
      expect(decideConsent(history, medical, LATER).allowed).toBe(true);
      expect(decideConsent(history, shelter, LATER).allowed).toBe(false);
    });

    it('one refused, then all granted: the later grant for all covers it', () => {
      const history = [
        withdraw({ purpose: 'referral', serviceType: 'shelter' }),
        grant({ purpose: 'referral' }),
      ];
      expect(decideConsent(history, shelter, LATER).allowed).toBe(true);
    });

    it('consent to referral is not consent to another purpose', () => {
      const g = grant({ purpose: 'referral' });
      expect(decideConsent([g], { purpose: 'family_tracing' }, LATER).allowed).toBe(false);
    });
  });
});
