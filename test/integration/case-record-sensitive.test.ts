import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orgScope } from '../../src/server/db/database.ts';
import type { CaseRecord, Perpetrator } from '../../src/shared/api/case-record.schema.ts';
import { auditEntries, errorOf } from '../support/api.ts';
import { RECORD_TABLES, addRecordParts, recordUrl, valid } from '../support/case-record.ts';
import type { TestSession } from '../support/test-app.ts';
import { TestLantern } from '../support/test-app.ts';

// Health, sexual violence, criminal justice and perpetrator details: shown only to roles
// granted them (docs/decisions/0004), enforced by the server, stored encrypted.
const NOTES = {
  health: { physicalHealth: 'Untreated fracture of the left wrist', medication: 'Amoxiflorin' },
  'sexual-violence': { medicalCareOffered: true, notes: 'Disclosed repeated rape in Tripoli' },
  'criminal-justice': {
    stage: 'Investigation',
    authority: 'Squadra Mobile Caserta',
    reference: 'RG-4471/2026',
    survivorIsWitness: true,
  },
};
const NEEDLES = [
  'Untreated fracture',
  'Amoxiflorin',
  'repeated rape',
  'Squadra Mobile',
  'RG-4471',
  'Madam Joy',
  'hair salon',
  'Castel Volturno',
  'above the garage',
  'Needs a dentist',
];

describe('case record: sensitive sections', () => {
  let t: TestLantern;
  let org: string;
  let supervisor: TestSession;
  let caseworker: TestSession;
  let caseId: string;

  beforeAll(async () => {
    t = await TestLantern.start();
    org = await t.createOrg('Sensitive org');
    supervisor = await t.signIn(org, 'supervisor');
    caseworker = await t.signIn(org, 'caseworker');
    caseId = (await t.createCase(caseworker)).id;
    for (const [slug, body] of Object.entries(NOTES)) {
      const res = await t.request('PUT', recordUrl(caseId, `sensitive/${slug}`), {
        session: supervisor,
        body,
      });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
    }
    await addRecordParts(t, supervisor, caseId);
  });
  afterAll(() => t.close());

  const record = (s: TestSession) => t.request('GET', recordUrl(caseId, 'record'), { session: s });

  it('a supervisor sees every section and nothing is withheld', async () => {
    const r = (await record(supervisor)).json<CaseRecord>();
    expect(r.withheld).toEqual([]);
    expect(r.sensitive.health?.content).toMatchObject(NOTES.health);
    expect(r.sensitive.sexualViolence?.content).toMatchObject(NOTES['sexual-violence']);
    expect(r.sensitive.criminalJustice?.content).toMatchObject(NOTES['criminal-justice']);
    expect(r.perpetrators?.map((p) => p.name)).toEqual(['Madam Joy']);
  });

  it('a caseworker gets health and perpetrators; the other sections are absent and named', async () => {
    const res = await record(caseworker);
    expect(res.status).toBe(200);
    const r = res.json<CaseRecord>();
    expect(r.withheld).toEqual(['sexualViolence', 'criminalJustice']);
    expect(Object.keys(r.sensitive)).toEqual(['health']);
    expect(r.perpetrators).toHaveLength(1);
    const text = JSON.stringify(r);
    expect(text).not.toContain('rape');
    expect(text).not.toContain('Squadra');
  });

  it('a section never written reads as null content, not as withheld', async () => {
    const { id } = await t.createCase(supervisor);
    const r = (
      await t.request('GET', recordUrl(id, 'record'), { session: supervisor })
    ).json<CaseRecord>();
    expect(r.sensitive.health).toEqual({
      section: 'health',
      content: null,
      updatedAt: null,
      updatedBy: null,
    });
    expect(r.withheld).toEqual([]);
  });

  it.each([
    ['GET', 'sensitive/sexual-violence'],
    ['PUT', 'sensitive/sexual-violence'],
    ['GET', 'sensitive/criminal-justice'],
    ['PUT', 'sensitive/criminal-justice'],
  ] as const)('a caseworker is refused %s %s with 403', async (method, part) => {
    const res = await t.request(method, recordUrl(caseId, part), {
      session: caseworker,
      ...(method === 'PUT' ? { body: { notes: 'overwritten' } } : {}),
    });
    expect(res.status).toBe(403);
    expect(errorOf(res).code).toBe('forbidden');
  });

  it('a refused write changes nothing', async () => {
    const r = (await record(supervisor)).json<CaseRecord>();
    expect(r.sensitive.sexualViolence?.content?.notes).toBe(NOTES['sexual-violence'].notes);
  });

  it('a caseworker reads and writes the health section and perpetrators', async () => {
    const put = await t.request('PUT', recordUrl(caseId, 'sensitive/health'), {
      session: caseworker,
      body: { ...NOTES.health, mentalHealth: 'Nightmares' },
    });
    expect(put.status).toBe(200);
    expect(put.json<{ updatedBy: { id: string } }>().updatedBy.id).toBe(caseworker.userId);
    const p = await t.request('POST', recordUrl(caseId, 'perpetrators'), {
      session: caseworker,
      body: valid.perpetrator({ name: 'Driver', roles: ['Transporter'] }),
    });
    expect(p.status).toBe(201);
    const patched = await t.request(
      'PATCH',
      recordUrl(caseId, `perpetrators/${p.json<Perpetrator>().id}`),
      {
        session: caseworker,
        body: { estimatedAge: 130 },
      },
    );
    expect(patched.status).toBe(400);
  });

  it.each(['admin', 'analyst', 'provider'] as const)(
    '%s reads no part of the record',
    async (role) => {
      const s = await t.signIn(org, role);
      for (const part of ['record', 'sensitive/health', 'perpetrators']) {
        expect((await t.request('GET', recordUrl(caseId, part), { session: s })).status).toBe(403);
      }
    },
  );

  it('audits each section read and the write, with section and field names only', async () => {
    await record(caseworker);
    const reads = await auditEntries(t, org, 'case.sensitive.read');
    expect(reads.at(-1)).toMatchObject({ actorId: caseworker.userId, fields: ['health'] });
    const recordRead = await auditEntries(t, org, 'case.record.read');
    expect(recordRead.at(-1)?.fields).toEqual([
      'profile',
      'events',
      'needs',
      'plan',
      'followUps',
      'reintegration',
      'perpetrators',
      'sensitive.health',
    ]);
    const writes = await auditEntries(t, org, 'case.sensitive.updated');
    expect(writes.map((w) => w.fields)).toContainEqual([
      'criminalJustice.stage',
      'criminalJustice.authority',
      'criminalJustice.reference',
      'criminalJustice.survivorIsWitness',
    ]);
    for (const e of await auditEntries(t, org))
      for (const n of NEEDLES) expect(e.text).not.toContain(n);
  });

  it('stores no sensitive text in clear: the heap files of the record tables (both drivers)', async () => {
    await t.database.superuser('CHECKPOINT');
    for (const table of RECORD_TABLES) {
      const [row] = await t.database.superuser(
        `SELECT pg_read_binary_file(pg_relation_filepath('${table}')) AS bytes`,
      );
      const bytes = Buffer.from(row!.bytes as Uint8Array);
      const found = NEEDLES.filter(
        (n) => bytes.includes(Buffer.from(n, 'utf8')) || bytes.includes(Buffer.from(n, 'utf16le')),
      );
      expect([table, found]).toEqual([table, []]);
    }
  });

  it('binds each sealed section to its case and section: a moved ciphertext does not open', async () => {
    const { id: other } = await t.createCase(supervisor);
    await t.database.superuser(
      `INSERT INTO case_sensitive (case_id, section, org_id, content, updated_at)
       SELECT $1, 'health', org_id, content, updated_at FROM case_sensitive
        WHERE case_id = $2 AND section = 'sexualViolence'`,
      [other, caseId],
    );
    const res = await t.request('GET', recordUrl(other, 'sensitive/health'), {
      session: supervisor,
    });
    expect(res.status).toBe(500);
    expect(JSON.stringify(res.body)).not.toContain('rape');
  });

  it('row-level security keeps every record table to the organisation', async () => {
    const orgB = await t.createOrg('Other org');
    const b = await t.signIn(orgB, 'supervisor');
    const { id } = await t.createCase(b);
    await addRecordParts(t, b, id);
    for (const table of RECORD_TABLES.filter((n) => n !== 'audit_log')) {
      const rows = await t.db.transaction(orgScope(orgB, b.userId), (tx) =>
        tx.query<{ org_id: string }>(`SELECT org_id FROM ${table}`),
      );
      expect(rows.every((r) => r.org_id === orgB)).toBe(true);
    }
    // A row of org B cannot point at org A's case, even with a query that forgets the check.
    await expect(
      t.db.transaction(orgScope(orgB, b.userId), (tx) =>
        tx.query(
          `INSERT INTO follow_ups (id, org_id, case_id, date, notes, created_at)
           VALUES (gen_random_uuid(), $1, $2, '2026-05-30', '\\x00', now())`,
          [orgB, caseId],
        ),
      ),
    ).rejects.toThrow(/foreign key/);
  });
});
