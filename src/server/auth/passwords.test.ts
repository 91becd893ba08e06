import { describe, expect, it } from 'vitest';
import { hashPassword, oneTimePassword, verifyPassword } from './passwords.ts';

const PHC_ARGON2ID = /^\$argon2id\$v=19\$m=19456,t=2,p=1\$[A-Za-z0-9+/]{22,}\$[A-Za-z0-9+/]{43,}$/;

describe('password hashing', () => {
  it('stores an argon2id PHC string with OWASP’s minimum parameters', async () => {
    const stored = await hashPassword('a long test password');
    expect(stored).toMatch(PHC_ARGON2ID);
    expect(stored).not.toContain('a long test password');
  });

  it('salts every hash: the same password hashes differently twice', async () => {
    const [a, b] = await Promise.all([
      hashPassword('same password'),
      hashPassword('same password'),
    ]);
    expect(a).not.toBe(b);
  });

  it('verifies the right password and refuses a wrong one', async () => {
    const stored = await hashPassword('correct horse battery staple');
    expect(await verifyPassword(stored, 'correct horse battery staple')).toBe(true);
    expect(await verifyPassword(stored, 'correct horse battery stapl')).toBe(false);
    expect(await verifyPassword(stored, 'Correct horse battery staple')).toBe(false);
    expect(await verifyPassword(stored, '')).toBe(false);
  });

  it('verifies non-ASCII passwords exactly', async () => {
    const stored = await hashPassword('পাসওয়ার্ড كلمة السر pässwörd');
    expect(await verifyPassword(stored, 'পাসওয়ার্ড كلمة السر pässwörd')).toBe(true);
    expect(await verifyPassword(stored, 'পাসওয়ার্ড كلمة السر passwörd')).toBe(false);
  });

  it.each([
    ['an empty string', ''],
    ['plain text', 'not a hash'],
    ['a truncated PHC string', '$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ'],
    ['a bcrypt hash', '$2b$10$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy'],
  ])('answers false, without throwing, for a malformed stored hash (%s)', async (_what, stored) => {
    await expect(verifyPassword(stored, 'anything')).resolves.toBe(false);
  });
});

describe('one-time passwords', () => {
  // 4 groups of 4 from an alphabet without look-alikes: no 0/o, 1/l/i.
  const FORMAT = /^[a-hjkmnp-z2-9]{4}-[a-hjkmnp-z2-9]{4}-[a-hjkmnp-z2-9]{4}-[a-hjkmnp-z2-9]{4}$/;

  it('has the readable format xxxx-xxxx-xxxx-xxxx without look-alike characters', () => {
    for (let i = 0; i < 200; i++) {
      const otp = oneTimePassword();
      expect(otp).toMatch(FORMAT);
      expect(otp).not.toMatch(/[01ilo]/);
    }
  });

  it('is long enough for the password policy (at least 12 characters)', () => {
    expect(oneTimePassword().length).toBeGreaterThanOrEqual(12);
  });

  it('is different every time', () => {
    const seen = new Set(Array.from({ length: 1000 }, () => oneTimePassword()));
    expect(seen.size).toBe(1000);
  });

  it('verifies against its own hash', async () => {
    const otp = oneTimePassword();
    expect(await verifyPassword(await hashPassword(otp), otp)).toBe(true);
  });
});
