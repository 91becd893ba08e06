/**
 * The public dashboard over a released publication of the data hub (docs/insights.md): the
 * publication's records (CTDC global or synthetic layout) counted by year, with the same
 * answer shape and suppression as an organisation's dashboard. No session: like the other
 * public routes, one transaction with no organisation and no user, where row-level security
 * shows released publications only (public-publications.service.ts).
 */
import type {
  Dashboard,
  InsightDimension,
  PublicDashboardQuery,
} from '../../shared/api/insights.schema.ts';
import type { ExploitationType } from '../../shared/codes/htcds.ts';
import { CTDC_MISSING, alpha2Of } from '../../shared/hub/ctdc/index.ts';
import { readTable } from '../../shared/hub/table.ts';
import { periodIndex, periodsBetween } from '../../shared/insights/periods.ts';
import type { Database } from '../db/database.ts';
import { SYSTEM } from '../db/database.ts';
import { AppError } from '../http/app-error.ts';
import {
  enterPublicScope,
  getPublication,
  getPublicationContent,
} from '../hub/publications.repo.ts';
import type { CountRow } from './dashboard.repo.ts';
import { buildDashboard } from './dashboard.service.ts';

type Keyed = Exclude<InsightDimension, 'exploitation'>;

/** Records agreeing on every counted field, and how many there are. */
export interface RecordGroup {
  /** YYYY, or null when the file gives no single year (missing, or generalised to a range). */
  year: string | null;
  keys: Record<Keyed, string>;
  /** HTCDS exploitation types; empty when no flag is set. */
  exploitation: readonly ExploitationType[];
  n: number;
}

/** A released file reduced to its counted fields: what the cache keeps. */
export interface PublicationCounts {
  groups: readonly RecordGroup[];
  /** Dimensions the file has no column for (their key is 'unknown' in every record). */
  absent: ReadonlySet<InsightDimension>;
}

const UNKNOWN = 'unknown';
/** A missing value in the global layout (-99), the synthetic one (empty) or a suppressed cell (*). */
const missing = (v: string) => v === CTDC_MISSING || v === '' || v === '*';

/**
 * CTDC gender → the HTCDS keys of the organisation's dashboard: Female/Woman → Feminine,
 * Male/Man → Masculine (the inverse of row-of-case.ts). CTDC's Transgender (synthetic layout:
 * Trans/Transgender/NonConforming) covers three HTCDS values (TransgenderFeminine,
 * TransgenderMasculine, NonConforming) and cannot be split: it stays `Transgender`. A missing
 * value is HTCDS NonSpecifiedUnknown, as row-of-case.ts writes that value as -99.
 */
function genderKey(v: string): string {
  if (missing(v)) return 'NonSpecifiedUnknown';
  if (v === 'Female' || v === 'Woman') return 'Feminine';
  if (v === 'Male' || v === 'Man') return 'Masculine';
  if (v === 'Transgender' || v === 'Trans/Transgender/NonConforming') return 'Transgender';
  return v;
}

/** ageBroad: the synthetic layout's `09--17` is the global `9--17`; generalised bands stay as published. */
const ageKey = (v: string) => (missing(v) ? UNKNOWN : v === '09--17' ? '9--17' : v);

/** A country as alpha-2 (the synthetic layout writes alpha-3); a generalised region stays as published. */
function countryKey(v: string): string {
  if (missing(v)) return UNKNOWN;
  if (v.length === 3) return alpha2Of(v) ?? v;
  return v;
}

/**
 * The CTDC exploitation flags → HTCDS types, where the flag names exactly one type: the inverse
 * of row-of-case.ts (docs/ctdc-format.md). isForcedLabour is ForcedLabour (CTDC also files child
 * labour and forced begging there; they cannot be told apart). isOtherExploit is CTDC's
 * umbrella "other than forced labour or sexual exploitation": it is Other only when none of the
 * four specific flags below it is set (the synthetic layout has none of them, so there it is
 * always Other).
 */
const EXACT: readonly (readonly [string, ExploitationType])[] = [
  ['isForcedLabour', 'ForcedLabour'],
  ['isSexualExploit', 'SexualExploitation'],
  ['isForcedMarriage', 'ForcedMarriage'],
  ['isSlaveryAndPractices', 'Servitude'],
  ['isForcedMilitary', 'ForcedMilitaryByNonStateActors'],
  ['isOrganRemoval', 'OrganRemoval'],
];
const OTHER_SPECIFIC = new Set([
  'ForcedMarriage',
  'Servitude',
  'ForcedMilitaryByNonStateActors',
  'OrganRemoval',
]);

const COLUMN: Record<Keyed, string> = {
  gender: 'gender',
  ageBand: 'ageBroad',
  citizenship: 'citizenship',
  countryOfExploitation: 'CountryOfExploitation',
};
const KEY_OF: Record<Keyed, (v: string) => string> = {
  gender: genderKey,
  ageBand: ageKey,
  citizenship: countryKey,
  countryOfExploitation: countryKey,
};

/** Reduces a released file (CSV text, a CTDC layout or a subset of its columns) to its groups. */
export function publicationCounts(content: string): PublicationCounts {
  const table = readTable(content);
  // Header names without regard to case, as the CTDC reader matches them.
  const index = new Map(table.columns.map((c, i) => [c.trim().toLowerCase(), i]));
  const col = (name: string) => index.get(name.toLowerCase());
  const year = col('yearOfRegistration');
  const keyed = (Object.keys(COLUMN) as Keyed[]).map((d) => [d, col(COLUMN[d])] as const);
  const flags = EXACT.map(([name, type]) => [col(name), type] as const).filter(
    (f): f is readonly [number, ExploitationType] => f[0] !== undefined,
  );
  const other = col('isOtherExploit');
  const absent = new Set<InsightDimension>(
    keyed.filter(([, i]) => i === undefined).map(([d]) => d),
  );
  if (flags.length === 0 && other === undefined) absent.add('exploitation');

  const groups = new Map<string, RecordGroup>();
  for (const row of table.rows) {
    const y = year === undefined ? '' : row[year]!.trim();
    const keys = {} as Record<Keyed, string>;
    for (const [d, i] of keyed) keys[d] = i === undefined ? UNKNOWN : KEY_OF[d](row[i]!.trim());
    const types: ExploitationType[] = flags.filter(([i]) => row[i] === '1').map(([, t]) => t);
    if (other !== undefined && row[other] === '1' && !types.some((t) => OTHER_SPECIFIC.has(t))) {
      types.push('Other');
    }
    const id = [
      y,
      keys.gender,
      keys.ageBand,
      keys.citizenship,
      keys.countryOfExploitation,
      ...types,
    ].join('\u0000');
    const g = groups.get(id);
    if (g) g.n++;
    else {
      groups.set(id, { year: /^\d{4}$/.test(y) ? y : null, keys, exploitation: types, n: 1 });
    }
  }
  return { groups: [...groups.values()], absent };
}

/** A few publications' counts (a released publication never changes): least recently used goes. */
export class PublicationCountsCache {
  private readonly entries = new Map<string, PublicationCounts>();
  constructor(private readonly capacity = 16) {}

  get(id: string): PublicationCounts | undefined {
    const hit = this.entries.get(id);
    if (hit) {
      this.entries.delete(id);
      this.entries.set(id, hit);
    }
    return hit;
  }

  set(id: string, counts: PublicationCounts): void {
    this.entries.delete(id);
    this.entries.set(id, counts);
    while (this.entries.size > this.capacity) {
      this.entries.delete(this.entries.keys().next().value!);
    }
  }

  get size(): number {
    return this.entries.size;
  }
}

const invalid = (field: string, message: string) =>
  AppError.invalid([{ path: `querystring.${field}`, message }]);

/** The longest range of years a public dashboard answers. */
const MAX_YEARS = 200;

/** Counts the groups into the dashboard's rows (pure; exported for tests). */
export function publicDashboardOf(
  counts: PublicationCounts,
  q: PublicDashboardQuery,
  minCell: number,
): Dashboard {
  const filtered: (Exclude<InsightDimension, 'exploitation'> | 'exploitation')[] = [q.by];
  for (const d of [
    'exploitation',
    'gender',
    'ageBand',
    'citizenship',
    'countryOfExploitation',
  ] as const) {
    if (q[d]?.length) filtered.push(d);
  }
  for (const d of filtered) {
    if (counts.absent.has(d)) throw invalid(d, 'this publication has no column for it');
  }
  const match = (g: RecordGroup) =>
    (!q.exploitation?.length || g.exploitation.some((t) => q.exploitation!.includes(t))) &&
    (['gender', 'ageBand', 'citizenship', 'countryOfExploitation'] as const).every(
      (d) => !q[d]?.length || (q[d] as readonly string[]).includes(g.keys[d]),
    );
  const groups = counts.groups.filter((g) => g.year !== null && match(g));
  const years = groups.map((g) => g.year!).sort();
  // Default: the years the matching records span (a released file is fixed: no empty years after).
  let from = q.from ?? years[0];
  let to = q.to ?? years.at(-1);
  if (from === undefined || (q.from === undefined && to !== undefined && from > to)) from = to;
  if (to === undefined || (q.to === undefined && to < from!)) to = from;
  let periods: string[] = [];
  if (from !== undefined && to !== undefined) {
    if (from > to) throw invalid('from', 'must not be after `to`');
    if (periodIndex(to, 'year') - periodIndex(from, 'year') >= MAX_YEARS) {
      throw invalid('from', `the range must be at most ${MAX_YEARS} years`);
    }
    periods = periodsBetween(from, to, 'year');
  }
  const cells = new Map<string, CountRow>();
  const add = (period: string, key: string | null, n: number) => {
    const id = `${period}\u0000${key ?? ''}`;
    const row = cells.get(id);
    if (row) row.n += n;
    else cells.set(id, { period, key, n });
  };
  for (const g of groups) {
    if (g.year! < periods[0]! || g.year! > periods.at(-1)!) continue;
    add(g.year!, null, g.n);
    if (q.by === 'exploitation') {
      for (const t of g.exploitation.length ? g.exploitation : [UNKNOWN]) add(g.year!, t, g.n);
    } else add(g.year!, g.keys[q.by], g.n);
  }
  return buildDashboard({
    by: q.by,
    granularity: 'year',
    periods,
    rows: [...cells.values()],
    minCell,
  });
}

/**
 * The counts of a released publication of records, read as the public reads it (row-level
 * security shows released publications only), parsed once and kept in `cache`. A draft or an
 * unknown id is 404, as on the other public routes; an aggregates (DP counts) publication is 409:
 * it is a table of counts over its own columns, not records, and nothing can be drawn from it
 * without guessing. `what` names the figure in that message.
 */
export function releasedCounts(
  db: Database,
  cache: PublicationCountsCache,
  id: string,
  what: string,
): Promise<{ counts: PublicationCounts; columns: readonly string[] }> {
  return db.transaction(SYSTEM, async (tx) => {
    await enterPublicScope(tx);
    const row = await getPublication(tx, id);
    if (!row || row.status !== 'released') throw AppError.notFound('publication');
    if (row.kind === 'aggregates') {
      throw new AppError(
        'conflict',
        `An aggregates publication is a table of counts, not records: it has no ${what}. Download it instead.`,
        { rule: 'not_records' },
      );
    }
    let counts = cache.get(id);
    if (!counts) {
      counts = publicationCounts((await getPublicationContent(tx, id)) ?? '');
      cache.set(id, counts);
    }
    return { counts, columns: row.columns };
  });
}

/** The dashboard of a released publication (see releasedCounts for the refusals). */
export async function getPublicDashboard(
  db: Database,
  cache: PublicationCountsCache,
  id: string,
  q: PublicDashboardQuery,
  minCell: number,
): Promise<Dashboard> {
  const { counts, columns } = await releasedCounts(db, cache, id, 'dashboard');
  if (!columns.some((c) => c.toLowerCase() === 'yearofregistration')) {
    throw new AppError(
      'conflict',
      'This publication has no yearOfRegistration column: its records cannot be counted by year.',
      { rule: 'no_year' },
    );
  }
  return publicDashboardOf(counts, q, minCell);
}
