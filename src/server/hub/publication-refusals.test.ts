import { describe, expect, it } from 'vitest';
import type { PublicationParameters } from '../../shared/api/hub.schema.ts';
import { AnonymizeError } from '../../shared/hub/anonymize/index.ts';
import { AggregateError } from '../../shared/hub/dp/index.ts';
import { TableError } from '../../shared/hub/table.ts';
import { AppError } from '../http/app-error.ts';
import { BuildError } from './publication-build.ts';
import { conflict, publicationRefusal } from './publication-refusals.ts';

const micro: PublicationParameters = {
  kind: 'microdata',
  sourceIds: ['00000000-0000-4000-8000-000000000001'],
  qi: ['gender', 'ageBroad', 'citizenship'],
  k: 11,
  suppressionLimit: 0.05,
};
const counts: PublicationParameters = {
  kind: 'aggregates',
  sourceIds: ['00000000-0000-4000-8000-000000000001'],
  epsilon: 1,
  delta: 1e-6,
  length: 4,
};

/** The AppError a refusal becomes (fails the test when it is not one). */
function refusal(
  e: unknown,
  p: PublicationParameters = micro,
  kAlone = true,
  prefix = 'parameters.',
): AppError {
  const out = publicationRefusal(e, { p, prefix, records: 1000, kAlone: () => kAlone });
  expect(out).toBeInstanceOf(AppError);
  return out as AppError;
}

const unreachable = new AnonymizeError(
  'no generalisation of gender, ageBroad, citizenship reaches 11-anonymity with at most 50 of 1000 records suppressed',
);

describe('publication refusals', () => {
  it('k that no generalisation reaches: 422 k_not_reachable naming the parameter', () => {
    const e = refusal(unreachable);
    expect(e.status).toBe(422);
    expect(e.code).toBe('disclosure_check_failed');
    expect(e.details).toEqual({
      rule: 'k_not_reachable',
      parameter: 'parameters.k',
      k: 11,
      qi: micro.qi,
      suppressionLimit: 0.05,
      records: 1000,
      maxSuppressed: 50,
    });
    expect(e.message).toMatch(/^k = 11 cannot be reached \(parameters\.k\)/);
    expect(refusal(unreachable, micro, true, '').details).toMatchObject({ parameter: 'k' });
  });

  it('l that cannot hold while k alone does: l_not_reachable; when k fails too, k is named', () => {
    const withL: PublicationParameters = { ...micro, l: { sensitive: 'isForcedLabour', l: 4 } };
    expect(refusal(unreachable, withL, true).details).toMatchObject({
      rule: 'l_not_reachable',
      parameter: 'parameters.l.l',
      l: 4,
    });
    expect(refusal(unreachable, withL, false).details).toMatchObject({ rule: 'k_not_reachable' });
  });

  it('a parameter that does not fit the data is a 400 naming it, never quoting a value', () => {
    expect(refusal(new BuildError('qi.1', 'no')).details).toEqual([
      { path: 'parameters.qi.1', message: 'no' },
    ]);
    const lattice = refusal(new AnonymizeError('the generalisation lattice has 9 nodes, more'));
    expect(lattice.details).toMatchObject([{ path: 'parameters.qi' }]);
    const hierarchy = refusal(
      new AnonymizeError('no hierarchy for the quasi-identifier "ageBroad"'),
    );
    expect(hierarchy.details).toMatchObject([{ path: 'parameters.qi.1' }]);
    const cover = refusal(
      new AnonymizeError(
        'row 7: the hierarchy for column "citizenship" does not cover the value "Zorvatha"',
      ),
    );
    expect(cover.status).toBe(400);
    expect(cover.details).toMatchObject([{ path: 'parameters.qi.2' }]);
    expect(JSON.stringify(cover.details) + cover.message).not.toContain('Zorvatha');
    const tooMany = refusal(
      new AggregateError('more than 1,000,000 combinations of length 4 to examine: choose fewer'),
      counts,
    );
    expect(tooMany.details).toMatchObject([{ path: 'parameters.length' }]);
  });

  it('sources without records: 422 too_few_records; other errors pass through', () => {
    const none = refusal(new TableError('the table has no records'), counts);
    expect(none.status).toBe(422);
    expect(none.details).toMatchObject({ rule: 'too_few_records', records: 0 });
    const bug = new Error('something else');
    expect(publicationRefusal(bug, { p: micro, prefix: '', records: 1, kAlone: () => true })).toBe(
      bug,
    );
  });

  it('a state conflict is a 409 with its rule', () => {
    const e = conflict('budget_exceeded', 'over', { remaining: { epsilon: 1, delta: 0 } });
    expect([e.status, e.code, e.details]).toEqual([
      409,
      'conflict',
      { rule: 'budget_exceeded', remaining: { epsilon: 1, delta: 0 } },
    ]);
  });
});
