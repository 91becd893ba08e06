import { describe, expect, it } from 'vitest';
import { homePath, mayOpen } from './permissions.ts';

describe('where each role lands, and what it may open', () => {
  it('sends each role to the page it works from', () => {
    expect(homePath('caseworker')).toBe('/cases');
    expect(homePath('supervisor')).toBe('/cases');
    expect(homePath('admin')).toBe('/admin/users');
    expect(homePath('provider')).toBe('/referrals/inbox');
    expect(homePath('analyst')).toBe('/referrals/metrics');
  });

  it('keeps a return path only when the role may open it', () => {
    expect(mayOpen('provider', '/referrals/inbox/1b0e')).toBe(true);
    expect(mayOpen('provider', '/referrals/1b0e')).toBe(false);
    expect(mayOpen('caseworker', '/referrals/1b0e')).toBe(true);
    expect(mayOpen('caseworker', '/referrals/inbox')).toBe(false);
    expect(mayOpen('analyst', '/referrals/metrics')).toBe(true);
    expect(mayOpen('caseworker', '/referrals/metrics')).toBe(false);
    expect(mayOpen('supervisor', '/referrals/packages')).toBe(true);
    expect(mayOpen('provider', '/cases/1b0e')).toBe(false);
    expect(mayOpen('provider', '/directory')).toBe(true);
    expect(mayOpen('caseworker', '/tracing/1b0e')).toBe(true);
    expect(mayOpen('analyst', '/tracing')).toBe(false);
    expect(mayOpen('supervisor', '/duplicates/1b0e')).toBe(true);
    expect(mayOpen('caseworker', '/duplicates')).toBe(false);
  });
});
