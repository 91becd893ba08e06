/**
 * The form of an instance fingerprint that people compare by reading it aloud: 60 decimal digits
 * in 12 groups of 5, the layout of Signal's safety numbers (Signal, "Safety number updates",
 * 2016; libsignal NumericFingerprintGenerator). Digits survive a phone line, any script and any
 * keyboard better than hexadecimal does.
 *
 * The digits are the fingerprint (a SHA-256 digest) read as a big-endian integer modulo 10^60:
 * 60 digits carry log2(10^60) ≈ 199 bits, and the bias of the reduction (2^256 / 10^60 ≈ 2^56
 * whole cycles) is below 2^-56, so matching digits still means matching keys short of a
 * 2^199-work second pre-image. Pure code: also used by the web app.
 */

export const SAFETY_NUMBER_GROUPS = 12;
export const SAFETY_NUMBER_GROUP_DIGITS = 5;
const DIGITS = SAFETY_NUMBER_GROUPS * SAFETY_NUMBER_GROUP_DIGITS;
const MODULUS = 10n ** BigInt(DIGITS);

/** The 60-digit safety number of a 32-byte fingerprint, as "12345 67890 …" (12 groups). */
export function safetyNumber(fingerprint: Uint8Array): string {
  if (fingerprint.length !== 32) throw new Error('a fingerprint is 32 bytes (SHA-256)');
  let n = 0n;
  for (const byte of fingerprint) n = (n << 8n) | BigInt(byte);
  const digits = (n % MODULUS).toString().padStart(DIGITS, '0');
  const groups: string[] = [];
  for (let i = 0; i < DIGITS; i += SAFETY_NUMBER_GROUP_DIGITS) {
    groups.push(digits.slice(i, i + SAFETY_NUMBER_GROUP_DIGITS));
  }
  return groups.join(' ');
}

/**
 * The 60 digits of a safety number as typed by a person (spaces, hyphens and line breaks
 * ignored), or undefined when it is not 60 digits: the caller names the field.
 */
export function normaliseSafetyNumber(text: string): string | undefined {
  const digits = text.replace(/[\s\-.]/g, '');
  return /^[0-9]{60}$/.test(digits) ? digits : undefined;
}

/** Whether a typed safety number reads the same as the expected one (formatting aside). */
export function sameSafetyNumber(typed: string, expected: string): boolean {
  const a = normaliseSafetyNumber(typed);
  const b = normaliseSafetyNumber(expected);
  return a !== undefined && a === b;
}
