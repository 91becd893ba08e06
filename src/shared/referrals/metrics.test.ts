import { describe, expect, it } from 'vitest';
import { SERVICE_TYPES } from '../codes/service-types.ts';
import { parseCsv, writeCsv } from '../exchange/csv.ts';
import type {
  CoverageRow,
  MetricsInput,
  MetricsReport,
  PerCaseRow,
  ReferralCountRow,
  UnmetNeedCountRow,
} from './metrics.ts';
import {
  METRICS_CSV_COLUMNS,
  codeOf,
  computeMetrics,
  coverageStats,
  durationStats,
  inputForOrganisation,
  metricsCsvRows,
  perCaseStats,
  quantile,
  resolvePeriod,
  unmetNeedStats,
  wasAccepted,
  wilsonInterval,
} from './metrics.ts';

// Every expected figure below is worked out by hand in the comments (and was checked against
// R's quantile(type = 7) / NumPy's percentile and a direct evaluation of Wilson's formula).

describe('quantile (Hyndman & Fan type 7)', () => {
  it('interpolates between order statistics: h = (n − 1)·p', () => {
    // [1,2,3,4], p = .5: h = 1.5 → 2 + .5·(3 − 2) = 2.5; p = .9: h = 2.7 → 3 + .7·1 = 3.7
    expect(quantile([4, 1, 3, 2], 0.5)).toBe(2.5);
    expect(quantile([1, 2, 3, 4], 0.9)).toBeCloseTo(3.7, 12);
    // [1,7,10], p = .9: h = 1.8 → 7 + .8·3 = 9.4 (input order does not matter)
    expect(quantile([10, 1, 7], 0.9)).toBeCloseTo(9.4, 12);
  });

  it('gives the extremes at 0 and 1, the value itself for one value, NaN for none', () => {
    expect(quantile([3, 9, 5], 0)).toBe(3);
    expect(quantile([3, 9, 5], 1)).toBe(9);
    expect(quantile([5], 0.9)).toBe(5);
    expect(quantile([], 0.5)).toBeNaN();
    expect(() => quantile([1], 1.5)).toThrow(RangeError);
  });
});

describe('Wilson score interval (Wilson 1927)', () => {
  it('matches the formula worked by hand', () => {
    // 7/10: p̂ = .7, z² = 3.8415, denominator 1.38415, centre (.7 + .19207)/1.38415 = .64449,
    // half-width (1.95996/1.38415)·√(.021 + .0096) = .24772 → [.3968, .8922]
    const i = wilsonInterval(7, 10)!;
    expect(i.low).toBeCloseTo(0.3968, 4);
    expect(i.high).toBeCloseTo(0.8922, 4);
  });

  it('stays inside [0, 1] and is wide for small n: 3 of 3 is not "100 %"', () => {
    // 3/3: centre 1.64024/2.28049 = .71926, half-width .85945·√(.10671) = .28075 → [.4385, 1]
    const all = wilsonInterval(3, 3)!;
    expect(all.low).toBeCloseTo(0.4385, 4);
    expect(all.high).toBe(1);
    // 0/5: low 0, high (z²/n)/(1 + z²/n) = .76829/1.76829 = .4345
    const none = wilsonInterval(0, 5)!;
    expect(none.low).toBe(0);
    expect(none.high).toBeCloseTo(0.4345, 4);
    // 300 referrals at the same rate: a far narrower interval than 3
    const many = wilsonInterval(210, 300)!;
    expect(many.high - many.low).toBeLessThan(0.11);
    expect(i10().high - i10().low).toBeGreaterThan(0.49);
  });

  it('has no interval for no trials and refuses impossible counts', () => {
    expect(wilsonInterval(0, 0)).toBeNull();
    expect(() => wilsonInterval(4, 3)).toThrow(RangeError);
  });
});
const i10 = () => wilsonInterval(7, 10)!;

describe('durationStats', () => {
  it('reports n, median, p90 and mean in hours, rounded to 0.01 h', () => {
    // sorted [2,4,6,8,10,24]: median h = 2.5 → 6 + .5·2 = 7; p90 h = 4.5 → 10 + .5·14 = 17;
    // mean 54/6 = 9
    expect(durationStats([24, 2, 4, 6, 8, 10])).toEqual({
      n: 6,
      medianHours: 7,
      p90Hours: 17,
      meanHours: 9,
      small: false,
    });
    expect(durationStats([1 / 3])).toEqual({
      n: 1,
      medianHours: 0.33,
      p90Hours: 0.33,
      meanHours: 0.33,
      small: true,
    });
    expect(durationStats([])).toEqual({
      n: 0,
      medianHours: null,
      p90Hours: null,
      meanHours: null,
      small: false,
    });
  });
});

describe('what counts as accepted', () => {
  it('is accepted, in progress, completed, or withdrawn after an acceptance', () => {
    expect(wasAccepted('accepted', false)).toBe(true);
    expect(wasAccepted('in_progress', false)).toBe(true);
    expect(wasAccepted('completed', false)).toBe(true);
    expect(wasAccepted('withdrawn', true)).toBe(true);
    expect(wasAccepted('withdrawn', false)).toBe(false);
    expect(wasAccepted('declined', true)).toBe(false);
    expect(wasAccepted('sent', false)).toBe(false);
    expect(wasAccepted('expired', false)).toBe(false);
  });

  it('keeps codes, and turns free text into "other" so that no text about a person leaks', () => {
    expect(codeOf('no_capacity')).toBe('no_capacity');
    expect(codeOf(null)).toBe('unspecified');
    expect(codeOf('')).toBe('unspecified');
    expect(codeOf('Amina did not want to go')).toBe('other');
    expect(codeOf('NO_CAPACITY')).toBe('other');
  });
});

describe('perCaseStats', () => {
  it('gives mean, median and the 1/2/3/4/5+ distribution', () => {
    // per-case counts 1,1,1,1,1,2,2,2,3,6: 10 cases, 20 referrals, mean 2;
    // median h = 4.5 → 1 + .5·(2 − 1) = 1.5
    const rows: PerCaseRow[] = [
      { orgId: 'a', referrals: 2, cases: 3 },
      { orgId: 'a', referrals: 1, cases: 5 },
      { orgId: 'a', referrals: 6, cases: 1 },
      { orgId: 'a', referrals: 3, cases: 1 },
    ];
    expect(perCaseStats(rows)).toEqual({
      cases: 10,
      referrals: 20,
      mean: 2,
      median: 1.5,
      distribution: [
        { referrals: '1', cases: 5 },
        { referrals: '2', cases: 3 },
        { referrals: '3', cases: 1 },
        { referrals: '4', cases: 0 },
        { referrals: '5+', cases: 1 },
      ],
    });
  });

  it('adds up rows of several organisations, and has no mean or median for no cases', () => {
    const s = perCaseStats([
      { orgId: 'a', referrals: 1, cases: 1 },
      { orgId: 'b', referrals: 1, cases: 2 },
      { orgId: 'b', referrals: 4, cases: 1 },
    ]);
    // 1,1,1,4: mean 7/4 = 1.75, median h = 1.5 → 1
    expect(s).toMatchObject({ cases: 4, referrals: 7, mean: 1.75, median: 1 });
    expect(perCaseStats([])).toMatchObject({ cases: 0, referrals: 0, mean: null, median: null });
  });
});

const UNMET: UnmetNeedCountRow[] = [
  { orgId: 'a', serviceType: 'shelter', country: 'NG', reason: 'none_in_range', count: 3 },
  { orgId: 'a', serviceType: 'shelter', country: 'NG', reason: 'no_places', count: 1 },
  { orgId: 'a', serviceType: 'shelter', country: null, reason: 'none_listed', count: 1 },
  { orgId: 'b', serviceType: 'legal_aid', country: 'GH', reason: 'none_eligible', count: 2 },
];

describe('unmetNeedStats', () => {
  it('counts by service type, country, reason and service type × country', () => {
    expect(unmetNeedStats(UNMET)).toEqual({
      total: 7,
      byServiceType: [
        { serviceType: 'shelter', count: 5, small: false },
        { serviceType: 'legal_aid', count: 2, small: true },
      ],
      byCountry: [
        { country: 'GH', count: 2, small: true },
        { country: 'NG', count: 4, small: true },
        { country: null, count: 1, small: true },
      ],
      byReason: [
        { reason: 'none_listed', count: 1, small: true },
        { reason: 'none_eligible', count: 2, small: true },
        { reason: 'none_in_range', count: 3, small: true },
        { reason: 'no_places', count: 1, small: true },
      ],
      byServiceTypeCountry: [
        { serviceType: 'shelter', country: 'NG', count: 4, small: true },
        { serviceType: 'shelter', country: null, count: 1, small: true },
        { serviceType: 'legal_aid', country: 'GH', count: 2, small: true },
      ],
    });
  });
});

const COVERAGE: CoverageRow[] = [
  { serviceType: 'legal_aid', country: 'NG', active: 1, withPlaces: 0, full: 0, unlimited: 1 },
  { serviceType: 'shelter', country: 'NG', active: 2, withPlaces: 1, full: 1, unlimited: 0 },
  { serviceType: 'shelter', country: 'GH', active: 1, withPlaces: 0, full: 0, unlimited: 1 },
];

describe('coverageStats', () => {
  it('lists every service type, a type with no active service as a gap of zeros', () => {
    const c = coverageStats(COVERAGE);
    expect(c.byServiceType.map((t) => t.serviceType)).toEqual([...SERVICE_TYPES]);
    expect(c.byServiceType.find((t) => t.serviceType === 'shelter')).toEqual({
      serviceType: 'shelter',
      active: 3,
      withPlaces: 1,
      full: 1,
      unlimited: 1,
      countries: 2,
    });
    expect(c.byServiceType.find((t) => t.serviceType === 'medical')).toEqual({
      serviceType: 'medical',
      active: 0,
      withPlaces: 0,
      full: 0,
      unlimited: 0,
      countries: 0,
    });
    expect(c.byServiceTypeCountry.map((r) => `${r.serviceType}/${r.country}`)).toEqual([
      'shelter/GH',
      'shelter/NG',
      'legal_aid/NG',
    ]);
  });
});

// A hand-built set: 16 referrals to two providers, with the hours from sending to the answer
// and to the close of those that have them.
//   Alpha Shelter (shelter): accepted 2 (one answered after 2 h, one with no answer recorded),
//     in_progress 1 (6 h), completed 3 (answered 8 h and 10 h, closed 48 h and 72 h; the third
//     closed at 96 h with no answer recorded), declined 2, expired 1, withdrawn after
//     acceptance 1 (answered 4 h, closed 50 h), withdrawn before any answer 1, still sent 2 → 13
//   Beta Legal (legal_aid): completed 1 (24 h, closed 30 h), declined 1 (5 h), expired 1   → 3
const row = (
  providerId: string,
  status: ReferralCountRow['status'],
  count: number,
  more: Partial<ReferralCountRow> = {},
): ReferralCountRow => ({
  orgId: 'org-a',
  serviceType: providerId === 'p1' ? 'shelter' : 'legal_aid',
  providerId,
  providerName: providerId === 'p1' ? 'Alpha Shelter' : 'Beta Legal',
  status,
  acceptedBefore: false,
  declineReason: null,
  outcome: null,
  count,
  answerHours: [],
  closeHours: [],
  ...more,
});
const COUNTS: ReferralCountRow[] = [
  row('p1', 'accepted', 2, { answerHours: [2] }),
  row('p1', 'in_progress', 1, { answerHours: [6] }),
  row('p1', 'completed', 2, {
    outcome: 'service_provided',
    answerHours: [8, 10],
    closeHours: [48, 72],
  }),
  row('p1', 'completed', 1, { outcome: 'Free text about Amina', closeHours: [96] }),
  row('p1', 'declined', 1, { declineReason: 'no_capacity', answerHours: [1], closeHours: [1] }),
  row('p1', 'declined', 1, { declineReason: 'not_eligible' }),
  row('p1', 'expired', 1, { closeHours: [120] }),
  row('p1', 'withdrawn', 1, { acceptedBefore: true, answerHours: [4], closeHours: [50] }),
  row('p1', 'withdrawn', 1, { closeHours: [3] }),
  row('p1', 'sent', 2),
  row('p2', 'completed', 1, {
    outcome: 'service_provided',
    answerHours: [24],
    closeHours: [30],
  }),
  row('p2', 'declined', 1, { answerHours: [5] }),
  row('p2', 'expired', 1),
];

const INPUT: MetricsInput = {
  counts: COUNTS,
  perCase: [
    { orgId: 'org-a', referrals: 1, cases: 5 },
    { orgId: 'org-a', referrals: 2, cases: 3 },
    { orgId: 'org-a', referrals: 3, cases: 1 },
    { orgId: 'org-a', referrals: 6, cases: 1 },
  ],
  unmet: UNMET.filter((u) => u.orgId === 'a').map((u) => ({ ...u, orgId: 'org-a' })),
  coverage: COVERAGE,
};

describe('computeMetrics on a hand-built set', () => {
  const m = computeMetrics(INPUT);

  it('counts by status (drafts are never in the population)', () => {
    expect(m.total).toBe(16);
    expect(m.statusCounts).toEqual({
      sent: 2,
      accepted: 2,
      declined: 3,
      in_progress: 1,
      completed: 4,
      withdrawn: 2,
      expired: 2,
    });
  });

  it('measures time to acceptance and to completion', () => {
    // acceptance: [2,4,6,8,10,24] → median 7, p90 17, mean 9 (see durationStats)
    expect(m.timeToAcceptance).toEqual({
      n: 6,
      medianHours: 7,
      p90Hours: 17,
      meanHours: 9,
      small: false,
    });
    // completion: [30,48,72,96]: median h = 1.5 → 60; p90 h = 2.7 → 72 + .7·24 = 88.8;
    // mean 246/4 = 61.5. The withdrawn referral closed at 50 h is not a completion.
    expect(m.timeToCompletion).toEqual({
      n: 4,
      medianHours: 60,
      p90Hours: 88.8,
      meanHours: 61.5,
      small: true,
    });
    // shelter alone: acceptance [2,4,6,8,10] → median 6, p90 h = 3.6 → 8 + .6·2 = 9.2, mean 6
    const shelter = m.timesByServiceType.find((t) => t.serviceType === 'shelter')!;
    expect(shelter.toAcceptance).toMatchObject({ n: 5, medianHours: 6, p90Hours: 9.2 });
    expect(m.timesByServiceType.map((t) => t.serviceType)).toEqual(['shelter', 'legal_aid']);
  });

  it('computes acceptance = accepted / (accepted + declined + expired) with Wilson intervals', () => {
    // overall: accepted 2 + 1 + 3 + 1 (withdrawn after acceptance) + 1 = 8; declined 3;
    // expired 2; n = 13; 8/13 = .6154, Wilson [.3552, .8229]
    expect(m.acceptance.overall).toEqual({
      accepted: 8,
      declined: 3,
      expired: 2,
      n: 13,
      rate: 0.6154,
      ci: { low: 0.3552, high: 0.8229 },
      small: false,
    });
    // shelter 7/10 = .7, [.3968, .8922]; legal aid 1/3, [.0615, .7923], flagged small
    expect(m.acceptance.byServiceType).toEqual([
      {
        serviceType: 'shelter',
        accepted: 7,
        declined: 2,
        expired: 1,
        n: 10,
        rate: 0.7,
        ci: { low: 0.3968, high: 0.8922 },
        small: false,
      },
      {
        serviceType: 'legal_aid',
        accepted: 1,
        declined: 1,
        expired: 1,
        n: 3,
        rate: 0.3333,
        ci: { low: 0.0615, high: 0.7923 },
        small: true,
      },
    ]);
    expect(m.acceptance.byProvider.map((p) => [p.providerName, p.n, p.rate, p.small])).toEqual([
      ['Alpha Shelter', 10, 0.7, false],
      ['Beta Legal', 3, 0.3333, true],
    ]);
    expect(
      m.acceptance.byProviderServiceType.map((p) => [p.providerId, p.serviceType, p.n]),
    ).toEqual([
      ['p1', 'shelter', 10],
      ['p2', 'legal_aid', 3],
    ]);
  });

  it('gives the expired share of resolved referrals, and decline reasons and outcomes', () => {
    // 2/13 = .1538, Wilson [.0433, .4223]
    expect(m.expired).toEqual({
      count: 2,
      n: 13,
      share: 0.1538,
      ci: { low: 0.0433, high: 0.4223 },
      small: true,
    });
    expect(m.declineReasons).toEqual([
      { code: 'no_capacity', count: 1, share: 0.3333, small: true },
      { code: 'not_eligible', count: 1, share: 0.3333, small: true },
      { code: 'unspecified', count: 1, share: 0.3333, small: true },
    ]);
    // the free-text outcome is counted as "other", its text is nowhere in the result
    expect(m.completionOutcomes).toEqual([
      { code: 'service_provided', count: 3, share: 0.75, small: true },
      { code: 'other', count: 1, share: 0.25, small: true },
    ]);
    expect(JSON.stringify(m)).not.toContain('Amina');
  });

  it('includes referrals per case and unmet needs when given, null when not', () => {
    expect(m.referralsPerCase).toMatchObject({ cases: 10, referrals: 20, mean: 2, median: 1.5 });
    expect(m.unmetNeeds?.total).toBe(5);
    const received = computeMetrics({ ...INPUT, perCase: null, unmet: null });
    expect(received.referralsPerCase).toBeNull();
    expect(received.unmetNeeds).toBeNull();
    expect(received.acceptance).toEqual(m.acceptance);
  });

  it('has no rate, interval or times for nothing at all', () => {
    const empty = computeMetrics({ counts: [], perCase: [], unmet: [], coverage: [] });
    expect(empty.total).toBe(0);
    expect(empty.acceptance.overall).toEqual({
      accepted: 0,
      declined: 0,
      expired: 0,
      n: 0,
      rate: null,
      ci: null,
      small: false,
    });
    expect(empty.expired.share).toBeNull();
    expect(empty.timeToAcceptance.medianHours).toBeNull();
    expect(empty.declineReasons).toEqual([]);
  });

  it('keeps one sending organisation for the instance view', () => {
    const other: ReferralCountRow = { ...row('p2', 'declined', 4), orgId: 'org-b' };
    const mixed: MetricsInput = { ...INPUT, counts: [...COUNTS, other] };
    expect(computeMetrics(mixed).total).toBe(20);
    expect(computeMetrics(inputForOrganisation(mixed, 'org-a')).total).toBe(16);
    expect(computeMetrics(inputForOrganisation(mixed, 'org-b')).statusCounts.declined).toBe(4);
  });
});

describe('resolvePeriod', () => {
  const today = new Date('2026-06-01T09:00:00Z');
  it('defaults to the 12 months ending today, both ends included', () => {
    expect(resolvePeriod(today)).toEqual({
      from: '2025-06-02',
      to: '2026-06-01',
      start: new Date('2025-06-02T00:00:00Z'),
      endExclusive: new Date('2026-06-02T00:00:00Z'),
    });
  });
  it('counts back from a given end, also from 29 February', () => {
    expect(resolvePeriod(today, undefined, '2028-02-29').from).toBe('2027-03-01');
    expect(resolvePeriod(today, undefined, '2025-03-01').from).toBe('2024-03-02');
    expect(resolvePeriod(today, '2026-01-01')).toMatchObject({
      from: '2026-01-01',
      to: '2026-06-01',
    });
  });
});

describe('metricsCsvRows', () => {
  const report: MetricsReport = {
    ...computeMetrics(INPUT),
    scope: { side: 'sent', organisationId: 'org-a' },
    period: { from: '2025-06-02', to: '2026-06-01' },
    generatedAt: '2026-06-01T09:00:00.000Z',
    smallCellThreshold: 5,
  };
  const rows = metricsCsvRows(report);
  const find = (metric: string, dimension: string, key = '') =>
    rows.find((r) => r[0] === metric && r[1] === dimension && r[2] === key);

  it('writes one figure per row in the long format', () => {
    expect(rows[0]).toEqual([...METRICS_CSV_COLUMNS]);
    expect(rows.every((r) => r.length === METRICS_CSV_COLUMNS.length)).toBe(true);
    expect(find('period.from', 'all')?.[4]).toBe('2025-06-02');
    expect(find('status.count', 'status', 'completed')?.[4]).toBe('4');
    expect(find('acceptance.rate', 'all')?.[4]).toBe('0.6154');
    expect(find('acceptance.ci_low', 'service_type', 'legal_aid')).toEqual([
      'acceptance.ci_low',
      'service_type',
      'legal_aid',
      '',
      '0.0615',
      'true',
    ]);
    expect(find('acceptance.n', 'provider', 'p1')?.[3]).toBe('Alpha Shelter');
    expect(find('acceptance.rate', 'provider_service_type', 'p2/legal_aid')?.[4]).toBe('0.3333');
    expect(find('time_to_completion_hours.p90', 'all')?.[4]).toBe('88.8');
    expect(find('referrals_per_case.cases', 'referrals', '5+')?.[4]).toBe('1');
    expect(find('unmet_needs.count', 'country', 'NG')?.[4]).toBe('4');
    expect(find('coverage.active', 'service_type', 'medical')?.[4]).toBe('0');
  });

  it('leaves a missing figure empty and escapes a name that would run as a formula', () => {
    // one referral still waiting for an answer: no rate; no unmet-needs rows when not shown
    const none = metricsCsvRows({
      ...report,
      ...computeMetrics({
        counts: [{ ...COUNTS[0]!, status: 'sent', count: 1, answerHours: [] }],
        perCase: null,
        unmet: null,
        coverage: [],
      }),
    });
    const r = (m: string) => none.find((x) => x[0] === m && x[1] === 'all');
    expect(r('referrals')?.[4]).toBe('1');
    expect(r('acceptance.rate')?.[4]).toBe('');
    expect(none.some((x) => String(x[0]).startsWith('unmet_needs'))).toBe(false);
    const withName = metricsCsvRows({
      ...report,
      acceptance: {
        ...report.acceptance,
        byProvider: [{ ...report.acceptance.byProvider[0]!, providerName: '=cmd' }],
      },
    });
    expect(withName.find((x) => x[1] === 'provider')?.[3]).toBe("'=cmd");
  });

  it('survives a round trip through CSV text', () => {
    const parsed = parseCsv(writeCsv(rows));
    expect(parsed.faults).toEqual([]);
    expect(parsed.records.map((r) => r.cells)).toEqual(rows);
  });
});
