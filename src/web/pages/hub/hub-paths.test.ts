import { describe, expect, it } from 'vitest';
import { mayOpen } from '../../session/permissions.ts';

// Sign-in returns a user to the page they asked for only when their role may open it: the hub's
// contributions are the supervisors', the store and publications the analysts'.
describe('who may open the hub’s pages after sign-in', () => {
  it('takes supervisors to contributions and analysts to the hub, not the other way round', () => {
    expect(mayOpen('supervisor', '/hub/contributions')).toBe(true);
    expect(mayOpen('supervisor', '/hub/contributions/5f0c1b7e')).toBe(true);
    expect(mayOpen('analyst', '/hub/contributions')).toBe(false);
    expect(mayOpen('analyst', '/hub/publications/new')).toBe(true);
    expect(mayOpen('analyst', '/hub/budget')).toBe(true);
    expect(mayOpen('supervisor', '/hub/publications')).toBe(false);
    expect(mayOpen('caseworker', '/hub/import')).toBe(false);
  });

  it('lets every role open the public data page', () => {
    for (const role of ['admin', 'supervisor', 'caseworker', 'analyst', 'provider'] as const)
      expect(mayOpen(role, '/data')).toBe(true);
  });
});
