import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  CaseProfile,
  TraffickingEvent,
  TraffickingEventList,
} from '../../src/shared/api/case-record.schema.ts';
import type { CaseDetail } from '../../src/shared/api/cases.schema.ts';
import { auditEntries, caseWith, errorOf, issuePaths } from '../support/api.ts';
import { recordRowCounts, recordUrl, valid } from '../support/case-record.ts';
import type { TestSession } from '../support/test-app.ts';
import { TestLantern } from '../support/test-app.ts';

// The victim context and the trafficking events of a case. The clock stands at 2026-06-01; the
// default person was born on 1998-04-12 and registered on 2026-05-20.
describe('case record: profile and trafficking events', () => {
  let t: TestLantern;
  let org: string;
  let cw: TestSession;
  let caseId: string;

  beforeAll(async () => {
    t = await TestLantern.start();
    org = await t.createOrg('Profile org');
    cw = await t.signIn(org, 'caseworker');
    caseId = (await t.createCase(cw)).id;
  });
  afterAll(() => t.close());

  const put = (body: unknown, id = caseId) =>
    t.request('PUT', recordUrl(id, 'profile'), { session: cw, body });
  const postEvent = (body: unknown, id = caseId) =>
    t.request('POST', recordUrl(id, 'events'), { session: cw, body });

  /** Expects a 400 naming exactly `paths`, and that nothing was written or audited. */
  async function refused(send: () => Promise<{ status: number; body: unknown }>, paths: string[]) {
    const before = await recordRowCounts(t);
    const res = await send();
    expect(res.status, JSON.stringify(res.body)).toBe(400);
    expect(errorOf(res as never).code).toBe('validation_failed');
    expect([...new Set(issuePaths(res as never))].sort()).toEqual([...paths].sort());
    expect(await recordRowCounts(t)).toEqual(before);
    return res;
  }

  describe('profile', () => {
    it('is empty for a new case, with the case’s own status and types', async () => {
      const { id } = await t.createCase(cw);
      const res = await t.request('GET', recordUrl(id, 'profile'), { session: cw });
      expect(res.status).toBe(200);
      expect(res.json<CaseProfile>()).toMatchObject({
        caseId: id,
        traffickingStatus: 'PossibleVictimOfTrafficking',
        typeOfExploitation: ['SexualExploitation'],
        traffickingStatusDecisionMakingOrg: null,
        methodsOfControl: [],
        forcedLabourIndustryPath: [],
        updatedAt: null,
        updatedBy: null,
      });
    });

    it('stores the HTCDS fields and reads them back', async () => {
      const body = {
        traffickingStatusDecisionMakingOrg: 'CourtOrProsecution',
        typeOfExploitation: ['SexualExploitation', 'ForcedLabour'],
        typeOfSexExploitation: ['Prostitution'],
        forcedLabourIndustry: 'A03_MarineFishingOrAquaculture',
        relationshipToTrafficker: 'Unaquainted',
        ageWhenTrafficked: 24,
        methodOfRecruitment: ['ThroughOnlineSocialNetworks'],
        recruitmentWebsitesAndApps: ['Facebook', '4Sale'],
        exploitationWebsitesAndApps: ['Telegram'],
        methodsOfControl: ['DebtBondage', 'WithholdsDocuments', 'PsychoactiveSubstance'],
      };
      const res = await put(body);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      const read = await t.request('GET', recordUrl(caseId, 'profile'), { session: cw });
      expect(read.json<CaseProfile>()).toEqual(res.json<CaseProfile>());
      expect(read.json<CaseProfile>()).toMatchObject({
        ...body,
        forcedLabourIndustryPath: [
          'A_AgricultureForestryAndFishing',
          'A03_FishingAndAquaculture',
          'A03_MarineFishingOrAquaculture',
        ],
        updatedAt: '2026-06-01T09:00:00.000Z',
        updatedBy: { id: cw.userId },
      });
      // The types are the case's own: the case shows them too.
      const c = await t.request('GET', `/api/v1/cases/${caseId}`, { session: cw });
      expect(c.json<CaseDetail>().typeOfExploitation).toEqual([
        'SexualExploitation',
        'ForcedLabour',
      ]);
    });

    it('replaces the profile as a whole, leaving the case’s types when omitted', async () => {
      const res = await put({ methodsOfControl: ['Other'] });
      expect(res.json<CaseProfile>()).toMatchObject({
        typeOfExploitation: ['SexualExploitation', 'ForcedLabour'],
        traffickingStatusDecisionMakingOrg: null,
        methodsOfControl: ['Other'],
        recruitmentWebsitesAndApps: [],
      });
    });

    it('audits the write with field names only', async () => {
      const entries = await auditEntries(t, org, 'case.profile.updated');
      expect(entries.at(-1)).toMatchObject({ recordType: 'case', recordId: caseId });
      expect(entries.at(-1)?.fields).toContain('methodsOfControl');
      expect(entries.at(-1)?.text).not.toContain('Other');
    });

    it.each([
      [{ methodsOfControl: ['Blackmail'] }, 'methodsOfControl.0'],
      [{ relationshipToTrafficker: 'Unacquainted' }, 'relationshipToTrafficker'],
      [{ traffickingStatusDecisionMakingOrg: 'Army' }, 'traffickingStatusDecisionMakingOrg'],
      [{ forcedLabourIndustry: 'Z_Piracy' }, 'forcedLabourIndustry'],
      [{ methodOfRecruitment: ['AtWork', 'AtWork'] }, 'methodOfRecruitment'],
      [{ ageWhenTrafficked: 130 }, 'ageWhenTrafficked'],
      [{ ageWhenTrafficked: -1 }, 'ageWhenTrafficked'],
      [{ ageWhenTrafficked: 12.5 }, 'ageWhenTrafficked'],
      [{ colour: 'blue' }, 'colour'],
      // the victim status changes only through an approved determination (casework)
      [{ traffickingStatus: 'ActualVictimOfTrafficking' }, 'traffickingStatus'],
    ])('refuses %j, naming %s, and saves nothing', async (body, path) => {
      await refused(() => put(body), [path]);
    });

    it('names the accepted values of a short list in the error', async () => {
      const res = await put({ relationshipToTrafficker: 'Stranger' });
      expect(errorOf(res).details?.[0]?.message).toBe(
        'must be one of Familial, Acquainted, Unaquainted',
      );
    });

    it('refuses an age when trafficked above the person’s age today', async () => {
      await refused(() => put({ ageWhenTrafficked: 29 }), ['ageWhenTrafficked']);
      expect((await put({ ageWhenTrafficked: 28 })).status).toBe(200);
    });

    it('refuses a type of sex exploitation without sexual exploitation', async () => {
      await refused(
        () => put({ typeOfExploitation: ['ForcedLabour'], typeOfSexExploitation: ['Pornography'] }),
        ['typeOfSexExploitation'],
      );
    });

    it('answers 404 for a case that does not exist', async () => {
      const res = await put({}, '00000000-0000-4000-8000-000000000000');
      expect(res.status).toBe(404);
    });
  });

  describe('trafficking events', () => {
    it('adds recruitment, transit and exploitation with place and dates', async () => {
      const { id } = await t.createCase(cw);
      const bodies = [
        valid.event({ type: 'Exploitation', date: '2024-03-01', endDate: '2025-11-30' }),
        valid.event({
          type: 'Recruitment',
          country: 'NG',
          city: 'Benin City',
          date: '2023-10-02',
          endDate: null,
        }),
        valid.event({
          type: 'Transit',
          country: 'LY',
          city: null,
          state: 'Fezzan',
          date: '2023-12-15',
          endDate: '2024-02-20',
        }),
      ];
      for (const b of bodies) {
        const res = await postEvent(b, id);
        expect(res.status, JSON.stringify(res.body)).toBe(201);
        expect(res.json<TraffickingEvent>()).toMatchObject(b);
      }
      const list = await t.request('GET', recordUrl(id, 'events'), { session: cw });
      const items = list.json<TraffickingEventList>().items;
      expect(items.map((e) => e.type)).toEqual(['Recruitment', 'Transit', 'Exploitation']);
      expect(items[0]).toMatchObject({ city: 'Benin City', country: 'NG', state: null });
      expect(items[2]).toMatchObject({ description: 'Held in a flat above the garage' });
    });

    it('changes an event partly, and removes one', async () => {
      const { id } = (await postEvent(valid.event())).json<TraffickingEvent>();
      const patched = await t.request('PATCH', recordUrl(caseId, `events/${id}`), {
        session: cw,
        body: { endDate: null, city: 'Caserta' },
      });
      expect(patched.status, JSON.stringify(patched.body)).toBe(200);
      expect(patched.json<TraffickingEvent>()).toMatchObject({
        city: 'Caserta',
        endDate: null,
        date: '2024-03-01',
        description: 'Held in a flat above the garage',
      });
      const removed = await t.request('DELETE', recordUrl(caseId, `events/${id}`), { session: cw });
      expect(removed.status).toBe(204);
      const again = await t.request('DELETE', recordUrl(caseId, `events/${id}`), { session: cw });
      expect(again.status).toBe(404);
      const entries = await auditEntries(t, org);
      expect(entries.filter((e) => e.recordId === id).map((e) => [e.action, e.fields])).toEqual([
        ['case.event.created', ['type', 'country', 'city', 'date', 'endDate', 'description']],
        ['case.event.updated', ['city', 'endDate']],
        ['case.event.deleted', []],
      ]);
    });

    it('audits reading the events, which decrypts their places', async () => {
      const before = (await auditEntries(t, org, 'case.events.read')).length;
      await t.request('GET', recordUrl(caseId, 'events'), { session: cw });
      const after = await auditEntries(t, org, 'case.events.read');
      expect(after).toHaveLength(before + 1);
      expect(after.at(-1)).toMatchObject({ actorId: cw.userId, recordId: caseId });
    });

    it.each([
      ['exploitation before birth', { date: '1998-04-11', endDate: '2020-01-01' }, ['date']],
      ['an end before its start', { date: '2024-03-01', endDate: '2024-02-29' }, ['endDate']],
      ['a date in the future', { date: '2026-06-02', endDate: null }, ['date']],
      ['an unknown type', { type: 'Harbouring' }, ['type']],
      ['an unknown country', { country: 'XX' }, ['country']],
      ['an impossible date', { date: '2024-02-30' }, ['date']],
    ])('refuses %s, naming the field, and saves nothing', async (_what, over, paths) => {
      await refused(() => postEvent(valid.event(over)), paths);
    });

    it('refuses a change that would put the end before the start', async () => {
      const { id } = (await postEvent(valid.event())).json<TraffickingEvent>();
      await refused(
        () =>
          t.request('PATCH', recordUrl(caseId, `events/${id}`), {
            session: cw,
            body: { date: '2025-12-01' },
          }),
        ['endDate'],
      );
      await refused(
        () => t.request('PATCH', recordUrl(caseId, `events/${id}`), { session: cw, body: {} }),
        [''],
      );
    });

    it('without a date of birth, refuses only what the age at registration rules out', async () => {
      // Aged 30 on 2026-05-20: born between 1995-05-21 and 1996-05-20.
      const { id } = await t.createCase(cw, caseWith({ dateOfBirth: undefined, age: 30 }));
      await refused(
        () => postEvent(valid.event({ date: '1995-05-20', endDate: null }), id),
        ['date'],
      );
      expect((await postEvent(valid.event({ date: '1995-05-21', endDate: null }), id)).status).toBe(
        201,
      );
    });

    it('answers 404 for an event of another case, as for one that does not exist', async () => {
      const { id: other } = await t.createCase(cw);
      const { id } = (await postEvent(valid.event(), other)).json<TraffickingEvent>();
      const res = await t.request('PATCH', recordUrl(caseId, `events/${id}`), {
        session: cw,
        body: { city: 'Napoli' },
      });
      expect(res.status).toBe(404);
    });
  });
});
