import { randomBytes } from 'node:crypto';
import { chmod, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadMasterKey, parseKey } from './master-key.ts';

describe('master key', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'lantern-master-key-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('creates a 256-bit key file readable by its owner only (0600) in a new 0700 directory', async () => {
    const file = join(dir, 'data', 'master.key');
    const { key, created } = await loadMasterKey(undefined, file);
    expect(created).toBe(true);
    expect(key).toHaveLength(32);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect((await stat(join(dir, 'data'))).mode & 0o777).toBe(0o700);
    expect(Buffer.from((await readFile(file, 'utf8')).trim(), 'base64').equals(key)).toBe(true);
  });

  it('reuses the same key on the next start, without rewriting the file', async () => {
    const file = join(dir, 'master.key');
    const first = await loadMasterKey(undefined, file);
    const text = await readFile(file, 'utf8');
    const second = await loadMasterKey(undefined, file);
    expect(second.created).toBe(false);
    expect(second.key.equals(first.key)).toBe(true);
    expect(await readFile(file, 'utf8')).toBe(text);
  });

  it.each([0o640, 0o604, 0o644, 0o660])(
    'refuses a key file with mode %o (readable by group or others), naming the fix',
    async (mode) => {
      const file = join(dir, 'master.key');
      await loadMasterKey(undefined, file);
      await chmod(file, mode);
      await expect(loadMasterKey(undefined, file)).rejects.toThrow(/chmod 600/);
    },
  );

  it('refuses a key file that does not hold a 256-bit key', async () => {
    const file = join(dir, 'master.key');
    await writeFile(file, randomBytes(16).toString('base64'), { mode: 0o600 });
    await expect(loadMasterKey(undefined, file)).rejects.toThrow(/256-bit/);
  });

  it('takes LANTERN_MASTER_KEY as 64 hex digits, without touching the key file', async () => {
    const key = randomBytes(32);
    const file = join(dir, 'master.key');
    const loaded = await loadMasterKey(key.toString('hex').toUpperCase(), file);
    expect(loaded.key.equals(key)).toBe(true);
    expect(loaded.created).toBe(false);
    await expect(stat(file)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('takes LANTERN_MASTER_KEY as base64 and base64url, surrounding white space ignored', async () => {
    const key = randomBytes(32);
    const file = join(dir, 'master.key');
    expect((await loadMasterKey(` ${key.toString('base64')}\n`, file)).key.equals(key)).toBe(true);
    expect((await loadMasterKey(key.toString('base64url'), file)).key.equals(key)).toBe(true);
  });

  it.each([
    ['a 128-bit key in hex', randomBytes(16).toString('hex')],
    ['a 128-bit key in base64', randomBytes(16).toString('base64')],
    ['a 512-bit key in hex', randomBytes(64).toString('hex')],
    ['63 hex digits', randomBytes(32).toString('hex').slice(1)],
    ['a passphrase', 'correct horse battery staple'],
  ])('rejects %s in LANTERN_MASTER_KEY, naming the variable', async (_what, value) => {
    await expect(loadMasterKey(value, join(dir, 'master.key'))).rejects.toThrow(
      /LANTERN_MASTER_KEY must hold a 256-bit key/,
    );
  });

  it('parseKey names the source of a bad key', () => {
    expect(() => parseKey('short', '/etc/lantern/master.key')).toThrow(
      /^\/etc\/lantern\/master.key/,
    );
  });
});
