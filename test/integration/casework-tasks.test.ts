import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Task, TaskList, Timeline } from '../../src/shared/api/casework.schema.ts';
import { auditEntries, errorOf, issuePaths } from '../support/api.ts';
import { sessionFor } from '../support/auth-helpers.ts';
import { ok } from '../support/casework.ts';
import type { TestSession } from '../support/test-app.ts';
import { TestLantern } from '../support/test-app.ts';

const DAY = 86_400_000;

describe('tasks', () => {
  let t: TestLantern;
  let org: string;
  const users: Record<'cw' | 'cw2' | 'sup', { id: string; email: string }> = {} as never;
  const s: Record<'cw' | 'cw2' | 'sup', TestSession> = {} as never;

  /** Signs everyone in again: moving the clock by days ends the sessions (30-minute idle limit). */
  async function signInAll() {
    for (const k of ['cw', 'cw2', 'sup'] as const) s[k] = await sessionFor(t, users[k], org);
  }

  beforeAll(async () => {
    t = await TestLantern.start();
    org = await t.createOrg('Tasks');
    users.cw = await t.createUser(org, 'caseworker');
    users.cw2 = await t.createUser(org, 'caseworker');
    users.sup = await t.createUser(org, 'supervisor');
    await signInAll();
  });
  afterAll(() => t.close());

  const addTask = (session: TestSession, caseId: string, body: Record<string, unknown>) =>
    t.request('POST', `/api/v1/cases/${caseId}/tasks`, { session, body });
  const patch = (session: TestSession, id: string, body: Record<string, unknown>) =>
    t.request('PATCH', `/api/v1/tasks/${id}`, { session, body });
  const list = (session: TestSession, url: string) =>
    t.request('GET', url, { session }).then((r) => ok<TaskList>(r).items);

  it('adds a task for the requester by default, or for a named colleague', async () => {
    const { id, reference } = await t.createCase(s.cw);
    const mine = ok<Task>(
      await addTask(s.cw, id, { title: 'Book the medical check', dueDate: '2026-06-05' }),
      201,
    );
    expect(mine).toMatchObject({
      caseId: id,
      caseReference: reference,
      title: 'Book the medical check',
      dueDate: '2026-06-05',
      status: 'open',
      overdue: false,
      assignee: { id: users.cw.id },
      createdBy: { id: users.cw.id },
      doneAt: null,
    });
    const theirs = ok<Task>(
      await addTask(s.cw, id, {
        title: 'Interpreter',
        dueDate: '2026-06-01',
        assigneeId: users.cw2.id,
      }),
      201,
    );
    expect(theirs.assignee.id).toBe(users.cw2.id);
    const ofCase = await list(s.cw2, `/api/v1/cases/${id}/tasks`);
    expect(ofCase.map((x) => x.title)).toEqual(['Interpreter', 'Book the medical check']);
    const audit = await auditEntries(t, org, 'task.created');
    expect(audit.map((a) => a.recordId)).toEqual(expect.arrayContaining([mine.id, theirs.id]));
    expect(audit.every((a) => !a.text.includes('medical'))).toBe(true);
  });

  it('refuses a due date in the past, an assignee outside the organisation or its casework, and a closed case', async () => {
    const { id } = await t.createCase(s.cw);
    const past = await addTask(s.cw, id, { title: 'Late', dueDate: '2026-05-31' });
    expect([past.status, issuePaths(past)]).toEqual([400, ['dueDate']]);
    const other = await t.createOrg('Elsewhere');
    const stranger = await t.createUser(other, 'caseworker');
    const admin = await t.createUser(org, 'admin');
    for (const assigneeId of [stranger.id, admin.id]) {
      const res = await addTask(s.cw, id, { title: 'X', dueDate: '2026-06-02', assigneeId });
      expect([res.status, issuePaths(res)]).toEqual([400, ['assigneeId']]);
    }
    expect(issuePaths(await addTask(s.cw, id, { dueDate: '2026-06-02' }))).toEqual(['title']);
    const unreal = await addTask(s.cw, id, { title: 'X', dueDate: '2026-02-30' });
    expect(new Set(issuePaths(unreal))).toEqual(new Set(['dueDate']));
    const closed = await t.createCase(s.cw, { status: 'Closed' });
    const res = await addTask(s.cw, closed.id, { title: 'X', dueDate: '2026-06-02' });
    expect([res.status, errorOf(res).code]).toEqual([409, 'conflict']);
  });

  it('turns overdue when the clock passes the due date, until done', async () => {
    const { id } = await t.createCase(s.cw);
    const due3 = ok<Task>(
      await addTask(s.cw, id, { title: 'Due 3rd', dueDate: '2026-06-03' }),
      201,
    );
    const due9 = ok<Task>(
      await addTask(s.cw, id, { title: 'Due 9th', dueDate: '2026-06-09' }),
      201,
    );
    const theirs = ok<Task>(
      await addTask(s.cw, id, { title: 'Theirs', dueDate: '2026-06-02', assigneeId: users.cw2.id }),
      201,
    );
    const overdueIds = async (session: TestSession, url: string) =>
      (await list(session, url)).filter((x) => [due3.id, due9.id, theirs.id].includes(x.id));

    expect(await overdueIds(s.cw, '/api/v1/tasks?overdue=true')).toEqual([]);
    // due on the 3rd: still fine on the 3rd, overdue on the 4th
    t.clock.advance(2 * DAY);
    await signInAll();
    expect(await overdueIds(s.sup, '/api/v1/tasks/overdue')).toHaveLength(1); // theirs, due 2nd
    t.clock.advance(DAY);
    await signInAll();
    const mine = await overdueIds(s.cw, '/api/v1/tasks?overdue=true');
    expect(mine.map((x) => [x.title, x.overdue])).toEqual([['Due 3rd', true]]);
    const org = await overdueIds(s.sup, '/api/v1/tasks/overdue');
    expect(org.map((x) => x.title)).toEqual(['Theirs', 'Due 3rd']);
    const one = await overdueIds(s.sup, `/api/v1/tasks/overdue?assigneeId=${users.cw2.id}`);
    expect(one.map((x) => x.title)).toEqual(['Theirs']);
    const open = await overdueIds(s.cw, '/api/v1/tasks');
    expect(open.map((x) => [x.title, x.overdue])).toEqual([
      ['Due 3rd', true],
      ['Due 9th', false],
    ]);

    const done = ok<Task>(await patch(s.cw, due3.id, { status: 'done' }));
    expect(done).toMatchObject({
      status: 'done',
      overdue: false,
      doneAt: t.clock.now().toISOString(),
    });
    expect(await overdueIds(s.cw, '/api/v1/tasks?overdue=true')).toEqual([]);
    expect((await overdueIds(s.cw, '/api/v1/tasks?status=done')).map((x) => x.id)).toEqual([
      due3.id,
    ]);
    expect(await overdueIds(s.cw, '/api/v1/tasks?status=all')).toHaveLength(2);
    expect((await overdueIds(s.sup, '/api/v1/tasks/overdue')).map((x) => x.title)).toEqual([
      'Theirs',
    ]);
  });

  it('reassigns, reschedules, reopens; each change on the timeline and in the audit log', async () => {
    const { id } = await t.createCase(s.cw);
    const task = ok<Task>(
      await addTask(s.cw, id, { title: 'Housing', dueDate: '2026-07-01' }),
      201,
    );
    const moved = ok<Task>(
      await patch(s.sup, task.id, { assigneeId: users.cw2.id, dueDate: '2026-07-10' }),
    );
    expect(moved).toMatchObject({ assignee: { id: users.cw2.id }, dueDate: '2026-07-10' });
    ok(await patch(s.cw2, task.id, { status: 'done' }));
    const reopened = ok<Task>(
      await patch(s.cw2, task.id, { status: 'open', title: 'Housing (2)' }),
    );
    expect(reopened).toMatchObject({ status: 'open', doneAt: null, title: 'Housing (2)' });
    const timeline = ok<Timeline>(
      await t.request('GET', `/api/v1/cases/${id}/timeline`, { session: s.cw }),
    );
    expect(timeline.items.map((e) => [e.kind, e.text])).toEqual([
      ['case_opened', null],
      ['task_created', 'Housing (2)'],
      ['task_updated', 'Housing (2)'],
      ['task_done', 'Housing (2)'],
      ['task_updated', 'Housing (2)'],
      ['task_reopened', 'Housing (2)'],
    ]);
    expect(timeline.items[2]!.data).toEqual({
      taskId: task.id,
      dueDate: '2026-07-10',
      assigneeId: users.cw2.id,
    });
    expect(timeline.users.map((u) => u.id)).toContain(users.cw2.id);
    const audit = (await auditEntries(t, org, 'task.updated')).filter(
      (a) => a.recordId === task.id,
    );
    expect(audit.map((a) => a.fields)).toEqual([
      ['dueDate', 'assigneeId'],
      ['status'],
      ['title', 'status'],
    ]);
  });

  it('needs a change to change a task, and hides other organisations’ tasks', async () => {
    const { id } = await t.createCase(s.cw);
    const task = ok<Task>(await addTask(s.cw, id, { title: 'Call', dueDate: '2026-07-01' }), 201);
    expect((await patch(s.cw, task.id, {})).status).toBe(400);
    const other = await t.createOrg('Elsewhere 2');
    const stranger = await t.signIn(other, 'supervisor');
    expect((await patch(stranger, task.id, { status: 'done' })).status).toBe(404);
    expect(await list(stranger, '/api/v1/tasks/overdue')).toEqual([]);
    expect(
      (await t.request('GET', `/api/v1/cases/${id}/tasks`, { session: stranger })).status,
    ).toBe(404);
  });
});
