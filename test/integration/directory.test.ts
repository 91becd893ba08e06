import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  DirectorySearchResult,
  Provider,
  ProviderDetail,
  ProviderList,
  Service,
} from '../../src/shared/api/directory.schema.ts';
import { auditEntries, errorOf, issuePaths } from '../support/api.ts';
import { ok } from '../support/casework.ts';
import {
  createProvider,
  createService,
  validProvider,
  validService,
} from '../support/directory.ts';
import type { TestSession } from '../support/test-app.ts';
import { TestLantern } from '../support/test-app.ts';

// The directory's providers and services over the API: creation, reading, editing, places,
// validation naming the field, and who may write what (the listing organisation edits; the
// receiving organisation sets places; everyone reads).
describe('service directory: providers and services', () => {
  let t: TestLantern;
  let orgA: string;
  let orgB: string;
  let adminA: TestSession;
  let supA: TestSession;
  let adminB: TestSession;
  let providerB: TestSession;
  let workerA: TestSession;

  beforeAll(async () => {
    t = await TestLantern.start();
    orgA = await t.createOrg('Org A');
    orgB = await t.createOrg('Org B');
    adminA = await t.signIn(orgA, 'admin');
    supA = await t.signIn(orgA, 'supervisor');
    adminB = await t.signIn(orgB, 'admin');
    providerB = await t.signIn(orgB, 'provider');
    workerA = await t.signIn(orgA, 'caseworker');
  });
  afterAll(() => t.close());

  const api = '/api/v1/directory';

  describe('providers', () => {
    it('creates a provider listed by the actor’s organisation, and audits it', async () => {
      const p = await createProvider(t, adminA, { name: 'Casa Aurora', providerOrgId: orgA });
      expect(p).toMatchObject({
        orgId: orgA,
        providerOrgId: orgA,
        name: 'Casa Aurora',
        receivesReferrals: true,
        mine: true,
        receivedByMe: true,
        serviceCount: 0,
        active: true,
      });
      const audit = await auditEntries(t, orgA, 'provider.created');
      expect(audit.at(-1)).toMatchObject({ recordType: 'provider', recordId: p.id });
      expect(audit.at(-1)!.fields).toContain('name');
    });

    it('lists all providers to every organisation, and only its own with mine=true', async () => {
      const a = await createProvider(t, adminA, { name: 'Listed by A' });
      const b = await createProvider(t, adminB, { name: 'Listed by B' });
      const all = ok<ProviderList>(
        await t.request('GET', `${api}/providers`, { session: workerA }),
      );
      const ids = all.providers.map((p) => p.id);
      expect(ids).toEqual(expect.arrayContaining([a.id, b.id]));
      const byB = all.providers.find((p) => p.id === b.id)!;
      expect(byB.mine).toBe(false);
      const mine = ok<ProviderList>(
        await t.request('GET', `${api}/providers?mine=true`, { session: workerA }),
      );
      expect(mine.providers.map((p) => p.id)).toContain(a.id);
      expect(mine.providers.map((p) => p.id)).not.toContain(b.id);
      expect(mine.providers.every((p) => p.orgId === orgA)).toBe(true);
      const bad = await t.request('GET', `${api}/providers?mine=yes`, { session: workerA });
      expect(bad.status).toBe(400);
      expect(issuePaths(bad)).toEqual(['querystring.mine']);
    });

    it('reads a provider with its services', async () => {
      const p = await createProvider(t, adminA, { name: 'With services' });
      const s = await createService(t, adminA, p.id, { name: 'Night shelter' });
      const detail = ok<ProviderDetail>(
        await t.request('GET', `${api}/providers/${p.id}`, { session: providerB }),
      );
      expect(detail.serviceCount).toBe(1);
      expect(detail.services.map((x) => x.id)).toEqual([s.id]);
      expect(detail.services[0]!.provider).toEqual({
        id: p.id,
        name: 'With services',
        receivesReferrals: false,
      });
      const missing = await t.request('GET', `${api}/providers/${randomUUID()}`, {
        session: adminA,
      });
      expect(missing.status).toBe(404);
    });

    it('edits its own provider; another organisation’s is 404 on write but readable', async () => {
      const p = await createProvider(t, adminA, { name: 'Editable' });
      const patched = ok<Provider>(
        await t.request('PATCH', `${api}/providers/${p.id}`, {
          session: supA,
          body: { name: 'Edited', phone: null, providerOrgId: orgB },
        }),
      );
      expect(patched).toMatchObject({
        name: 'Edited',
        phone: null,
        email: validProvider().email,
        providerOrgId: orgB,
        receivedByMe: false,
      });
      const byB = await t.request('PATCH', `${api}/providers/${p.id}`, {
        session: adminB,
        body: { name: 'Hijacked' },
      });
      expect(byB.status).toBe(404);
      expect(errorOf(byB).code).toBe('not_found');
      const read = ok<ProviderDetail>(
        await t.request('GET', `${api}/providers/${p.id}`, { session: adminB }),
      );
      expect(read.name).toBe('Edited');
      expect(read.receivedByMe).toBe(true);
      const audit = await auditEntries(t, orgA, 'provider.updated');
      expect(audit.at(-1)).toMatchObject({ recordId: p.id });
      expect(audit.at(-1)!.fields.sort()).toEqual(['name', 'phone', 'providerOrgId']);
    });

    it('refuses a receiving organisation that does not exist, naming the field', async () => {
      const before = await t.database.superuser('SELECT count(*)::int AS n FROM providers');
      const res = await t.request('POST', `${api}/providers`, {
        session: adminA,
        body: validProvider({ providerOrgId: randomUUID() }),
      });
      expect(res.status).toBe(400);
      expect(issuePaths(res)).toEqual(['providerOrgId']);
      const after = await t.database.superuser('SELECT count(*)::int AS n FROM providers');
      expect(after).toEqual(before);
    });

    it('validates provider fields, naming each', async () => {
      const res = await t.request('POST', `${api}/providers`, {
        session: adminA,
        body: { name: '', email: 'not an address', website: 'ftp://x.example', extra: 1 },
      });
      expect(res.status).toBe(400);
      expect(issuePaths(res).sort()).toEqual(['email', 'extra', 'name', 'website']);
    });

    it('refuses writes to roles without directory:manage', async () => {
      const res = await t.request('POST', `${api}/providers`, {
        session: workerA,
        body: validProvider(),
      });
      expect(res.status).toBe(403);
      expect(errorOf(res).code).toBe('forbidden');
    });
  });

  describe('services', () => {
    let provider: Provider;
    beforeAll(async () => {
      provider = await createProvider(t, adminA, { name: 'Service host', providerOrgId: orgB });
    });

    it('creates a service with its fields normalised, and audits it', async () => {
      const s = await createService(t, adminA, provider.id, {
        country: 'it',
        languages: ['IT', 'en', 'en'],
        nationalities: ['ng', 'GH'],
      });
      expect(s).toMatchObject({
        orgId: orgA,
        providerId: provider.id,
        provider: { id: provider.id, name: 'Service host', receivesReferrals: true },
        country: 'IT',
        languages: ['it', 'en'],
        nationalities: ['NG', 'GH'],
        capacityTotal: 10,
        capacityAvailable: 4,
        capacityUpdatedAt: '2026-06-01T09:00:00.000Z',
        responseDays: 5,
      });
      const read = ok<Service>(
        await t.request('GET', `${api}/services/${s.id}`, { session: workerA }),
      );
      expect(read).toEqual(s);
      const audit = await auditEntries(t, orgA, 'service.created');
      expect(audit.at(-1)).toMatchObject({ recordType: 'service', recordId: s.id });
    });

    it.each([
      ['latitude', { latitude: 90.5 }],
      ['latitude', { latitude: -91 }],
      ['longitude', { longitude: 181 }],
      ['longitude', { longitude: -180.01 }],
      ['serviceType', { serviceType: 'spa' }],
      ['capacityTotal', { capacityTotal: -1, capacityAvailable: null }],
      ['capacityAvailable', { capacityAvailable: -1 }],
      ['capacityAvailable', { capacityTotal: 3, capacityAvailable: 4 }],
      ['ageMin', { ageMin: 30, ageMax: 18 }],
      ['ageMax', { ageMax: 121 }],
      ['country', { country: 'XX' }],
      ['country', { country: 'ITA' }],
      ['languages.1', { languages: ['en', 'eng'] }],
      ['languages.0', { languages: ['xx'] }],
      ['genders.0', { genders: ['female'] }],
      ['statuses.0', { statuses: ['Victim'] }],
      ['nationalities.0', { nationalities: ['ZZ'] }],
      ['responseDays', { responseDays: 0 }],
      ['name', { name: '  ' }],
    ])('refuses a bad %s with a 400 naming it', async (field, over) => {
      const res = await t.request('POST', `${api}/services`, {
        session: adminA,
        body: { ...validService(over as never), providerId: provider.id },
      });
      expect(res.status, JSON.stringify(res.body)).toBe(400);
      expect(errorOf(res).code).toBe('validation_failed');
      expect(issuePaths(res)).toEqual([field]);
    });

    it('refuses a service of another organisation’s provider', async () => {
      const theirs = await createProvider(t, adminB, { name: 'B’s provider' });
      const res = await t.request('POST', `${api}/services`, {
        session: adminA,
        body: { ...validService(), providerId: theirs.id },
      });
      expect(res.status).toBe(400);
      expect(issuePaths(res)).toEqual(['providerId']);
    });

    it('patches only the fields sent, and checks the merged service', async () => {
      const s = await createService(t, adminA, provider.id, { ageMin: 18, ageMax: 25 });
      t.clock.advance(60_000);
      const patched = ok<Service>(
        await t.request('PATCH', `${api}/services/${s.id}`, {
          session: supA,
          body: { name: 'Renamed', hours: null, ageMax: 30 },
        }),
      );
      expect(patched).toMatchObject({ name: 'Renamed', hours: null, ageMin: 18, ageMax: 30 });
      expect(patched.description).toBe(s.description);
      // Places unchanged: their date stays.
      expect(patched.capacityUpdatedAt).toBe(s.capacityUpdatedAt);
      const crossed = await t.request('PATCH', `${api}/services/${s.id}`, {
        session: supA,
        body: { ageMin: 40 },
      });
      expect(crossed.status).toBe(400);
      expect(issuePaths(crossed)).toEqual(['ageMin']);
      const over = await t.request('PATCH', `${api}/services/${s.id}`, {
        session: supA,
        body: { capacityTotal: 2 },
      });
      expect(over.status).toBe(400);
      expect(issuePaths(over)).toEqual(['capacityAvailable']);
      const after = ok<Service>(
        await t.request('GET', `${api}/services/${s.id}`, { session: supA }),
      );
      expect(after.ageMin).toBe(18);
      expect(after.capacityTotal).toBe(10);
    });

    it('lets the receiving organisation set places but not edit the listing', async () => {
      const s = await createService(t, adminA, provider.id);
      t.clock.advance(60_000);
      const set = ok<Service>(
        await t.request('PUT', `${api}/services/${s.id}/capacity`, {
          session: providerB,
          body: { available: 0 },
        }),
      );
      expect(set).toMatchObject({ capacityAvailable: 0, capacityTotal: 10 });
      expect(set.capacityUpdatedAt).toBe(t.clock.now().toISOString());
      const audit = await auditEntries(t, orgB, 'service.capacity_updated');
      expect(audit.at(-1)).toMatchObject({ recordType: 'service', recordId: s.id });
      expect(audit.at(-1)!.fields).toEqual(['available']);

      const edit = await t.request('PATCH', `${api}/services/${s.id}`, {
        session: adminB,
        body: { name: 'Taken over' },
      });
      expect(edit.status).toBe(404);
      const read = ok<Service>(
        await t.request('GET', `${api}/services/${s.id}`, { session: adminB }),
      );
      expect(read.name).toBe(s.name);
    });

    it('checks places against the total, and refuses other organisations', async () => {
      const s = await createService(t, adminA, provider.id);
      const over = await t.request('PUT', `${api}/services/${s.id}/capacity`, {
        session: adminA,
        body: { available: 11 },
      });
      expect(over.status).toBe(400);
      expect(issuePaths(over)).toEqual(['available']);
      const both = ok<Service>(
        await t.request('PUT', `${api}/services/${s.id}/capacity`, {
          session: adminA,
          body: { available: 20, total: 25 },
        }),
      );
      expect(both).toMatchObject({ capacityAvailable: 20, capacityTotal: 25 });
      const negative = await t.request('PUT', `${api}/services/${s.id}/capacity`, {
        session: adminA,
        body: { available: -1 },
      });
      expect(negative.status).toBe(400);
      expect(issuePaths(negative)).toEqual(['available']);

      // An organisation neither listing nor receiving: not found.
      const orgC = await t.createOrg('Org C');
      const providerC = await t.signIn(orgC, 'provider');
      const stranger = await t.request('PUT', `${api}/services/${s.id}/capacity`, {
        session: providerC,
        body: { available: 1 },
      });
      expect(stranger.status).toBe(404);
      // A caseworker has no directory:capacity.
      const worker = await t.request('PUT', `${api}/services/${s.id}/capacity`, {
        session: workerA,
        body: { available: 1 },
      });
      expect(worker.status).toBe(403);
    });

    it('answers 404 for a missing service', async () => {
      const res = await t.request('GET', `${api}/services/${randomUUID()}`, { session: adminA });
      expect(res.status).toBe(404);
    });
  });

  describe('search', () => {
    // Rome (41.9028, 12.4964); Naples is about 189 km away, Milan about 477 km.
    const ROME = { latitude: 41.9028, longitude: 12.4964 };
    let ids: Record<string, string>;

    beforeAll(async () => {
      const host = await createProvider(t, adminA, { name: 'Search host', providerOrgId: orgA });
      const ext = await createProvider(t, adminB, { name: 'External host' });
      const make = async (
        session: TestSession,
        providerId: string,
        over: Parameters<typeof validService>[0],
      ) =>
        (
          await createService(t, session, providerId, {
            serviceType: 'legal_aid',
            ageMin: null,
            ...over,
          })
        ).id;
      ids = {
        romeOpen: await make(adminA, host.id, { name: 'Rome open' }),
        romeAdults: await make(adminA, host.id, { name: 'Rome adults', ageMin: 18 }),
        romeFull: await make(adminA, host.id, {
          name: 'Rome full',
          capacityTotal: 5,
          capacityAvailable: 0,
        }),
        naples: await make(adminB, ext.id, {
          name: 'Naples',
          latitude: 40.8518,
          longitude: 14.2681,
          languages: ['it'],
        }),
        milanWomen: await make(adminA, host.id, {
          name: 'Milan women',
          latitude: 45.4642,
          longitude: 9.19,
          genders: ['Feminine'],
        }),
        inactive: await make(adminA, host.id, { name: 'Closed', active: false }),
        shelter: await make(adminA, host.id, { name: 'A shelter', serviceType: 'shelter' }),
      };
    });

    const search = async (session: TestSession, body: Record<string, unknown>) =>
      ok<DirectorySearchResult>(await t.request('POST', `${api}/search`, { session, body }));

    it('ranks eligible and near first, then fewer mismatches, then distance', async () => {
      const r = await search(workerA, {
        serviceType: 'legal_aid',
        person: { age: 17, gender: 'Feminine', language: 'en' },
        from: ROME,
        radiusKm: 200,
      });
      expect(r.results.map((h) => h.name)).toEqual([
        'Rome open', // eligible and within the radius
        'Milan women', // eligible but 477 km away: second tier, no mismatch
        'Rome adults', // one mismatch (age), 0 km; before 'Rome full' by name
        'Rome full', // one mismatch (capacity), 0 km
        'Naples', // one mismatch (language), 189 km
      ]);
      const byName = Object.fromEntries(r.results.map((h) => [h.name, h]));
      expect(byName['Rome adults']).toMatchObject({
        eligible: false,
        mismatches: ['age'],
        distanceKm: 0,
        withinRadius: true,
      });
      expect(byName['Rome full']!.mismatches).toEqual(['capacity']);
      expect(byName.Naples!.mismatches).toEqual(['language']);
      expect(byName.Naples!.distanceKm).toBeCloseTo(189, -1);
      expect(byName['Milan women']).toMatchObject({ eligible: true, withinRadius: false });
      expect(byName['Milan women']!.distanceKm).toBeCloseTo(477, -1);
      expect(r.results.some((h) => h.id === ids.inactive || h.id === ids.shelter)).toBe(false);
      expect(r.total).toBe(5);
    });
    it('keeps only eligible services within the radius when asked', async () => {
      const r = await search(workerA, {
        serviceType: 'legal_aid',
        person: { gender: 'Masculine' },
        from: ROME,
        radiusKm: 300,
        includeIneligible: false,
      });
      expect(r.results.map((h) => h.name)).toEqual(['Rome adults', 'Rome open', 'Naples']);
      expect(r.results.every((h) => h.eligible && h.withinRadius)).toBe(true);
    });

    it('gives no distances without a starting point, and ranks by name then', async () => {
      const r = await search(providerB, { serviceType: 'legal_aid' });
      expect(r.results.every((h) => h.distanceKm === null && h.withinRadius)).toBe(true);
      expect(r.results.map((h) => h.name)).toEqual([
        'Milan women',
        'Naples',
        'Rome adults',
        'Rome open',
        'Rome full', // no places: after the eligible ones
      ]);
    });

    it('limits the answer and reports the total', async () => {
      const r = await search(workerA, { serviceType: 'legal_aid', limit: 2 });
      expect(r.results).toHaveLength(2);
      expect(r.total).toBe(5);
    });

    it('keeps no trace of the person searched for', async () => {
      const before = await t.database.superuser('SELECT count(*)::int AS n FROM audit_log');
      await search(workerA, {
        serviceType: 'legal_aid',
        person: { age: 16, gender: 'Feminine', nationality: 'NG', language: 'ha' },
        from: ROME,
      });
      expect(await t.database.superuser('SELECT count(*)::int AS n FROM audit_log')).toEqual(
        before,
      );
    });

    it('validates the search body, naming the field', async () => {
      for (const [body, path] of [
        [{ serviceType: 'spa' }, 'serviceType'],
        [{ serviceType: 'shelter', from: { latitude: 91, longitude: 0 } }, 'from.latitude'],
        [{ serviceType: 'shelter', radiusKm: 20001 }, 'radiusKm'],
        [{ serviceType: 'shelter', radiusKm: 0 }, 'radiusKm'],
        [{ serviceType: 'shelter', person: { age: -1 } }, 'person.age'],
        [{ serviceType: 'shelter', person: { nationality: 'ZZ' } }, 'person.nationality'],
        [{ serviceType: 'shelter', person: { name: 'Amina' } }, 'person.name'],
      ] as const) {
        const res = await t.request('POST', `${api}/search`, { session: workerA, body });
        expect(res.status, JSON.stringify(body)).toBe(400);
        expect(issuePaths(res)).toEqual([path]);
        // The error never echoes the value.
        expect(JSON.stringify(res.body)).not.toContain('Amina');
      }
    });
  });
});
