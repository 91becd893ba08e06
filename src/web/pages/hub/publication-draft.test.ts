import { describe, expect, it } from 'vitest';
import {
  defaultColumns,
  emptyDraft,
  parametersOf,
  wizardFieldOf,
  type PublicationDraft,
} from './publication-draft.ts';

const SOURCE = '5f0c1b7e-8a8f-4d52-9d55-2a6f8f7f1a01';
const draft = (over: Partial<PublicationDraft>): PublicationDraft => ({
  ...emptyDraft(),
  sourceIds: [SOURCE],
  ...over,
});
const fields = (d: PublicationDraft) => parametersOf(d).problems.map((p) => p.field);

describe('publication wizard answers', () => {
  it('starts from CTDC’s k = 11 and its quasi-identifiers among the columns there are', () => {
    expect(emptyDraft().k).toBe('11');
    expect(defaultColumns(['gender', 'Datasource', 'ageBroad'])).toEqual(['gender', 'ageBroad']);
  });

  it('builds k-anonymised microdata parameters with l-diversity', () => {
    const { parameters, problems } = parametersOf(
      draft({
        kind: 'microdata',
        qi: ['gender', 'ageBroad'],
        k: '5',
        suppression: '2.5',
        diversity: true,
        sensitive: 'isForcedLabour',
        l: '2',
      }),
    );
    expect(problems).toEqual([]);
    expect(parameters).toEqual({
      kind: 'microdata',
      sourceIds: [SOURCE],
      qi: ['gender', 'ageBroad'],
      k: 5,
      suppressionLimit: 0.025,
      l: { sensitive: 'isForcedLabour', l: 2 },
    });
  });

  it('refuses k below 2, no quasi-identifier, and a sensitive column that is also a QI', () => {
    expect(
      fields(draft({ kind: 'microdata', qi: [], k: '1', diversity: true, sensitive: '' })),
    ).toEqual(['k', 'qi', 'sensitive']);
    expect(
      fields(draft({ kind: 'microdata', qi: ['gender'], diversity: true, sensitive: 'gender' })),
    ).toEqual(['sensitive']);
  });

  it('builds DP parameters and refuses ε ≤ 0 and a length past 4', () => {
    const ok = parametersOf(
      draft({ kind: 'synthetic', epsilon: '0.5', delta: '1e-6', length: '3', columns: ['gender'] }),
    );
    expect(ok.parameters).toEqual({
      kind: 'synthetic',
      sourceIds: [SOURCE],
      epsilon: 0.5,
      delta: 1e-6,
      length: 3,
      columns: ['gender'],
    });
    expect(
      fields(draft({ kind: 'aggregates', epsilon: '0', length: '5', columns: ['g'] })),
    ).toEqual(['epsilon', 'length']);
  });

  it('asks for a source and a kind before anything else', () => {
    expect(fields({ ...emptyDraft() })).toEqual(['sources', 'kind']);
  });
});

describe('server issues on the wizard’s fields', () => {
  it('maps the request’s paths to the fields the wizard shows', () => {
    expect(wizardFieldOf('sourceIds.1')).toBe('sources');
    expect(wizardFieldOf('parameters.qi.2')).toBe('qi');
    expect(wizardFieldOf('l.sensitive')).toBe('sensitive');
    expect(wizardFieldOf('l.l')).toBe('l');
    expect(wizardFieldOf('suppressionLimit')).toBe('suppression');
    expect(wizardFieldOf('epsilon')).toBe('epsilon');
  });
});
