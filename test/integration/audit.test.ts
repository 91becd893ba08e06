import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAudit } from '../../src/server/audit/audit-verify.ts';
import type { TestSession } from '../support/test-app.ts';
import { TestLantern } from '../support/test-app.ts';

// The audit log is append-only and hash-chained: any edit or deletion is detectable
// and `verifyAudit` names the first broken entry.
describe('audit log', () => {
  let t: TestLantern;
  let cw: TestSession;
  let caseId: string;

  beforeAll(async () => {
    t = await TestLantern.start();
    const org = await t.createOrg();
    cw = await t.signIn(org, 'caseworker');
    caseId = (await t.createCase(cw)).id;
    await t.request('GET', `/api/v1/cases/${caseId}`, { session: cw });
  });
  afterAll(() => t.close());

  const entries = () =>
    t.database.superuser(
      'SELECT seq, chain, chain_seq, org_id, actor_id, action, record_type, record_id, fields, source_ip FROM audit_log ORDER BY seq',
    );

  it('records who, organisation, action, record, fields and source address', async () => {
    const read = (await entries()).find((e) => e.action === 'case.read');
    expect(read).toMatchObject({
      org_id: cw.orgId,
      actor_id: cw.userId,
      record_type: 'case',
      record_id: caseId,
      source_ip: '127.0.0.1',
    });
    expect(read!.fields).toEqual(
      expect.arrayContaining(['givenName', 'familyName', 'dateOfBirth']),
    );
  });

  it('never stores the values of personal fields', async () => {
    const dump = JSON.stringify(await t.database.superuser('SELECT * FROM audit_log'));
    expect(dump).not.toContain('Amina');
    expect(dump).not.toContain('Okafor');
    expect(dump).not.toContain('1998-04-12');
  });

  it('verifies an untouched chain', async () => {
    const result = await verifyAudit(t.db);
    expect(result.ok).toBe(true);
    expect(result.entries).toBe((await entries()).length);
  });

  it('refuses UPDATE and DELETE even for the database owner', async () => {
    await expect(t.database.superuser("UPDATE audit_log SET action = 'x'")).rejects.toThrow(
      /append-only/,
    );
    await expect(t.database.superuser('DELETE FROM audit_log')).rejects.toThrow(/append-only/);
  });

  describe('tampering with the trigger disabled', () => {
    const tamper = async (sql: string) => {
      await t.database.superuser('ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update');
      await t.database.superuser(sql);
      await t.database.superuser('ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update');
    };

    it('an edited entry is named as the first broken one', async () => {
      const target = (await entries()).find((e) => e.action === 'case.read')!;
      await tamper(`UPDATE audit_log SET actor_id = NULL WHERE seq = ${Number(target.seq)}`);
      const result = await verifyAudit(t.db);
      expect(result.ok).toBe(false);
      expect(result.firstBroken).toMatchObject({
        seq: Number(target.seq),
        reason: 'its content was changed',
      });
      // Put it back so the next test starts from an intact chain.
      await tamper(
        `UPDATE audit_log SET actor_id = '${cw.userId}' WHERE seq = ${Number(target.seq)}`,
      );
      expect((await verifyAudit(t.db)).ok).toBe(true);
    });

    it('a deleted last entry is detected through the chain head', async () => {
      const chain = (await entries()).filter((e) => e.org_id === cw.orgId);
      const last = chain[chain.length - 1]!;
      await t.database.superuser(
        `CREATE TABLE audit_saved AS SELECT * FROM audit_log WHERE seq = ${Number(last.seq)}`,
      );
      await tamper(`DELETE FROM audit_log WHERE seq = ${Number(last.seq)}`);
      const result = await verifyAudit(t.db);
      expect(result.ok).toBe(false);
      expect(result.firstBroken).toMatchObject({
        chain: `org:${cw.orgId}`,
        chainSeq: Number(last.chain_seq),
      });
      expect(result.firstBroken!.reason).toMatch(/deleted/);
      await t.database.superuser('INSERT INTO audit_log SELECT * FROM audit_saved');
      await t.database.superuser('DROP TABLE audit_saved');
      expect((await verifyAudit(t.db)).ok).toBe(true);
    });

    it('a deleted entry in the middle breaks the chain at the entry after it', async () => {
      const chain = (await entries()).filter((e) => e.org_id === cw.orgId);
      const victim = chain[1]!;
      await tamper(`DELETE FROM audit_log WHERE seq = ${Number(victim.seq)}`);
      const result = await verifyAudit(t.db);
      expect(result.ok).toBe(false);
      expect(result.firstBroken).toMatchObject({
        seq: Number(chain[2]!.seq),
        reason: 'an entry before it is missing',
      });
    });
  });
});
