import { randomBytes, randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { Keyring, blindIndex, normaliseForIndex } from './keyring.ts';

describe('Keyring: one data key per organisation, wrapped under the master key', () => {
  it('gives each organisation its own keys, and separate keys for encryption and indexing', () => {
    const keyring = new Keyring(randomBytes(32));
    const [a, b] = [randomUUID(), randomUUID()];
    const keysA = keyring.keys(a, keyring.newWrappedKey(a));
    const keysB = keyring.keys(b, keyring.newWrappedKey(b));
    expect(keysA.encryption.equals(keysB.encryption)).toBe(false);
    expect(keysA.blindIndex.equals(keysB.blindIndex)).toBe(false);
    expect(keysA.encryption.equals(keysA.blindIndex)).toBe(false);
    expect(keysA.encryption).toHaveLength(32);
    expect(keysA.blindIndex).toHaveLength(32);
  });

  it('unwraps the same keys again after a restart (new keyring, same master key)', () => {
    const master = randomBytes(32);
    const org = randomUUID();
    const wrapped = new Keyring(master).newWrappedKey(org);
    const first = new Keyring(master).keys(org, wrapped);
    const second = new Keyring(master).keys(org, wrapped);
    expect(first.encryption.equals(second.encryption)).toBe(true);
    expect(first.blindIndex.equals(second.blindIndex)).toBe(true);
  });

  it('a wrapped key of organisation A does not unwrap as organisation B', () => {
    const keyring = new Keyring(randomBytes(32));
    const [a, b] = [randomUUID(), randomUUID()];
    const wrappedA = keyring.newWrappedKey(a);
    expect(() => keyring.keys(b, wrappedA)).toThrow();
    expect(keyring.cached(b)).toBeUndefined();
    // Organisation A's own key still unwraps.
    expect(() => keyring.keys(a, wrappedA)).not.toThrow();
  });

  it('a wrapped key does not unwrap under another master key', () => {
    const org = randomUUID();
    const wrapped = new Keyring(randomBytes(32)).newWrappedKey(org);
    expect(() => new Keyring(randomBytes(32)).keys(org, wrapped)).toThrow();
  });

  it('caches an organisation’s keys once unwrapped', () => {
    const keyring = new Keyring(randomBytes(32));
    const org = randomUUID();
    expect(keyring.cached(org)).toBeUndefined();
    const keys = keyring.keys(org, keyring.newWrappedKey(org));
    expect(keyring.cached(org)).toBe(keys);
  });
});

describe('Keyring: data keys of shared records', () => {
  it('wraps a fresh key per record, opened only with the same master key and binding', () => {
    const ring = new Keyring(randomBytes(32));
    const a = ring.newDataKey('referral-key:1');
    const b = ring.newDataKey('referral-key:1');
    expect(a.key).toHaveLength(32);
    expect(a.key.equals(b.key)).toBe(false);
    expect(ring.openDataKey(a.wrapped, 'referral-key:1').equals(a.key)).toBe(true);
    expect(() => ring.openDataKey(a.wrapped, 'referral-key:2')).toThrow();
    expect(() => new Keyring(randomBytes(32)).openDataKey(a.wrapped, 'referral-key:1')).toThrow();
  });
});

describe('blind index', () => {
  const key = randomBytes(32);
  const idx = (value: string, purpose = 'person:name', k = key) =>
    blindIndex(k, purpose, value).toString('hex');

  it('is 128 bits', () => {
    expect(blindIndex(key, 'person:name', 'x')).toHaveLength(16);
  });

  it('matches names written with different case, accents and spacing', () => {
    expect(normaliseForIndex('  JOSÉ  María ')).toBe('jose maria');
    expect(idx('  JOSÉ  María ')).toBe(idx('jose maria'));
    expect(idx('Ngozi\tOKAFOR')).toBe(idx('ngozi okafor'));
  });

  it('matches Arabic names with and without short vowels (tashkeel) and tatweel', () => {
    expect(idx('محمّد')).toBe(idx('محمد'));
    expect(idx('فَاطِمَة')).toBe(idx('فاطمة'));
    expect(idx('محـــمد')).toBe(idx('محمد'));
  });

  it('matches precomposed and decomposed forms of the same letter', () => {
    expect(idx('Jos\u00e9')).toBe(idx('Jose\u0301'));
    expect(idx('\u09df')).toBe(idx('\u09af\u09bc')); // Bengali YYA, one code point or two
  });

  it('keeps Bengali vowel signs: different Bengali names stay different', () => {
    // কামাল (Kamal) and কমল (Komol) differ only by the vowel sign া (U+09BE).
    expect(normaliseForIndex('কামাল')).toBe('কামাল');
    expect(idx('কামাল')).not.toBe(idx('কমল'));
    // মিতা / মীতা / মেতা differ only in the vowel sign after ম.
    expect(new Set([idx('মিতা'), idx('মীতা'), idx('মেতা')]).size).toBe(3);
  });

  it('keeps different Latin names different', () => {
    expect(idx('Amina')).not.toBe(idx('Amino'));
    expect(idx('Ana Maria')).not.toBe(idx('Anamaria'));
  });

  it('differs between purposes, so equal values in two fields do not link', () => {
    expect(idx('Okafor', 'person:family_name')).not.toBe(idx('Okafor', 'person:given_name'));
  });

  it('differs between keys, so two organisations’ indexes do not link', () => {
    expect(idx('Okafor', 'person:name', randomBytes(32))).not.toBe(idx('Okafor'));
  });

  it('does not let a value shift into the purpose (separator)', () => {
    expect(blindIndex(key, 'a', 'b c').equals(blindIndex(key, 'a b', 'c'))).toBe(false);
  });
});
