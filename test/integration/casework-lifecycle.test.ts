import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseDetail, CaseList } from '../../src/shared/api/cases.schema.ts';
import { auditEntries, errorOf, issuePaths } from '../support/api.ts';
import type { Approval, Timeline, Transition } from '../support/casework.ts';
import { casework, ok } from '../support/casework.ts';
import type { TestSession } from '../support/test-app.ts';
import { TestLantern } from '../support/test-app.ts';

// Well inside the 30-minute idle limit of the sessions signed in once for the whole file.
const STEP = 60_000;

describe('case lifecycle', () => {
  let t: TestLantern;
  let org: string;
  let cw: TestSession;
  let sup: TestSession;
  let cx: ReturnType<typeof casework>;

  beforeAll(async () => {
    t = await TestLantern.start();
    cx = casework(t);
    org = await t.createOrg('Lifecycle');
    cw = await t.signIn(org, 'caseworker');
    sup = await t.signIn(org, 'supervisor');
  });
  afterAll(() => t.close());

  const stageOf = async (id: string) => {
    const c = ok<CaseDetail>(await cx.caseOf(cw, id));
    return { stage: c.stage, status: c.status };
  };

  it('opens a case at intake, Active, and filters the list by stage', async () => {
    const { id } = await t.createCase(cw);
    expect(await stageOf(id)).toEqual({ stage: 'intake', status: 'Active' });
    ok(await cx.move(cw, id, 'screening'), 201);
    const list = (q: string) =>
      t.request('GET', `/api/v1/cases?${q}`, { session: cw }).then((r) => ok<CaseList>(r));
    expect((await list('stage=screening')).items.map((c) => c.id)).toContain(id);
    expect((await list('stage=intake,assessment')).items.map((c) => c.id)).not.toContain(id);
    expect((await list('stage=screening')).items.every((c) => c.stage === 'screening')).toBe(true);
    const bad = await t.request('GET', '/api/v1/cases?stage=triage', { session: cw });
    expect(issuePaths(bad)).toEqual(['querystring.stage.0']);
  });

  it('walks intake → screening → assessment → assistance → follow-up → closed → reopened, each move recorded with who, when and why', async () => {
    const { id } = await t.createCase(cw);
    const path = [
      ['screening', 'Active', 'forward'],
      ['assessment', 'Active', 'forward'],
      ['assistance', 'Active', 'forward'],
      ['follow_up', 'FollowUp', 'forward'],
    ] as const;
    for (const [to, status, kind] of path) {
      t.clock.advance(STEP);
      const moved = ok<Transition>(await cx.move(cw, id, to, `Ready for ${to}`), 201);
      expect(moved).toMatchObject({
        to,
        kind,
        caseStatus: status,
        reason: `Ready for ${to}`,
        actor: { id: cw.userId },
        at: t.clock.now().toISOString(),
        approvalId: null,
      });
      expect(await stageOf(id)).toEqual({ stage: to, status });
    }

    // closing takes an approved request; the request alone changes nothing
    expect(errorOf(await cx.move(cw, id, 'closed')).message).toMatch(/approved closure request/);
    const request = ok<Approval>(
      await cx.request(cw, id, {
        kind: 'closure',
        closureReason: 'referred_elsewhere',
        reason: 'Referred to the shelter in the capital',
      }),
      201,
    );
    expect(await stageOf(id)).toEqual({ stage: 'follow_up', status: 'FollowUp' });
    t.clock.advance(STEP);
    ok(await cx.decide(sup, request.id, { decision: 'approved', comment: 'Agreed' }));
    expect(await stageOf(id)).toEqual({ stage: 'closed', status: 'ClosedReferred' });

    t.clock.advance(STEP);
    const reopened = ok<Transition>(await cx.move(cw, id, 'assessment', 'New disclosure'), 201);
    expect(reopened).toMatchObject({ from: 'closed', kind: 'reopen', caseStatus: 'Active' });

    const timeline = ok<Timeline>(await cx.timeline(cw, id));
    const stages = timeline.items
      .filter((e) => e.kind === 'stage_changed')
      .map((e) => [e.data.from, e.data.to, e.text, e.actor?.id]);
    expect(stages).toEqual([
      ['intake', 'screening', 'Ready for screening', cw.userId],
      ['screening', 'assessment', 'Ready for assessment', cw.userId],
      ['assessment', 'assistance', 'Ready for assistance', cw.userId],
      ['assistance', 'follow_up', 'Ready for follow_up', cw.userId],
      // the closure is the approving supervisor's act, with the request's reason
      ['follow_up', 'closed', 'Referred to the shelter in the capital', sup.userId],
      ['closed', 'assessment', 'New disclosure', cw.userId],
    ]);
    const audited = await auditEntries(t, org, 'case.transitioned');
    expect(audited.filter((a) => a.recordId === id)).toHaveLength(6);
  });

  it('skips screening when identification is already settled, and steps back when facts change', async () => {
    const { id } = await t.createCase(cw);
    expect(ok<Transition>(await cx.move(cw, id, 'assessment'), 201).kind).toBe('forward');
    ok(await cx.move(cw, id, 'assistance'), 201);
    const back = ok<Transition>(await cx.move(cw, id, 'assessment', 'Needs reassessment'), 201);
    expect(back).toMatchObject({ from: 'assistance', to: 'assessment', kind: 'back' });
  });

  it('refuses an illegal move with 409, naming both stages and what is allowed; nothing changes', async () => {
    const { id } = await t.createCase(cw);
    const res = await cx.move(cw, id, 'assistance');
    expect(res.status).toBe(409);
    expect(errorOf(res)).toMatchObject({
      code: 'conflict',
      message:
        'A case cannot move from intake to assistance; from intake it can move to screening or assessment.',
      details: { from: 'intake', to: 'assistance', allowed: ['screening', 'assessment'] },
    });
    expect(await stageOf(id)).toEqual({ stage: 'intake', status: 'Active' });
    expect(ok<Timeline>(await cx.timeline(cw, id)).items.map((e) => e.kind)).toEqual([
      'case_opened',
    ]);
    expect(errorOf(await cx.move(cw, id, 'intake')).message).toMatch(/from intake to intake/);
  });

  it('needs a reason and a known stage', async () => {
    const { id } = await t.createCase(cw);
    const url = `/api/v1/cases/${id}/transitions`;
    const send = (body: unknown) => t.request('POST', url, { session: cw, body });
    expect(issuePaths(await send({ to: 'screening' }))).toEqual(['reason']);
    expect(issuePaths(await send({ to: 'screening', reason: '   ' }))).toEqual(['reason']);
    expect(issuePaths(await send({ to: 'triage', reason: 'x' }))).toEqual(['to']);
    expect(issuePaths(await send({ to: 'screening', reason: 'x', by: 'me' }))).toEqual(['by']);
  });

  it('starts a case registered with another cas_Status in the stage that status implies', async () => {
    const followUp = await t.createCase(cw, { status: 'FollowUp' });
    expect(await stageOf(followUp.id)).toEqual({ stage: 'follow_up', status: 'FollowUp' });
    const closed = await t.createCase(cw, { status: 'ClosedReferred' });
    expect(await stageOf(closed.id)).toEqual({ stage: 'closed', status: 'ClosedReferred' });
    ok(await cx.move(cw, closed.id, 'intake', 'Came back'), 201);
    expect(await stageOf(closed.id)).toEqual({ stage: 'intake', status: 'Active' });
  });

  it('lets one of two simultaneous moves of a case win; the other is refused', async () => {
    const { id } = await t.createCase(cw);
    const answers = await Promise.all([
      cx.move(cw, id, 'screening'),
      cx.move(sup, id, 'screening'),
    ]);
    expect(answers.map((r) => r.status).sort()).toEqual([201, 409]);
    const moves = ok<Timeline>(await cx.timeline(cw, id)).items.filter(
      (e) => e.kind === 'stage_changed',
    );
    expect(moves).toHaveLength(1);
  });

  it("answers 404 for another organisation's case and writes nothing", async () => {
    const other = await t.createOrg('Elsewhere');
    const stranger = await t.signIn(other, 'supervisor');
    const { id } = await t.createCase(cw);
    const before = await auditEntries(t, other);
    expect((await cx.move(stranger, id, 'screening')).status).toBe(404);
    expect((await cx.timeline(stranger, id)).status).toBe(404);
    expect(await auditEntries(t, other)).toHaveLength(before.length);
    expect(await stageOf(id)).toEqual({ stage: 'intake', status: 'Active' });
  });
});
