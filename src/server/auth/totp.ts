import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

// TOTP per RFC 6238 (HMAC-SHA1, 30-second steps, 6 digits) over HOTP (RFC 4226 §5.3).
const STEP_SECONDS = 30;
const DIGITS = 6;
const B32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

export function base32Encode(buf: Uint8Array): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of buf) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += B32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += B32[(value << (5 - bits)) & 31];
  return out;
}

export function base32Decode(text: string): Buffer {
  const clean = text.toUpperCase().replace(/[\s=-]/g, '');
  let bits = 0;
  let value = 0;
  const out: number[] = [];
  for (const ch of clean) {
    const idx = B32.indexOf(ch);
    if (idx < 0) throw new Error('not base32');
    value = (value << 5) | idx;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 255);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

/** A new 160-bit secret (RFC 4226 §4 recommends at least 128, preferably 160 bits). */
export const newTotpSecret = (): Buffer => randomBytes(20);

export function hotp(secret: Uint8Array, counter: number): string {
  const msg = Buffer.alloc(8);
  msg.writeBigUInt64BE(BigInt(counter));
  const mac = createHmac('sha1', secret).update(msg).digest();
  const offset = mac[mac.length - 1]! & 0x0f;
  const code = (mac.readUInt32BE(offset) & 0x7fffffff) % 10 ** DIGITS;
  return code.toString().padStart(DIGITS, '0');
}

export const totpStep = (at: Date): number => Math.floor(at.getTime() / 1000 / STEP_SECONDS);

export const totpAt = (secret: Uint8Array, at: Date): string => hotp(secret, totpStep(at));

/**
 * Checks a code against the current step and one step either side (clock drift, RFC 6238 §5.2).
 * Returns the matching step, which must be greater than the last accepted one (no replay).
 */
export function verifyTotp(
  secret: Uint8Array,
  code: string,
  at: Date,
  lastStep: number | null,
): number | null {
  // Exactly DIGITS digits: a longer input must not pass on its first six characters.
  if (code.length !== DIGITS || !/^\d+$/.test(code)) return null;
  const now = totpStep(at);
  const given = Buffer.from(code);
  for (const step of [now - 1, now, now + 1]) {
    if (lastStep !== null && step <= lastStep) continue;
    const expected = Buffer.from(hotp(secret, step));
    if (timingSafeEqual(expected, given)) return step;
  }
  return null;
}

export function otpauthUrl(secret: Uint8Array, account: string, issuer = 'Lantern'): string {
  const label = encodeURIComponent(`${issuer}:${account}`);
  return `otpauth://totp/${label}?secret=${base32Encode(secret)}&issuer=${encodeURIComponent(issuer)}&algorithm=SHA1&digits=${DIGITS}&period=${STEP_SECONDS}`;
}
