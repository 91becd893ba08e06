import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  base32Decode,
  base32Encode,
  hotp,
  otpauthUrl,
  totpAt,
  totpStep,
  verifyTotp,
} from './totp.ts';

// RFC 6238 Appendix B, SHA-1 rows. The RFC prints 8-digit codes; we issue 6 digits, which are
// the last 6 digits of the same truncated value (RFC 4226 §5.3: Snum mod 10^Digit).
const RFC_SECRET = Buffer.from('12345678901234567890', 'ascii');
const RFC_VECTORS: [seconds: number, eightDigits: string][] = [
  [59, '94287082'],
  [1111111109, '07081804'],
  [1111111111, '14050471'],
  [1234567890, '89005924'],
  [2000000000, '69279037'],
  [20000000000, '65353130'],
];

const at = (seconds: number) => new Date(seconds * 1000);

describe('TOTP codes (RFC 6238)', () => {
  it.each(RFC_VECTORS)('at T=%i s the code is the last 6 digits of %s', (seconds, eight) => {
    expect(totpAt(RFC_SECRET, at(seconds))).toBe(eight.slice(-6));
  });

  it('uses 30-second steps counted from the Unix epoch', () => {
    expect(totpStep(at(0))).toBe(0);
    expect(totpStep(at(29))).toBe(0);
    expect(totpStep(at(30))).toBe(1);
    expect(totpAt(RFC_SECRET, at(30))).toBe(totpAt(RFC_SECRET, at(59)));
    expect(totpAt(RFC_SECRET, at(59))).not.toBe(totpAt(RFC_SECRET, at(60)));
  });

  it('HOTP matches RFC 4226 Appendix D for counters 0 and 9', () => {
    expect(hotp(RFC_SECRET, 0)).toBe('755224');
    expect(hotp(RFC_SECRET, 9)).toBe('520489');
  });
});

describe('base32 (RFC 4648, unpadded)', () => {
  it.each([
    ['', ''],
    ['f', 'MY'],
    ['fo', 'MZXQ'],
    ['foo', 'MZXW6'],
    ['foob', 'MZXW6YQ'],
    ['fooba', 'MZXW6YTB'],
    ['foobar', 'MZXW6YTBOI'],
  ])('encodes %j as %s', (plain, encoded) => {
    expect(base32Encode(Buffer.from(plain))).toBe(encoded);
    expect(base32Decode(encoded).toString()).toBe(plain);
  });

  it('decodes what it encodes, for any bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        expect([...base32Decode(base32Encode(bytes))]).toEqual([...bytes]);
      }),
    );
  });

  it('accepts a secret typed by hand: lower case, spaces, hyphens and padding', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 40 }), (bytes) => {
        const typed = base32Encode(bytes)
          .toLowerCase()
          .replace(/(.{4})/g, '$1 ');
        expect([...base32Decode(`${typed}==`)]).toEqual([...bytes]);
        expect([...base32Decode(typed.replace(/ /g, '-'))]).toEqual([...bytes]);
      }),
    );
  });

  it('refuses characters outside the alphabet', () => {
    expect(() => base32Decode('MZXW1')).toThrow(/base32/);
    expect(() => base32Decode('MZXW8')).toThrow(/base32/);
  });
});

describe('TOTP verification', () => {
  const secret = Buffer.from('0123456789abcdef0123', 'ascii');
  const now = at(1_780_000_000);
  const step = totpStep(now);
  const codeAt = (offsetSteps: number) => totpAt(secret, at(1_780_000_000 + offsetSteps * 30));

  it('accepts the current code and answers its step', () => {
    expect(verifyTotp(secret, codeAt(0), now, null)).toBe(step);
  });

  it('tolerates one step of clock drift either way, not two', () => {
    expect(verifyTotp(secret, codeAt(-1), now, null)).toBe(step - 1);
    expect(verifyTotp(secret, codeAt(1), now, null)).toBe(step + 1);
    expect(verifyTotp(secret, codeAt(-2), now, null)).toBeNull();
    expect(verifyTotp(secret, codeAt(2), now, null)).toBeNull();
  });

  it('refuses a code of another secret, and malformed codes', () => {
    const other = Buffer.from('another secret value', 'ascii');
    const othersCode = totpAt(other, now);
    expect([codeAt(-1), codeAt(0), codeAt(1)]).not.toContain(othersCode); // fixed inputs
    expect(verifyTotp(secret, othersCode, now, null)).toBeNull();
    expect(verifyTotp(secret, codeAt(0).slice(0, 5), now, null)).toBeNull();
    expect(verifyTotp(secret, `${codeAt(0)}0`, now, null)).toBeNull();
    expect(verifyTotp(secret, '', now, null)).toBeNull();
    expect(verifyTotp(secret, `${codeAt(0)} `, now, null)).toBeNull();
    // Non-ASCII input of six characters is refused, not a crash (byte lengths differ).
    expect(verifyTotp(secret, '12345é', now, null)).toBeNull();
    expect(verifyTotp(secret, '١٢٣٤٥٦', now, null)).toBeNull();
  });

  it('refuses a replay: a code of the last accepted step or an earlier one', () => {
    const accepted = verifyTotp(secret, codeAt(0), now, null);
    expect(accepted).toBe(step);
    expect(verifyTotp(secret, codeAt(0), now, accepted)).toBeNull();
    expect(verifyTotp(secret, codeAt(-1), now, accepted)).toBeNull();
    // The next step's code is still good (the user's next code within the drift window).
    expect(verifyTotp(secret, codeAt(1), now, accepted)).toBe(step + 1);
  });

  it('a code accepted early (drift) cannot be used again in the following step', () => {
    const accepted = verifyTotp(secret, codeAt(1), now, null);
    const thirtySecondsLater = at(1_780_000_030);
    expect(verifyTotp(secret, codeAt(1), thirtySecondsLater, accepted)).toBeNull();
  });
});

describe('otpauth URL', () => {
  it('carries the base32 secret, issuer and parameters authenticator apps read', () => {
    const url = new URL(otpauthUrl(RFC_SECRET, 'amina@example.org'));
    expect(url.protocol).toBe('otpauth:');
    expect(url.host).toBe('totp');
    expect(decodeURIComponent(url.pathname)).toBe('/Lantern:amina@example.org');
    expect(url.searchParams.get('secret')).toBe(base32Encode(RFC_SECRET));
    expect(url.searchParams.get('issuer')).toBe('Lantern');
    expect(url.searchParams.get('digits')).toBe('6');
    expect(url.searchParams.get('period')).toBe('30');
    expect(url.searchParams.get('algorithm')).toBe('SHA1');
  });
});
