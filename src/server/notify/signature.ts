import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Webhook signatures in the style of Stripe's `Stripe-Signature` and the Standard Webhooks
 * specification (https://www.standardwebhooks.com/, "Signature scheme"): the signed content is
 * `<timestamp>.<raw body>`, so a captured request cannot be replayed later with a new
 * timestamp, and a receiver refuses timestamps outside a tolerance window (5 minutes there).
 *
 *   X-Lantern-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>
 *
 * Several `v1=` values may appear (while a secret is being rotated); one match suffices.
 */
export const SIGNATURE_HEADER = 'X-Lantern-Signature';
export const EVENT_HEADER = 'X-Lantern-Event';
export const DELIVERY_HEADER = 'X-Lantern-Delivery';
export const DEFAULT_TOLERANCE_SECONDS = 300;

const hmacHex = (secret: string | Buffer, t: number, body: string | Buffer): string =>
  createHmac('sha256', secret).update(`${t}.`).update(body).digest('hex');

/** The header value for `body` sent at `t` (unix seconds). */
export function signWebhook(secret: string | Buffer, t: number, body: string | Buffer): string {
  return `t=${t},v1=${hmacHex(secret, t, body)}`;
}

export type VerifyResult =
  { ok: true; timestamp: number } | { ok: false; reason: 'malformed' | 'stale' | 'mismatch' };

/**
 * What a receiver runs on each request: parses the header, refuses a timestamp further than
 * `toleranceSeconds` from `now` (replay), and compares the expected HMAC in constant time.
 * `body` must be the raw bytes received, before any JSON parsing.
 */
export function verifyWebhookSignature(
  secret: string | Buffer,
  header: string | undefined,
  body: string | Buffer,
  now: Date = new Date(),
  toleranceSeconds: number = DEFAULT_TOLERANCE_SECONDS,
): VerifyResult {
  if (!header) return { ok: false, reason: 'malformed' };
  let t: number | undefined;
  const candidates: string[] = [];
  for (const part of header.split(',')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    const k = part.slice(0, eq).trim();
    const v = part.slice(eq + 1).trim();
    if (k === 't' && /^\d{1,12}$/.test(v)) t = Number(v);
    else if (k === 'v1' && /^[0-9a-f]{64}$/.test(v)) candidates.push(v);
  }
  if (t === undefined || candidates.length === 0) return { ok: false, reason: 'malformed' };
  if (Math.abs(Math.floor(now.getTime() / 1000) - t) > toleranceSeconds) {
    return { ok: false, reason: 'stale' };
  }
  const expected = Buffer.from(hmacHex(secret, t, body), 'hex');
  const match = candidates.some((c) => timingSafeEqual(Buffer.from(c, 'hex'), expected));
  return match ? { ok: true, timestamp: t } : { ok: false, reason: 'mismatch' };
}
