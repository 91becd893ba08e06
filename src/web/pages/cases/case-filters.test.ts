import { describe, expect, it } from 'vitest';
import { casesUrl, filtersFromSearch, joinList, splitList } from './case-filters.ts';

describe('case list filters in the URL', () => {
  it('round-trips through the query string, keeping commas readable', () => {
    const url = casesUrl({
      status: 'Active,FollowUp',
      citizenship: 'NG',
      registeredFrom: '2026-01-01',
    });
    expect(url).toBe('/cases?status=Active,FollowUp&citizenship=NG&registeredFrom=2026-01-01');
    expect(filtersFromSearch(new URL(url, 'http://x').searchParams)).toEqual({
      status: 'Active,FollowUp',
      citizenship: 'NG',
      registeredFrom: '2026-01-01',
    });
  });

  it('ignores unknown and empty parameters, so nothing else rides along in the URL', () => {
    const search = new URLSearchParams('givenName=Amina&gender=&cursor=abc&reference=LNT-');
    expect(filtersFromSearch(search)).toEqual({ reference: 'LNT-' });
    expect(casesUrl({ gender: '  ' })).toBe('/cases');
  });

  it('splits and joins multi-value filters', () => {
    expect(splitList('Active,,Closed')).toEqual(['Active', 'Closed']);
    expect(splitList(undefined)).toEqual([]);
    expect(joinList(['Active', 'Closed'])).toBe('Active,Closed');
  });
});
