import { writeFile } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { format, resolveConfig } from 'prettier';
import { buildApp } from '../src/server/app.ts';
import { Keyring } from '../src/server/crypto/keyring.ts';
import type { Database } from '../src/server/db/database.ts';

/**
 * Writes the API's OpenAPI document to docs/openapi.json: sorted keys, formatted as Prettier
 * formats JSON, so that the file changes only when the contract does. A test fails when the
 * committed file differs from what the app generates (test/integration/openapi.test.ts).
 *
 *   node --import tsx scripts/write-openapi.ts
 */

export const OPENAPI_FILE = fileURLToPath(new URL('../docs/openapi.json', import.meta.url));

// Building the app to read its routes runs no query, so no database is opened.
const noDatabase: Database = {
  driver: 'pglite',
  transaction: () => Promise.reject(new Error('the OpenAPI document needs no database')),
  close: async () => {},
};

/** The document the app serves at /api/v1/openapi.json. */
export async function openApiDocument(): Promise<unknown> {
  const app = await buildApp({ db: noDatabase, keyring: new Keyring(Buffer.alloc(32)) });
  try {
    await app.ready();
    return app.swagger();
  } finally {
    await app.close();
  }
}

/** Object keys in code-point order at every level; arrays keep their order. */
function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((k) => [k, sortKeys((value as Record<string, unknown>)[k])]),
  );
}

/** The text of docs/openapi.json as it should be now. */
export async function renderOpenApi(): Promise<string> {
  const config = (await resolveConfig(OPENAPI_FILE)) ?? {};
  return format(JSON.stringify(sortKeys(await openApiDocument())), { ...config, parser: 'json' });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await writeFile(OPENAPI_FILE, await renderOpenApi());
  process.stdout.write(`Wrote ${OPENAPI_FILE}\n`);
}
