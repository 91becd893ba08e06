import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import ar from '../../../shared/i18n/locales/ar.json' with { type: 'json' };
import en from '../../../shared/i18n/locales/en.json' with { type: 'json' };
import { PACKAGE_CONFLICTS, PACKAGE_REFUSALS } from '../../../shared/instances/packages.ts';
import { ApiError } from '../../api/client.ts';
import { refusalMessage, refusalOf } from './package-refusal.ts';

// Renders the key and its values instead of a translation, so the mapping itself is visible.
const t = ((key: string, values?: Record<string, string>) =>
  values ? `${key}(${Object.values(values).join(',')})` : key) as unknown as TFunction;

describe('package refusals in words', () => {
  it('gives every refusal and conflict reason its own label, in English and Arabic', () => {
    for (const reason of [...PACKAGE_REFUSALS, ...PACKAGE_CONFLICTS]) {
      expect(en.packages.refusal, reason).toHaveProperty(reason);
      expect(ar.packages.refusal, reason).toHaveProperty(reason);
    }
  });

  it('reads the reason of a refused package (details[0].reason) and of an export conflict', () => {
    const tampered = new ApiError(400, 'validation_failed', 'x', [
      { path: 'signature', message: 'x', reason: 'bad_signature' },
    ]);
    expect(refusalMessage(t, tampered)).toBe('packages.refusal.bad_signature');
    const early = new ApiError(409, 'conflict', 'x', { from: 'sent', reason: 'no_answer_yet' });
    expect(refusalMessage(t, early)).toBe('packages.refusal.no_answer_yet');
  });

  it('names the statuses of a package that does not fit the referral’s state', () => {
    const late = new ApiError(409, 'conflict', 'x', {
      from: 'completed',
      to: 'withdrawn',
      action: 'withdraw',
    });
    expect(refusalOf(late)).toEqual({ kind: 'state', from: 'completed', to: 'withdrawn' });
    expect(refusalMessage(t, late)).toBe(
      'packages.refusal.state(referrals.status.completed,referrals.status.withdrawn)',
    );
  });

  it('falls back by error code, never to the server’s message, and names an unreadable file', () => {
    expect(refusalMessage(t, new ApiError(409, 'conflict', 'Already', { referralId: 'x' }))).toBe(
      'packages.refusal.already_received',
    );
    expect(
      refusalMessage(t, new ApiError(400, 'validation_failed', 'x', [{ path: 'serviceId' }])),
    ).toBe('packages.refusal.not_applicable');
    expect(refusalMessage(t, new ApiError(404, 'not_found', 'x'))).toBe(
      'packages.refusal.unknown_referral',
    );
    expect(refusalMessage(t, new ApiError(403, 'forbidden', 'x'))).toBe('errors.forbidden');
    let parseError: unknown;
    try {
      JSON.parse('not json');
    } catch (e) {
      parseError = e;
    }
    expect(refusalMessage(t, parseError)).toBe('packages.refusal.not_json');
    // a reason the client does not know is not trusted as a key
    expect(
      refusalMessage(t, new ApiError(400, 'validation_failed', 'x', [{ reason: 'made_up' }])),
    ).toBe('packages.refusal.not_applicable');
  });
});
