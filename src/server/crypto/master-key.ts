import { constants } from 'node:fs';
import { mkdir, open as openFile, readFile, stat } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { dirname } from 'node:path';

const KEY_BYTES = 32;

/** Parses a 256-bit key given as 64 hex digits or as base64 / base64url. */
export function parseKey(text: string, source: string): Buffer {
  const t = text.trim();
  const key = /^[0-9a-f]{64}$/i.test(t) ? Buffer.from(t, 'hex') : Buffer.from(t, 'base64');
  if (key.length !== KEY_BYTES) {
    throw new Error(`${source} must hold a 256-bit key (64 hex digits or 44 base64 characters)`);
  }
  return key;
}

/**
 * The master key that wraps every organisation's data key: from LANTERN_MASTER_KEY when set,
 * else from `keyFile`, which is created (mode 0600, never overwritten) on first run.
 */
export async function loadMasterKey(
  envValue: string | undefined,
  keyFile: string,
): Promise<{ key: Buffer; created: boolean }> {
  if (envValue) return { key: parseKey(envValue, 'LANTERN_MASTER_KEY'), created: false };
  try {
    const info = await stat(keyFile);
    if ((info.mode & 0o077) !== 0) {
      throw new Error(`${keyFile} is readable by other users; run: chmod 600 ${keyFile}`);
    }
    return { key: parseKey(await readFile(keyFile, 'utf8'), keyFile), created: false };
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
  await mkdir(dirname(keyFile), { recursive: true, mode: 0o700 });
  const key = randomBytes(KEY_BYTES);
  // O_EXCL: if two processes race, one fails instead of silently replacing the other's key.
  const handle = await openFile(
    keyFile,
    constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL,
    0o600,
  );
  try {
    await handle.writeFile(`${key.toString('base64')}\n`);
  } finally {
    await handle.close();
  }
  return { key, created: true };
}
