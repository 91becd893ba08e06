import { describe, expect, it } from 'vitest';
import type { CaseDetail } from '../../../shared/api/cases.schema.ts';
import type { ConsentOverview } from '../../../shared/api/consent.schema.ts';
import type { SearchHit } from '../../../shared/api/directory.schema.ts';
import { ApiError } from '../../api/client.ts';
import {
  ageOn,
  consentCovers,
  consentRefusal,
  dueState,
  inboxOrder,
  noneEligibleInRange,
  parseLanguages,
  unmetReason,
  searchProfile,
  snapshotEntries,
  wizardFieldOf,
} from './referral-model.ts';

const today = new Date('2026-11-29T10:00:00Z');

describe('referral wizard model', () => {
  it('counts whole years to today, the birthday itself included', () => {
    expect(ageOn('2010-11-29', today)).toBe(16);
    expect(ageOn('2010-11-30', today)).toBe(15);
    expect(ageOn('2010-12-01', today)).toBe(15);
    expect(ageOn('not a date', today)).toBeNull();
  });

  it('fills the search from the case: age from the birth date before the registered age', () => {
    const base = {
      gender: 'Feminine',
      citizenship: 'MD',
      traffickingStatus: 'PresumedVictimOfTrafficking',
      ageAtRegistration: 30,
      person: { dateOfBirth: null },
    } as unknown as CaseDetail;
    expect(searchProfile(base, today)).toEqual({
      age: 30,
      gender: 'Feminine',
      nationality: 'MD',
      status: 'PresumedVictimOfTrafficking',
    });
    const withBirth = { ...base, person: { dateOfBirth: '2000-01-01' } } as unknown as CaseDetail;
    expect(searchProfile(withBirth, today).age).toBe(26);
    const unknown = { ...base, ageAtRegistration: null } as unknown as CaseDetail;
    expect(searchProfile(unknown, today)).not.toHaveProperty('age');
  });

  it('reads consent for referral per service type; an unread overview is unknown', () => {
    const overview = {
      current: [
        { purpose: 'referral', serviceType: 'shelter', allowed: true },
        { purpose: 'referral', serviceType: 'medical', allowed: false },
        { purpose: 'assistance', serviceType: null, allowed: true },
      ],
    } as unknown as ConsentOverview;
    expect(consentCovers(overview, 'shelter')).toBe(true);
    expect(consentCovers(overview, 'medical')).toBe(false);
    expect(consentCovers(overview, 'legal_aid')).toBe(false);
    expect(consentCovers(null, 'shelter')).toBeNull();
  });

  it('finds an unmet need only when nothing is eligible within the radius', () => {
    const hit = (eligible: boolean, withinRadius: boolean) =>
      ({ eligible, withinRadius }) as SearchHit;
    expect(noneEligibleInRange([])).toBe(true);
    expect(noneEligibleInRange([hit(true, false), hit(false, true)])).toBe(true);
    expect(noneEligibleInRange([hit(false, true), hit(true, true)])).toBe(false);
  });

  it('names the service type of a consent refusal, and nothing for other errors', () => {
    const refusal = new ApiError(403, 'consent_required', 'x', {
      purpose: 'referral',
      serviceType: 'shelter',
    });
    expect(consentRefusal(refusal)).toEqual({ serviceType: 'shelter' });
    expect(consentRefusal(new ApiError(403, 'forbidden', 'x'))).toBeNull();
    expect(consentRefusal(new Error('x'))).toBeNull();
  });

  it('reports a refused field of the list on the list itself', () => {
    expect(wizardFieldOf('fields.2')).toBe('fields');
    expect(wizardFieldOf('stated.languages')).toBe('stated.languages');
  });

  it('reads languages typed in any separator and case, and names the wrong words', () => {
    expect(parseLanguages('AR, fr  en;ar')).toEqual({ codes: ['ar', 'fr', 'en'], invalid: [] });
    expect(parseLanguages('ar, Arabic')).toEqual({ codes: ['ar'], invalid: ['Arabic'] });
    expect(parseLanguages('  ')).toEqual({ codes: [], invalid: [] });
  });

  it('lists only the fields the snapshot holds, in the rules’ order', () => {
    expect(
      snapshotEntries({ age: 15, givenName: 'Mira' }, ['givenName', 'familyName', 'age']),
    ).toEqual([
      ['givenName', 'Mira'],
      ['age', 15],
    ]);
  });

  it('flags a sent referral due within a day, and one past its time', () => {
    const at = (hours: number) => new Date(today.getTime() + hours * 3_600_000).toISOString();
    expect(dueState({ status: 'sent', answerDueAt: at(5) }, today)).toBe('soon');
    expect(dueState({ status: 'sent', answerDueAt: at(48) }, today)).toBeNull();
    expect(dueState({ status: 'expired', answerDueAt: at(-1) }, today)).toBe('overdue');
    expect(dueState({ status: 'accepted', answerDueAt: at(-1) }, today)).toBeNull();
    expect(dueState({ status: 'sent', answerDueAt: null }, today)).toBeNull();
  });

  it('puts new referrals first, soonest due first, then the rest latest first', () => {
    const items = [
      { id: 'a', status: 'accepted', answerDueAt: null, sentAt: '2026-11-01T00:00:00Z' },
      { id: 'b', status: 'sent', answerDueAt: '2026-12-05T00:00:00Z', sentAt: null },
      { id: 'c', status: 'completed', answerDueAt: null, sentAt: '2026-11-20T00:00:00Z' },
      { id: 'd', status: 'sent', answerDueAt: '2026-12-01T00:00:00Z', sentAt: null },
    ] as const;
    expect(inboxOrder(items).map((i) => i.id)).toEqual(['d', 'b', 'c', 'a']);
  });

  it('names why a search found nothing, as the pathway metrics count it', () => {
    const hit = (mismatches: string[], withinRadius: boolean) =>
      ({ eligible: mismatches.length === 0, mismatches, withinRadius }) as SearchHit;
    expect(unmetReason([])).toBe('none_listed');
    expect(unmetReason([hit(['age'], true)])).toBe('none_eligible');
    expect(unmetReason([hit([], false), hit(['age'], true)])).toBe('none_in_range');
    expect(unmetReason([hit(['capacity'], true), hit([], false)])).toBe('no_places');
    expect(unmetReason([hit([], true)])).toBeNull();
  });
});
