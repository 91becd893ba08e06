import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestLantern } from '../../../test/support/test-app.ts';
import type { TestSession } from '../../../test/support/test-app.ts';
import type { CaseCreateBody, CaseDetail, CaseList } from '../../shared/api/cases.schema.ts';
import { generateDemoCases } from '../../shared/demo/generate-cases.ts';
import { verifyAudit } from '../audit/audit-verify.ts';
import { SYSTEM } from '../db/database.ts';
import { AppError } from '../http/app-error.ts';
import type { SeedCasesResult } from './seed-cases.ts';
import { seedCases } from './seed-cases.ts';

// Cases written by the bulk seeder must be indistinguishable from cases created through the
// API: listed, decrypted, found by blind index, numbered in sequence, and audited in an
// unbroken hash chain (one `case.imported` entry per batch).

/** Hand-made bodies with every identity field, then a few thousand synthetic ones. */
const HAND_MADE: CaseCreateBody[] = [
  {
    person: {
      givenName: 'Amina',
      familyName: 'Okafor',
      aliases: ['Ami', 'Mina O.'],
      dateOfBirth: '1998-04-12',
      gender: 'Feminine',
      phone: '+234 803 555 0101',
      email: 'amina@example.org',
      documentNumber: 'A1234567',
      address: '12 Harbour Road, Lagos',
    },
    citizenship: 'NG',
    countryOfExploitation: 'IT',
    typeOfExploitation: ['SexualExploitation', 'ForcedLabour'],
    registrationDate: '2026-05-20',
    traffickingStatus: 'ActualVictimOfTrafficking',
    status: 'Active',
  },
  {
    person: { givenName: 'محمد', age: 16, gender: 'Masculine' },
    citizenship: 'SY',
    typeOfExploitation: ['ChildLabour'],
    traffickingStatus: 'PossibleVictimOfTrafficking',
    status: 'FollowUp',
  },
];
const SYNTHETIC = generateDemoCases({ seed: 11, count: 2_343, today: '2026-05-31' });
const ALL = [...HAND_MADE, ...SYNTHETIC];

describe('seedCases', () => {
  let t: TestLantern;
  let orgA: string;
  let a: TestSession;
  let result: SeedCasesResult;
  const progress: number[] = [];

  beforeAll(async () => {
    t = await TestLantern.start();
    orgA = await t.createOrg('Seeded');
    a = await t.signIn(orgA, 'caseworker');
    result = await seedCases(t.db, t.keyring, {
      orgId: orgA,
      userId: a.userId,
      cases: ALL,
      batchSize: 1_000,
      clock: t.clock,
      onProgress: (n) => progress.push(n),
    });
  });
  afterAll(() => t.close());

  const list = async (query: string, session = a) => {
    const res = await t.request('GET', `/api/v1/cases?${query}`, { session });
    expect(res.status).toBe(200);
    return res.json<CaseList>();
  };
  const byReference = async (reference: string) => {
    const { items } = await list(`reference=${reference}`);
    expect(items).toHaveLength(1);
    const res = await t.request('GET', `/api/v1/cases/${items[0]!.id}`, { session: a });
    expect(res.status).toBe(200);
    return res.json<CaseDetail>();
  };

  it('seeds every case in batches, numbered in sequence', () => {
    expect(result).toEqual({
      cases: 2_345,
      batches: 3,
      firstReference: 'LNT-2026-000001',
      lastReference: 'LNT-2026-002345',
    });
    expect(progress).toEqual([1_000, 2_000, 2_345]);
  });

  it('lists the seeded cases through the API, newest registration first', async () => {
    const page = await list('limit=100');
    expect(page.total).toBe(2_345);
    expect(page.totalCapped).toBe(false);
    expect(page.items).toHaveLength(100);
    const dates = page.items.map((c) => c.registrationDate);
    expect(dates).toEqual([...dates].sort().reverse());
    expect(page.nextCursor).not.toBeNull();
  });

  it('filters seeded cases like created ones', async () => {
    const expected = ALL.filter((c) => c.status === 'Active' && c.citizenship === 'NG').length;
    expect(expected).toBeGreaterThan(0);
    const page = await list('status=Active&citizenship=NG&limit=100');
    expect(page.total).toBe(expected);
    expect(page.items.every((c) => c.status === 'Active' && c.citizenship === 'NG')).toBe(true);
  });

  it('stores the identity encrypted and decrypts it on GET', async () => {
    const c = await byReference('LNT-2026-000001');
    const { person: _p, ...rest } = HAND_MADE[0]!;
    expect(c).toMatchObject({ ...rest, ageAtRegistration: 28 });
    expect(c.person).toMatchObject({ ...HAND_MADE[0]!.person, gender: 'Feminine' });
    expect(c.createdBy?.id).toBe(a.userId);

    const [row] = await t.database.superuser(
      `SELECT p.identity FROM persons p JOIN cases c ON c.person_id = p.id WHERE c.reference = $1`,
      ['LNT-2026-000001'],
    );
    const stored = Buffer.from(row!.identity as Uint8Array).toString('latin1');
    expect(stored).not.toContain('Okafor');
    expect(stored).not.toContain('A1234567');
  });

  it('fills defaults as the service does: registration today, age as stated', async () => {
    const c = await byReference('LNT-2026-000002');
    expect(c.registrationDate).toBe('2026-06-01');
    expect(c.ageAtRegistration).toBe(16);
    expect(c.person).toMatchObject({ givenName: 'محمد', familyName: null, dateOfBirth: null });
  });

  it('decrypts synthetic cases too', async () => {
    const n = 1_500; // in the second batch
    const c = await byReference(`LNT-2026-${String(n).padStart(6, '0')}`);
    const input = ALL[n - 1]!;
    expect(c.person.givenName).toBe(input.person.givenName);
    expect(c.person.familyName).toBe(input.person.familyName ?? null);
    expect(c.citizenship).toBe(input.citizenship);
    expect(c.registrationDate).toBe(input.registrationDate);
  });

  it('writes blind indexes that the person look-up finds', async () => {
    const res = await t.request('POST', '/api/v1/persons/lookup', {
      session: a,
      body: { givenName: 'amina', familyName: 'OKAFOR', dateOfBirth: '1998-04-12' },
    });
    expect(res.status).toBe(200);
    const { items } = res.json<{ items: { reference: string }[] }>();
    expect(items.map((i) => i.reference)).toEqual(['LNT-2026-000001']);
  });

  it('advances the case number, so the next case created continues the sequence', async () => {
    const created = await t.createCase(a);
    expect(created.reference).toBe('LNT-2026-002346');
  });

  it('writes one case.imported entry per batch and keeps the audit chain valid', async () => {
    const rows = await t.database.superuser(
      `SELECT actor_id, record_type, record_id, fields FROM audit_log
        WHERE action = 'case.imported' AND org_id = $1 ORDER BY seq`,
      [orgA],
    );
    expect(rows.map((r) => r.record_id)).toEqual([
      'LNT-2026-000001..LNT-2026-001000',
      'LNT-2026-001001..LNT-2026-002000',
      'LNT-2026-002001..LNT-2026-002345',
    ]);
    expect(rows.every((r) => r.actor_id === a.userId && r.record_type === 'case')).toBe(true);
    expect(rows[0]!.fields).toEqual([
      'givenName',
      'familyName',
      'aliases',
      'dateOfBirth',
      'phone',
      'email',
      'documentNumber',
      'address',
    ]);
    expect(await verifyAudit(t.db)).toMatchObject({ ok: true });
  });

  it('keeps seeded cases inside their organisation', async () => {
    const orgB = await t.createOrg('Other');
    const b = await t.signIn(orgB, 'caseworker');
    expect((await list('limit=5', b)).total).toBe(0);
  });

  it('stops at an invalid case: earlier batches stay, the failing batch is rolled back', async () => {
    const orgC = await t.createOrg('Partial');
    const c = await t.signIn(orgC, 'caseworker');
    const cases = generateDemoCases({ seed: 3, count: 25, today: '2026-05-31' });
    cases[17] = { ...cases[17]!, registrationDate: '2026-06-02' }; // after the clock's today
    const error = await seedCases(t.db, t.keyring, {
      orgId: orgC,
      userId: c.userId,
      cases,
      batchSize: 10,
      clock: t.clock,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).details).toEqual([
      { path: 'cases[17].registrationDate', message: 'must not be in the future' },
    ]);
    expect((await list('limit=5', c)).total).toBe(10);
    const [org] = await t.db.transaction(SYSTEM, (tx) =>
      tx.query<{ case_seq: number }>('SELECT case_seq FROM organisations WHERE id = $1', [orgC]),
    );
    expect(org!.case_seq).toBe(10);
    expect(await verifyAudit(t.db)).toMatchObject({ ok: true });
  });

  it('refuses an age that contradicts the date of birth, naming the case', async () => {
    const bad: CaseCreateBody = {
      ...HAND_MADE[0]!,
      person: { ...HAND_MADE[0]!.person, age: 40 },
    };
    const error = await seedCases(t.db, t.keyring, {
      orgId: orgA,
      userId: a.userId,
      cases: [bad],
      clock: t.clock,
    }).catch((e: unknown) => e);
    expect((error as AppError).details).toEqual([
      { path: 'cases[0].person.age', message: 'does not agree with the date of birth' },
    ]);
  });
});
