import {
  DEFAULT_HUB_K,
  DEFAULT_HUB_QI,
  HUB_MAX_DP_COLUMNS,
  type PublicationKind,
  type PublicationParameters,
} from '../../../shared/api/hub.schema.ts';
import { parsePositive, parseWhole } from './hub-format.ts';

/** The wizard's answers as typed (strings for numbers: the fields keep what the user wrote). */
export interface PublicationDraft {
  sourceIds: string[];
  kind: PublicationKind | '';
  qi: string[];
  k: string;
  /** Percent, 0–100. */
  suppression: string;
  diversity: boolean;
  sensitive: string;
  l: string;
  epsilon: string;
  delta: string;
  length: string;
  columns: string[];
}

/** A problem with one field, as a catalogue key and its values (translated by the page). */
export interface DraftProblem {
  field: string;
  key:
    | 'hub.errors.oneSource'
    | 'hub.errors.chooseKind'
    | 'hub.errors.oneColumn'
    | 'hub.errors.atLeast'
    | 'hub.errors.between'
    | 'hub.errors.below'
    | 'hub.errors.positive'
    | 'hub.errors.atMost'
    | 'hub.errors.sensitiveIsQi'
    | 'fieldErrors.required';
  values?: Record<string, number>;
}

/** The wizard's field for a path the server names (`parameters.qi.2` → `qi`). */
export function wizardFieldOf(path: string): string {
  const [head = '', next = ''] = path.replace(/^parameters\./, '').split('.');
  if (head === 'sourceIds') return 'sources';
  if (head === 'suppressionLimit') return 'suppression';
  if (head === 'l') return next === 'sensitive' ? 'sensitive' : 'l';
  return head;
}

/** The fields the wizard shows (a server issue on any other is said in the alert). */
export const WIZARD_FIELDS: ReadonlySet<string> = new Set([
  'sources',
  'kind',
  'qi',
  'k',
  'suppression',
  'sensitive',
  'l',
  'epsilon',
  'delta',
  'length',
  'columns',
]);

/** A fresh draft; the quasi-identifiers and DP columns start at CTDC's where the sources have them. */
export function emptyDraft(): PublicationDraft {
  return {
    sourceIds: [],
    kind: '',
    qi: [],
    k: String(DEFAULT_HUB_K),
    suppression: '5',
    diversity: false,
    sensitive: '',
    l: '2',
    epsilon: '1',
    delta: '1e-6',
    length: '4',
    columns: [],
  };
}

/** The CTDC default columns among those the chosen sources have. */
export const defaultColumns = (available: readonly string[]): string[] =>
  DEFAULT_HUB_QI.filter((c) => available.includes(c));

/** The problems of the sources and kind steps (nothing else is asked there). */
export function choiceProblems(d: PublicationDraft, step: 'sources' | 'kind'): DraftProblem[] {
  if (step === 'sources' && d.sourceIds.length === 0)
    return [{ field: 'sources', key: 'hub.errors.oneSource' }];
  if (step === 'kind' && d.kind === '') return [{ field: 'kind', key: 'hub.errors.chooseKind' }];
  return [];
}

/**
 * The request's parameters, or the problems that keep them from being sent. The server checks
 * every rule again (and refuses what would break the guarantee or the budget).
 */
export function parametersOf(d: PublicationDraft): {
  parameters: PublicationParameters | null;
  problems: DraftProblem[];
} {
  const problems: DraftProblem[] = [...choiceProblems(d, 'sources'), ...choiceProblems(d, 'kind')];
  if (d.kind === 'microdata') {
    const k = parseWhole(d.k);
    if (k === null || k < 2 || k > 1000)
      problems.push({ field: 'k', key: 'hub.errors.between', values: { min: 2, max: 1000 } });
    const suppression = d.suppression.trim() === '0' ? 0 : parsePositive(d.suppression);
    // The server takes a share below 1 (suppressing every row would publish nothing).
    if (suppression === null || suppression >= 100)
      problems.push({ field: 'suppression', key: 'hub.errors.below', values: { max: 100 } });
    if (d.qi.length === 0) problems.push({ field: 'qi', key: 'hub.errors.oneColumn' });
    else if (d.qi.length > 12)
      problems.push({ field: 'qi', key: 'hub.errors.atMost', values: { max: 12 } });
    const l = d.diversity ? parseWhole(d.l) : null;
    if (d.diversity) {
      if (!d.sensitive) problems.push({ field: 'sensitive', key: 'fieldErrors.required' });
      else if (d.qi.includes(d.sensitive))
        problems.push({ field: 'sensitive', key: 'hub.errors.sensitiveIsQi' });
      if (l === null || l < 2 || l > 100)
        problems.push({ field: 'l', key: 'hub.errors.between', values: { min: 2, max: 100 } });
    }
    if (problems.length > 0 || k === null || suppression === null)
      return { parameters: null, problems };
    return {
      problems,
      parameters: {
        kind: 'microdata',
        sourceIds: d.sourceIds,
        qi: d.qi,
        k,
        suppressionLimit: suppression / 100,
        ...(d.diversity && l !== null ? { l: { sensitive: d.sensitive, l } } : {}),
      },
    };
  }
  if (d.kind === 'aggregates' || d.kind === 'synthetic') {
    const epsilon = parsePositive(d.epsilon);
    if (epsilon === null) problems.push({ field: 'epsilon', key: 'hub.errors.positive' });
    else if (epsilon > 100)
      problems.push({ field: 'epsilon', key: 'hub.errors.atMost', values: { max: 100 } });
    const delta = parsePositive(d.delta);
    if (delta === null || delta > 0.001)
      problems.push({ field: 'delta', key: 'hub.errors.between', values: { min: 0, max: 0.001 } });
    const length = parseWhole(d.length);
    if (length === null || length < 1 || length > 4)
      problems.push({ field: 'length', key: 'hub.errors.between', values: { min: 1, max: 4 } });
    if (d.columns.length === 0) problems.push({ field: 'columns', key: 'hub.errors.oneColumn' });
    else if (d.columns.length > HUB_MAX_DP_COLUMNS)
      problems.push({
        field: 'columns',
        key: 'hub.errors.atMost',
        values: { max: HUB_MAX_DP_COLUMNS },
      });
    if (problems.length > 0 || epsilon === null || delta === null || length === null)
      return { parameters: null, problems };
    return {
      problems,
      parameters: {
        kind: d.kind,
        sourceIds: d.sourceIds,
        epsilon,
        delta,
        length,
        columns: d.columns,
      },
    };
  }
  return { parameters: null, problems };
}
