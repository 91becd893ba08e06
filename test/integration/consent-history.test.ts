import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConsentWithdrawal } from '../../src/server/consent/consent-withdrawn.ts';
import { onConsentWithdrawn } from '../../src/server/consent/consent-withdrawn.ts';
import { mayI } from '../../src/server/consent/may-i.ts';
import { orgScope } from '../../src/server/db/database.ts';
import type { ConsentRecord } from '../../src/shared/api/consent.schema.ts';
import { auditEntries, caseWith } from '../support/api.ts';
import type { TestSession } from '../support/test-app.ts';
import { TestLantern } from '../support/test-app.ts';

// What is kept of consent: every record for good (append-only, even against the owner's
// UPDATE), an audit entry per write and per read, guardian names and notes only as ciphertext,
// and the onConsentWithdrawn hook inside the withdrawal's transaction.
describe('consent history, audit and the withdrawal hook', () => {
  let t: TestLantern;
  let orgA: string;
  let orgB: string;
  let a: TestSession;
  let b: TestSession;
  let caseId: string;
  let childCase: string;

  const GUARDIAN = 'Oluwaseun Adebayo-Quist';
  const NOTE = 'Agreed after the interpreter read form 7 aloud';

  beforeAll(async () => {
    t = await TestLantern.start();
    orgA = await t.createOrg('Org A');
    orgB = await t.createOrg('Org B');
    a = await t.signIn(orgA, 'supervisor');
    b = await t.signIn(orgB, 'caseworker');
    caseId = (await t.createCase(a)).id;
    childCase = (await t.createCase(a, caseWith({ dateOfBirth: '2012-03-01' }))).id;
    const other = (await t.createCase(b)).id;
    const res = await t.request('POST', `/api/v1/cases/${other}/consents`, {
      session: b,
      body: { purpose: 'assistance', method: 'written' },
    });
    expect(res.status).toBe(201);
  });
  afterAll(() => t.close());

  const post = (id: string, tail: string, body: unknown) =>
    t.request('POST', `/api/v1/cases/${id}/consents${tail}`, { session: a, body });
  const count = async () =>
    (await t.database.superuser('SELECT count(*)::int AS n FROM consents'))[0]!.n as number;

  it('audits a grant, a withdrawal and a read by field name, never by value', async () => {
    const granted = (
      await post(childCase, '', {
        purpose: 'referral',
        serviceType: 'medical',
        method: 'guardian',
        guardian: { relationship: 'relative', name: GUARDIAN },
        childAssent: 'given',
        note: NOTE,
      })
    ).json<ConsentRecord>();
    const withdrawn = (
      await post(childCase, '/withdraw', { purpose: 'referral' })
    ).json<ConsentRecord>();
    expect(
      (await t.request('GET', `/api/v1/cases/${childCase}/consents`, { session: a })).status,
    ).toBe(200);

    const entries = (await auditEntries(t, orgA)).filter((e) => e.action.startsWith('consent.'));
    expect(entries.map((e) => [e.action, e.actorId, e.recordType, e.recordId, e.fields])).toEqual([
      [
        'consent.granted',
        a.userId,
        'consent',
        granted.id,
        ['purpose', 'serviceType', 'method', 'guardian', 'childAssent', 'note'],
      ],
      ['consent.withdrawn', a.userId, 'consent', withdrawn.id, ['purpose']],
      ['consent.read', a.userId, 'case', childCase, ['guardian.name', 'note']],
    ]);
    for (const e of entries) {
      expect(e.text).not.toContain('Oluwaseun');
      expect(e.text).not.toContain('interpreter');
    }
  });

  it('stores the guardian’s name and the note only as ciphertext', async () => {
    const rows = await t.database.superuser('SELECT c::text AS text FROM consents c');
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) {
      expect(r.text).not.toContain('Oluwaseun');
      expect(r.text).not.toContain('interpreter');
      // nor as hex of the UTF-8 bytes, as bytea prints
      expect(r.text).not.toContain(Buffer.from('Oluwaseun').toString('hex'));
    }
  });

  it('writes nothing when a grant is refused', async () => {
    const before = { rows: await count(), audit: (await auditEntries(t, orgA)).length };
    const res = await post(childCase, '', { purpose: 'assistance', method: 'verbal' });
    expect(res.status).toBe(400);
    expect({ rows: await count(), audit: (await auditEntries(t, orgA)).length }).toEqual(before);
  });

  describe('history is never lost', () => {
    it('the application role can neither update nor delete a consent record', async () => {
      for (const sql of [
        `UPDATE consents SET granted = true WHERE case_id = $1`,
        `DELETE FROM consents WHERE case_id = $1`,
      ]) {
        const error = await t.db
          .transaction(orgScope(orgA, a.userId), (tx) => tx.query(sql, [childCase]))
          .catch((e: unknown) => e);
        expect(String(error)).toMatch(/permission denied/);
      }
    });

    it('not even the owner can rewrite one', async () => {
      const error = await t.database
        .superuser(`UPDATE consents SET granted = NOT granted WHERE case_id = $1`, [childCase])
        .catch((e: unknown) => e);
      expect(String(error)).toMatch(/append-only/);
    });

    it('an organisation sees only its own consent records, whatever the query says', async () => {
      const rows = await t.db.transaction(orgScope(orgA, a.userId), (tx) =>
        tx.query<{ org_id: string }>('SELECT org_id FROM consents'),
      );
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.every((r) => r.org_id === orgA)).toBe(true);
      const all = await t.database.superuser('SELECT DISTINCT org_id FROM consents');
      expect(all.map((r) => r.org_id).sort()).toEqual([orgA, orgB].sort());
    });

    it('an organisation cannot write a consent record into another organisation', async () => {
      const error = await t.db
        .transaction(orgScope(orgA, a.userId), (tx) =>
          tx.query(
            `INSERT INTO consents (id, org_id, case_id, purpose, granted, method, recorded_by, recorded_at)
             VALUES (gen_random_uuid(), $1, $2, 'assistance', true, 'verbal', $3, now())`,
            [orgB, caseId, a.userId],
          ),
        )
        .catch((e: unknown) => e);
      expect(String(error)).toMatch(/row-level security/);
    });
  });

  describe('onConsentWithdrawn', () => {
    it('runs in the withdrawal’s transaction, seeing the withdrawal already recorded', async () => {
      await post(caseId, '', { purpose: 'referral', method: 'written' });
      const seen: { w: ConsentWithdrawal; allowedInside: boolean }[] = [];
      const off = onConsentWithdrawn(async (ctx, w) => {
        const answer = await mayI(ctx.tx, {
          caseId: w.caseId,
          purpose: 'referral',
          serviceType: 'shelter',
          at: w.at,
        });
        seen.push({ w, allowedInside: answer.allowed });
      });
      try {
        const res = await post(caseId, '/withdraw', {
          purpose: 'referral',
          serviceType: 'shelter',
        });
        expect(res.status).toBe(201);
        expect(seen).toEqual([
          {
            w: {
              caseId,
              purpose: 'referral',
              serviceType: 'shelter',
              consentId: res.json<ConsentRecord>().id,
              at: t.clock.now(),
            },
            allowedInside: false,
          },
        ]);
      } finally {
        off();
      }
    });

    it('a failing listener rolls the withdrawal back with it: consent and its effects agree', async () => {
      await post(caseId, '', { purpose: 'family_tracing', method: 'verbal' });
      const before = await count();
      const off = onConsentWithdrawn(() => Promise.reject(new Error('tracing service down')));
      try {
        const res = await post(caseId, '/withdraw', { purpose: 'family_tracing' });
        expect(res.status).toBe(500);
        expect(JSON.stringify(res.body)).not.toContain('tracing service down');
      } finally {
        off();
      }
      expect(await count()).toBe(before);
      const answer = await t.db.transaction(orgScope(orgA, null), (tx) =>
        mayI(tx, { caseId, purpose: 'family_tracing', at: t.clock.now() }),
      );
      expect(answer.allowed).toBe(true);
      // once unregistered, the withdrawal goes through
      expect((await post(caseId, '/withdraw', { purpose: 'family_tracing' })).status).toBe(201);
    });
  });
});
