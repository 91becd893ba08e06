import { z } from 'zod';

/**
 * The reports of a data-hub publication (docs/hub.md, "Reports"): risk and utility of
 * k-anonymised microdata, quality of differentially private aggregates and synthetic data.
 * Re-exported by hub.schema.ts.
 */

export const RiskReport = z
  .object({
    k: z.number().int().meta({ description: 'The k the report measures against' }),
    records: z.number().int().meta({ description: 'Rows measured' }),
    classes: z.number().int().meta({ description: 'Equivalence classes on the QIs' }),
    sampleUniques: z.number().int().meta({ description: 'Rows alone in their class' }),
    recordsAtRisk: z
      .number()
      .int()
      .meta({ description: 'Rows in a class smaller than k (0 when k holds)' }),
    smallestClass: z.number().int(),
    expectedReidentifications: z
      .number()
      .meta({ description: 'Prosecutor model: Σ over rows of 1/class size' }),
    highestRisk: z.number().meta({ description: 'Risk of the most exposed row: 1/smallest class' }),
    averageRisk: z.number(),
  })
  .meta({ id: 'HubRiskReport' });
export type RiskReport = z.infer<typeof RiskReport>;

export const UtilityReport = z
  .object({
    informationLoss: z.number().meta({ description: '0 (none) to 1 (all generalised away)' }),
    discernibility: z.number(),
    suppressed: z.number().int().meta({ description: 'Rows removed by local suppression' }),
    suppressedShare: z.number(),
    classes: z.number().int(),
    averageClassSize: z.number(),
    levels: z.record(z.string(), z.number().int()),
  })
  .meta({ id: 'HubUtilityReport' });
export type UtilityReport = z.infer<typeof UtilityReport>;

const LengthQuality = z.object({
  length: z.number().int().meta({ description: 'Combination length; 0: all lengths together' }),
  trueCombinations: z.number().int(),
  releasedCombinations: z.number().int(),
  meanTrueCount: z.number(),
  meanAbsoluteError: z.number(),
  suppressedPercent: z.number().meta({ description: 'True combinations not published, %' }),
  fabricatedPercent: z.number().meta({ description: 'Published combinations not in the data, %' }),
});

/** Quality of a DP release against the true counts (as the Synthetic Data Showcase reports it). */
export const DpQuality = z
  .object({ byLength: z.array(LengthQuality), all: LengthQuality })
  .meta({ id: 'HubDpQuality' });
export type DpQuality = z.infer<typeof DpQuality>;

export const MicrodataReport = z.object({
  kind: z.literal('microdata'),
  records: z.number().int().meta({ description: 'Rows in the sources' }),
  released: z.number().int().meta({ description: 'Rows in the published file' }),
  k: z.number().int(),
  qi: z.array(z.string()),
  l: z.object({ sensitive: z.string(), l: z.number().int() }).nullable(),
  levels: z
    .record(z.string(), z.number().int())
    .meta({ description: 'Generalisation level chosen for each QI (0 = as recorded)' }),
  risk: RiskReport,
  riskBefore: RiskReport.nullable().meta({
    description: 'The same measures on the sources, for comparison; analysts only (null in public)',
  }),
  utility: UtilityReport,
});

export const DpReport = z.object({
  kind: z.enum(['aggregates', 'synthetic']),
  records: z.number().int(),
  released: z.number().int().meta({ description: 'Published counts, or synthetic rows' }),
  epsilon: z.number(),
  delta: z.number(),
  length: z.number().int(),
  columns: z.array(z.string()),
  quality: DpQuality.nullable().meta({
    description:
      'Error against the true counts; shown to analysts only (it is computed from the sources, so it is not itself differentially private)',
  }),
  syntheticQuality: DpQuality.nullable().meta({
    description:
      'Synthetic publications: the synthetic rows’ counts against the true ones; analysts only',
  }),
});

export const PublicationReport = z
  .discriminatedUnion('kind', [MicrodataReport, DpReport])
  .meta({ id: 'HubPublicationReport' });
export type PublicationReport = z.infer<typeof PublicationReport>;
