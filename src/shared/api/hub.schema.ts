import { z } from 'zod';
import { Uuid } from './common.schema.ts';
import { PublicationReport } from './hub-reports.schema.ts';
import { line, text } from './text.ts';

export * from './hub-reports.schema.ts';

/**
 * The data hub's store and publications (docs/hub.md): analysts import CTDC files, build
 * publications (k-anonymised microdata, differentially private aggregates, synthetic microdata
 * made from those aggregates) and release them; anyone reads released publications. The store
 * holds de-identified CTDC-layout rows only, kept apart by source. Contributions of an
 * organisation's own cases are in hub-contributions.schema.ts.
 */

// ---- vocabulary ------------------------------------------------------------------------------

export const HUB_SOURCE_KINDS = ['contribution', 'import'] as const;
export const HubSourceKind = z.enum(HUB_SOURCE_KINDS);
export type HubSourceKind = z.infer<typeof HubSourceKind>;

/** CTDC global dataset (63 columns, ISO alpha-2) or the synthetic layout (27, ISO alpha-3). */
export const HUB_LAYOUTS = ['global', 'synthetic'] as const;
export const HubLayout = z.enum(HUB_LAYOUTS);
export type HubLayout = z.infer<typeof HubLayout>;

export const PUBLICATION_KINDS = ['microdata', 'aggregates', 'synthetic'] as const;
export const PublicationKind = z.enum(PUBLICATION_KINDS, {
  message: `must be one of: ${PUBLICATION_KINDS.join(', ')}`,
});
export type PublicationKind = z.infer<typeof PublicationKind>;

export const PUBLICATION_STATUSES = ['draft', 'released'] as const;
export const PublicationStatus = z.enum(PUBLICATION_STATUSES);
export type PublicationStatus = z.infer<typeof PublicationStatus>;

export const DownloadFormat = z.enum(['csv', 'xlsx'], { message: 'must be csv or xlsx' });
export type DownloadFormat = z.infer<typeof DownloadFormat>;

/** CTDC publishes its global dataset 11-anonymous on these (CTDC methodology, 2021). */
export const DEFAULT_HUB_K = 11;
export const DEFAULT_HUB_QI = [
  'gender',
  'ageBroad',
  'citizenship',
  'CountryOfExploitation',
  'yearOfRegistration',
] as const;
/** The default privacy budget of one source, unless LANTERN_HUB_EPSILON / _DELTA say otherwise. */
export const DEFAULT_HUB_BUDGET = { epsilon: 10, delta: 1e-5 } as const;

/** Largest CTDC file taken by an import (decoded); the request body limit follows from it. */
export const HUB_IMPORT_MAX_BYTES = 40 * 1024 * 1024;
/** Largest number of rows in one import. */
export const HUB_IMPORT_MAX_ROWS = 250_000;
/** Sources one publication may combine. */
export const HUB_MAX_SOURCES = 50;
/** Columns one DP publication may count over (combinations grow as columns^length). */
export const HUB_MAX_DP_COLUMNS = 16;
/** Rows of a preview shown before release. */
export const HUB_PREVIEW_ROWS = 20;

// ---- sources and imports ---------------------------------------------------------------------

const required = (max: number) => line(max).pipe(z.string().min(1, { message: 'is required' }));

export const HubBudget = z
  .object({
    epsilon: z.number().meta({ description: 'The source’s whole budget ε' }),
    delta: z.number(),
    epsilonSpent: z.number().meta({ description: 'ε spent by released DP publications' }),
    deltaSpent: z.number(),
    epsilonLeft: z.number(),
    deltaLeft: z.number(),
  })
  .meta({ id: 'HubBudget' });
export type HubBudget = z.infer<typeof HubBudget>;

export const HubSource = z
  .object({
    id: Uuid,
    kind: HubSourceKind,
    orgId: Uuid.meta({ description: 'The contributing or importing organisation' }),
    label: z.string(),
    layout: HubLayout,
    columns: z.array(z.string()).meta({ description: 'The layout’s columns, in order' }),
    rowCount: z.number().int(),
    contributionId: Uuid.nullable().meta({
      description: 'The approved contribution; null: import',
    }),
    createdAt: z.iso.datetime(),
    withdrawnAt: z.iso.datetime().nullable().meta({
      description: 'Withdrawn: its rows are deleted from the store; past releases stay',
    }),
    budget: HubBudget,
  })
  .meta({ id: 'HubSource' });
export type HubSource = z.infer<typeof HubSource>;

export const HubSourceList = z.object({ sources: z.array(HubSource) });
export type HubSourceList = z.infer<typeof HubSourceList>;

export const HubImportBody = z.strictObject({
  label: required(200).meta({ description: 'What the file is, e.g. "CTDC global dataset 2024"' }),
  content: z
    .base64({ message: 'must be the file encoded as base64' })
    .max(Math.ceil(HUB_IMPORT_MAX_BYTES / 3) * 4, { message: 'the file is larger than 40 MiB' })
    .meta({
      description:
        'A CTDC CSV file (UTF-8), base64-encoded: the global layout (63 columns) or the synthetic layout (27)',
    }),
});
export type HubImportBody = z.infer<typeof HubImportBody>;

/** A fault of an imported file: the row as a spreadsheet numbers it (header = 1), the column. */
export const HubImportIssue = z
  .object({
    row: z.number().int(),
    column: z.string().nullable().meta({ description: 'Null when the whole row or file is wrong' }),
    message: z.string(),
  })
  .meta({ id: 'HubImportIssue' });
export type HubImportIssue = z.infer<typeof HubImportIssue>;

export const HubImportResult = z
  .object({ source: HubSource, imported: z.number().int() })
  .meta({ id: 'HubImportResult' });
export type HubImportResult = z.infer<typeof HubImportResult>;

// ---- publication parameters ------------------------------------------------------------------

const columnName = line(100).pipe(z.string().min(1, { message: 'is required' }));
const sourceIds = z
  .array(Uuid)
  .min(1, { message: 'must name at least one source' })
  .max(HUB_MAX_SOURCES, { message: `must name at most ${HUB_MAX_SOURCES} sources` })
  .refine((ids) => new Set(ids).size === ids.length, { message: 'must not repeat a source' });
const title = required(200);
const description = text(4000).nullable().optional();

export const MicrodataParameters = z.strictObject({
  kind: z.literal('microdata'),
  sourceIds,
  qi: z
    .array(columnName)
    .min(1, { message: 'must name at least one quasi-identifier' })
    .max(12, { message: 'must name at most 12 quasi-identifiers' })
    .default([...DEFAULT_HUB_QI])
    .meta({ description: 'Quasi-identifiers; default the CTDC ones' }),
  k: z
    .number({ message: 'must be a whole number' })
    .int({ message: 'must be a whole number' })
    .min(2, { message: 'must be at least 2' })
    .max(1000, { message: 'must be at most 1000' })
    .default(DEFAULT_HUB_K),
  suppressionLimit: z
    .number({ message: 'must be a number' })
    .min(0, { message: 'must be at least 0 and below 1' })
    .lt(1, { message: 'must be at least 0 and below 1' })
    .default(0.05)
    .meta({ description: 'Largest share of rows that local suppression may remove' }),
  l: z
    .strictObject({
      sensitive: columnName,
      l: z
        .number({ message: 'must be a whole number' })
        .int({ message: 'must be a whole number' })
        .min(2, { message: 'must be at least 2' })
        .max(100, { message: 'must be at most 100' }),
    })
    .optional()
    .meta({ description: 'Distinct l-diversity of one sensitive column in every class' }),
  columns: z
    .array(columnName)
    .min(1)
    .max(100)
    .optional()
    .meta({ description: 'Columns to publish (must include the QIs); default the whole layout' }),
});
export type MicrodataParameters = z.infer<typeof MicrodataParameters>;

const dpFields = {
  sourceIds,
  epsilon: z
    .number({ message: 'must be a number' })
    .gt(0, { message: 'must be above 0' })
    .max(100, { message: 'must be at most 100' }),
  delta: z
    .number({ message: 'must be a number' })
    .gt(0, { message: 'must be above 0' })
    .max(0.001, { message: 'must be at most 0.001' })
    .default(1e-6),
  length: z
    .number({ message: 'must be a whole number' })
    .int({ message: 'must be a whole number' })
    .min(1, { message: 'must be between 1 and 4' })
    .max(4, { message: 'must be between 1 and 4' })
    .default(4)
    .meta({ description: 'Counts by combinations of up to this many columns' }),
  columns: z
    .array(columnName)
    .min(1, { message: 'must name at least one column' })
    .max(HUB_MAX_DP_COLUMNS, { message: `must name at most ${HUB_MAX_DP_COLUMNS} columns` })
    .optional()
    .meta({ description: 'Columns counted; default the CTDC quasi-identifiers' }),
};

export const AggregatesParameters = z.strictObject({ kind: z.literal('aggregates'), ...dpFields });
export type AggregatesParameters = z.infer<typeof AggregatesParameters>;

export const SyntheticParameters = z.strictObject({ kind: z.literal('synthetic'), ...dpFields });
export type SyntheticParameters = z.infer<typeof SyntheticParameters>;

export const PublicationParameters = z
  .discriminatedUnion('kind', [MicrodataParameters, AggregatesParameters, SyntheticParameters])
  .meta({ id: 'PublicationParameters' });
export type PublicationParameters = z.infer<typeof PublicationParameters>;
export type PublicationParametersInput = z.input<typeof PublicationParameters>;

/** The parameters as stored and shown back (already checked: no transforms, all defaults filled). */
const dpOut = {
  sourceIds: z.array(Uuid),
  epsilon: z.number(),
  delta: z.number(),
  length: z.number().int(),
  columns: z.array(z.string()).optional(),
};
export const PublicationParametersOut = z
  .discriminatedUnion('kind', [
    z.object({
      kind: z.literal('microdata'),
      sourceIds: z.array(Uuid),
      qi: z.array(z.string()),
      k: z.number().int(),
      suppressionLimit: z.number(),
      l: z.object({ sensitive: z.string(), l: z.number().int() }).optional(),
      columns: z.array(z.string()).optional(),
    }),
    z.object({ kind: z.literal('aggregates'), ...dpOut }),
    z.object({ kind: z.literal('synthetic'), ...dpOut }),
  ])
  .meta({ id: 'PublicationParametersOut' });

export const PublicationPreviewBody = PublicationParameters;
export type PublicationPreviewBody = PublicationParameters;

export const PublicationCreateBody = z.strictObject({
  title,
  description,
  parameters: PublicationParameters,
});
export type PublicationCreateBody = z.infer<typeof PublicationCreateBody>;
export type PublicationCreateInput = z.input<typeof PublicationCreateBody>;

export const PublicationPreview = z
  .object({
    report: PublicationReport,
    columns: z.array(z.string()),
    rows: z.array(z.array(z.string())).meta({
      description: `The first ${HUB_PREVIEW_ROWS} rows of the file that would be published`,
    }),
    budget: z
      .array(z.object({ sourceId: Uuid, budget: HubBudget }))
      .meta({ description: 'Each source’s budget before this publication' }),
  })
  .meta({ id: 'HubPublicationPreview' });
export type PublicationPreview = z.infer<typeof PublicationPreview>;

// ---- publications ----------------------------------------------------------------------------

export const PublicationSource = z
  .object({
    id: Uuid,
    kind: HubSourceKind,
    label: z.string(),
    layout: HubLayout,
    rowCount: z.number().int().meta({ description: 'Rows of the source when published' }),
  })
  .meta({ id: 'HubPublicationSource' });

export const Publication = z
  .object({
    id: Uuid,
    kind: PublicationKind,
    status: PublicationStatus,
    title: z.string(),
    description: z.string().nullable(),
    sources: z.array(PublicationSource),
    parameters: PublicationParametersOut,
    report: PublicationReport,
    columns: z.array(z.string()),
    rowCount: z.number().int().meta({ description: 'Rows of the file' }),
    createdBy: Uuid,
    createdAt: z.iso.datetime(),
    releasedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'HubPublication' });
export type Publication = z.infer<typeof Publication>;

export const PublicationList = z.object({ publications: z.array(Publication) });
export type PublicationList = z.infer<typeof PublicationList>;

export const PublicationListQuery = z.strictObject({
  status: PublicationStatus.optional(),
});

export const HubBudgetList = z
  .object({
    sources: z.array(
      z.object({ sourceId: Uuid, label: z.string(), withdrawn: z.boolean(), budget: HubBudget }),
    ),
  })
  .meta({ id: 'HubBudgetList' });
export type HubBudgetList = z.infer<typeof HubBudgetList>;

// ---- public ----------------------------------------------------------------------------------

/** What anyone may read of a released publication: no user, no organisation id, no DP errors. */
export const PublicPublication = z
  .object({
    id: Uuid,
    kind: PublicationKind,
    title: z.string(),
    description: z.string().nullable(),
    sources: z.array(
      PublicationSource.pick({ kind: true, label: true, layout: true, rowCount: true }),
    ),
    parameters: PublicationParametersOut,
    report: PublicationReport,
    columns: z.array(z.string()),
    rowCount: z.number().int(),
    releasedAt: z.iso.datetime(),
    layouts: z.array(HubLayout).meta({
      description:
        'Layouts the file can be downloaded in (`layout=` of the download): `global` (as released) always; `synthetic` (27 columns, ISO alpha-3) for records with every column of the CTDC global layout',
    }),
  })
  .meta({ id: 'HubPublicPublication' });
export type PublicPublication = z.infer<typeof PublicPublication>;

export const PublicPublicationList = z.object({ publications: z.array(PublicPublication) });
export type PublicPublicationList = z.infer<typeof PublicPublicationList>;

export const DownloadLayout = z.enum(HUB_LAYOUTS, { message: 'must be global or synthetic' });
export const DownloadQuery = z.strictObject({
  format: DownloadFormat.default('csv'),
  layout: DownloadLayout.default('global').meta({
    description:
      'global: the file as released; synthetic: converted to the CTDC synthetic layout (see `layouts` of the publication)',
  }),
});
export type DownloadQuery = z.infer<typeof DownloadQuery>;

export const HUB_CONTENT_TYPES = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;
