import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEntries, caseWith, issuePaths } from '../support/api.ts';
import type { TestSession } from '../support/test-app.ts';
import { TestLantern } from '../support/test-app.ts';

interface LookupResult {
  items: { caseId: string; reference: string; registrationDate: string }[];
}

// POST /api/v1/persons/lookup: exact name (and date of birth) through blind indexes, inside the
// caller's organisation only, audited as a search without the searched values.
describe('person look-up', () => {
  let t: TestLantern;
  let orgA: string;
  let a: TestSession;
  let b: TestSession;
  let amina1998: string;
  let amina2001: string;
  let aminaInB: string;

  beforeAll(async () => {
    t = await TestLantern.start();
    orgA = await t.createOrg('Org A');
    const orgB = await t.createOrg('Org B');
    a = await t.signIn(orgA, 'caseworker');
    b = await t.signIn(orgB, 'caseworker');
    const create = async (session: TestSession, person: Record<string, unknown>) => {
      const res = await t.request('POST', '/api/v1/cases', { session, body: caseWith(person) });
      if (res.status !== 201) throw new Error(JSON.stringify(res.body));
      return res.json<{ id: string }>().id;
    };
    amina1998 = await create(a, {
      givenName: 'Amina',
      familyName: 'Okafor',
      dateOfBirth: '1998-04-12',
    });
    amina2001 = await create(a, {
      givenName: 'Amina',
      familyName: 'Okafor',
      dateOfBirth: '2001-09-30',
    });
    await create(a, { givenName: 'Amina', familyName: 'Okoro', dateOfBirth: '1998-04-12' });
    await create(a, { givenName: 'José', familyName: 'Martínez', dateOfBirth: '1990-01-01' });
    aminaInB = await create(b, {
      givenName: 'Amina',
      familyName: 'Okafor',
      dateOfBirth: '1998-04-12',
    });
  });
  afterAll(() => t.close());

  const lookup = async (session: TestSession, body: Record<string, unknown>) => {
    const res = await t.request('POST', '/api/v1/persons/lookup', { session, body });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.json<LookupResult>().items.map((i) => i.caseId);
  };

  it('finds by exact name regardless of case', async () => {
    const found = await lookup(a, { givenName: 'AMINA', familyName: 'okafor' });
    expect(new Set(found)).toEqual(new Set([amina1998, amina2001]));
  });

  it('finds regardless of diacritics and surrounding spaces, both ways', async () => {
    expect(await lookup(a, { givenName: 'Amína', familyName: ' ÓKAFOR ' })).toHaveLength(2);
    const jose = await lookup(a, { givenName: 'jose', familyName: 'MARTINEZ' });
    expect(jose).toHaveLength(1);
  });

  it('answers the case reference and registration date, never the name', async () => {
    const res = await t.request('POST', '/api/v1/persons/lookup', {
      session: a,
      body: { givenName: 'Amina', familyName: 'Okafor', dateOfBirth: '1998-04-12' },
    });
    const [hit] = res.json<LookupResult>().items;
    expect(hit).toEqual({
      caseId: amina1998,
      reference: expect.stringMatching(/^LNT-2026-\d{6}$/) as string,
      registrationDate: '2026-05-20',
    });
    expect(JSON.stringify(res.body)).not.toMatch(/Amina|Okafor/i);
  });

  it('narrows by date of birth', async () => {
    expect(
      await lookup(a, { givenName: 'Amina', familyName: 'Okafor', dateOfBirth: '2001-09-30' }),
    ).toEqual([amina2001]);
    expect(
      await lookup(a, { givenName: 'Amina', familyName: 'Okafor', dateOfBirth: '1970-01-01' }),
    ).toEqual([]);
  });

  it('does not match a part of a name or another family name', async () => {
    expect(await lookup(a, { givenName: 'Amina' })).toEqual([]);
    expect(await lookup(a, { givenName: 'Amina', familyName: 'Okaf' })).toEqual([]);
  });

  it('never finds another organisation’s person, even with the same name and birth date', async () => {
    const fromA = await lookup(a, {
      givenName: 'Amina',
      familyName: 'Okafor',
      dateOfBirth: '1998-04-12',
    });
    const fromB = await lookup(b, {
      givenName: 'Amina',
      familyName: 'Okafor',
      dateOfBirth: '1998-04-12',
    });
    expect(fromA).toEqual([amina1998]);
    expect(fromB).toEqual([aminaInB]);
    expect(await lookup(b, { givenName: 'José', familyName: 'Martínez' })).toEqual([]);
  });

  it('writes a person.lookup audit entry naming the fields searched, not their values', async () => {
    const before = await auditEntries(t, orgA, 'person.lookup');
    await lookup(a, { givenName: 'Amina', familyName: 'Okafor', dateOfBirth: '2001-09-30' });
    const after = await auditEntries(t, orgA, 'person.lookup');
    expect(after).toHaveLength(before.length + 1);
    const entry = after.at(-1)!;
    expect(entry).toMatchObject({ actorId: a.userId, recordType: 'person' });
    expect(entry.fields).toEqual(['givenName', 'familyName', 'dateOfBirth']);
    expect(entry.text).not.toMatch(/Amina|Okafor|2001-09-30/i);
  });

  it('refuses a look-up without a given name, or with unknown fields', async () => {
    const missing = await t.request('POST', '/api/v1/persons/lookup', {
      session: a,
      body: { familyName: 'Okafor' },
    });
    expect(missing.status).toBe(400);
    expect(issuePaths(missing)).toEqual(['givenName']);
    const extra = await t.request('POST', '/api/v1/persons/lookup', {
      session: a,
      body: { givenName: 'Amina', phone: '+234' },
    });
    expect(extra.status).toBe(400);
    expect(issuePaths(extra)).toEqual(['phone']);
  });
});
