import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  TracingCandidate,
  TracingRequestDetail,
} from '../../src/shared/api/tracing.schema.ts';
import { auditEntries, errorOf } from '../support/api.ts';
import type { TestResponse, TestSession } from '../support/test-app.ts';
import { TestLantern } from '../support/test-app.ts';
import { createRequest, search, tracingCase } from './tracing-support.ts';

type Step = 'verify' | 'fail' | 'best' | 'notBest' | 'reunify' | 'close';

// The tracing workflow after the search: confirm → verify → best interest (children) →
// reunify → close; every illegal step is 409 naming from and to; every step is audited.
describe('tracing workflow', () => {
  let t: TestLantern;
  let org: string;
  let a: TestSession;
  let sup: TestSession;
  const cases: Record<string, string> = {};

  beforeAll(async () => {
    t = await TestLantern.start();
    org = await t.createOrg('Org A');
    a = await t.signIn(org, 'caseworker');
    sup = await t.signIn(org, 'supervisor');
    cases.adult = (
      await tracingCase(t, a, {
        givenName: 'Samir',
        familyName: 'Haddad',
        dateOfBirth: '1980-02-01',
        gender: 'Masculine',
      })
    ).id;
    cases.adultTwin = (
      await tracingCase(t, a, {
        givenName: 'Sameer',
        familyName: 'Hadad',
        dateOfBirth: '1980-02-01',
        gender: 'Masculine',
      })
    ).id;
    cases.child = (
      await tracingCase(
        t,
        a,
        {
          givenName: 'Layla',
          familyName: 'Mansour',
          dateOfBirth: '2015-09-10',
          gender: 'Feminine',
        },
        { child: true },
      )
    ).id;
    cases.unknownAge = (
      await tracingCase(t, a, {
        givenName: 'Tesfay',
        familyName: 'Gebremedhin',
        gender: 'Masculine',
      })
    ).id;
  });
  afterAll(() => t.close());

  const url = (id: string, tail = '') => `/api/v1/tracing-requests/${id}${tail}`;

  const BODIES: Record<Step, [string, Record<string, unknown>]> = {
    verify: ['/verify', { outcome: 'verified', method: 'interview_both_parties' }],
    fail: ['/verify', { outcome: 'failed', method: 'documents', note: 'Documents do not match.' }],
    best: ['/best-interest', { outcome: 'in_best_interest', note: 'BID panel, 3 members.' }],
    notBest: ['/best-interest', { outcome: 'not_in_best_interest' }],
    reunify: [
      '/reunify',
      {
        date: '2026-05-30',
        place: { country: 'LB', locality: 'Tripoli' },
        followUp: { plannedOn: '2026-08-30', note: 'Home visit.' },
      },
    ],
    close: ['/close', { reason: 'reunified' }],
  };
  const act = (
    session: TestSession,
    id: string,
    s: Step,
    override?: Record<string, unknown>,
  ): Promise<TestResponse> => {
    const [tail, body] = BODIES[s];
    return t.request('POST', url(id, tail), { session, body: override ?? body });
  };
  const closeAs = (id: string, reason: string, session = sup) =>
    act(session, id, 'close', { reason });
  const expectConflict = (res: TestResponse, from: string, to: string) => {
    expect(res.status, JSON.stringify(res.body)).toBe(409);
    expect(errorOf(res)).toMatchObject({ code: 'conflict', details: { from, to } });
  };
  const ok = (res: TestResponse, status: string) => {
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.json<TracingRequestDetail>().status).toBe(status);
    return res.json<TracingRequestDetail>();
  };

  /** A request for `sought`, searched, with the candidate of `caseId` confirmed. */
  async function matched(sought: Record<string, unknown>, caseId: string) {
    const r = await createRequest(t, a, sought);
    const found = await search(t, a, r.id);
    const k = found.candidates.find((c) => c.caseId === caseId);
    if (!k) throw new Error('expected candidate not found');
    const res = await t.request('POST', url(r.id, `/candidates/${k.id}/confirm`), {
      session: a,
      body: { note: 'Photo recognised by the mother.' },
    });
    ok(res, 'matched');
    return { id: r.id, candidates: found.candidates, confirmed: k };
  }

  it('an adult: confirm → verify → reunify → close, refusing every illegal step', async () => {
    const r = await matched(
      { givenName: 'Samir', familyName: 'Haddad', dateOfBirth: '1980', sex: 'M' },
      cases.adult!,
    );
    // matched: a second candidate cannot be confirmed, nothing after verification applies
    const twin = r.candidates.find((c) => c.caseId === cases.adultTwin)!;
    expect(twin).toBeDefined();
    expectConflict(
      await t.request('POST', url(r.id, `/candidates/${twin.id}/confirm`), {
        session: a,
        body: {},
      }),
      'matched',
      'matched',
    );
    expectConflict(await act(sup, r.id, 'best'), 'matched', 'best_interest_determined');
    expectConflict(await act(a, r.id, 'reunify'), 'matched', 'reunified');
    expectConflict(await closeAs(r.id, 'reunified'), 'matched', 'closed');
    expectConflict(await closeAs(r.id, 'not_in_best_interest'), 'matched', 'closed');

    const verified = ok(await act(a, r.id, 'verify'), 'verified');
    expect(verified.steps.verification).toEqual({ method: 'interview_both_parties', note: null });
    expect(verified.availableActions).toEqual(['reunify', 'close']);
    expectConflict(await act(a, r.id, 'verify'), 'verified', 'verified');
    expectConflict(await act(a, r.id, 'fail'), 'verified', 'open');
    // an adult has no best-interest step
    expectConflict(await act(sup, r.id, 'best'), 'verified', 'best_interest_determined');
    expectConflict(await closeAs(r.id, 'not_found'), 'verified', 'closed');

    const reunified = ok(await act(a, r.id, 'reunify'), 'reunified');
    expect(reunified.steps.reunification).toEqual({
      date: '2026-05-30',
      place: { country: 'LB', locality: 'Tripoli' },
      followUp: { plannedOn: '2026-08-30', note: 'Home visit.' },
    });
    expectConflict(await act(a, r.id, 'reunify'), 'reunified', 'reunified');
    expectConflict(await act(a, r.id, 'verify'), 'reunified', 'verified');
    expectConflict(await closeAs(r.id, 'not_found'), 'reunified', 'closed');
    // closing is a supervisor's decision
    expect((await closeAs(r.id, 'reunified', a)).status).toBe(403);

    const closed = ok(await closeAs(r.id, 'reunified'), 'closed');
    expect(closed.steps.closure).toEqual({ reason: 'reunified', note: null });
    expect(closed.availableActions).toEqual([]);
    for (const s of ['verify', 'fail', 'reunify'] as const) {
      expect((await act(a, r.id, s)).status).toBe(409);
    }
    expectConflict(await act(sup, r.id, 'best'), 'closed', 'best_interest_determined');
    expectConflict(await closeAs(r.id, 'other'), 'closed', 'closed');
    expect((await t.request('POST', url(r.id, '/search'), { session: a })).status).toBe(409);
    expect(
      (
        await t.request('POST', url(r.id, `/candidates/${twin.id}/reject`), {
          session: a,
          body: { reason: 'other' },
        })
      ).status,
    ).toBe(409);

    expect(closed.history.map((h) => [h.action, h.from, h.to])).toEqual([
      ['created', null, 'open'],
      ['confirm', 'open', 'matched'],
      ['verify', 'matched', 'verified'],
      ['reunify', 'verified', 'reunified'],
      ['close', 'reunified', 'closed'],
    ]);
    const audited = (await auditEntries(t, org)).filter((e) => e.recordId === r.id);
    expect(audited.map((e) => e.action)).toEqual(
      expect.arrayContaining([
        'tracing.created',
        'tracing.searched',
        'tracing.confirm',
        'tracing.verify',
        'tracing.reunify',
        'tracing.close',
      ]),
    );
    for (const e of audited) expect(e.text).not.toMatch(/Samir|Tripoli|Home visit|Photo/);
    // step data is sealed at rest
    const [row] = await t.database.superuser(
      'SELECT t::text AS text FROM tracing_requests t WHERE id = $1',
      [r.id],
    );
    expect(row!.text).not.toMatch(/Tripoli|Home visit/);
  });

  it('a child: reunification waits for a supervisor’s best-interest determination', async () => {
    const r = await matched({ givenName: 'Layla', familyName: 'Mansour', age: 10 }, cases.child!);
    ok(await act(a, r.id, 'verify'), 'verified');
    const early = await act(a, r.id, 'reunify');
    expectConflict(early, 'verified', 'reunified');
    expect(errorOf(early).message).toContain('best-interest');
    expect((await act(a, r.id, 'best')).status).toBe(403);
    const determined = ok(await act(sup, r.id, 'best'), 'best_interest_determined');
    expect(determined.steps.bestInterest).toEqual({
      outcome: 'in_best_interest',
      decidedOn: '2026-06-01',
      note: 'BID panel, 3 members.',
    });
    expectConflict(
      await act(sup, r.id, 'best'),
      'best_interest_determined',
      'best_interest_determined',
    );
    expectConflict(
      await closeAs(r.id, 'not_in_best_interest'),
      'best_interest_determined',
      'closed',
    );
    ok(await act(a, r.id, 'reunify'), 'reunified');
    const closed = ok(await closeAs(r.id, 'reunified'), 'closed');
    expect(closed.history.map((h) => h.action)).toEqual([
      'created',
      'confirm',
      'verify',
      'determine_best_interest',
      'reunify',
      'close',
    ]);
    const [entry] = await auditEntries(t, org, 'tracing.determine_best_interest');
    expect(entry).toMatchObject({ actorId: sup.userId, fields: ['outcome', 'decidedOn', 'note'] });
  });

  it('a child, not in their best interest: no reunification, closed with that reason', async () => {
    // The enquirer did not know the age: the matched case's person is a child, which decides.
    const r = await matched({ givenName: 'Layla', familyName: 'Mansour' }, cases.child!);
    ok(await act(a, r.id, 'verify'), 'verified');
    ok(await act(sup, r.id, 'notBest'), 'best_interest_determined');
    expectConflict(await act(a, r.id, 'reunify'), 'best_interest_determined', 'reunified');
    ok(await closeAs(r.id, 'not_in_best_interest'), 'closed');
  });

  it('an unknown age on both sides counts as a child', async () => {
    const r = await matched({ givenName: 'Tesfay', familyName: 'Gebremedhin' }, cases.unknownAge!);
    const v = ok(await act(a, r.id, 'verify'), 'verified');
    expect(v.soughtIsChild).toBeNull();
    expectConflict(await act(a, r.id, 'reunify'), 'verified', 'reunified');
    ok(await act(sup, r.id, 'best'), 'best_interest_determined');
  });

  it('failed verification reopens the request and rejects the candidate', async () => {
    const r = await matched({ givenName: 'Samir', familyName: 'Haddad' }, cases.adult!);
    const reopened = ok(await act(a, r.id, 'fail'), 'open');
    expect(reopened.steps.verification).toBeNull();
    const list = await t.request('GET', url(r.id, '/candidates'), { session: a });
    const k = list
      .json<{ items: TracingCandidate[] }>()
      .items.find((c) => c.id === r.confirmed.id)!;
    expect(k).toMatchObject({
      status: 'rejected',
      decision: { reason: 'verification_failed', note: 'Documents do not match.' },
    });
    const again = await t.request('POST', url(r.id, `/candidates/${k.id}/confirm`), {
      session: a,
      body: {},
    });
    expect(again.status).toBe(409);
    expect(errorOf(again).details).toEqual({ from: 'rejected', to: 'confirmed' });
    // other closures from open
    ok(await closeAs(r.id, 'enquirer_withdrew'), 'closed');
  });

  it('bad step input is 400 naming the field', async () => {
    const r = await createRequest(t, a, { givenName: 'Nobody' });
    const res = await t.request('POST', url(r.id, '/reunify'), {
      session: a,
      body: { date: '2026-13-01', place: { country: 'ZZ' } },
    });
    expect(res.status).toBe(400);
    const future = await act(a, r.id, 'reunify', {
      date: '2026-07-01',
      place: { country: 'LB' },
    });
    expect(future.status).toBe(400);
    expect(errorOf(future).details).toEqual([
      { path: 'date', message: 'must not be in the future' },
    ]);
    const close = await t.request('POST', url(r.id, '/close'), {
      session: sup,
      body: { reason: 'lost' },
    });
    expect(close.status).toBe(400);
  });
});
