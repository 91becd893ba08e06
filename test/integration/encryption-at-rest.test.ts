import { readdir, readFile, rm } from 'node:fs/promises';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.ts';
import { Keyring } from '../../src/server/crypto/keyring.ts';
import { SYSTEM } from '../../src/server/db/database.ts';
import { migrate } from '../../src/server/db/migrate.ts';
import { openPglite } from '../../src/server/db/pglite-driver.ts';
import {
  provisionOrganisation,
  provisionUser,
} from '../../src/server/organisations/organisations.service.ts';
import { systemClock } from '../../src/server/shared/clock.ts';
import { TestLantern, caseBody } from '../support/test-app.ts';

// Distinctive values in several scripts: none may appear in the database files.
const PERSON = {
  givenName: 'Zenebech',
  familyName: 'ወልደማርያም',
  aliases: ['Залина Кравчук', 'ফাতেমা'],
  dateOfBirth: '1999-03-17',
  gender: 'Feminine',
  phone: '+251 911 234 567',
  documentNumber: 'EP7731905',
  address: '12 Rue Quelconque, Addis Ababa',
};
const NEEDLES = [
  PERSON.givenName,
  PERSON.familyName,
  'Залина',
  'ফাতেমা',
  PERSON.dateOfBirth,
  PERSON.documentNumber,
  '911 234 567',
  'Quelconque',
];

async function* files(dir: string): AsyncGenerator<string> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else if (entry.isFile()) yield path;
  }
}

function findNeedles(content: Buffer): string[] {
  return NEEDLES.filter(
    (n) => content.includes(Buffer.from(n, 'utf8')) || content.includes(Buffer.from(n, 'utf16le')),
  );
}

describe('personal data at rest', () => {
  // Always on PGlite, whatever DATABASE_URL says: it inspects the embedded engine's own files.
  it('no registered identifier appears in the embedded database files (PGlite data directory)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lantern-raw-'));
    try {
      const db = await openPglite(join(dir, 'pgdata'));
      await migrate(db);
      const keyring = new Keyring(randomBytes(32));
      const deps = { keyring, clock: systemClock };
      const orgId = await db.transaction(
        SYSTEM,
        async (tx) => (await provisionOrganisation(tx, deps, 'Org')).id,
      );
      await db.transaction(SYSTEM, (tx) =>
        provisionUser(tx, deps, {
          orgId,
          email: 'cw@example.org',
          role: 'caseworker',
          password: 'a long test password',
        }),
      );
      const app = await buildApp({ db, keyring });
      const login = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: 'cw@example.org', password: 'a long test password' },
      });
      const cookie = String(login.headers['set-cookie']).split(';')[0]!;
      const csrf = login.json<{ csrfToken: string }>().csrfToken;
      const created = await app.inject({
        method: 'POST',
        url: '/api/v1/cases',
        headers: { cookie, 'x-csrf-token': csrf },
        payload: caseBody({ person: PERSON as never }),
      });
      expect(created.statusCode).toBe(201);
      await app.close();
      await db.close();

      let scanned = 0;
      const found: string[] = [];
      for await (const file of files(dir)) {
        scanned++;
        found.push(...findNeedles(await readFile(file)).map((n) => `${n} in ${file}`));
      }
      expect(scanned).toBeGreaterThan(100);
      expect(found).toEqual([]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('the persons and cases heap files on disk hold no identifier (both drivers)', async () => {
    const t = await TestLantern.start();
    try {
      const org = await t.createOrg();
      const cw = await t.signIn(org, 'caseworker');
      const { id } = await t.createCase(cw, { person: PERSON as never });
      // The API gives the identity back decrypted, so the values did go in.
      const read = await t.request('GET', `/api/v1/cases/${id}`, { session: cw });
      expect(JSON.stringify(read.body)).toContain(PERSON.familyName);
      await t.database.superuser('CHECKPOINT');
      for (const table of ['persons', 'cases', 'audit_log']) {
        const [row] = await t.database.superuser(
          `SELECT pg_read_binary_file(pg_relation_filepath('${table}')) AS bytes`,
        );
        const bytes = Buffer.from(row!.bytes as Uint8Array);
        expect(bytes.length).toBeGreaterThan(0);
        expect(findNeedles(bytes)).toEqual([]);
      }
    } finally {
      await t.close();
    }
  });
});
