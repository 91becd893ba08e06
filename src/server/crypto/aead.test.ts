import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { open, seal } from './aead.ts';

// Layout of a sealed value: version (1) | IV (12) | tag (16) | ciphertext.
const IV_AT = 1;
const TAG_AT = 13;
const BODY_AT = 29;

const key = randomBytes(32);
const plaintext = Buffer.from('Amina Okafor, born 1998-04-12', 'utf8');
const aad = 'person:5b0b6f0e-2a63-4a43-9f7e-0c7a2f1f4b1e';

function flipped(buf: Buffer, index: number): Buffer {
  const copy = Buffer.from(buf);
  copy[index] = copy[index]! ^ 0x01;
  return copy;
}

describe('AES-256-GCM seal/open', () => {
  it('opens what it sealed, with the same key and context', () => {
    const sealed = seal(key, plaintext, aad);
    expect(open(key, sealed, aad).equals(plaintext)).toBe(true);
  });

  it('round-trips the empty value and binary values', () => {
    expect(open(key, seal(key, Buffer.alloc(0), aad), aad)).toHaveLength(0);
    const bytes = randomBytes(1000);
    expect(open(key, seal(key, bytes, aad), aad).equals(bytes)).toBe(true);
  });

  it('opens a value handed over as a Uint8Array view inside a larger buffer (as drivers do)', () => {
    const sealed = seal(key, plaintext, aad);
    const backing = Buffer.concat([Buffer.from('junk'), sealed, Buffer.from('tail')]);
    const view = new Uint8Array(backing.buffer, backing.byteOffset + 4, sealed.length);
    expect(open(key, view, aad).equals(plaintext)).toBe(true);
  });

  it('does not contain the plaintext', () => {
    const sealed = seal(key, plaintext, aad);
    expect(sealed.includes(plaintext)).toBe(false);
    expect(sealed).toHaveLength(BODY_AT + plaintext.length);
  });

  it('two seals of the same plaintext differ (fresh IV each time)', () => {
    const a = seal(key, plaintext, aad);
    const b = seal(key, plaintext, aad);
    expect(a.equals(b)).toBe(false);
    expect(a.subarray(IV_AT, TAG_AT).equals(b.subarray(IV_AT, TAG_AT))).toBe(false);
  });

  it.each([
    ['the IV', IV_AT],
    ['the last IV byte', TAG_AT - 1],
    ['the tag', TAG_AT],
    ['the last tag byte', BODY_AT - 1],
    ['the ciphertext', BODY_AT],
    ['the last ciphertext byte', BODY_AT + plaintext.length - 1],
  ])('refuses a value whose %s was altered', (_where, index) => {
    const sealed = seal(key, plaintext, aad);
    expect(() => open(key, flipped(sealed, index), aad)).toThrow();
  });

  it('refuses a truncated value, a value with bytes appended, and an unknown version', () => {
    const sealed = seal(key, plaintext, aad);
    expect(() => open(key, sealed.subarray(0, sealed.length - 1), aad)).toThrow();
    expect(() => open(key, Buffer.concat([sealed, Buffer.of(0)]), aad)).toThrow();
    expect(() => open(key, sealed.subarray(0, BODY_AT - 1), aad)).toThrow(/unknown format/);
    expect(() => open(key, flipped(sealed, 0), aad)).toThrow(/unknown format/);
  });

  it('refuses to open under another context (AAD): a value moved to another record', () => {
    const sealed = seal(key, plaintext, aad);
    expect(() => open(key, sealed, 'person:another-record')).toThrow();
    expect(() => open(key, sealed, '')).toThrow();
  });

  it('refuses to open with another key', () => {
    const sealed = seal(key, plaintext, aad);
    expect(() => open(randomBytes(32), sealed, aad)).toThrow();
  });
});
