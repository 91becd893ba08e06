import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  Caseload,
  CaseOwner,
  Task,
  TeamCaseload,
  Timeline,
} from '../../src/shared/api/casework.schema.ts';
import { auditEntries, errorOf, issuePaths } from '../support/api.ts';
import { sessionFor } from '../support/auth-helpers.ts';
import { casework, ok } from '../support/casework.ts';
import type { TestSession } from '../support/test-app.ts';
import { TestLantern } from '../support/test-app.ts';

const DAY = 86_400_000;
const ZERO = { intake: 0, screening: 0, assessment: 0, assistance: 0, follow_up: 0, closed: 0 };

describe('assignment and caseloads', () => {
  let t: TestLantern;
  let org: string;
  let cx: ReturnType<typeof casework>;

  beforeAll(async () => {
    t = await TestLantern.start();
    cx = casework(t);
    org = await t.createOrg('Caseloads');
  });
  afterAll(() => t.close());

  const today = () => t.clock.now().toISOString().slice(0, 10);
  const assign = (session: TestSession, caseId: string, body: Record<string, unknown>) =>
    t.request('PUT', `/api/v1/cases/${caseId}/owner`, { session, body });

  it('transfers a case within the organisation, recorded in the timeline and the audit log', async () => {
    const cw = await t.signIn(org, 'caseworker');
    const cw2 = await t.signIn(org, 'caseworker');
    const cw3 = await t.signIn(org, 'caseworker');
    const sup = await t.signIn(org, 'supervisor');
    const { id } = await t.createCase(cw);

    const handedOver = ok<CaseOwner>(
      await assign(cw, id, { ownerId: cw2.userId, reason: 'Going on leave' }),
    );
    expect(handedOver).toMatchObject({
      caseId: id,
      owner: { id: cw2.userId },
      previousOwner: { id: cw.userId },
    });
    // only the owner or a supervisor transfers a case
    const notMine = await assign(cw3, id, { ownerId: cw3.userId });
    expect([notMine.status, errorOf(notMine).code]).toEqual([403, 'forbidden']);
    ok(await assign(sup, id, { ownerId: cw3.userId }));
    const same = await assign(sup, id, { ownerId: cw3.userId });
    expect(same.status).toBe(409);

    const timeline = ok<Timeline>(await cx.timeline(cw, id));
    const owners = timeline.items.filter((e) => e.kind === 'owner_changed');
    expect(
      owners.map((e) => [e.actor?.id, e.data.previousOwnerId, e.data.ownerId, e.text]),
    ).toEqual([
      [cw.userId, cw.userId, cw2.userId, 'Going on leave'],
      [sup.userId, cw2.userId, cw3.userId, null],
    ]);
    expect(timeline.users.map((u) => u.id)).toEqual(
      expect.arrayContaining([cw.userId, cw2.userId, cw3.userId]),
    );
    const audit = (await auditEntries(t, org, 'case.assigned')).filter((a) => a.recordId === id);
    expect(audit.map((a) => a.fields)).toEqual([['caseOwner', 'reason'], ['caseOwner']]);
  });

  it('refuses an owner from another organisation, or one who cannot hold cases', async () => {
    const sup = await t.signIn(org, 'supervisor');
    const { id } = await t.createCase(sup);
    const other = await t.createOrg('Elsewhere');
    const candidates = [
      (await t.createUser(other, 'caseworker')).id,
      (await t.createUser(org, 'analyst')).id,
      (await t.createUser(org, 'admin')).id,
      '00000000-0000-4000-8000-000000000000',
    ];
    for (const ownerId of candidates) {
      const res = await assign(sup, id, { ownerId });
      expect([res.status, issuePaths(res)]).toEqual([400, ['ownerId']]);
    }
    // and another organisation's supervisor cannot touch our case
    const stranger = await t.signIn(other, 'supervisor');
    const foreign = await assign(stranger, id, { ownerId: stranger.userId });
    expect(foreign.status).toBe(404);
  });

  it('gives each user their cases by stage and their open and overdue tasks', async () => {
    const user = await t.createUser(org, 'caseworker');
    let me = await sessionFor(t, user, org);
    const a = await t.createCase(me);
    const b = await t.createCase(me);
    const c = await t.createCase(me);
    await t.createCase(me, { status: 'Closed' });
    ok(await cx.move(me, b.id, 'screening'), 201);
    ok(await cx.move(me, c.id, 'assessment'), 201);
    const task = (caseId: string, title: string, dueDate: string) =>
      t
        .request('POST', `/api/v1/cases/${caseId}/tasks`, { session: me, body: { title, dueDate } })
        .then((r) => ok<Task>(r, 201));
    await task(a.id, 'Soon', '2026-06-02');
    await task(a.id, 'Later', '2026-06-20');
    const done = await task(c.id, 'Done', '2026-06-02');
    ok(
      await t.request('PATCH', `/api/v1/tasks/${done.id}`, {
        session: me,
        body: { status: 'done' },
      }),
    );

    t.clock.advance(3 * DAY);
    me = await sessionFor(t, user, org);
    const load = ok<Caseload>(await t.request('GET', '/api/v1/caseload', { session: me }));
    expect(load.user.id).toBe(user.id);
    expect(load.today).toBe(t.clock.now().toISOString().slice(0, 10));
    expect(load.byStage).toEqual({ ...ZERO, intake: 1, screening: 1, assessment: 1, closed: 1 });
    expect(load.cases.map((x) => [x.id, x.stage, x.openTasks, x.overdueTasks])).toEqual([
      [a.id, 'intake', 2, 1],
      [b.id, 'screening', 0, 0],
      [c.id, 'assessment', 0, 0],
    ]);
    expect(load.openTasks.map((x) => [x.title, x.overdue])).toEqual([
      ['Soon', true],
      ['Later', false],
    ]);
    expect(load.overdueTasks.map((x) => x.title)).toEqual(['Soon']);
  });

  it("gives supervisors each caseworker's counts, and counts cases of disabled owners as unassigned", async () => {
    const team = await t.createOrg('Team');
    const admin = await t.signIn(team, 'admin');
    const sup = await t.signIn(team, 'supervisor');
    const cw = await t.signIn(team, 'caseworker');
    const leaver = await t.signIn(team, 'caseworker');
    const x = await t.createCase(cw);
    await t.createCase(cw);
    const y = await t.createCase(leaver);
    ok(await cx.move(cw, x.id, 'screening'), 201);
    ok(
      await t.request('POST', `/api/v1/cases/${y.id}/tasks`, {
        session: leaver,
        body: { title: 'Visit', dueDate: today(), assigneeId: cw.userId },
      }),
      201,
    );
    ok(
      await t.request('PATCH', `/api/v1/users/${leaver.userId}`, {
        session: admin,
        body: { disabled: true },
      }),
    );
    t.clock.advance(DAY);
    const fresh = await t.signIn(team, 'supervisor');
    const load = ok<TeamCaseload>(
      await t.request('GET', '/api/v1/caseload/team', { session: fresh }),
    );
    const row = (id: string) => load.items.find((i) => i.user.id === id);
    expect(row(cw.userId)).toMatchObject({
      user: { role: 'caseworker' },
      openCases: 2,
      byStage: { ...ZERO, intake: 1, screening: 1 },
      openTasks: 1,
      overdueTasks: 1,
    });
    expect(row(sup.userId)).toMatchObject({
      openCases: 0,
      openTasks: 0,
      user: { role: 'supervisor' },
    });
    expect(row(leaver.userId)).toBeUndefined();
    expect(row(admin.userId)).toBeUndefined();
    expect(load.unassignedOpenCases).toBe(1);

    const worker = await t.signIn(team, 'caseworker');
    expect((await t.request('GET', '/api/v1/caseload/team', { session: worker })).status).toBe(403);
  });
});
