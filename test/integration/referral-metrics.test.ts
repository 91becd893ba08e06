import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM } from '../../src/server/db/database.ts';
import type { ReferralMetrics, UnmetNeed } from '../../src/shared/api/referral-metrics.schema.ts';
import { parseCsv } from '../../src/shared/exchange/csv.ts';
import { auditEntries, errorOf, issuePaths } from '../support/api.ts';
import { apiRouteKeys } from '../support/routes.ts';
import type { TestSession } from '../support/test-app.ts';
import { TestLantern } from '../support/test-app.ts';

// Pathway metrics over a hand-built set of referrals written with plain SQL as the owner (so
// that this test does not depend on the lifecycle code), read through the API. The clock
// stands at 2026-06-01T09:00Z: the default period is 2025-06-02 … 2026-06-01.
//
// Directory: P1 "Safe Harbour" (receiving organisation P) offers S1 shelter in NG (2 places
// free) and S3 medical in GH (full); P2 "Justice Aid" (external, listed by A) offers S2 legal
// aid in NG (no count of places) and S4 shelter in GH (inactive).
//
// Organisation A's referrals, sent from T0 = 2026-03-02T08:00Z (hours after T0):
//   r1 c1 S1 completed   answered +6,  closed +54, outcome service_provided
//   r2 c1 S2 completed   answered +2,  closed +26, outcome partially_provided
//   r3 c2 S1 accepted    answered +12
//   r4 c2 S1 declined    answered +4,  reason no_capacity
//   r5 c3 S1 expired     (the job recorded it)
//   r6 c3 S2 withdrawn   after acceptance at +8 (the history says so), closed +20
//   r7 c4 S2 withdrawn   before any answer, closed +1
//   r8 c4 S1 sent        due 2026-06-05: still waiting
//   r9 c4 S3 sent        due 2026-05-01: past due, so expired as every answer shows it
//   r10 c1 S1 draft      never sent: never counted
//   r11 c2 S1 completed  sent 2025-01-15: outside the default period
// Organisation B: rb1 accepted, rb2 declined, both to S1 (received by P, never in A's figures).
describe('pathway metrics', () => {
  let t: TestLantern;
  let orgA: string;
  let orgB: string;
  let orgP: string;
  let supervisorA: TestSession;
  let analystA: TestSession;
  let caseworkerA: TestSession;
  let supervisorB: TestSession;
  let supervisorP: TestSession;
  const cases: Record<string, string> = {};
  const P1 = randomUUID();
  const P2 = randomUUID();
  const S = { s1: randomUUID(), s2: randomUUID(), s3: randomUUID(), s4: randomUUID() };
  const T0 = Date.parse('2026-03-02T08:00:00Z');
  const at = (h: number | null) => (h === null ? null : new Date(T0 + h * 3_600_000));

  const sql = (text: string, params: unknown[] = []) =>
    t.db.transaction(SYSTEM, (tx) => tx.query(text, params));

  async function service(
    id: string,
    providerId: string,
    type: string,
    country: string,
    places: number | null,
    active = true,
  ) {
    await sql(
      `INSERT INTO services (id, org_id, provider_id, service_type, name, country, latitude,
         longitude, capacity_total, capacity_available, active, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, 6.45, 3.39, $7, $8, $9, now(), now())`,
      [
        id,
        providerId === P1 ? orgP : orgA,
        providerId,
        type,
        `${type} ${country}`,
        country,
        places === null ? null : 10,
        places,
        active,
      ],
    );
  }

  interface Ref {
    org: string;
    caseId: string | null;
    service: string;
    status: string;
    sent?: number | Date | null;
    due?: Date;
    answered?: number | null;
    closed?: number | null;
    reason?: string;
    outcome?: string;
    /** Statuses passed through, for the history (referral_events). */
    path: string[];
  }
  let refSeq = 0;
  async function referral(r: Ref): Promise<string> {
    const id = randomUUID();
    const svc = {
      [S.s1]: { provider: P1, type: 'shelter', to: orgP },
      [S.s2]: { provider: P2, type: 'legal_aid', to: null },
      [S.s3]: { provider: P1, type: 'medical', to: orgP },
    }[r.service]!;
    const sent = r.sent === undefined ? at(0) : typeof r.sent === 'number' ? at(r.sent) : r.sent;
    refSeq += 1;
    await sql(
      `INSERT INTO referrals (id, org_id, reference, case_id, service_id, provider_id, to_org_id,
         service_type, status, from_org_name, decline_reason, outcome, created_by, created_at,
         sent_at, answer_due_at, answered_at, closed_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'Sender', $10, $11, $12, $13, $14, $15, $16,
         $17, $13)`,
      [
        id,
        r.org,
        `R-2026-${String(refSeq).padStart(6, '0')}`,
        r.caseId,
        r.service,
        svc.provider,
        svc.to,
        svc.type,
        r.status,
        r.reason ?? null,
        r.outcome ?? null,
        supervisorA.userId,
        sent ?? at(-1),
        sent,
        r.due ?? (sent ? new Date(sent.getTime() + 5 * 86_400_000) : null),
        at(r.answered ?? null),
        at(r.closed ?? null),
      ],
    );
    // One event per transition, as the lifecycle writes them.
    let from: string | null = null;
    for (const [i, to] of r.path.entries()) {
      await sql(
        `INSERT INTO referral_events (id, referral_id, org_id, to_org_id, from_status, to_status, at)
         VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [randomUUID(), id, r.org, svc.to, from, to, new Date((sent?.getTime() ?? T0) + i * 60_000)],
      );
      from = to;
    }
    return id;
  }

  beforeAll(async () => {
    t = await TestLantern.start();
    orgA = await t.createOrg('Org A');
    orgB = await t.createOrg('Org B');
    orgP = await t.createOrg('Safe Harbour org');
    supervisorA = await t.signIn(orgA, 'supervisor');
    analystA = await t.signIn(orgA, 'analyst');
    caseworkerA = await t.signIn(orgA, 'caseworker');
    supervisorB = await t.signIn(orgB, 'supervisor');
    supervisorP = await t.signIn(orgP, 'supervisor');
    for (const c of ['c1', 'c2', 'c3', 'c4']) cases[c] = (await t.createCase(caseworkerA)).id;
    cases.b1 = (await t.createCase(supervisorB)).id;

    await sql(
      `INSERT INTO providers (id, org_id, provider_org_id, name, active, created_at, updated_at)
       VALUES ($1, $2, $2, 'Safe Harbour', true, now(), now()),
              ($3, $4, NULL, 'Justice Aid', true, now(), now())`,
      [P1, orgP, P2, orgA],
    );
    await service(S.s1, P1, 'shelter', 'NG', 2);
    await service(S.s2, P2, 'legal_aid', 'NG', null);
    await service(S.s3, P1, 'medical', 'GH', 0);
    await service(S.s4, P2, 'shelter', 'GH', 5, false);

    const a = (caseId: string, service: string, rest: Omit<Ref, 'org' | 'caseId' | 'service'>) =>
      referral({ org: orgA, caseId: cases[caseId]!, service, ...rest });
    const done = ['draft', 'sent', 'accepted'];
    await a('c1', S.s1, {
      status: 'completed',
      answered: 6,
      closed: 54,
      outcome: 'service_provided',
      path: [...done, 'in_progress', 'completed'],
    });
    await a('c1', S.s2, {
      status: 'completed',
      answered: 2,
      closed: 26,
      outcome: 'partially_provided',
      path: [...done, 'completed'],
    });
    await a('c2', S.s1, { status: 'accepted', answered: 12, path: done });
    await a('c2', S.s1, {
      status: 'declined',
      answered: 4,
      closed: 4,
      reason: 'no_capacity',
      path: ['draft', 'sent', 'declined'],
    });
    await a('c3', S.s1, { status: 'expired', closed: 120, path: ['draft', 'sent', 'expired'] });
    await a('c3', S.s2, {
      status: 'withdrawn',
      answered: 8,
      closed: 20,
      path: [...done, 'withdrawn'],
    });
    await a('c4', S.s2, { status: 'withdrawn', closed: 1, path: ['draft', 'sent', 'withdrawn'] });
    await a('c4', S.s1, {
      status: 'sent',
      due: new Date('2026-06-05T00:00:00Z'),
      path: ['draft', 'sent'],
    });
    await a('c4', S.s3, {
      status: 'sent',
      due: new Date('2026-05-01T00:00:00Z'),
      path: ['draft', 'sent'],
    });
    await a('c1', S.s1, { status: 'draft', sent: null, path: ['draft'] });
    await a('c2', S.s1, {
      status: 'completed',
      sent: new Date('2025-01-15T10:00:00Z'),
      answered: null,
      outcome: 'service_provided',
      path: [...done, 'completed'],
    });
    await referral({
      org: orgB,
      caseId: cases.b1,
      service: S.s1,
      status: 'accepted',
      answered: 30,
      path: done,
    });
    await referral({
      org: orgB,
      caseId: cases.b1,
      service: S.s1,
      status: 'declined',
      answered: 1,
      reason: 'not_eligible',
      path: ['draft', 'sent', 'declined'],
    });
  });
  afterAll(() => t.close());

  const metrics = async (session: TestSession, query = '') => {
    const res = await t.request('GET', `/api/v1/referrals/metrics${query}`, { session });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.json<ReferralMetrics>();
  };

  describe('the sending organisation (coordinator’s view)', () => {
    let m: ReferralMetrics;
    beforeAll(async () => {
      m = await metrics(supervisorA);
    });

    it('covers the referrals sent in the 12 months ending today, with their status today', () => {
      expect(m.scope).toEqual({ side: 'sent', organisationId: orgA });
      expect(m.period).toEqual({ from: '2025-06-02', to: '2026-06-01' });
      expect(m.smallCellThreshold).toBe(5);
      // r1–r9: the draft and the referral of January 2025 are not in the population; r9 is past
      // due and counts as expired although its row still says sent
      expect(m.total).toBe(9);
      expect(m.statusCounts).toEqual({
        sent: 1,
        accepted: 1,
        declined: 1,
        in_progress: 0,
        completed: 2,
        withdrawn: 2,
        expired: 2,
      });
    });

    it('measures times to acceptance and completion in hours', () => {
      // acceptance [2, 6, 8, 12] (r2, r1, r6, r3): median 7, p90 h = 2.7 → 8 + .7·4 = 10.8
      expect(m.timeToAcceptance).toEqual({
        n: 4,
        medianHours: 7,
        p90Hours: 10.8,
        meanHours: 7,
        small: true,
      });
      // completion [26, 54]: median 40, p90 h = .9 → 26 + .9·28 = 51.2, mean 40
      expect(m.timeToCompletion).toEqual({
        n: 2,
        medianHours: 40,
        p90Hours: 51.2,
        meanHours: 40,
        small: true,
      });
    });

    it('computes acceptance rates with n and Wilson intervals, by service type and provider', () => {
      // accepted r1 r2 r3 r6 = 4; declined r4; expired r5 r9 → 4/7 = .5714, Wilson [.2505, .8418]
      expect(m.acceptance.overall).toEqual({
        accepted: 4,
        declined: 1,
        expired: 2,
        n: 7,
        rate: 0.5714,
        ci: { low: 0.2505, high: 0.8418 },
        small: false,
      });
      expect(
        m.acceptance.byServiceType.map((c) => [c.serviceType, c.accepted, c.n, c.rate, c.small]),
      ).toEqual([
        ['shelter', 2, 4, 0.5, true],
        ['medical', 0, 1, 0, true],
        ['legal_aid', 2, 2, 1, true],
      ]);
      expect(
        m.acceptance.byProvider.map((c) => [c.providerId, c.providerName, c.accepted, c.n]),
      ).toEqual([
        [P2, 'Justice Aid', 2, 2],
        [P1, 'Safe Harbour', 2, 5],
      ]);
      // 2 of 2 is not "100 %": Wilson [.3424, 1]
      expect(m.acceptance.byProvider[0]!.ci).toEqual({ low: 0.3424, high: 1 });
      expect(m.acceptance.byProviderServiceType).toHaveLength(3);
    });

    it('breaks down expiries, decline reasons, outcomes and referrals per case', () => {
      expect(m.expired).toMatchObject({ count: 2, n: 7, share: 0.2857 });
      expect(m.declineReasons).toEqual([{ code: 'no_capacity', count: 1, share: 1, small: true }]);
      expect(m.completionOutcomes.map((o) => [o.code, o.count])).toEqual([
        ['partially_provided', 1],
        ['service_provided', 1],
      ]);
      // c1 2, c2 2, c3 2, c4 3: mean 9/4 = 2.25, median 2
      expect(m.referralsPerCase).toEqual({
        cases: 4,
        referrals: 9,
        mean: 2.25,
        median: 2,
        distribution: [
          { referrals: '1', cases: 0 },
          { referrals: '2', cases: 3 },
          { referrals: '3', cases: 1 },
          { referrals: '4', cases: 0 },
          { referrals: '5+', cases: 0 },
        ],
      });
    });

    it('shows the directory’s coverage, gaps included, before anyone searched', () => {
      const by = Object.fromEntries(m.coverage.byServiceType.map((c) => [c.serviceType, c]));
      expect(by.shelter).toEqual({
        serviceType: 'shelter',
        active: 1,
        withPlaces: 1,
        full: 0,
        unlimited: 0,
        countries: 1,
      });
      expect(by.medical).toMatchObject({ active: 1, full: 1, withPlaces: 0 });
      expect(by.legal_aid).toMatchObject({ active: 1, unlimited: 1 });
      expect(by.family_tracing).toMatchObject({ active: 0, countries: 0 });
      expect(m.coverage.byServiceTypeCountry.map((c) => `${c.serviceType}/${c.country}`)).toEqual([
        'shelter/NG',
        'medical/GH',
        'legal_aid/NG',
      ]);
    });

    it('filters on the day sent, both ends included', async () => {
      const old = await metrics(supervisorA, '?from=2025-01-15&to=2025-01-15');
      expect(old.total).toBe(1);
      expect(old.statusCounts.completed).toBe(1);
      const none = await metrics(supervisorA, '?from=2025-01-16&to=2026-03-01');
      expect(none.total).toBe(0);
      expect(none.acceptance.overall.rate).toBeNull();
      const day = await metrics(supervisorA, '?from=2026-03-02&to=2026-03-02');
      expect(day.total).toBe(9);
    });

    it('audits each read, naming the view and never a figure', async () => {
      const entries = await auditEntries(t, orgA, 'referral.metrics.read');
      expect(entries.length).toBeGreaterThan(0);
      expect(entries.at(-1)!.fields).toEqual(['side:sent', 'format:json']);
    });
  });

  describe('organisations and roles', () => {
    it('never counts another organisation’s referrals', async () => {
      const b = await metrics(supervisorB);
      expect(b.total).toBe(2);
      expect(b.statusCounts).toMatchObject({ accepted: 1, declined: 1 });
      expect(b.declineReasons.map((d) => d.code)).toEqual(['not_eligible']);
      expect(b.referralsPerCase).toMatchObject({ cases: 1, referrals: 2 });
      // A's figures hold none of B's (9, above); A receives nothing (P2 is external)
      const aReceived = await metrics(supervisorA, '?side=received');
      expect(aReceived.total).toBe(0);
    });

    it('shows a provider organisation its inbox, without cases or unmet needs', async () => {
      const p = await metrics(supervisorP, '?side=received');
      // r1 r3 r4 r5 r8 r9 of A (to S1 and S3) and rb1 rb2 of B
      expect(p.scope).toEqual({ side: 'received', organisationId: orgP });
      expect(p.total).toBe(8);
      expect(p.statusCounts).toEqual({
        sent: 1,
        accepted: 2,
        declined: 2,
        in_progress: 0,
        completed: 1,
        withdrawn: 0,
        expired: 2,
      });
      expect(p.acceptance.overall).toMatchObject({ accepted: 3, n: 7, rate: 0.4286 });
      expect(p.referralsPerCase).toBeNull();
      expect(p.unmetNeeds).toBeNull();
      // P sent nothing itself
      expect((await metrics(supervisorP)).total).toBe(0);
    });

    it('lets analysts read the figures and refuses caseworkers, admins and providers', async () => {
      expect((await metrics(analystA)).total).toBe(9);
      for (const role of ['caseworker', 'admin', 'provider'] as const) {
        const session = role === 'caseworker' ? caseworkerA : await t.signIn(orgA, role);
        for (const path of ['/api/v1/referrals/metrics', '/api/v1/referrals/metrics.csv']) {
          const res = await t.request('GET', path, { session });
          expect(res.status, `${role} ${path}`).toBe(403);
          expect(errorOf(res).code).toBe('forbidden');
        }
      }
      expect((await t.request('GET', '/api/v1/referrals/metrics')).status).toBe(401);
    });

    it('is reached beside GET /referrals/:id (static routes win)', async () => {
      const keys = apiRouteKeys(t.app);
      expect(keys).toEqual(
        expect.arrayContaining([
          'GET /api/v1/referrals/metrics',
          'GET /api/v1/referrals/metrics.csv',
          'POST /api/v1/referrals/unmet-needs',
          'GET /api/v1/referrals/:id',
        ]),
      );
      // "metrics.csv" would be a (refused) id for the parametric route: a 200 CSV means the
      // static route answered
      const res = await t.request('GET', '/api/v1/referrals/metrics.csv', { session: analystA });
      expect(res.status).toBe(200);
    });

    it('refuses a bad period or side, naming the parameter', async () => {
      const cases: [string, string][] = [
        ['?from=2026-06-02&to=2026-06-01', 'from'],
        ['?from=2026-02-30', 'from'],
        ['?to=yesterday', 'to'],
        ['?side=both', 'side'],
      ];
      for (const [query, field] of cases) {
        const res = await t.request('GET', `/api/v1/referrals/metrics${query}`, {
          session: supervisorA,
        });
        expect(res.status, query).toBe(400);
        expect(errorOf(res).message, query).toContain(field);
      }
    });
  });

  describe('CSV export', () => {
    it('parses back to the same numbers as the JSON', async () => {
      const json = await metrics(analystA);
      const res = await t.request('GET', '/api/v1/referrals/metrics.csv', { session: analystA });
      expect(res.status).toBe(200);
      expect(String(res.headers['content-type'])).toMatch(/^text\/csv/);
      expect(String(res.headers['content-disposition'])).toBe(
        'attachment; filename="referral-metrics-sent-2025-06-02-2026-06-01.csv"',
      );
      const parsed = parseCsv(String(res.body));
      expect(parsed.faults).toEqual([]);
      const [header, ...rows] = parsed.records.map((r) => r.cells);
      expect(header).toEqual(['metric', 'dimension', 'key', 'label', 'value', 'small']);
      const value = (metric: string, dimension = 'all', key = '') => {
        const found = rows.filter((r) => r[0] === metric && r[1] === dimension && r[2] === key);
        expect(found, `${metric} ${dimension} ${key}`).toHaveLength(1);
        const v = found[0]![4]!;
        return v === '' ? null : Number.isNaN(Number(v)) ? v : Number(v);
      };
      expect(value('period.from')).toBe(json.period.from);
      expect(value('referrals')).toBe(json.total);
      for (const [status, n] of Object.entries(json.statusCounts)) {
        expect(value('status.count', 'status', status)).toBe(n);
      }
      expect(value('time_to_acceptance_hours.p90')).toBe(json.timeToAcceptance.p90Hours);
      expect(value('time_to_completion_hours.median')).toBe(json.timeToCompletion.medianHours);
      expect(value('acceptance.rate')).toBe(json.acceptance.overall.rate);
      expect(value('acceptance.ci_low')).toBe(json.acceptance.overall.ci!.low);
      for (const c of json.acceptance.byServiceType) {
        expect(value('acceptance.n', 'service_type', c.serviceType)).toBe(c.n);
        expect(value('acceptance.rate', 'service_type', c.serviceType)).toBe(c.rate);
      }
      for (const c of json.acceptance.byProvider) {
        const row = rows.find((r) => r[0] === 'acceptance.rate' && r[2] === c.providerId)!;
        expect([row[3], Number(row[4]), row[5]]).toEqual([c.providerName, c.rate, String(c.small)]);
      }
      expect(value('expired.share')).toBe(json.expired.share);
      expect(value('referrals_per_case.mean')).toBe(json.referralsPerCase!.mean);
      expect(value('decline_reason.count', 'reason', 'no_capacity')).toBe(1);
      expect(value('coverage.active', 'service_type', 'shelter')).toBe(1);
      const audit = await auditEntries(t, orgA, 'referral.metrics.read');
      expect(audit.at(-1)!.fields).toEqual(['side:sent', 'format:csv']);
    });
  });

  describe('unmet needs', () => {
    const post = (session: TestSession, body: Record<string, unknown>) =>
      t.request('POST', '/api/v1/referrals/unmet-needs', { session, body });
    const gap = (over: Record<string, unknown> = {}) => ({
      caseId: cases.c1,
      serviceType: 'shelter',
      country: 'NG',
      latitude: 6.4541,
      longitude: 3.3947,
      radiusKm: 50,
      reason: 'none_in_range',
      ...over,
    });

    it('records a gap, with the search centre coarsened to 0.1°', async () => {
      const res = await post(caseworkerA, gap());
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      expect(res.json<UnmetNeed>()).toMatchObject({
        caseId: cases.c1,
        serviceType: 'shelter',
        country: 'NG',
        latitude: 6.5,
        longitude: 3.4,
        radiusKm: 50,
        reason: 'none_in_range',
        duplicate: false,
      });
      const [stored] = await sql('SELECT latitude, longitude FROM unmet_needs WHERE id = $1', [
        res.json<UnmetNeed>().id,
      ]);
      expect(stored).toEqual({ latitude: 6.5, longitude: 3.4 });
      const audit = await auditEntries(t, orgA, 'unmet_need.recorded');
      expect(audit.at(-1)).toMatchObject({
        recordType: 'unmet_need',
        recordId: res.json<UnmetNeed>().id,
      });
    });

    it('counts the same case and service type within 24 h once', async () => {
      const first = (await sql(
        `SELECT id FROM unmet_needs WHERE case_id = $1 AND service_type = 'shelter'`,
        [cases.c1],
      )) as { id: string }[];
      expect(first).toHaveLength(1);
      // another user, another radius and reason: still the same gap, answered with the first
      const again = await post(supervisorA, gap({ radiusKm: 100, reason: 'no_places' }));
      expect(again.status).toBe(200);
      expect(again.json<UnmetNeed>()).toMatchObject({
        id: first[0]!.id,
        duplicate: true,
        reason: 'none_in_range',
      });
      // another service type for the same case is another gap
      const medical = await post(caseworkerA, gap({ serviceType: 'medical', country: 'GH' }));
      expect(medical.status).toBe(201);
      // gaps recorded 25 h and 23 h ago (the clock stays put: sessions would expire)
      const earlier = async (caseId: string, hoursAgo: number) => {
        const id = randomUUID();
        await sql(
          `INSERT INTO unmet_needs (id, org_id, case_id, service_type, country, radius_km, reason,
             recorded_by, recorded_at)
           VALUES ($1, $2, $3, 'shelter', 'NG', 25, 'no_places', $4, $5)`,
          [
            id,
            orgA,
            caseId,
            caseworkerA.userId,
            new Date(t.clock.now().getTime() - hoursAgo * 3_600_000),
          ],
        );
        return id;
      };
      await earlier(cases.c2!, 25);
      const recent = await earlier(cases.c3!, 23);
      const c2 = await post(caseworkerA, gap({ caseId: cases.c2 }));
      expect(c2.status).toBe(201);
      const c3 = await post(caseworkerA, gap({ caseId: cases.c3 }));
      expect(c3.status).toBe(200);
      expect(c3.json<UnmetNeed>().id).toBe(recent);
      const [{ n }] = (await sql('SELECT count(*)::int AS n FROM unmet_needs')) as [{ n: number }];
      // c1 shelter, c1 medical, c2 25 h ago, c2 now, c3 23 h ago
      expect(n).toBe(5);
    });

    it('without a case, counts one user’s repeated search once, and another user’s apart', async () => {
      const body = gap({ caseId: undefined, reason: 'none_listed', serviceType: 'family_tracing' });
      expect((await post(caseworkerA, body)).status).toBe(201);
      expect((await post(caseworkerA, body)).status).toBe(200);
      expect((await post(caseworkerA, { ...body, country: 'GH' })).status).toBe(201);
      expect((await post(supervisorA, body)).status).toBe(201);
    });

    it('includes the gaps in the metrics by service type, country and reason', async () => {
      const m = await metrics(analystA);
      const u = m.unmetNeeds!;
      // shelter NG: c1, c2 25 h ago, c2 now, c3; medical GH: c1; family tracing: NG ×2, GH
      expect(u.total).toBe(8);
      expect(u.byServiceType.map((c) => [c.serviceType, c.count])).toEqual([
        ['shelter', 4],
        ['medical', 1],
        ['family_tracing', 3],
      ]);
      expect(u.byCountry.map((c) => [c.country, c.count])).toEqual([
        ['GH', 2],
        ['NG', 6],
      ]);
      expect(u.byReason.map((c) => [c.reason, c.count])).toEqual([
        ['none_listed', 3],
        ['none_eligible', 0],
        ['none_in_range', 3],
        ['no_places', 2],
      ]);
      // org B has recorded none; its figures hold none of A's
      expect((await metrics(supervisorB)).unmetNeeds!.total).toBe(0);
    });

    it('refuses bad input naming the field, and another organisation’s case as not found', async () => {
      const bad: [Record<string, unknown>, string][] = [
        [gap({ longitude: undefined }), 'longitude'],
        [gap({ radiusKm: 0 }), 'radiusKm'],
        [gap({ latitude: 91 }), 'latitude'],
        [gap({ serviceType: 'spa' }), 'serviceType'],
        [gap({ country: 'Atlantis' }), 'country'],
        [gap({ reason: 'unknown' }), 'reason'],
        [gap({ caseId: 'not-a-uuid' }), 'caseId'],
      ];
      for (const [body, field] of bad) {
        const res = await post(caseworkerA, body);
        expect(res.status, field).toBe(400);
        expect(issuePaths(res), field).toContain(field);
      }
      const other = await post(caseworkerA, gap({ caseId: cases.b1 }));
      expect(other.status).toBe(404);
      const missing = await post(caseworkerA, gap({ caseId: randomUUID() }));
      expect(missing.status).toBe(404);
      expect(errorOf(missing).message).toBe(errorOf(other).message);
    });

    it('is refused to roles without referral:write', async () => {
      for (const role of ['analyst', 'admin', 'provider'] as const) {
        const session = role === 'analyst' ? analystA : await t.signIn(orgA, role);
        expect((await post(session, gap())).status, role).toBe(403);
      }
    });
  });
});
