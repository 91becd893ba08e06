import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApprovalList } from '../../src/shared/api/casework.schema.ts';
import type { CaseDetail } from '../../src/shared/api/cases.schema.ts';
import { auditEntries, errorOf, issuePaths } from '../support/api.ts';
import type { Approval, Timeline } from '../support/casework.ts';
import { casework, ok } from '../support/casework.ts';
import type { TestSession } from '../support/test-app.ts';
import { TestLantern } from '../support/test-app.ts';

const DETERMINATION = {
  kind: 'victim_determination',
  traffickingStatus: 'ActualVictimOfTrafficking',
  reason: 'Recruitment by deception and debt bondage confirmed in interview',
} as const;
const CLOSURE = {
  kind: 'closure',
  closureReason: 'assistance_completed',
  reason: 'Living independently; goals of the plan met',
} as const;

describe('supervisor approvals', () => {
  let t: TestLantern;
  let org: string;
  let cw: TestSession;
  let sup: TestSession;
  let sup2: TestSession;
  let cx: ReturnType<typeof casework>;

  beforeAll(async () => {
    t = await TestLantern.start();
    cx = casework(t);
    org = await t.createOrg('Approvals');
    cw = await t.signIn(org, 'caseworker');
    sup = await t.signIn(org, 'supervisor');
    sup2 = await t.signIn(org, 'supervisor');
  });
  afterAll(() => t.close());

  const caseOf = async (id: string) => ok<CaseDetail>(await cx.caseOf(cw, id));

  it('changes the victim determination only when a supervisor approves', async () => {
    const { id } = await t.createCase(cw);
    const req = ok<Approval>(await cx.request(cw, id, DETERMINATION), 201);
    expect(req).toMatchObject({
      caseId: id,
      kind: 'victim_determination',
      state: 'pending',
      traffickingStatus: 'ActualVictimOfTrafficking',
      closureReason: null,
      reason: DETERMINATION.reason,
      requestedBy: { id: cw.userId },
      decidedBy: null,
    });
    expect((await caseOf(id)).traffickingStatus).toBe('PossibleVictimOfTrafficking');

    const pending = ok<ApprovalList>(await t.request('GET', '/api/v1/approvals', { session: sup }));
    expect(pending.items.map((a) => a.id)).toContain(req.id);

    const decided = ok<Approval>(await cx.decide(sup, req.id, { decision: 'approved' }));
    expect(decided).toMatchObject({
      state: 'approved',
      decidedBy: { id: sup.userId },
      comment: null,
    });
    expect((await caseOf(id)).traffickingStatus).toBe('ActualVictimOfTrafficking');
    expect((await caseOf(id)).stage).toBe('intake');
    const after = ok<ApprovalList>(await t.request('GET', '/api/v1/approvals', { session: sup }));
    expect(after.items.map((a) => a.id)).not.toContain(req.id);
    const approved = ok<ApprovalList>(
      await t.request('GET', '/api/v1/approvals?state=approved', { session: sup }),
    );
    expect(approved.items.map((a) => a.id)).toContain(req.id);

    const audit = (await auditEntries(t, org)).filter(
      (a) => a.recordId === id || a.recordId === req.id,
    );
    expect(audit.map((a) => [a.action, a.fields])).toEqual(
      expect.arrayContaining([
        ['approval.requested', ['kind', 'traffickingStatus', 'reason']],
        ['approval.decided', ['decision']],
        ['case.updated', ['traffickingStatus']],
      ]),
    );
  });

  it('four-eyes: the requester cannot decide their own request, even as a supervisor', async () => {
    const { id } = await t.createCase(sup);
    const req = ok<Approval>(await cx.request(sup, id, CLOSURE), 201);
    const own = await cx.decide(sup, req.id, { decision: 'approved' });
    expect(own.status).toBe(403);
    expect(errorOf(own).code).toBe('forbidden');
    expect(errorOf(own).message).toMatch(/four-eyes/);
    expect((await caseOf(id)).stage).toBe('intake');
    // another supervisor may
    ok(await cx.decide(sup2, req.id, { decision: 'approved' }));
    expect((await caseOf(id)).stage).toBe('closed');
  });

  it('the database refuses a self-approval too, whatever a service might do', async () => {
    const { id } = await t.createCase(cw);
    const req = ok<Approval>(await cx.request(cw, id, DETERMINATION), 201);
    await expect(
      t.database.superuser(
        `UPDATE case_approvals SET state = 'approved', decided_by = requested_by, decided_at = now()
          WHERE id = $1`,
        [req.id],
      ),
    ).rejects.toThrow(/check constraint/);
  });

  it('a caseworker cannot approve or list requests', async () => {
    const { id } = await t.createCase(cw);
    const req = ok<Approval>(await cx.request(cw, id, DETERMINATION), 201);
    const other = await t.signIn(org, 'caseworker');
    const res = await cx.decide(other, req.id, { decision: 'approved' });
    expect([res.status, errorOf(res).code]).toEqual([403, 'forbidden']);
    expect((await t.request('GET', '/api/v1/approvals', { session: other })).status).toBe(403);
    expect((await caseOf(id)).traffickingStatus).toBe('PossibleVictimOfTrafficking');
  });

  it('a rejected request changes nothing on the case, and needs a comment', async () => {
    const { id } = await t.createCase(cw);
    await cx.move(cw, id, 'screening');
    const before = await caseOf(id);
    const close = ok<Approval>(await cx.request(cw, id, CLOSURE), 201);
    const det = ok<Approval>(await cx.request(cw, id, DETERMINATION), 201);
    expect(issuePaths(await cx.decide(sup, close.id, { decision: 'rejected' }))).toEqual([
      'comment',
    ]);
    const rejected = ok<Approval>(
      await cx.decide(sup, close.id, { decision: 'rejected', comment: 'Plan not finished' }),
    );
    expect(rejected).toMatchObject({ state: 'rejected', comment: 'Plan not finished' });
    ok(await cx.decide(sup, det.id, { decision: 'rejected', comment: 'Not enough evidence' }));
    const after = await caseOf(id);
    expect({ ...after }).toEqual({ ...before });
    // a decided request cannot be decided again
    const again = await cx.decide(sup2, close.id, { decision: 'approved' });
    expect([again.status, errorOf(again).message]).toEqual([
      409,
      'This request has already been rejected.',
    ]);
    expect((await caseOf(id)).stage).toBe('screening');
    // and once decided, a new request may be made
    expect((await cx.request(cw, id, CLOSURE)).status).toBe(201);
  });

  it('allows one pending request of each kind per case', async () => {
    const { id } = await t.createCase(cw);
    ok(await cx.request(cw, id, DETERMINATION), 201);
    const dup = await cx.request(sup, id, {
      ...DETERMINATION,
      traffickingStatus: 'NotAVictimOfTrafficking',
    });
    expect([dup.status, errorOf(dup).message]).toEqual([
      409,
      'A victim determination request is already pending for this case.',
    ]);
    t.clock.advance(1_000);
    expect((await cx.request(cw, id, CLOSURE)).status).toBe(201);
    const listed = ok<ApprovalList>(
      await t.request('GET', `/api/v1/cases/${id}/approvals`, { session: cw }),
    );
    expect(listed.items.map((a) => a.kind)).toEqual(['victim_determination', 'closure']);
  });

  it('refuses requests that could not take effect', async () => {
    const { id } = await t.createCase(cw, { traffickingStatus: 'ActualVictimOfTrafficking' });
    expect(errorOf(await cx.request(cw, id, DETERMINATION))).toMatchObject({
      code: 'conflict',
      message: 'The case is already recorded as ActualVictimOfTrafficking.',
    });
    const closed = await t.createCase(cw, { status: 'Closed' });
    expect(errorOf(await cx.request(cw, closed.id, CLOSURE)).message).toBe(
      'The case is already closed.',
    );
    expect((await cx.request(cw, closed.id, DETERMINATION)).status).toBe(409);
    const body = (b: unknown) =>
      t.request('POST', `/api/v1/cases/${id}/approvals`, { session: cw, body: b });
    expect(issuePaths(await body({ kind: 'closure', reason: 'x' }))).toEqual(['closureReason']);
    expect(
      issuePaths(
        await body({ ...DETERMINATION, traffickingStatus: 'PossibleVictimOfTrafficking' }),
      ),
    ).toEqual(['traffickingStatus']);
    expect(issuePaths(await body({ kind: 'promotion', reason: 'x' }))).toEqual(['kind']);
    expect(issuePaths(await body({ ...CLOSURE, reason: '' }))).toEqual(['reason']);
  });

  it('refuses to approve a request the case has outgrown; rejecting it still works', async () => {
    const { id } = await t.createCase(cw);
    const det = ok<Approval>(await cx.request(cw, id, DETERMINATION), 201);
    const close = ok<Approval>(await cx.request(cw, id, CLOSURE), 201);
    ok(await cx.decide(sup, close.id, { decision: 'approved' }));
    const stale = await cx.decide(sup, det.id, { decision: 'approved' });
    expect([stale.status, errorOf(stale).message]).toEqual([
      409,
      'The case is closed; reopen it before changing the determination. Reject the request instead.',
    ]);
    expect(
      ok<Approval>(await cx.decide(sup, det.id, { decision: 'rejected', comment: 'Closed' })).state,
    ).toBe('rejected');
  });

  it('a closure by referral closes as ClosedReferred; the timeline tells the whole story', async () => {
    const { id } = await t.createCase(cw);
    const req = ok<Approval>(
      await cx.request(cw, id, { ...CLOSURE, closureReason: 'referred_elsewhere' }),
      201,
    );
    t.clock.advance(60_000);
    ok(await cx.decide(sup, req.id, { decision: 'approved', comment: 'Handover done' }));
    expect(await caseOf(id)).toMatchObject({ stage: 'closed', status: 'ClosedReferred' });
    const timeline = ok<Timeline>(await cx.timeline(cw, id));
    expect(timeline.items.map((e) => [e.kind, e.actor?.id, e.text])).toEqual([
      ['case_opened', cw.userId, null],
      ['approval_requested', cw.userId, CLOSURE.reason],
      ['approval_decided', sup.userId, 'Handover done'],
      ['stage_changed', sup.userId, CLOSURE.reason],
    ]);
    expect(timeline.items[3]!.data).toEqual({
      from: 'intake',
      to: 'closed',
      transitionKind: 'close',
      approvalId: req.id,
    });
  });

  it("another organisation's request is not found, and its supervisors cannot decide ours", async () => {
    const { id } = await t.createCase(cw);
    const req = ok<Approval>(await cx.request(cw, id, DETERMINATION), 201);
    const other = await t.createOrg('Elsewhere');
    const stranger = await t.signIn(other, 'supervisor');
    const res = await cx.decide(stranger, req.id, { decision: 'approved' });
    expect([res.status, errorOf(res).code]).toEqual([404, 'not_found']);
    const list = ok<ApprovalList>(
      await t.request('GET', '/api/v1/approvals', { session: stranger }),
    );
    expect(list.items).toEqual([]);
    expect((await cx.request(stranger, id, DETERMINATION)).status).toBe(404);
    expect((await caseOf(id)).traffickingStatus).toBe('PossibleVictimOfTrafficking');
  });
});
