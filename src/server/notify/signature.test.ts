import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signWebhook, verifyWebhookSignature } from './signature.ts';

const secret = 'whsec_test';
const body = '{"id":"1","type":"referral.sent"}';
const now = new Date('2026-06-01T09:00:00Z');
const t = Math.floor(now.getTime() / 1000);

describe('webhook signatures', () => {
  it('sign "<t>.<body>" with HMAC-SHA256, hex', () => {
    const expected = createHmac('sha256', secret).update(`${t}.${body}`).digest('hex');
    expect(signWebhook(secret, t, body)).toBe(`t=${t},v1=${expected}`);
  });

  it('verify a good signature, and accept any one of several v1 values (rotation)', () => {
    const good = signWebhook(secret, t, body);
    expect(verifyWebhookSignature(secret, good, body, now, 300)).toEqual({
      ok: true,
      timestamp: t,
    });
    const other = signWebhook('whsec_old', t, body).split(',')[1];
    expect(verifyWebhookSignature(secret, `${good},${other}`, body, now, 300).ok).toBe(true);
    expect(
      verifyWebhookSignature(secret, `t=${t},${other},${good.split(',')[1]}`, body, now, 300).ok,
    ).toBe(true);
  });

  it('refuse a changed body, a wrong secret, a changed timestamp', () => {
    const good = signWebhook(secret, t, body);
    expect(verifyWebhookSignature(secret, good, body + ' ', now, 300).ok).toBe(false);
    expect(verifyWebhookSignature('whsec_x', good, body, now, 300).ok).toBe(false);
    const shifted = good.replace(`t=${t}`, `t=${t + 1}`);
    expect(verifyWebhookSignature(secret, shifted, body, now, 300)).toEqual({
      ok: false,
      reason: 'mismatch',
    });
  });

  it('refuse a timestamp outside the tolerance (replay), either side', () => {
    const good = signWebhook(secret, t, body);
    const at = (s: number) => new Date(now.getTime() + s * 1000);
    expect(verifyWebhookSignature(secret, good, body, at(300), 300).ok).toBe(true);
    expect(verifyWebhookSignature(secret, good, body, at(301), 300).ok).toBe(false);
    expect(verifyWebhookSignature(secret, good, body, at(-301), 300)).toEqual({
      ok: false,
      reason: 'stale',
    });
  });

  it('refuse malformed headers without throwing', () => {
    for (const h of [undefined, '', 'v1=abc', `t=${t}`, `t=x,v1=${'0'.repeat(64)}`, 'garbage']) {
      expect(verifyWebhookSignature(secret, h, body, now, 300)).toEqual({
        ok: false,
        reason: 'malformed',
      });
    }
  });

  it('work on raw bytes as well as strings', () => {
    const bytes = Buffer.from(body);
    expect(verifyWebhookSignature(secret, signWebhook(secret, t, bytes), body, now, 300).ok).toBe(
      true,
    );
  });
});
