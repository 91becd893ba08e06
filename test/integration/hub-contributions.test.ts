import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  ContributionDetail,
  ContributionList,
} from '../../src/shared/api/hub-contributions.schema.ts';
import { SYSTEM } from '../../src/server/db/database.ts';
import { readHubRows } from '../../src/server/hub/hub-store.repo.ts';
import { CTDC_COLUMNS } from '../../src/shared/hub/ctdc/index.ts';
import { auditEntries, caseWith, errorOf, issuePaths } from '../support/api.ts';
import { recordUrl, valid } from '../support/case-record.ts';
import type { TestSession } from '../support/test-app.ts';
import { TestLantern } from '../support/test-app.ts';

// Contributions to the data hub (docs/hub.md, "Contributions"): only cases consenting to
// statistics, the preview, the disclosure check, four-eyes approval, withdrawal, and the hub
// store never holding a name. The clock stands at 2026-06-01T09:00Z and moves one minute per
// consent, so that each record has its own instant.

const BASE = '/api/v1/hub/contributions';
// Names that occur nowhere else: the store and the contributions are searched for them.
const GIVEN = [
  'Zorvatha',
  'Quillane',
  'Brimsova',
  'Tesmarind',
  'Yovrielle',
  'Draxomila',
  'Ulvenne',
];
const FAMILY = ['Okonkwavel', 'Marrowsky', 'Feldqvist'];
const COUNTRIES = ['NG', 'GH', 'RO', 'VN'] as const;

interface CaseSpec {
  i: number;
  consent: 'granted' | 'refused' | 'none';
}

describe('hub contributions', () => {
  let t: TestLantern;
  let orgA: string;
  let orgB: string;
  let s1: TestSession; // prepares
  let s2: TestSession; // approves
  let worker: TestSession;
  let other: TestSession; // a supervisor of another organisation
  const caseIds: string[] = [];
  const references: string[] = [];
  const names: string[] = [];

  async function consent(session: TestSession, caseId: string, granted: boolean) {
    t.clock.advance(60_000);
    const res = await t.request(
      'POST',
      `/api/v1/cases/${caseId}/consents${granted ? '' : '/withdraw'}`,
      {
        session,
        body: granted ? { purpose: 'statistics', method: 'written' } : { purpose: 'statistics' },
      },
    );
    expect(res.status, JSON.stringify(res.body)).toBe(201);
  }

  async function addCase(session: TestSession, spec: CaseSpec, registrationDate: string) {
    const given = `${GIVEN[spec.i % GIVEN.length]!}${String.fromCharCode(97 + spec.i)}`;
    const family = FAMILY[spec.i % FAMILY.length]!;
    names.push(given, family);
    const c = await t.createCase(
      session,
      caseWith(
        {
          givenName: given,
          familyName: family,
          dateOfBirth: `${1980 + (spec.i % 20)}-0${1 + (spec.i % 9)}-1${spec.i % 9}`,
          gender: spec.i % 3 === 0 ? 'Masculine' : 'Feminine',
        },
        {
          citizenship: COUNTRIES[spec.i % COUNTRIES.length],
          countryOfExploitation: spec.i % 2 === 0 ? 'IT' : 'DE',
          typeOfExploitation: spec.i % 2 === 0 ? ['SexualExploitation'] : ['ForcedLabour'],
          registrationDate,
        },
      ),
    );
    caseIds.push(c.id);
    references.push(c.reference);
    if (spec.consent === 'granted') await consent(session, c.id, true);
    if (spec.consent === 'refused') await consent(session, c.id, false);
    return c.id;
  }

  const prepare = (session: TestSession, body: Record<string, unknown> = {}) =>
    t.request('POST', BASE, { session, body });
  const get = (session: TestSession, id: string) => t.request('GET', `${BASE}/${id}`, { session });
  const act = (session: TestSession, id: string, action: string, body: unknown = {}) =>
    t.request('POST', `${BASE}/${id}/${action}`, { session, body });

  async function prepared(body: Record<string, unknown> = {}): Promise<ContributionDetail> {
    const res = await prepare(s1, body);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.json<ContributionDetail>();
  }

  const superuser = (sql: string, params: unknown[] = []) => t.database.superuser(sql, params);
  const count = async (sql: string, params: unknown[] = []) =>
    ((await superuser(sql, params))[0] as { n: number }).n;

  beforeAll(async () => {
    t = await TestLantern.start();
    orgA = await t.createOrg('Harbour Light');
    orgB = await t.createOrg('Other Shore');
    s1 = await t.signIn(orgA, 'supervisor');
    s2 = await t.signIn(orgA, 'supervisor');
    worker = await t.signIn(orgA, 'caseworker');
    other = await t.signIn(orgB, 'supervisor');
    // 2025: 12 cases consenting to statistics, one that refused, one never asked.
    for (let i = 0; i < 14; i++) {
      const consentOf = i === 12 ? 'refused' : i === 13 ? 'none' : 'granted';
      await addCase(worker, { i, consent: consentOf }, `2025-0${1 + (i % 9)}-15`);
    }
    // Two of them with a fuller record: victim context, an exploitation event, perpetrators
    // (whose names and the event's place and description are free text that must never leave).
    const put = async (method: 'PUT' | 'POST', url: string, body: unknown) => {
      const res = await t.request(method, url, { session: worker, body });
      expect(res.status, JSON.stringify(res.body)).toBeLessThan(300);
    };
    await put('PUT', recordUrl(caseIds[0]!, 'profile'), {
      methodsOfControl: ['DebtBondage', 'WithholdsDocuments'],
    });
    await put('POST', recordUrl(caseIds[0]!, 'events'), valid.event());
    await put(
      'POST',
      recordUrl(caseIds[0]!, 'perpetrators'),
      valid.perpetrator({ roles: ['Kidnapper'] }),
    );
    await put(
      'POST',
      recordUrl(caseIds[1]!, 'perpetrators'),
      valid.perpetrator({ name: 'Brother Kwesi' }),
    );
    names.push('Madam Joy', 'Brother Kwesi', 'Castel Volturno', 'Held in a flat');
    // 2026: three consenting cases, too few for k = 11 on their own.
    for (let i = 14; i < 17; i++) await addCase(worker, { i, consent: 'granted' }, '2026-03-02');
  });
  afterAll(() => t.close());

  describe('prepare and preview', () => {
    let c: ContributionDetail;
    beforeAll(async () => {
      c = await prepared({ registeredTo: '2025-12-31' });
    });

    it('takes only the cases consenting to statistics now, and counts the others', () => {
      expect(c.status).toBe('prepared');
      expect(c.counts).toEqual({
        considered: 14,
        excludedWithoutConsent: 2,
        suppressed: c.counts.suppressed,
        rows: 12 - c.counts.suppressed,
      });
      expect(c.riskBefore.records).toBe(12);
    });

    it('shows the disclosure check: default quasi-identifiers, k = 11, no row at risk after it', () => {
      expect(c.qi).toEqual([
        'gender',
        'ageBroad',
        'citizenship',
        'CountryOfExploitation',
        'yearOfRegistration',
      ]);
      expect(c.k).toBe(11);
      expect(c.suppressionLimit).toBe(0.05);
      // 12 cases spread over 4 citizenships are unique before the check, and safe after it.
      expect(c.riskBefore.recordsAtRisk).toBe(12);
      expect(c.risk.recordsAtRisk).toBe(0);
      expect(c.risk.highestRisk).toBeLessThanOrEqual(1 / 11);
      expect(Object.keys(c.utility.levels).sort()).toEqual([...c.qi].sort());
      expect(c.utility.informationLoss).toBeGreaterThan(0);
      expect(c.utility.informationLoss).toBeLessThanOrEqual(1);
    });

    it('previews the rows in the CTDC global layout, each quasi-identifier combination k times', () => {
      expect(c.columns).toEqual([...CTDC_COLUMNS]);
      expect(c.rows).toHaveLength(c.counts.rows);
      const qi = c.qi.map((q) => c.columns.indexOf(q));
      const sizes = new Map<string, number>();
      for (const r of c.rows) {
        expect(r).toHaveLength(CTDC_COLUMNS.length);
        const key = qi.map((i) => r[i]).join('|');
        sizes.set(key, (sizes.get(key) ?? 0) + 1);
      }
      for (const n of sizes.values()) expect(n).toBeGreaterThanOrEqual(11);
      // Columns outside the quasi-identifiers keep their values: 6 sexual exploitation, 6 labour.
      const sexual = c.columns.indexOf('isSexualExploit');
      expect(c.rows.filter((r) => r[sexual] === '1')).toHaveLength(6);
      expect(c.rows.every((r) => r[c.columns.indexOf('Datasource')] === 'Case Management')).toBe(
        true,
      );
    });

    it('fills each row from the case record: victim context, events, perpetrators', () => {
      const col = (name: string) => c.columns.indexOf(name);
      const countOf = (name: string, v: string) => c.rows.filter((r) => r[col(name)] === v).length;
      expect(c.counts.suppressed).toBe(0);
      expect(countOf('meansOfControlDebtBondage', '1')).toBe(1);
      expect(countOf('meansOfControlWithholdsDocuments', '1')).toBe(1);
      expect(countOf('meansOfControlDebtBondage', '-99')).toBe(11);
      // Kidnapper → abduction; another role → no abduction; no perpetrator recorded → unknown.
      expect(countOf('isAbduction', '1')).toBe(1);
      expect(countOf('isAbduction', '0')).toBe(1);
      expect(countOf('isAbduction', '-99')).toBe(10);
    });

    it('names no case: no id, no reference, no name in the preview', () => {
      const text = JSON.stringify(c);
      for (const v of [...caseIds, ...references, ...names]) expect(text).not.toContain(v);
    });

    it('lists it, with the preparer unable to approve their own (four-eyes)', async () => {
      const mine = await t.request('GET', BASE, { session: s1 });
      expect(mine.status).toBe(200);
      const item = mine.json<ContributionList>().items.find((x) => x.id === c.id);
      expect(item?.actions).toEqual(['reject']);
      const theirs = (await get(s2, c.id)).json<ContributionDetail>();
      expect(theirs.actions).toEqual(['approve', 'reject']);
      expect(theirs.label).toBe('Harbour Light: cases registered to 2025-12-31');
    });

    it('is audited', async () => {
      const entries = await auditEntries(t, orgA, 'hub.contribution.prepared');
      expect(entries.map((e) => e.recordId)).toContain(c.id);
      expect(entries.find((e) => e.recordId === c.id)?.actorId).toBe(s1.userId);
    });
  });

  describe('refusals before anything is written', () => {
    const stored = () => count('SELECT count(*)::int AS n FROM hub_contributions');

    it('refuses with 422 when too few cases consent to reach k, naming why', async () => {
      const before = await stored();
      const res = await prepare(s1, { registeredFrom: '2026-01-01' });
      expect(res.status).toBe(422);
      const err = res.json<{ error: { code: string; message: string; details: unknown } }>().error;
      expect(err.code).toBe('disclosure_check_failed');
      expect(err.message).toContain('Only 3 of the 3 cases');
      expect(err.message).toContain('k = 11');
      expect(err.details).toMatchObject({ rule: 'too_few_records', records: 3, k: 11 });
      expect(await stored()).toBe(before);
      // Each stored contribution names the cases it was made from; the refused one none.
      expect(
        await count(
          `SELECT count(*)::int AS n FROM hub_contributions h
             JOIN hub_contribution_cases x ON x.contribution_id = h.id
            WHERE cardinality(x.case_ids) = h.cases_considered - h.excluded_without_consent`,
        ),
      ).toBe(before);
    });

    it('refuses a k the consenting cases cannot reach (k = 13 of 12)', async () => {
      const res = await prepare(s1, { registeredTo: '2025-12-31', k: 13 });
      expect(res.status).toBe(422);
      expect(errorOf(res).message).toContain('k = 13');
    });

    it('refuses k below 2, unknown columns and columns without a hierarchy, naming the field', async () => {
      expect(issuePaths(await prepare(s1, { k: 1 }))).toEqual(['k']);
      expect(issuePaths(await prepare(s1, { qi: ['gender', 'surname'] }))).toEqual(['qi.1']);
      const res = await prepare(s1, { qi: ['meansOfControlConcatenated'] });
      expect(res.status).toBe(400);
      expect(issuePaths(res)).toEqual(['qi.0']);
      expect(
        issuePaths(await prepare(s1, { registeredFrom: '2026-02-01', registeredTo: '2026-01-01' })),
      ).toEqual(['registeredFrom']);
    });

    it('is for supervisors only', async () => {
      expect((await prepare(worker)).status).toBe(403);
      const analyst = await t.signIn(orgA, 'analyst');
      expect((await t.request('GET', BASE, { session: analyst })).status).toBe(403);
    });
  });

  describe('approval, withdrawal', () => {
    let c: ContributionDetail;
    beforeAll(async () => {
      c = await prepared({ registeredTo: '2025-12-31', label: 'Harbour Light 2025' });
    });

    it('refuses the supervisor who prepared it (four-eyes)', async () => {
      const res = await act(s1, c.id, 'approve');
      expect(res.status).toBe(403);
      expect(errorOf(res).code).toBe('forbidden');
      expect(errorOf(res).details).toEqual({ rule: 'four_eyes' });
      expect((await get(s1, c.id)).json<ContributionDetail>().status).toBe('prepared');
    });

    it('another supervisor approves: the rows enter the hub store as one source', async () => {
      const res = await act(s2, c.id, 'approve');
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      const approved = res.json<ContributionDetail>();
      expect(approved.status).toBe('approved');
      expect(approved.actions).toEqual(['withdraw']);
      expect(approved.hubSourceId).not.toBeNull();
      const [source] = await superuser(
        `SELECT kind, org_id AS "orgId", label, contribution_id AS "contributionId",
                row_count AS "rowCount", withdrawn_at AS "withdrawnAt"
           FROM hub_sources WHERE id = $1`,
        [approved.hubSourceId],
      );
      expect(source).toEqual({
        kind: 'contribution',
        orgId: orgA,
        label: 'Harbour Light 2025',
        contributionId: c.id,
        rowCount: c.counts.rows,
        withdrawnAt: null,
      });
      // Read as the hub store reads them.
      const rows = await t.db.transaction(SYSTEM, (tx) => readHubRows(tx, approved.hubSourceId!));
      expect(rows).toEqual(c.rows);
      expect((await act(s2, c.id, 'approve')).status).toBe(409);
    });

    it('is audited: prepared and approved, each by its own supervisor', async () => {
      const approved = await auditEntries(t, orgA, 'hub.contribution.approved');
      expect(approved.find((e) => e.recordId === c.id)?.actorId).toBe(s2.userId);
    });

    it('withdrawing it removes its rows from the store; the source stays, marked', async () => {
      const sourceId = (await get(s1, c.id)).json<ContributionDetail>().hubSourceId;
      const res = await act(s1, c.id, 'withdraw', { reason: 'Error in the 2025 registrations' });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      const w = res.json<ContributionDetail>();
      expect(w.status).toBe('withdrawn');
      expect(w.reason).toBe('Error in the 2025 registrations');
      expect(w.withdrawnAt).not.toBeNull();
      expect(
        await count('SELECT count(*)::int AS n FROM hub_records WHERE source_id = $1', [sourceId]),
      ).toBe(0);
      const [s] = await superuser(
        'SELECT withdrawn_at IS NOT NULL AS w FROM hub_sources WHERE id = $1',
        [sourceId],
      );
      expect(s).toEqual({ w: true });
      expect((await act(s1, c.id, 'withdraw')).status).toBe(409);
      const entries = await auditEntries(t, orgA, 'hub.contribution.withdrawn');
      expect(entries.map((e) => e.recordId)).toContain(c.id);
    });

    it('a rejected contribution keeps its reason and can no longer be approved', async () => {
      const r = await prepared({ registeredTo: '2025-12-31' });
      const res = await act(s2, r.id, 'reject', { reason: 'Wait for the March data' });
      expect(res.status).toBe(200);
      expect(res.json<ContributionDetail>()).toMatchObject({
        status: 'rejected',
        reason: 'Wait for the March data',
        actions: [],
        hubSourceId: null,
      });
      expect((await act(s2, r.id, 'approve')).status).toBe(409);
      expect(issuePaths(await act(s2, r.id, 'reject', {}))).toEqual(['reason']);
      const entries = await auditEntries(t, orgA, 'hub.contribution.rejected');
      expect(entries.map((e) => e.recordId)).toContain(r.id);
      // The reason is free text: sealed at rest.
      const [raw] = await superuser(
        "SELECT encode(reason, 'escape') AS r FROM hub_contributions WHERE id = $1",
        [r.id],
      );
      expect((raw as { r: string }).r.length).toBeGreaterThan(20);
      expect((raw as { r: string }).r).not.toContain('March');
    });
  });

  describe('consent withdrawn after preparation', () => {
    it('makes the contribution stale: approval is refused with 409, nothing is copied', async () => {
      const c = await prepared({ registeredTo: '2025-12-31' });
      const sources = await count('SELECT count(*)::int AS n FROM hub_sources');
      await consent(worker, caseIds[3]!, false);
      const res = await act(s2, c.id, 'approve');
      expect(res.status).toBe(409);
      expect(errorOf(res).message).toContain('prepare it again');
      expect(errorOf(res).details).toEqual({ rule: 'stale', casesNoLongerConsenting: 1 });
      expect((await get(s2, c.id)).json<ContributionDetail>().status).toBe('prepared');
      expect(await count('SELECT count(*)::int AS n FROM hub_sources')).toBe(sources);
      // Prepared again, the case is left out and counted.
      const again = await prepared({ registeredTo: '2025-12-31' });
      expect(again.counts.excludedWithoutConsent).toBe(3);
      expect(again.riskBefore.records).toBe(11);
      await consent(worker, caseIds[3]!, true);
    });
  });

  describe('another organisation', () => {
    it('cannot see, approve or withdraw the contribution (404), and lists none', async () => {
      const c = await prepared({ registeredTo: '2025-12-31' });
      expect((await get(other, c.id)).status).toBe(404);
      expect((await act(other, c.id, 'approve')).status).toBe(404);
      expect((await act(other, c.id, 'reject', { reason: 'no' })).status).toBe(404);
      expect((await act(other, c.id, 'withdraw')).status).toBe(404);
      const list = await t.request('GET', BASE, { session: other });
      expect(list.json<ContributionList>().items).toEqual([]);
    });

    it('prepares from its own cases only: with none, k cannot be reached', async () => {
      const res = await prepare(other);
      expect(res.status).toBe(422);
      expect(errorOf(res).message).toContain('Only 0 of the 0 cases');
    });
  });

  it('never stores a name: hub_contributions, hub_records and hub_sources hold none', async () => {
    // One more approved contribution, so that the store holds rows while it is searched.
    const c = await prepared({ registeredTo: '2025-12-31' });
    expect((await act(s2, c.id, 'approve')).status).toBe(200);
    const text = (
      await superuser(
        `SELECT (SELECT coalesce(string_agg(h::text, ' '), '') FROM hub_contributions h) ||
                (SELECT coalesce(string_agg(r::text, ' '), '') FROM hub_records r) ||
                (SELECT coalesce(string_agg(s::text, ' '), '') FROM hub_sources s) AS t`,
      )
    )[0] as { t: string };
    expect(text.t.length).toBeGreaterThan(1000);
    const lower = text.t.toLowerCase();
    for (const n of names) expect(lower).not.toContain(n.toLowerCase());
    for (const r of references) expect(text.t).not.toContain(r);
    const rowsText = (
      await superuser(
        `SELECT (SELECT string_agg(rows::text, ' ') FROM hub_contributions) ||
                (SELECT string_agg(cells::text, ' ') FROM hub_records) AS t`,
      )
    )[0] as { t: string };
    for (const id of caseIds) expect(rowsText.t).not.toContain(id);
  });
});
