import { z } from 'zod';
import { SENT_STATUSES, UNMET_REASONS } from '../referrals/metrics.ts';
import { CountryCode, Uuid } from './common.schema.ts';
import { ServiceType } from './consent.schema.ts';
import { isoDate } from './text.ts';

// Pathway metrics and unmet needs (docs/referral-metrics.md). The figures are computed in
// src/shared/referrals/metrics.ts; these schemas describe them for validation and OpenAPI.

export const MetricsSide = z.enum(['sent', 'received']);

export const ReferralMetricsQuery = z
  .strictObject({
    from: isoDate()
      .optional()
      .meta({ description: 'First day (UTC) of sent_at; default: 12 months before `to`' }),
    to: isoDate()
      .optional()
      .meta({ description: 'Last day (UTC) of sent_at, included; default: today' }),
    side: MetricsSide.default('sent').meta({
      description:
        'sent: the referrals the organisation sent (the coordinator’s view); received: those addressed to it (the provider’s view; no cases, no unmet needs)',
    }),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, {
    path: ['from'],
    message: 'must be on or before `to`',
  });
export type ReferralMetricsQuery = z.infer<typeof ReferralMetricsQuery>;

export const UnmetReason = z.enum(UNMET_REASONS);

export const UnmetNeedBody = z
  .strictObject({
    caseId: Uuid.optional().meta({
      description:
        'The case the search was for; the same case and service type within 24 h is one gap',
    }),
    serviceType: ServiceType,
    country: CountryCode.optional(),
    latitude: z.number().min(-90).max(90).optional().meta({
      description: 'Centre of the search; stored rounded to 0.1°. Give both or neither.',
    }),
    longitude: z.number().min(-180).max(180).optional(),
    radiusKm: z
      .number()
      .gt(0, { message: 'must be more than 0' })
      .max(20000, { message: 'must be at most 20000' })
      .meta({ description: 'Radius of the search, km' }),
    reason: UnmetReason.meta({
      description:
        'none_listed: no active service of the type; none_eligible: none the person is eligible for; none_in_range: none within the radius; no_places: the eligible ones in range are full',
    }),
  })
  .refine((b) => (b.latitude === undefined) === (b.longitude === undefined), {
    path: ['longitude'],
    message: 'latitude and longitude go together',
  });
export type UnmetNeedBody = z.infer<typeof UnmetNeedBody>;
export type UnmetNeedInput = z.input<typeof UnmetNeedBody>;

export const UnmetNeed = z
  .object({
    id: Uuid,
    caseId: Uuid.nullable(),
    serviceType: ServiceType,
    country: z.string().nullable(),
    latitude: z.number().nullable(),
    longitude: z.number().nullable(),
    radiusKm: z.number(),
    reason: UnmetReason,
    recordedAt: z.iso.datetime(),
    duplicate: z.boolean().meta({
      description: 'true: the same gap was recorded in the last 24 h; this is that record',
    }),
  })
  .meta({ id: 'UnmetNeed' });
export type UnmetNeed = z.infer<typeof UnmetNeed>;

const Interval = z.object({ low: z.number(), high: z.number() }).nullable();
const small = z.boolean().meta({ description: 'Fewer than 5 (but some): may identify someone' });

const RateCell = {
  accepted: z.number().int(),
  declined: z.number().int(),
  expired: z.number().int(),
  n: z.number().int().meta({ description: 'accepted + declined + expired' }),
  rate: z.number().nullable().meta({ description: 'accepted / n; null when n = 0' }),
  ci: Interval.meta({ description: 'Wilson score 95 % interval of the rate' }),
  small,
};
const RateCellSchema = z.object(RateCell).meta({ id: 'AcceptanceRate' });

const DurationStats = z
  .object({
    n: z.number().int(),
    medianHours: z.number().nullable(),
    p90Hours: z
      .number()
      .nullable()
      .meta({ description: '90th percentile, Hyndman & Fan type 7 (as R and NumPy)' }),
    meanHours: z.number().nullable(),
    small,
  })
  .meta({ id: 'DurationStats' });

const Share = z
  .object({
    count: z.number().int(),
    n: z.number().int(),
    share: z.number().nullable(),
    ci: Interval,
    small,
  })
  .meta({ id: 'Share' });

const CodeCount = z.object({
  code: z.string(),
  count: z.number().int(),
  share: z.number(),
  small,
});

const StatusCounts = z.object(
  Object.fromEntries(SENT_STATUSES.map((s) => [s, z.number().int()])) as Record<
    (typeof SENT_STATUSES)[number],
    z.ZodNumber
  >,
);

const CoverageCounts = {
  active: z.number().int(),
  withPlaces: z.number().int().meta({ description: 'places available > 0' }),
  full: z.number().int().meta({ description: 'places available = 0' }),
  unlimited: z.number().int().meta({ description: 'no count of places kept' }),
};

export const OrganisationSummary = z.object({
  organisationId: Uuid,
  organisationName: z.string(),
  total: z.number().int(),
  statusCounts: StatusCounts,
  acceptance: RateCellSchema,
  expired: Share,
  timeToAcceptance: DurationStats,
  timeToCompletion: DurationStats,
  referralsPerCaseMean: z.number().nullable(),
  unmetNeeds: z.number().int(),
});

export const ReferralMetrics = z
  .object({
    scope: z.object({
      side: MetricsSide,
      organisationId: Uuid.nullable().meta({
        description: 'null: the whole instance (the CLI without --org)',
      }),
    }),
    period: z.object({ from: z.string(), to: z.string() }),
    generatedAt: z.iso.datetime(),
    smallCellThreshold: z.number().int(),
    total: z.number().int().meta({ description: 'Referrals sent in the period' }),
    statusCounts: StatusCounts.meta({ description: 'Their status today' }),
    referralsPerCase: z
      .object({
        cases: z.number().int(),
        referrals: z.number().int(),
        mean: z.number().nullable(),
        median: z.number().nullable(),
        distribution: z.array(z.object({ referrals: z.string(), cases: z.number().int() })),
      })
      .nullable()
      .meta({ description: 'Cases with at least one referral; null on the received side' }),
    timeToAcceptance: DurationStats,
    timeToCompletion: DurationStats,
    timesByServiceType: z.array(
      z.object({
        serviceType: z.string(),
        toAcceptance: DurationStats,
        toCompletion: DurationStats,
      }),
    ),
    acceptance: z.object({
      overall: RateCellSchema,
      byServiceType: z.array(z.object({ serviceType: z.string(), ...RateCell })),
      byProvider: z.array(z.object({ providerId: Uuid, providerName: z.string(), ...RateCell })),
      byProviderServiceType: z.array(
        z.object({
          providerId: Uuid,
          providerName: z.string(),
          serviceType: z.string(),
          ...RateCell,
        }),
      ),
    }),
    expired: Share.meta({ description: 'Expired among accepted + declined + expired' }),
    declineReasons: z.array(CodeCount),
    completionOutcomes: z.array(CodeCount),
    unmetNeeds: z
      .object({
        total: z.number().int(),
        byServiceType: z.array(
          z.object({ serviceType: z.string(), count: z.number().int(), small }),
        ),
        byCountry: z.array(
          z.object({ country: z.string().nullable(), count: z.number().int(), small }),
        ),
        byReason: z.array(z.object({ reason: UnmetReason, count: z.number().int(), small })),
        byServiceTypeCountry: z.array(
          z.object({
            serviceType: z.string(),
            country: z.string().nullable(),
            count: z.number().int(),
            small,
          }),
        ),
      })
      .nullable()
      .meta({ description: 'Recorded in the period; null on the received side' }),
    coverage: z.object({
      byServiceType: z.array(
        z.object({ serviceType: z.string(), ...CoverageCounts, countries: z.number().int() }),
      ),
      byServiceTypeCountry: z.array(
        z.object({ serviceType: z.string(), country: z.string(), ...CoverageCounts }),
      ),
    }),
    byOrganisation: z.array(OrganisationSummary).optional().meta({
      description: 'The instance view only (CLI without --org)',
    }),
  })
  .meta({ id: 'ReferralMetrics' });
export type ReferralMetrics = z.infer<typeof ReferralMetrics>;
