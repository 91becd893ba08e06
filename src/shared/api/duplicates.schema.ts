import { z } from 'zod';
import { CaseStage, PersonInput } from './cases.schema.ts';
import { CountryCode, Uuid } from './common.schema.ts';
import { isoDate, text } from './text.ts';

// Reunite, duplicates (docs/duplicates.md): the check at registration, the organisation's batch
// review of duplicate pairs, and merges. Explanations carry field names, comparison levels and
// weights, never values; names appear only where a caseworker may already read the case, and
// every such read is audited.

/** How one field compared (src/shared/linkage/types.ts FieldComparison). */
export const FieldExplanation = z
  .object({
    field: z.string().meta({
      description:
        'A comparison of the match model (givenName, familyName, birth, sex, place) or an ' +
        'identifier compared exactly (documentNumber, phone)',
    }),
    level: z.string().meta({
      description:
        'The comparison level (docs/record-linkage.md), e.g. exact, transliterated, phonetic, ' +
        'fuzzy_high, swapped, year, country, different, missing',
    }),
    weight: z.number().meta({ description: 'log2(m/u): positive agrees, negative disagrees' }),
  })
  .meta({ id: 'FieldExplanation' });
export type FieldExplanation = z.infer<typeof FieldExplanation>;

export const DuplicateCheckBody = z
  .strictObject({
    person: PersonInput.meta({
      description: 'The identity fields as they would be sent to POST /cases',
    }),
    citizenship: CountryCode.optional(),
    registrationDate: isoDate().optional().meta({
      description: 'The date an age is stated at; defaults to today',
    }),
    limit: z.number().int().min(1).max(20).default(5),
  })
  .meta({ id: 'DuplicateCheckBody' });
export type DuplicateCheckBody = z.infer<typeof DuplicateCheckBody>;
export type DuplicateCheckInput = z.input<typeof DuplicateCheckBody>;

export const DuplicateCandidate = z
  .object({
    caseId: Uuid,
    reference: z.string(),
    stage: CaseStage,
    registrationDate: z.string(),
    displayName: z
      .string()
      .meta({ description: 'Given and family name of the case (the read is audited)' }),
    probability: z.number().min(0).max(1),
    weight: z.number(),
    /** Identifiers that matched exactly: strong evidence on their own. */
    exactIdentifiers: z.array(z.enum(['documentNumber', 'phone'])),
    fields: z.array(FieldExplanation),
  })
  .meta({ id: 'DuplicateCandidate' });
export type DuplicateCandidate = z.infer<typeof DuplicateCandidate>;

export const DuplicateCheckResult = z
  .object({
    items: z.array(DuplicateCandidate).meta({ description: 'Most likely first' }),
    threshold: z.number().meta({ description: 'Candidates below this probability are not shown' }),
  })
  .meta({ id: 'DuplicateCheckResult' });
export type DuplicateCheckResult = z.infer<typeof DuplicateCheckResult>;

export const DUPLICATE_PAIR_STATES = ['open', 'not_duplicate', 'merged', 'obsolete'] as const;
export const DuplicatePairState = z.enum(DUPLICATE_PAIR_STATES);
export type DuplicatePairState = z.infer<typeof DuplicatePairState>;

export const DuplicateScanBody = z
  .strictObject({
    threshold: z.number().min(0).max(1).optional().meta({
      description: 'Lowest match probability stored as a pair; defaults to the scan threshold',
    }),
  })
  .meta({ id: 'DuplicateScanBody' });
export type DuplicateScanBody = z.infer<typeof DuplicateScanBody>;

export const DuplicateScanResult = z
  .object({
    persons: z.number().int().meta({ description: 'Persons of open and closed cases scanned' }),
    comparisons: z.number().int().meta({ description: 'Pairs scored after blocking' }),
    opened: z
      .number()
      .int()
      .meta({ description: 'New pairs, or decided pairs reopened because a record changed' }),
    updated: z.number().int().meta({ description: 'Open pairs rescored' }),
    unchanged: z.number().int().meta({ description: 'Decided pairs left as decided' }),
    obsolete: z.number().int().meta({ description: 'Open pairs no longer above the threshold' }),
    threshold: z.number(),
  })
  .meta({ id: 'DuplicateScanResult' });
export type DuplicateScanResult = z.infer<typeof DuplicateScanResult>;

const CaseRef = z.object({
  id: Uuid,
  reference: z.string(),
  stage: CaseStage,
  registrationDate: z.string(),
});

export const DuplicatePair = z
  .object({
    id: Uuid,
    state: DuplicatePairState,
    probability: z.number(),
    weight: z.number(),
    fields: z.array(FieldExplanation),
    a: CaseRef,
    b: CaseRef,
    foundAt: z.iso.datetime(),
    scoredAt: z.iso.datetime(),
    decidedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'DuplicatePair' });
export type DuplicatePair = z.infer<typeof DuplicatePair>;

export const DuplicateListQuery = z.strictObject({
  state: DuplicatePairState.default('open'),
  limit: z.coerce.number().int().min(1).max(100).default(25),
  cursor: z
    .string()
    .max(200)
    .optional()
    .meta({ description: 'Opaque cursor from the previous page' }),
});
export type DuplicateListQuery = z.infer<typeof DuplicateListQuery>;

export const DuplicateList = z
  .object({ items: z.array(DuplicatePair), nextCursor: z.string().nullable() })
  .meta({ id: 'DuplicateList' });
export type DuplicateList = z.infer<typeof DuplicateList>;

/** One side of a pair, for the side-by-side review: the identity as the case shows it. */
export const DuplicateSide = CaseRef.extend({
  status: z.string(),
  gender: z.string(),
  citizenship: z.string(),
  ageAtRegistration: z.number().int().nullable(),
  person: z.object({
    givenName: z.string(),
    familyName: z.string().nullable(),
    aliases: z.array(z.string()),
    dateOfBirth: z.string().nullable(),
    phone: z.string().nullable(),
    email: z.string().nullable(),
    documentNumber: z.string().nullable(),
    address: z.string().nullable(),
  }),
  pendingApprovals: z.number().int().meta({ description: 'A merge waits until these are decided' }),
});

export const DuplicatePairDetail = DuplicatePair.omit({ a: true, b: true })
  .extend({
    a: DuplicateSide,
    b: DuplicateSide,
    reason: z.string().nullable().meta({ description: 'Why it was decided not a duplicate' }),
    decidedBy: z.object({ id: Uuid, displayName: z.string() }).nullable(),
    mergeId: Uuid.nullable(),
  })
  .meta({ id: 'DuplicatePairDetail' });
export type DuplicatePairDetail = z.infer<typeof DuplicatePairDetail>;

export const DuplicateDecisionBody = z
  .strictObject({
    decision: z.literal('not_duplicate'),
    reason: text(2000).optional().meta({ description: 'Stored encrypted' }),
  })
  .meta({ id: 'DuplicateDecisionBody' });
export type DuplicateDecisionBody = z.infer<typeof DuplicateDecisionBody>;

export const MergeBody = z
  .strictObject({
    keep: Uuid.meta({ description: 'The case that stays; the other is merged into it' }),
  })
  .meta({ id: 'MergeBody' });
export type MergeBody = z.infer<typeof MergeBody>;

/** What a merge did to one table: counts, and what was left on the tombstone for review. */
export const MergeTableSummary = z.object({
  table: z.string(),
  repointed: z.number().int(),
  copied: z.number().int(),
  folded: z.number().int(),
  left: z.number().int(),
});

export const MergeResult = z
  .object({
    mergeId: Uuid,
    kept: z.object({ id: Uuid, reference: z.string() }),
    merged: z.object({ id: Uuid, reference: z.string() }),
    mergedAt: z.iso.datetime(),
    tables: z.array(MergeTableSummary),
    consent: z.object({
      copied: z.number().int(),
      conflicts: z
        .array(z.object({ purpose: z.string(), serviceType: z.string().nullable() }))
        .meta({
          description: 'Purposes withdrawn on the kept case because the histories disagreed',
        }),
    }),
    review: z.array(z.string()).meta({
      description: 'What a person should look at: records both cases had, kept from the kept case',
    }),
  })
  .meta({ id: 'MergeResult' });
export type MergeResult = z.infer<typeof MergeResult>;

export const CaseMergeInfo = z
  .object({
    caseId: Uuid,
    mergedInto: z
      .object({ id: Uuid, reference: z.string(), mergeId: Uuid, mergedAt: z.iso.datetime() })
      .nullable()
      .meta({ description: 'Set when this case is a tombstone: open this one instead' }),
    mergedFrom: z.array(
      z.object({ id: Uuid, reference: z.string(), mergeId: Uuid, mergedAt: z.iso.datetime() }),
    ),
  })
  .meta({ id: 'CaseMergeInfo' });
export type CaseMergeInfo = z.infer<typeof CaseMergeInfo>;
