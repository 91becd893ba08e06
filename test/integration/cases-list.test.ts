import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseList } from '../../src/shared/api/cases.schema.ts';
import { caseWith, errorOf, issuePaths } from '../support/api.ts';
import type { TestSession } from '../support/test-app.ts';
import { TestLantern } from '../support/test-app.ts';

const cursorOf = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

// The case list: newest registration first, filters that each narrow it, cursor pagination,
// and no names anywhere in it.
describe('cases API: list', () => {
  let t: TestLantern;
  let s: TestSession;
  // Five cases with distinct attributes, by letter; ids filled in beforeAll.
  const ids: Record<string, string> = {};
  const names = ['Adaeze', 'Babajide', 'Chi', 'Dorin', 'Ermal'];

  beforeAll(async () => {
    t = await TestLantern.start();
    const org = await t.createOrg('List org');
    s = await t.signIn(org, 'caseworker');
    const cases: [string, Record<string, unknown>, Record<string, unknown>][] = [
      // letter, person, case
      [
        'a',
        { givenName: 'Adaeze', familyName: 'Nwosu', dateOfBirth: '1998-04-12', gender: 'Feminine' },
        {
          citizenship: 'NG',
          countryOfExploitation: 'IT',
          typeOfExploitation: ['SexualExploitation'],
          registrationDate: '2026-01-10',
        },
      ],
      [
        'b',
        {
          givenName: 'Babajide',
          familyName: 'Adeyemi',
          dateOfBirth: undefined,
          age: 40,
          gender: 'Masculine',
        },
        {
          citizenship: 'NG',
          countryOfExploitation: 'ES',
          typeOfExploitation: ['ForcedLabour'],
          registrationDate: '2026-02-15',
          status: 'Closed',
          traffickingStatus: 'ActualVictimOfTrafficking',
        },
      ],
      [
        'c',
        { givenName: 'Chi', familyName: 'Nguyen', dateOfBirth: '2010-03-02', gender: 'Feminine' },
        {
          citizenship: 'VN',
          countryOfExploitation: 'GB',
          typeOfExploitation: ['ForcedLabour', 'SexualExploitation'],
          registrationDate: '2026-03-01',
          status: 'FollowUp',
        },
      ],
      [
        'd',
        {
          givenName: 'Dorin',
          familyName: 'Popescu',
          dateOfBirth: undefined,
          gender: 'NonSpecifiedUnknown',
        },
        {
          citizenship: 'RO',
          countryOfExploitation: undefined,
          typeOfExploitation: ['ForcedBegging'],
          registrationDate: '2026-04-20',
          traffickingStatus: 'NotAVictimOfTrafficking',
        },
      ],
      [
        'e',
        {
          givenName: 'Ermal',
          familyName: 'Hoxha',
          dateOfBirth: undefined,
          age: 19,
          gender: 'Masculine',
        },
        {
          citizenship: 'AL',
          countryOfExploitation: 'GB',
          typeOfExploitation: [],
          registrationDate: '2025-12-31',
          traffickingStatus: 'ActualVictimOfTrafficking',
        },
      ],
    ];
    for (const [letter, person, kase] of cases) {
      const res = await t.request('POST', '/api/v1/cases', {
        session: s,
        body: caseWith(person, kase),
      });
      if (res.status !== 201) throw new Error(JSON.stringify(res.body));
      ids[letter] = res.json<{ id: string }>().id;
    }
  });
  afterAll(() => t.close());

  const list = async (query: string) => {
    const res = await t.request('GET', `/api/v1/cases${query}`, { session: s });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.json<CaseList>();
  };
  const letters = (l: CaseList) =>
    l.items.map((i) => Object.keys(ids).find((k) => ids[k] === i.id) ?? '?').join('');

  it('lists newest registration first, with the total', async () => {
    const l = await list('');
    expect(letters(l)).toBe('dcbae');
    expect(l.total).toBe(5);
    expect(l.totalCapped).toBe(false);
    expect(l.nextCursor).toBeNull();
  });

  it('never contains a name or a date of birth', async () => {
    const text = JSON.stringify(await list('?limit=100'));
    for (const n of [...names, 'Nwosu', 'Adeyemi', 'Nguyen', 'Popescu', 'Hoxha', '1998-04-12']) {
      expect(text).not.toContain(n);
    }
  });

  // Expected cases as letters, newest first: d 2026-04-20, c 03-01, b 02-15, a 01-10, e 2025-12-31.
  it.each([
    ['?status=Active', 'dae'],
    ['?status=Closed,FollowUp', 'cb'],
    ['?status=Closed&status=FollowUp', 'cb'],
    ['?traffickingStatus=ActualVictimOfTrafficking', 'be'],
    ['?gender=Feminine', 'ca'],
    ['?gender=female,male', 'cbae'],
    ['?citizenship=NG', 'ba'],
    ['?citizenship=ng,vn', 'cba'],
    ['?countryOfExploitation=GB', 'ce'],
    ['?typeOfExploitation=SexualExploitation', 'ca'],
    ['?typeOfExploitation=ForcedLabour,ForcedBegging', 'dcb'],
    ['?typeOfExploitation=sexual_exploitation', 'ca'],
    ['?registeredFrom=2026-02-15', 'dcb'],
    ['?registeredTo=2026-02-15', 'bae'],
    ['?registeredFrom=2026-01-01&registeredTo=2026-03-01', 'cba'],
    ['?ageMin=18', 'bae'],
    ['?ageMax=18', 'c'],
    ['?ageMin=19&ageMax=27', 'ae'],
    ['?reference=LNT-2026-00000', 'dcbae'],
    ['?reference=lnt-2026-000003', 'c'],
    ['?reference=LNT-2025', ''],
    ['?citizenship=NG&status=Active', 'a'],
    ['?countryOfExploitation=FR', ''],
  ])('%s narrows the list to "%s"', async (query, expected) => {
    const l = await list(query);
    expect(letters(l)).toBe(expected);
    expect(l.total).toBe(expected.length);
  });

  it('refuses an unknown filter value, naming the parameter', async () => {
    const res = await t.request('GET', '/api/v1/cases?status=Active,Open', { session: s });
    expect(res.status).toBe(400);
    expect(issuePaths(res).some((p) => p.includes('status'))).toBe(true);
  });

  describe('pagination', () => {
    let p: TestSession;
    const created: string[] = [];

    beforeAll(async () => {
      const org = await t.createOrg('Paging org');
      p = await t.signIn(org, 'supervisor');
      // 23 cases on 4 dates: many share a date, so the order must break ties by id.
      const dates = ['2026-05-01', '2026-05-02', '2026-05-03', '2026-05-04'];
      for (let i = 0; i < 23; i++) {
        const body = caseWith(
          { givenName: `Person${i}` },
          { registrationDate: dates[i % 4], citizenship: i % 3 === 0 ? 'PH' : 'TH' },
        );
        const res = await t.request('POST', '/api/v1/cases', { session: p, body });
        created.push(res.json<{ id: string }>().id);
      }
    });

    const walk = async (query: string, limit: number) => {
      const pages: CaseList[] = [];
      let cursor: string | null = '';
      while (cursor !== null && pages.length < 50) {
        const after: string = cursor ? `&cursor=${cursor}` : '';
        const res = await t.request('GET', `/api/v1/cases?limit=${limit}${query}${after}`, {
          session: p,
        });
        expect(res.status, JSON.stringify(res.body)).toBe(200);
        const page = res.json<CaseList>();
        pages.push(page);
        cursor = page.nextCursor;
      }
      return pages;
    };

    it('visits every case exactly once across pages, newest first', async () => {
      const pages = await walk('', 5);
      expect(pages.map((pg) => pg.items.length)).toEqual([5, 5, 5, 5, 3]);
      expect(pages.every((pg) => pg.total === 23)).toBe(true);
      const items = pages.flatMap((pg) => pg.items);
      expect(new Set(items.map((i) => i.id)).size).toBe(23);
      expect(new Set(items.map((i) => i.id))).toEqual(new Set(created));
      const keys = items.map((i) => `${i.registrationDate} ${i.id}`);
      expect(keys).toEqual([...keys].sort().reverse());
    });

    it('pages through a filtered list, with the filtered total', async () => {
      const pages = await walk('&citizenship=PH', 3);
      const items = pages.flatMap((pg) => pg.items);
      expect(items).toHaveLength(8);
      expect(new Set(items.map((i) => i.id)).size).toBe(8);
      expect(items.every((i) => i.citizenship === 'PH')).toBe(true);
      expect(pages.every((pg) => pg.total === 8)).toBe(true);
      expect(pages.at(-1)!.nextCursor).toBeNull();
    });

    it('a page exactly as long as the rest has no next cursor', async () => {
      const pages = await walk('', 23);
      expect(pages).toHaveLength(1);
      expect(pages[0]!.nextCursor).toBeNull();
    });

    it.each([
      ['garbage', 'not-a-cursor!!'],
      ['a truncated cursor', () => cursorOf(['2026-05-03', created[0]]).slice(0, 20)],
      ['an impossible date', () => cursorOf(['2026-02-30', created[0]])],
      ['a date PostgreSQL cannot hold', () => cursorOf(['0000-01-01', created[0]])],
      ['an id that is not a UUID', () => cursorOf(['2026-05-03', '-'.repeat(36)])],
      ['a third element', () => cursorOf(['2026-05-03', created[0], 'x'])],
      ['an object', () => cursorOf({ registrationDate: '2026-05-03', id: created[0] })],
    ])('a tampered cursor (%s) is refused with 400 naming cursor', async (_, make) => {
      const cursor = typeof make === 'string' ? make : make();
      const res = await t.request('GET', `/api/v1/cases?cursor=${encodeURIComponent(cursor)}`, {
        session: p,
      });
      expect(res.status).toBe(400);
      expect(errorOf(res).code).toBe('validation_failed');
      expect(issuePaths(res).some((x) => x.endsWith('cursor'))).toBe(true);
    });
  });
});
