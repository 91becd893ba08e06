import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  AssistancePlan,
  AssistancePlanResponse,
  FollowUp,
  FollowUpList,
  Need,
  NeedList,
  ReintegrationAssessment,
  ReintegrationList,
} from '../../src/shared/api/case-record.schema.ts';
import { auditEntries, errorOf, issuePaths } from '../support/api.ts';
import { recordRowCounts, recordUrl, valid } from '../support/case-record.ts';
import type { TestResponse, TestSession } from '../support/test-app.ts';
import { TestLantern } from '../support/test-app.ts';

// Needs, the assistance plan, follow-ups and reintegration assessments. The clock stands at 2026-06-01; the
// default person was born on 1998-04-12 and registered on 2026-05-20.
describe('case record: needs, assistance plan, follow-ups, reintegration', () => {
  let t: TestLantern;
  let org: string;
  let cw: TestSession;
  let caseId: string;

  beforeAll(async () => {
    t = await TestLantern.start();
    org = await t.createOrg('Assistance org');
    cw = await t.signIn(org, 'caseworker');
    caseId = (await t.createCase(cw)).id;
  });
  afterAll(() => t.close());

  const send = (method: 'GET' | 'POST' | 'PUT' | 'PATCH', part: string, body?: unknown) =>
    t.request(method, recordUrl(caseId, part), { session: cw, body });

  async function refused(res: Promise<TestResponse>, paths: string[]) {
    const before = await recordRowCounts(t);
    const r = await res;
    expect(r.status, JSON.stringify(r.body)).toBe(400);
    expect(errorOf(r).code).toBe('validation_failed');
    expect([...new Set(issuePaths(r))].sort()).toEqual([...paths].sort());
    expect(await recordRowCounts(t)).toEqual(before);
  }

  describe('needs', () => {
    it('records a need, dated today unless told, and marks it met', async () => {
      const res = await send('POST', 'needs', valid.need());
      expect(res.status).toBe(201);
      const need = res.json<Need>();
      expect(need).toMatchObject({
        type: 'Health',
        status: 'Open',
        identifiedOn: '2026-06-01',
        details: 'Needs a dentist',
      });
      const met = await send('PATCH', `needs/${need.id}`, { status: 'Met' });
      expect(met.json<Need>()).toMatchObject({ status: 'Met', details: 'Needs a dentist' });
      await send('POST', 'needs', valid.need({ type: 'Legal', identifiedOn: '2026-05-21' }));
      const list = (await send('GET', 'needs')).json<NeedList>().items;
      expect(list.map((n) => [n.type, n.status])).toEqual([
        ['Legal', 'Open'],
        ['Health', 'Met'],
      ]);
    });

    it.each([
      [{ type: 'Housing' }, ['type']],
      [{ status: 'Closed' }, ['status']],
      [{ identifiedOn: '2026-06-02' }, ['identifiedOn']],
      [{ identifiedOn: '1998-04-11' }, ['identifiedOn']],
    ])('refuses %j', async (over, paths) => {
      await refused(send('POST', 'needs', valid.need(over)), paths);
    });
  });

  describe('assistance plan', () => {
    const plan = {
      objectives: 'Safe housing and a livelihood',
      actionPlan: 'Shelter, then vocational training',
      startDate: '2026-05-20',
      plannedEndDate: '2026-11-30',
      services: [
        { type: 'SocialCare', provider: 'Casa Rut', status: 'InProgress' },
        { type: 'Livelihood', description: 'Tailoring course', plannedEndDate: '2026-09-30' },
      ],
    };

    it('is null until first saved', async () => {
      const { id } = await t.createCase(cw);
      const res = await t.request('GET', recordUrl(id, 'plan'), { session: cw });
      expect(res.json<AssistancePlanResponse>()).toEqual({ plan: null });
    });

    it('saves the plan with its services and reads it back', async () => {
      const res = await send('PUT', 'plan', plan);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      const saved = res.json<AssistancePlan>();
      expect(saved).toMatchObject({
        objectives: plan.objectives,
        actionPlan: plan.actionPlan,
        startDate: '2026-05-20',
        plannedEndDate: '2026-11-30',
        actualEndDate: null,
        updatedBy: { id: cw.userId },
      });
      expect(saved.services.map((s) => [s.type, s.status, s.provider])).toEqual([
        ['SocialCare', 'InProgress', 'Casa Rut'],
        ['Livelihood', 'Planned', null],
      ]);
      expect((await send('GET', 'plan')).json<AssistancePlanResponse>().plan).toEqual(saved);
    });

    it('keeps a service by its id, drops the ones left out, adds new ones', async () => {
      const before = (await send('GET', 'plan')).json<AssistancePlanResponse>().plan!;
      const kept = before.services[1]!;
      const res = await send('PUT', 'plan', {
        ...plan,
        services: [
          { ...kept, status: 'Delivered', actualEndDate: '2026-05-31' },
          { type: 'Legal' },
        ],
      });
      const services = res.json<AssistancePlan>().services;
      expect(services[0]).toMatchObject({ id: kept.id, status: 'Delivered' });
      expect(services[1]).toMatchObject({ type: 'Legal' });
      expect(services.map((s) => s.id)).not.toContain(before.services[0]!.id);
    });

    it.each([
      ['a planned end before the start', { plannedEndDate: '2026-05-19' }, ['plannedEndDate']],
      ['an actual end in the future', { actualEndDate: '2026-06-02' }, ['actualEndDate']],
      ['an unknown service type', { services: [{ type: 'Housing' }] }, ['services.0.type']],
      [
        'a service ending before the plan starts',
        { services: [{ type: 'Legal', plannedEndDate: '2026-01-01' }] },
        ['services.0.plannedEndDate'],
      ],
      [
        'a service id that is not the plan’s',
        { services: [{ id: '00000000-0000-4000-8000-000000000000', type: 'Legal' }] },
        ['services.0.id'],
      ],
    ])('refuses %s', async (_what, over, paths) => {
      await refused(send('PUT', 'plan', { ...plan, ...over }), paths);
    });
  });

  describe('follow-ups', () => {
    it('records follow-ups, lists them newest first, and never changes them', async () => {
      const first = await send('POST', 'follow-ups', { date: '2026-05-22', notes: 'Settled in' });
      expect(first.status).toBe(201);
      expect(first.json<FollowUp>()).toMatchObject({
        date: '2026-05-22',
        notes: 'Settled in',
        createdBy: { id: cw.userId },
      });
      await send('POST', 'follow-ups', { date: '2026-05-29', notes: 'Started the course' });
      const items = (await send('GET', 'follow-ups')).json<FollowUpList>().items;
      expect(items.map((f) => f.date)).toEqual(['2026-05-29', '2026-05-22']);
      // Append-only: the application role has no UPDATE or DELETE on the table.
      const [grants] = await t.database.superuser(
        `SELECT has_table_privilege('lantern_app', 'follow_ups', 'UPDATE') AS u,
                has_table_privilege('lantern_app', 'follow_ups', 'DELETE') AS d`,
      );
      expect(grants).toEqual({ u: false, d: false });
    });

    it.each([
      [{ date: '2026-05-19', notes: 'x' }, ['date']],
      [{ date: '2026-06-02', notes: 'x' }, ['date']],
      [{ date: '2026-05-25', notes: '  ' }, ['notes']],
      [{ notes: 'x' }, ['date']],
    ])('refuses %j', async (body, paths) => {
      await refused(send('POST', 'follow-ups', body), paths);
    });
  });

  describe('reintegration assessments', () => {
    it('records the three dimensions and derives the outcome', async () => {
      const res = await send('POST', 'reintegration', {
        economic: 'Reached',
        social: 'Reached',
        psychosocial: 'Reached',
        notes: 'Returned home and working',
      });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      expect(res.json<ReintegrationAssessment>()).toMatchObject({
        assessedOn: '2026-06-01',
        outcome: 'Sustainable',
        notes: 'Returned home and working',
        createdBy: { id: cw.userId },
      });
      await send('POST', 'reintegration', {
        assessedOn: '2026-05-30',
        economic: 'NotReached',
        social: 'PartlyReached',
        psychosocial: 'NotAssessed',
      });
      const items = (await send('GET', 'reintegration')).json<ReintegrationList>().items;
      expect(items.map((r) => [r.assessedOn, r.outcome, r.notes])).toEqual([
        ['2026-06-01', 'Sustainable', 'Returned home and working'],
        ['2026-05-30', 'Partial', null],
      ]);
      const audit = await auditEntries(t, org, 'case.reintegration.created');
      expect(audit.at(-1)?.fields).toEqual(['assessedOn', 'economic', 'social', 'psychosocial']);
      for (const e of audit) expect(e.text).not.toContain('Returned home');
    });

    it.each([
      [{ economic: 'Reached', social: 'Good', psychosocial: 'Reached' }, ['social']],
      [{ economic: 'Reached', social: 'Reached' }, ['psychosocial']],
      [
        {
          economic: 'Reached',
          social: 'Reached',
          psychosocial: 'Reached',
          assessedOn: '2026-05-19',
        },
        ['assessedOn'],
      ],
      [
        {
          economic: 'Reached',
          social: 'Reached',
          psychosocial: 'Reached',
          assessedOn: '2026-06-02',
        },
        ['assessedOn'],
      ],
    ])('refuses %j', async (body, paths) => {
      await refused(send('POST', 'reintegration', body), paths);
    });
  });

  it('audits each read that decrypts notes, with field names only', async () => {
    const actions = (await auditEntries(t, org)).map((e) => e.action);
    for (const a of [
      'case.needs.read',
      'case.plan.read',
      'case.follow_ups.read',
      'case.reintegration.read',
    ])
      expect(actions).toContain(a);
    const written = await auditEntries(t, org, 'case.plan.updated');
    expect(written.at(-1)?.fields).toEqual(
      expect.arrayContaining(['objectives', 'actionPlan', 'startDate', 'services']),
    );
    expect(written.at(-1)?.text).not.toContain('Tailoring');
  });
});
