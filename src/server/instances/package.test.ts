import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { InstanceSecrets, LanternPackage, OpenOptions, PublicIdentity } from './package.ts';
import {
  canonicalHeader,
  exportPrivateKey,
  fingerprintOf,
  generateInstanceSecrets,
  importPrivateKey,
  MAX_CLOCK_SKEW_MS,
  MAX_PACKAGE_AGE_MS,
  openPackage,
  PackageError,
  parsePackage,
  sealPackage,
  signedBytes,
} from './package.ts';

const NOW = new Date('2026-06-01T09:00:00.000Z');
const alice = generateInstanceSecrets(randomUUID());
const bob = generateInstanceSecrets(randomUUID());
const carol = generateInstanceSecrets(randomUUID());

const payload = Buffer.from(JSON.stringify({ referral: { reference: 'R-2026-000042' } }));

const seal = (over: { plaintext?: Buffer; now?: Date; recipient?: PublicIdentity } = {}) =>
  sealPackage({
    kind: 'referral',
    sender: alice,
    recipient: over.recipient ?? bob.identity,
    plaintext: over.plaintext ?? payload,
    now: over.now ?? NOW,
  });

/** Bob's view: Alice is his one trusted partner; `seen` holds the ids imported so far. */
function bobOptions(
  seen = new Set<string>(),
  over: Partial<OpenOptions<PublicIdentity>> = {},
): OpenOptions<PublicIdentity> {
  return {
    me: bob,
    now: NOW,
    findSender: (id) =>
      Promise.resolve(id === alice.identity.instanceId ? alice.identity : undefined),
    alreadyImported: (id) => Promise.resolve(seen.has(id)),
    ...over,
  };
}

/** What the importer does: parse the file's text, open, record the id. */
async function importText(text: string | Buffer, options = bobOptions()) {
  const raw: unknown = JSON.parse(Buffer.isBuffer(text) ? text.toString('utf8') : text);
  return openPackage(raw, options);
}

async function refusal(p: Promise<unknown>): Promise<PackageError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof PackageError) return e;
    throw e;
  }
  throw new Error('the package was accepted');
}

const fileOf = (p: LanternPackage) => JSON.stringify(p, null, 2);

describe('sealed package round trip', () => {
  it('opens at the recipient with the body it carried, and names its sender', async () => {
    const pkg = seal();
    const { plaintext, sender, pkg: opened } = await importText(fileOf(pkg));
    expect(plaintext.equals(payload)).toBe(true);
    expect(sender).toEqual(alice.identity);
    expect(opened.kind).toBe('referral');
    expect(opened.id).toBe(pkg.id);
  });

  it('does not carry the body in clear', () => {
    const text = fileOf(seal());
    expect(text).not.toContain('R-2026-000042');
    const { ciphertext } = JSON.parse(text) as LanternPackage;
    expect(Buffer.from(ciphertext, 'base64url').toString('latin1')).not.toContain('R-2026');
  });

  it('gives every package its own id, ephemeral key and nonce', () => {
    const a = seal();
    const b = seal();
    expect(a.id).not.toBe(b.id);
    expect(a.ephemeralKey).not.toBe(b.ephemeralKey);
    expect(a.nonce).not.toBe(b.nonce);
    expect(a.ciphertext).not.toBe(b.ciphertext);
  });

  it('serialises the header canonically whatever the order of the fields in the file', () => {
    const pkg = seal();
    const shuffled = Object.fromEntries(Object.entries(pkg).reverse()) as LanternPackage;
    expect(canonicalHeader(shuffled).equals(canonicalHeader(pkg))).toBe(true);
    expect(signedBytes(shuffled).equals(signedBytes(pkg))).toBe(true);
    expect(canonicalHeader(pkg).toString('utf8')).toMatch(
      /^\{"format":"lantern-package","version":1,"kind":"referral","id":"[^"]+","createdAt":"2026-06-01T09:00:00.000Z","sender":\{"instanceId":/,
    );
  });

  it('still opens with private keys that were exported and imported (sealed at rest)', async () => {
    const restored: InstanceSecrets = {
      identity: bob.identity,
      signingPrivate: importPrivateKey(exportPrivateKey(bob.signingPrivate)),
      encryptionPrivate: importPrivateKey(exportPrivateKey(bob.encryptionPrivate)),
    };
    const { plaintext } = await importText(fileOf(seal()), bobOptions(new Set(), { me: restored }));
    expect(plaintext.equals(payload)).toBe(true);
  });
});

describe('a package is refused', () => {
  it('when any single bit of the file is flipped', async () => {
    const file = Buffer.from(fileOf(seal()), 'utf8');
    let opened = 0;
    for (let byte = 0; byte < file.length; byte++) {
      for (let bit = 0; bit < 8; bit++) {
        const copy = Buffer.from(file);
        copy[byte] = copy[byte]! ^ (1 << bit);
        let raw: unknown;
        try {
          raw = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(copy));
        } catch {
          continue; // not JSON any more: refused before it is a package
        }
        opened++;
        const e = await refusal(openPackage(raw, bobOptions()));
        expect(e).toBeInstanceOf(PackageError);
      }
    }
    // Most flips inside base64url text keep the JSON valid: the checks above really ran.
    expect(opened).toBeGreaterThan(file.length * 2);
  });

  it('when it is not a Lantern package, or of an unknown version', async () => {
    const pkg = seal();
    expect((await refusal(openPackage({ ...pkg, format: 'x' }, bobOptions()))).reason).toBe(
      'unknown_format',
    );
    expect((await refusal(openPackage({ ...pkg, version: 2 }, bobOptions()))).reason).toBe(
      'unsupported_version',
    );
    expect((await refusal(openPackage([], bobOptions()))).reason).toBe('malformed');
    const extra = await refusal(openPackage({ ...pkg, extra: 1 }, bobOptions()));
    expect([extra.reason, extra.path]).toEqual(['malformed', 'extra']);
    const missing = { ...pkg } as Partial<LanternPackage>;
    delete missing.nonce;
    expect((await refusal(openPackage(missing, bobOptions()))).path).toBe('nonce');
  });

  it('when the header is altered, even where the signature still verifies for another key', async () => {
    const pkg = seal();
    const later = { ...pkg, createdAt: '2026-06-01T09:00:01.000Z' };
    expect((await refusal(openPackage(later, bobOptions()))).reason).toBe('bad_signature');
    const reply = { ...pkg, kind: 'reply' };
    expect((await refusal(openPackage(reply, bobOptions()))).reason).toBe('bad_signature');
  });

  it('when it is addressed to another instance', async () => {
    const forCarol = seal({ recipient: carol.identity });
    const e = await refusal(importText(fileOf(forCarol)));
    expect([e.reason, e.path]).toEqual(['wrong_recipient', 'recipient']);
  });

  it('when it names this instance but another key (the fingerprint differs)', async () => {
    const impostor = { ...bob.identity, encryptionKey: carol.identity.encryptionKey };
    const e = await refusal(importText(fileOf(seal({ recipient: impostor }))));
    expect(e.reason).toBe('wrong_recipient');
  });

  it('when the sender is not a trusted partner', async () => {
    const fromCarol = sealPackage({
      kind: 'referral',
      sender: carol,
      recipient: bob.identity,
      plaintext: payload,
      now: NOW,
    });
    const e = await refusal(importText(fileOf(fromCarol)));
    expect([e.reason, e.path]).toEqual(['unknown_sender', 'sender.instanceId']);
  });

  it('when the sender claims a trusted partner’s instance id with other keys', async () => {
    // Carol poses as Alice: same instance id, Carol's keys, a valid signature by Carol.
    const impostor: InstanceSecrets = {
      ...carol,
      identity: { ...carol.identity, instanceId: alice.identity.instanceId },
    };
    const forged = sealPackage({
      kind: 'referral',
      sender: impostor,
      recipient: bob.identity,
      plaintext: payload,
      now: NOW,
    });
    const e = await refusal(importText(fileOf(forged)));
    expect([e.reason, e.path]).toEqual(['sender_key_mismatch', 'sender.signingKey']);
  });

  it('when the sender’s keys were swapped in the header for the trusted ones', async () => {
    const forged = sealPackage({
      kind: 'referral',
      sender: { ...carol, identity: { ...alice.identity } },
      recipient: bob.identity,
      plaintext: payload,
      now: NOW,
    });
    expect((await refusal(importText(fileOf(forged)))).reason).toBe('bad_signature');
  });

  it('when the same package is imported twice', async () => {
    const seen = new Set<string>();
    const file = fileOf(seal());
    const first = await importText(file, bobOptions(seen));
    seen.add(first.pkg.id);
    const e = await refusal(importText(file, bobOptions(seen)));
    expect([e.reason, e.path]).toEqual(['replayed', 'id']);
  });

  it('when it is older than the maximum age, or dated in the future beyond the skew', async () => {
    const old = seal({ now: new Date(NOW.getTime() - MAX_PACKAGE_AGE_MS - 1) });
    expect((await refusal(importText(fileOf(old)))).reason).toBe('expired');
    const edge = seal({ now: new Date(NOW.getTime() - MAX_PACKAGE_AGE_MS) });
    await expect(importText(fileOf(edge))).resolves.toBeDefined();
    const ahead = seal({ now: new Date(NOW.getTime() + MAX_CLOCK_SKEW_MS + 1) });
    expect((await refusal(importText(fileOf(ahead)))).reason).toBe('dated_in_future');
    const skewed = seal({ now: new Date(NOW.getTime() + MAX_CLOCK_SKEW_MS) });
    await expect(importText(fileOf(skewed))).resolves.toBeDefined();
  });

  it('when the recipient key cannot decrypt it (a valid signature over a bad ciphertext)', async () => {
    // Alice signs a package whose ciphertext was made for someone else: the signature holds,
    // the decryption does not.
    const good = seal();
    const other = seal({ recipient: carol.identity });
    const unsigned = { ...good, ciphertext: other.ciphertext };
    const { sign } = await import('node:crypto');
    const resigned = {
      ...unsigned,
      signature: sign(null, signedBytes(unsigned), alice.signingPrivate).toString('base64url'),
    };
    const e = await refusal(openPackage(resigned, bobOptions()));
    expect([e.reason, e.path]).toEqual(['decryption_failed', 'ciphertext']);
  });

  it('when a base64url field is spelt non-canonically (padding bits of the signature)', async () => {
    const pkg = seal();
    const last = pkg.signature.at(-1)!;
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    // 64 bytes use 4 of the 6 bits of the last character: flipping the lowest is invisible
    // to a lenient decoder.
    const twin = alphabet[alphabet.indexOf(last) ^ 1]!;
    const e = await refusal(
      openPackage({ ...pkg, signature: pkg.signature.slice(0, -1) + twin }, bobOptions()),
    );
    expect([e.reason, e.path]).toEqual(['malformed', 'signature']);
  });
});

describe('sealed packages (fast-check)', () => {
  it('round-trip any payload', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 2048 }), async (bytes) => {
        const pkg = sealPackage({
          kind: 'reply',
          sender: alice,
          recipient: bob.identity,
          plaintext: Buffer.from(bytes),
          now: NOW,
        });
        const { plaintext } = await importText(fileOf(pkg));
        expect(plaintext.equals(Buffer.from(bytes))).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it('refuse any payload’s package with one bit flipped anywhere', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ maxLength: 512 }),
        fc.nat(),
        fc.integer({ min: 0, max: 7 }),
        async (bytes, at, bit) => {
          const file = Buffer.from(
            fileOf(
              sealPackage({
                kind: 'referral',
                sender: alice,
                recipient: bob.identity,
                plaintext: Buffer.from(bytes),
                now: NOW,
              }),
            ),
          );
          const i = at % file.length;
          file[i] = file[i]! ^ (1 << bit);
          let raw: unknown;
          try {
            raw = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(file));
          } catch {
            return; // no longer JSON
          }
          await expect(openPackage(raw, bobOptions())).rejects.toBeInstanceOf(PackageError);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('fingerprints', () => {
  it('differ when any key or the instance id differs, and are 32 bytes', () => {
    const f = fingerprintOf(alice.identity);
    expect(f).toHaveLength(32);
    expect(fingerprintOf({ ...alice.identity })).toEqual(f);
    for (const k of ['instanceId', 'signingKey', 'encryptionKey'] as const) {
      expect(fingerprintOf({ ...alice.identity, [k]: bob.identity[k] }).equals(f)).toBe(false);
    }
  });

  it('refuse a malformed key', () => {
    expect(() => fingerprintOf({ ...alice.identity, signingKey: 'AAAA' })).toThrow(PackageError);
  });
});

describe('parsePackage', () => {
  it('accepts exactly what sealPackage writes', () => {
    const pkg = seal();
    expect(parsePackage(JSON.parse(fileOf(pkg)))).toEqual(pkg);
  });
});
