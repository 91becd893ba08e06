import { z } from 'zod';
import type { Condition as ConditionType } from '../screening/instrument.ts';
import { LANGS } from '../screening/text.ts';
import { Uuid } from './common.schema.ts';

/*
 * Screenings (Identify): instruments as the wizard reads them, and screenings stored on cases.
 * The answers themselves are validated by the screening engine (src/shared/screening), against
 * the instrument version the screening was started with; see docs/screening.md.
 */

const INSTRUMENT_ID = z.string().min(1).max(40);
const VERSION = z.string().min(1).max(20).meta({ example: '1.0.0' });

export const Lang = z.enum(LANGS);

export const LocalizedText = z
  .object({
    en: z.string(),
    ar: z.string().optional(),
    fr: z.string().optional(),
    es: z.string().optional(),
    ru: z.string().optional(),
    uk: z.string().optional(),
  })
  .meta({
    id: 'LocalizedText',
    description: 'Text in the UI languages; English is always present, others fall back to it.',
  });

/** Skip logic as data (src/shared/screening/instrument.ts). */
export const Condition: z.ZodType<ConditionType> = z
  .lazy(() =>
    z.union([
      z.object({ all: z.array(Condition) }),
      z.object({ any: z.array(Condition) }),
      z.object({ not: Condition }),
      z.object({ question: z.string(), op: z.enum(['lt', 'gte']), value: z.number() }),
      z.object({ question: z.string(), op: z.enum(['eq', 'includes']), value: z.string() }),
      z.object({ question: z.string(), op: z.enum(['nonEmpty', 'unknown']) }),
    ]),
  )
  .meta({
    id: 'Condition',
    description:
      'When a question or option is shown: a comparison with an earlier answer, or all/any/not of conditions. A missing answer is unknown.',
  });

export const InstrumentOption = z
  .object({
    code: z.string(),
    label: LocalizedText,
    childLabel: LocalizedText.optional(),
    ref: z.string().optional().meta({ description: 'Source of the option' }),
    showIf: Condition.optional(),
  })
  .meta({ id: 'InstrumentOption' });

const Options = z.array(InstrumentOption);

export const AnswerType = z
  .discriminatedUnion('type', [
    z.object({ type: z.literal('age') }),
    z.object({
      type: z.literal('codes'),
      options: Options,
      unknownListKey: z.string().optional().meta({
        description:
          'When set, the options that could not be established are listed under this answers key (each option is then present, absent or unknown). When absent, "not known" for the whole question is written as null.',
      }),
    }),
    z.object({ type: z.literal('choice'), options: Options }),
    z.object({ type: z.literal('tri') }),
    z.object({ type: z.literal('country') }),
  ])
  .meta({
    id: 'AnswerType',
    description:
      'age: 0–120 or null; codes: a list of option codes ([] = none); choice: one code; tri: yes, no or unknown; country: ISO 3166-1 alpha-2 or null.',
  });

export const InstrumentQuestion = z
  .object({
    id: z.string().meta({ description: 'The key of the answer in the answers object' }),
    text: LocalizedText,
    childText: LocalizedText.optional().meta({ description: 'Wording for a person under 18' }),
    help: LocalizedText.optional().meta({ description: 'Guidance for the caseworker' }),
    answer: AnswerType,
    showIf: Condition.optional(),
  })
  .meta({ id: 'InstrumentQuestion' });

const InstrumentKind = z.enum(['palermo', 'ilo-fl', 'ilo-ec', 'domv']);

export const InstrumentSummary = z
  .object({
    id: z.string(),
    kind: InstrumentKind,
    title: LocalizedText,
    summary: LocalizedText,
    versions: z.array(z.string()).meta({ description: 'Oldest first' }),
    latest: z.string(),
  })
  .meta({ id: 'InstrumentSummary' });
export type InstrumentSummary = z.infer<typeof InstrumentSummary>;

export const InstrumentList = z.object({ items: z.array(InstrumentSummary) });
export type InstrumentList = z.infer<typeof InstrumentList>;

export const InstrumentDefinition = z
  .object({
    id: z.string(),
    version: z.string(),
    kind: InstrumentKind,
    title: LocalizedText,
    summary: LocalizedText,
    languages: z
      .array(Lang)
      .meta({ description: 'Languages in which every question and option is translated' }),
    sources: z.array(
      z.object({ id: z.string(), citation: z.string(), url: z.string().optional() }),
    ),
    questions: z.array(InstrumentQuestion).meta({ description: 'In the order they are asked' }),
  })
  .meta({ id: 'InstrumentDefinition' });
export type InstrumentDefinition = z.infer<typeof InstrumentDefinition>;
export type InstrumentQuestion = z.infer<typeof InstrumentQuestion>;
export type InstrumentOption = z.infer<typeof InstrumentOption>;

export const InstrumentParams = z.strictObject({ instrumentId: INSTRUMENT_ID, version: VERSION });

// ── Screenings ───────────────────────────────────────────────────────────────────────────────

export const ScreeningParams = z.strictObject({ id: Uuid, sid: Uuid });

export const ScreeningStatus = z.enum(['draft', 'completed']);
export type ScreeningStatus = z.infer<typeof ScreeningStatus>;
export const Determination = z.enum(['likely', 'possible', 'not_indicated']);
export type Determination = z.infer<typeof Determination>;

export const Answers = z.record(z.string().max(64), z.unknown()).meta({
  id: 'ScreeningAnswers',
  description:
    'Answers keyed by question id, as in docs/screening.md (e.g. { "ageAtRecruitment": 16, "act": ["recruitment"] }). Validated against the screening’s instrument version.',
});
export type Answers = z.infer<typeof Answers>;

export const ScreeningCreateBody = z.strictObject({
  instrumentId: INSTRUMENT_ID.meta({ example: 'palermo' }),
  version: VERSION.optional().meta({ description: 'Defaults to the latest version' }),
});
export type ScreeningCreateBody = z.infer<typeof ScreeningCreateBody>;

const answerChanges = {
  version: VERSION.optional().meta({
    description: 'The instrument version the answers were given for; refused if it differs',
  }),
  remove: z
    .array(z.string().max(64))
    .max(100)
    .optional()
    .meta({ description: 'Answer keys to remove (a question that skip logic now hides)' }),
};

export const ScreeningAnswerBody = z.strictObject({
  answers: Answers.meta({ description: 'Merged into the stored answers, key by key' }),
  ...answerChanges,
});
export type ScreeningAnswerBody = z.infer<typeof ScreeningAnswerBody>;

export const ScreeningCompleteBody = z.strictObject({
  answers: Answers.optional().meta({ description: 'Last answers, merged before completing' }),
  ...answerChanges,
});
export type ScreeningCompleteBody = z.infer<typeof ScreeningCompleteBody>;

// ── Results (src/shared/screening/scoring/*) ─────────────────────────────────────────────────

const Status = z.enum(['present', 'absent', 'unknown']);
const InstrumentRef = z.object({ id: z.string(), version: z.string() });

export const Reason = z
  .object({
    kind: z.enum(['age', 'indicator', 'element', 'rule', 'missing', 'note']),
    code: z.string().meta({ description: 'Stable code, e.g. palermo.rule.adult' }),
    text: z.string().meta({ description: 'English, with the source cited' }),
    ref: z.string().optional(),
  })
  .meta({ id: 'ScreeningReason' });
export type Reason = z.infer<typeof Reason>;

const PalermoElement = z.enum(['act', 'means', 'purpose']);
const ElementValue = z.enum(['present', 'absent', 'unknown', 'not_required']);

export const PalermoResult = z.object({
  kind: z.literal('palermo'),
  instrument: InstrumentRef,
  determination: Determination,
  elements: z.object({ act: ElementValue, means: ElementValue, purpose: ElementValue }),
  missing: z.array(PalermoElement),
  child: z.boolean().nullable(),
  reasons: z.array(Reason),
});

export const IloFlResult = z.object({
  kind: z.literal('ilo-fl'),
  instrument: InstrumentRef,
  determination: Determination,
  indicators: z.record(z.string(), Status),
  count: z.number().int(),
  reasons: z.array(Reason),
});

const DimensionResult = z.object({
  status: Status,
  clause: z.string().nullable(),
  strong: z.array(z.string()),
  medium: z.array(z.string()),
  weak: z.array(z.string()),
  unknown: z.array(z.string()),
});

export const IloEcResult = z.object({
  kind: z.literal('ilo-ec'),
  instrument: InstrumentRef,
  determination: Determination,
  list: z.enum(['adults_labour', 'adults_sexual', 'children_labour', 'children_sexual']),
  dimensions: z.record(z.string(), DimensionResult),
  requirements: z.record(z.string(), Status),
  missing: z.array(z.string()),
  child: z.boolean().nullable(),
  reasons: z.array(Reason),
});

export const DomvResult = z.object({
  kind: z.literal('domv'),
  instrument: InstrumentRef,
  child: z.boolean().nullable(),
  levels: z.record(
    z.string(),
    z.object({
      risk: z.array(z.string()),
      protective: z.array(z.string()),
      unknown: z.array(z.string()),
      balance: z.enum(['risk_outweighs', 'balanced', 'protective_outweighs', 'none']),
    }),
  ),
  recommendations: z.array(
    z.object({ service: z.string(), label: z.string(), because: z.array(z.string()) }),
  ),
  reasons: z.array(Reason),
});

export const ScreeningResult = z
  .discriminatedUnion('kind', [PalermoResult, IloFlResult, IloEcResult, DomvResult])
  .meta({
    id: 'ScreeningResult',
    description:
      'Recomputed from the stored answers by the rule of the stored version. A screening outcome for a person to review, never a legal finding.',
  });
export type ScreeningResult = z.infer<typeof ScreeningResult>;

// ── Screenings as stored ─────────────────────────────────────────────────────────────────────

export const ScreeningSummary = z
  .object({
    id: Uuid,
    caseId: Uuid,
    instrumentId: z.string(),
    version: z.string(),
    status: ScreeningStatus,
    determination: Determination.nullable().meta({
      description: 'Set on completion; null for drafts and for profiles without one (domv)',
    }),
    createdBy: z.object({ id: Uuid, displayName: z.string() }).nullable(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
    completedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'ScreeningSummary' });
export type ScreeningSummary = z.infer<typeof ScreeningSummary>;

export const ScreeningList = z.object({ items: z.array(ScreeningSummary) });
export type ScreeningList = z.infer<typeof ScreeningList>;

export const ScreeningDetail = ScreeningSummary.extend({
  answers: Answers,
  result: ScreeningResult.nullable().meta({ description: 'Null while the screening is a draft' }),
  personUnder18: z.boolean().nullable().meta({
    description:
      'Whether the person is under 18 now (age at registration plus the years since); null when not known. The wizard’s default for child wording.',
  }),
}).meta({ id: 'ScreeningDetail' });
export type ScreeningDetail = z.infer<typeof ScreeningDetail>;
