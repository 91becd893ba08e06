import { z } from 'zod';
import { CTDC_COLUMNS } from '../hub/ctdc/global-layout.ts';
import { Uuid } from './common.schema.ts';
import { isoDate, line, text } from './text.ts';

// Contributions to the data hub (docs/hub.md, "Contributions"). A supervisor prepares one from
// the organisation's cases that consent to `statistics` now; the rows are k-anonymised at the
// organisation before anything leaves it; a different supervisor approves (four-eyes), and only
// then are the rows copied into the hub store as one source. No name, no case id, no reference
// is ever part of a contribution: only de-identified rows in the CTDC global layout.

export const CONTRIBUTION_STATUSES = ['prepared', 'approved', 'rejected', 'withdrawn'] as const;
export type ContributionStatus = (typeof CONTRIBUTION_STATUSES)[number];

export const CONTRIBUTION_ACTIONS = ['approve', 'reject', 'withdraw'] as const;
export type ContributionAction = (typeof CONTRIBUTION_ACTIONS)[number];

/**
 * CTDC publishes its global dataset k-anonymised with k = 11 (CTDC, "Global Synthetic Dataset"
 * and "Data and methodology" pages: every combination of the quasi-identifiers occurs at
 * least 11 times).
 */
export const CTDC_K = 11;

/** The quasi-identifiers checked unless the body names others: the columns CTDC itself treats as such. */
export const CONTRIBUTION_DEFAULT_QI = [
  'gender',
  'ageBroad',
  'citizenship',
  'CountryOfExploitation',
  'yearOfRegistration',
] as const;

/** Share of the prepared rows that local suppression may remove, unless the body says otherwise. */
export const CONTRIBUTION_DEFAULT_SUPPRESSION_LIMIT = 0.05;

/** How many rows the preview shows. */
export const CONTRIBUTION_PREVIEW_ROWS = 50;

const ColumnName = z
  .enum(CTDC_COLUMNS, { message: 'must be a column of the CTDC global layout' })
  .meta({ description: 'A column of the CTDC global layout, e.g. `gender`' });

export const ContributionPrepareBody = z
  .strictObject({
    label: line(200)
      .pipe(z.string().min(1, { message: 'is required' }))
      .optional()
      .meta({
        description:
          'How the hub lists the source once approved (no personal data); default: the organisation’s name and the period',
      }),
    registeredFrom: isoDate().optional().meta({
      description: 'Only cases registered on or after this day (YYYY-MM-DD)',
    }),
    registeredTo: isoDate().optional().meta({
      description: 'Only cases registered on or before this day (YYYY-MM-DD)',
    }),
    qi: z
      .array(ColumnName)
      .min(1, { message: 'must name at least one column' })
      .max(12)
      .refine((a) => new Set(a).size === a.length, { message: 'must not repeat a column' })
      .optional()
      .meta({
        description:
          'Quasi-identifiers, CTDC column names; default gender, ageBroad, citizenship, CountryOfExploitation, yearOfRegistration',
      }),
    k: z
      .number()
      .int({ message: 'must be a whole number' })
      .min(2, { message: 'must be at least 2' })
      .max(1000)
      .default(CTDC_K)
      .meta({ description: 'Each combination of the quasi-identifiers occurs at least k times' }),
    suppressionLimit: z
      .number()
      .min(0, { message: 'must be at least 0 and below 1' })
      .lt(1, { message: 'must be at least 0 and below 1' })
      .default(CONTRIBUTION_DEFAULT_SUPPRESSION_LIMIT)
      .meta({
        description:
          'Largest share of rows local suppression may remove (0 to below 1; default 0.05, as ARX)',
      }),
  })
  .refine((b) => !b.registeredFrom || !b.registeredTo || b.registeredFrom <= b.registeredTo, {
    message: 'must not be after registeredTo',
    path: ['registeredFrom'],
  });
export type ContributionPrepareBody = z.infer<typeof ContributionPrepareBody>;

export const ContributionRejectBody = z.strictObject({
  reason: text(2000)
    .pipe(z.string().min(1, { message: 'is required' }))
    .meta({ description: 'Why the contribution is rejected; shown to the preparer' }),
});
export type ContributionRejectBody = z.infer<typeof ContributionRejectBody>;

export const ContributionWithdrawBody = z
  .strictObject({
    reason: text(2000).optional().meta({ description: 'Why it is withdrawn' }),
  })
  .default({});
export type ContributionWithdrawBody = z.infer<typeof ContributionWithdrawBody>;

export const ContributionApproveBody = z.strictObject({}).default({});
export type ContributionApproveBody = z.infer<typeof ContributionApproveBody>;

const csvStatuses = z.preprocess(
  (v) => (typeof v === 'string' ? v.split(',').filter((s) => s !== '') : v),
  z.array(z.enum(CONTRIBUTION_STATUSES)).max(CONTRIBUTION_STATUSES.length),
);

export const ContributionListQuery = z.strictObject({
  status: csvStatuses.optional().meta({ description: 'Comma-separated statuses' }),
});
export type ContributionListQuery = z.infer<typeof ContributionListQuery>;

/** The disclosure risk of the rows, prosecutor model (ARX's risk analysis; El Emam 2013). */
export const ContributionRisk = z
  .object({
    records: z.number().int().meta({ description: 'Rows measured' }),
    classes: z
      .number()
      .int()
      .meta({ description: 'Distinct combinations of the quasi-identifiers' }),
    sampleUniques: z.number().int().meta({ description: 'Rows alone in their combination' }),
    recordsAtRisk: z.number().int().meta({ description: 'Rows in a combination smaller than k' }),
    highestRisk: z.number().meta({ description: '1 / size of the smallest combination' }),
    averageRisk: z.number().meta({ description: 'Mean of 1 / combination size over rows' }),
    expectedReidentifications: z.number().meta({
      description: 'Rows an attacker who knows a person is in the data could expect to re-identify',
    }),
  })
  .meta({ id: 'ContributionRisk' });
export type ContributionRisk = z.infer<typeof ContributionRisk>;

/** What the disclosure check cost in detail (ARX's utility measures). */
export const ContributionUtility = z
  .object({
    informationLoss: z.number().meta({
      description: 'Loss of the chosen generalisation, 0 (none) to 1 (everything generalised away)',
    }),
    discernibility: z.number().meta({
      description:
        'Sum of squared combination sizes plus suppressed rows × all rows (Bayardo & Agrawal 2005)',
    }),
    suppressed: z.number().int().meta({ description: 'Rows removed by local suppression' }),
    suppressedShare: z.number().meta({ description: 'suppressed / prepared rows' }),
    levels: z.record(z.string(), z.number().int()).meta({
      description: 'Generalisation level chosen for each quasi-identifier (0: as recorded)',
    }),
  })
  .meta({ id: 'ContributionUtility' });
export type ContributionUtility = z.infer<typeof ContributionUtility>;

export const ContributionSummary = z
  .object({
    id: Uuid,
    status: z.enum(CONTRIBUTION_STATUSES),
    label: z.string(),
    registeredFrom: z.string().nullable().meta({ description: 'YYYY-MM-DD, or null: no bound' }),
    registeredTo: z.string().nullable(),
    qi: z.array(z.string()),
    k: z.number().int(),
    suppressionLimit: z.number(),
    counts: z.object({
      considered: z.number().int().meta({ description: 'Cases of the period' }),
      excludedWithoutConsent: z.number().int().meta({
        description: 'Cases left out because they do not consent to statistics now (a count only)',
      }),
      suppressed: z.number().int().meta({ description: 'Consenting cases removed by suppression' }),
      rows: z.number().int().meta({ description: 'Rows the contribution holds' }),
    }),
    preparedBy: z.string().meta({ description: 'Display name of the supervisor who prepared it' }),
    preparedAt: z.iso.datetime(),
    decidedBy: z.string().nullable(),
    decidedAt: z.iso.datetime().nullable(),
    reason: z.string().nullable().meta({ description: 'Why it was rejected or withdrawn' }),
    withdrawnAt: z.iso.datetime().nullable(),
    hubSourceId: Uuid.nullable().meta({ description: 'Its source in the hub store once approved' }),
    actions: z.array(z.enum(CONTRIBUTION_ACTIONS)).meta({
      description:
        'What you may do now: approve is absent for the supervisor who prepared it (four-eyes); the preparer may still reject (discard) it',
    }),
  })
  .meta({ id: 'ContributionSummary' });
export type ContributionSummary = z.infer<typeof ContributionSummary>;

/** The preview: everything a supervisor needs to decide, and the first rows as they would leave. */
export const ContributionDetail = ContributionSummary.extend({
  riskBefore: ContributionRisk.meta({
    description: 'The consenting cases’ rows before the disclosure check, measured against k',
  }),
  risk: ContributionRisk.meta({ description: 'The rows as they would leave the organisation' }),
  utility: ContributionUtility,
  columns: z.array(z.string()).meta({ description: 'The CTDC global layout' }),
  rows: z.array(z.array(z.string())).meta({
    description: `The first ${CONTRIBUTION_PREVIEW_ROWS} rows, as they would be copied`,
  }),
}).meta({ id: 'ContributionDetail' });
export type ContributionDetail = z.infer<typeof ContributionDetail>;

export const ContributionList = z
  .object({ items: z.array(ContributionSummary) })
  .meta({ id: 'ContributionList' });
export type ContributionList = z.infer<typeof ContributionList>;
