import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A new random token (256 bits, base64url). */
export const newToken = (): string => randomBytes(32).toString('base64url');

/** Sessions are stored by the SHA-256 of their token: a database leak yields no usable cookie. */
export const hashToken = (token: string): Buffer => createHash('sha256').update(token).digest();

export function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
