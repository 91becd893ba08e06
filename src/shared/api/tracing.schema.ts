import { z } from 'zod';
import {
  BEST_INTEREST_OUTCOMES,
  CLOSURE_REASONS,
  REJECTION_REASONS,
  TRACING_ACTIONS,
  TRACING_STATUSES,
  VERIFICATION_METHODS,
} from '../reunite/tracing-lifecycle.ts';
import { CountryCode, Uuid } from './common.schema.ts';
import { isoDate, line, text } from './text.ts';

/** Reunite: tracing requests (docs/reunite.md). Everything personal is stored encrypted. */

export const RELATIONSHIPS = [
  'parent',
  'child',
  'sibling',
  'spouse',
  'grandparent',
  'grandchild',
  'other_relative',
  'other',
] as const;

/** A date known to a year, a month or a day: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
export const PartialIsoDate = z
  .string()
  .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, { message: 'must be YYYY, YYYY-MM or YYYY-MM-DD' })
  .refine(
    (s) => {
      const [y, m, d] = s.split('-').map(Number);
      if (!y || y < 1900) return false;
      if (m !== undefined && (m < 1 || m > 12)) return false;
      if (d === undefined) return true;
      const date = new Date(Date.UTC(y, (m ?? 1) - 1, d));
      return date.getUTCDate() === d && date.getUTCMonth() === (m ?? 1) - 1;
    },
    { message: 'is not a real calendar date (from 1900)' },
  )
  .meta({
    description: 'A year, a month or a day: YYYY, YYYY-MM or YYYY-MM-DD',
    example: '1998-04',
  });

const NameText = line(200).pipe(z.string().min(1, { message: 'is required' }));

export const Place = z.strictObject({
  country: CountryCode.optional(),
  adminArea: line(200).optional().meta({ description: 'Region, province, district' }),
  locality: line(200).optional().meta({ description: 'Town, village, camp' }),
});
export type Place = z.infer<typeof Place>;
/** A place in a response (no input transforms: responses are serialised, not parsed). */
const PlaceOut = z.object({
  country: z.string().optional(),
  adminArea: z.string().optional(),
  locality: z.string().optional(),
});

export const SoughtPerson = z
  .strictObject({
    givenName: NameText.optional(),
    familyName: NameText.optional(),
    aliases: z.array(NameText).max(20).optional().meta({
      description: 'Other names, spellings and scripts the person is known by',
    }),
    sex: z.enum(['F', 'M']).optional(),
    dateOfBirth: PartialIsoDate.optional(),
    age: z.number().int().min(0).max(120).optional().meta({
      description: 'Age in years today, when no date of birth is known',
    }),
    places: z.array(Place).max(10).optional().meta({
      description: 'Places of birth, residence or last sighting',
    }),
    separation: z
      .strictObject({
        date: PartialIsoDate.optional(),
        place: Place.optional(),
        circumstances: text(2000).optional(),
      })
      .optional(),
    relationshipToEnquirer: z.enum(RELATIONSHIPS).meta({
      description:
        'What the sought person is to the enquirer (or to the family an agency acts for)',
    }),
  })
  .superRefine((s, ctx) => {
    if (!s.givenName && !s.familyName && !(s.aliases && s.aliases.length > 0)) {
      ctx.addIssue({
        code: 'custom',
        path: ['givenName'],
        message: 'a name or an alias is required',
      });
    }
  });
export type SoughtPerson = z.infer<typeof SoughtPerson>;

const Phone = line(32).pipe(
  z.string().regex(/^\+?[0-9 ()-]{3,32}$/, { message: 'must be a telephone number' }),
);

export const Enquirer = z
  .strictObject({
    name: NameText,
    kind: z.enum(['family', 'agency']),
    organisation: line(200).optional().meta({ description: 'Required when an agency enquires' }),
    phone: Phone.optional(),
    email: z.email().max(254).optional(),
    address: line(500).optional(),
    preferredLanguage: line(50).optional(),
  })
  .superRefine((e, ctx) => {
    if (e.kind === 'agency' && !e.organisation) {
      ctx.addIssue({
        code: 'custom',
        path: ['organisation'],
        message: 'is required for an agency',
      });
    }
  });
export type Enquirer = z.infer<typeof Enquirer>;

export const TracingRequestCreateBody = z.strictObject({
  sought: SoughtPerson,
  enquirer: Enquirer,
});
export type TracingRequestCreateBody = z.infer<typeof TracingRequestCreateBody>;
export type TracingRequestCreateInput = z.input<typeof TracingRequestCreateBody>;

export const TracingStatus = z.enum(TRACING_STATUSES).meta({ id: 'TracingStatus' });

export const TracingRequestSummary = z
  .object({
    id: Uuid,
    reference: z.string().meta({ description: 'e.g. TR-2026-000042' }),
    status: TracingStatus,
    soughtIsChild: z.boolean().nullable().meta({ description: 'null: age unknown' }),
    enquirerKind: z.enum(['family', 'agency']),
    proposedCandidates: z.number().int(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
    lastSearchedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'TracingRequestSummary' });
export type TracingRequestSummary = z.infer<typeof TracingRequestSummary>;

export const TracingListQuery = z.strictObject({
  status: TracingStatus.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});
export type TracingListQuery = z.infer<typeof TracingListQuery>;

export const TracingRequestList = z
  .object({ items: z.array(TracingRequestSummary), total: z.number().int() })
  .meta({ id: 'TracingRequestList' });
export type TracingRequestList = z.infer<typeof TracingRequestList>;

const Actor = z.object({ id: Uuid, displayName: z.string() });

export const TracingEvent = z.object({
  action: z.enum([...TRACING_ACTIONS, 'created']),
  from: TracingStatus.nullable(),
  to: TracingStatus,
  candidateId: Uuid.nullable(),
  by: Actor.nullable(),
  at: z.iso.datetime(),
});

export const TracingSteps = z.object({
  verification: z
    .object({ method: z.enum(VERIFICATION_METHODS), note: z.string().nullable() })
    .nullable(),
  bestInterest: z
    .object({
      outcome: z.enum(BEST_INTEREST_OUTCOMES),
      decidedOn: z.string(),
      note: z.string().nullable(),
    })
    .nullable(),
  reunification: z
    .object({
      date: z.string(),
      place: PlaceOut,
      followUp: z
        .object({ plannedOn: z.string().nullable(), note: z.string().nullable() })
        .nullable(),
    })
    .nullable(),
  closure: z.object({ reason: z.enum(CLOSURE_REASONS), note: z.string().nullable() }).nullable(),
});
export type TracingSteps = z.infer<typeof TracingSteps>;

export const TracingRequestDetail = TracingRequestSummary.extend({
  sought: z.unknown().meta({ description: 'The SoughtPerson as recorded' }),
  enquirer: z.unknown().meta({ description: 'The Enquirer as recorded' }),
  steps: TracingSteps,
  history: z.array(TracingEvent),
  availableActions: z.array(z.enum(TRACING_ACTIONS)),
  version: z.number().int(),
}).meta({ id: 'TracingRequestDetail' });
export type TracingRequestDetail = z.infer<typeof TracingRequestDetail>;

export const FieldExplanation = z.object({
  field: z.string().meta({
    description: 'A comparison of the match model: givenName, familyName, birth, sex, place',
  }),
  level: z.string().meta({
    description:
      'The comparison level (docs/record-linkage.md), e.g. exact, transliterated, phonetic, ' +
      'fuzzy_high, year, year_plus_minus_1, country, different, missing',
  }),
  weight: z.number().meta({ description: 'log2(m/u) of the level; 0 when missing' }),
});

export const TracingCandidate = z
  .object({
    id: Uuid,
    caseId: Uuid,
    caseReference: z.string(),
    status: z.enum(['proposed', 'confirmed', 'rejected', 'withdrawn']),
    rank: z.number().int(),
    weight: z.number(),
    probability: z.number(),
    explanation: z.array(FieldExplanation).meta({
      description: 'Per field: the comparison level and its weight, strongest first; never values',
    }),
    proposedAt: z.iso.datetime(),
    decision: z
      .object({
        reason: z.string().nullable(),
        note: z.string().nullable(),
        by: Actor.nullable(),
        at: z.iso.datetime(),
      })
      .nullable(),
  })
  .meta({ id: 'TracingCandidate' });
export type TracingCandidate = z.infer<typeof TracingCandidate>;

export const TracingCandidateList = z
  .object({ items: z.array(TracingCandidate) })
  .meta({ id: 'TracingCandidateList' });

export const TracingSearchResult = z
  .object({
    searchedAt: z.iso.datetime(),
    compared: z.number().int().meta({ description: 'Registered persons scored' }),
    candidates: z.array(TracingCandidate),
    withheldForConsent: z.number().int().nullable().meta({
      description:
        'Supervisors only: cases that matched but have no family-tracing consent (never which). null for other roles.',
    }),
  })
  .meta({ id: 'TracingSearchResult' });
export type TracingSearchResult = z.infer<typeof TracingSearchResult>;

const note = text(2000).optional().meta({ description: 'Stored encrypted' });

export const CandidateParams = z.strictObject({ id: Uuid, candidateId: Uuid });
export const ConfirmCandidateBody = z.strictObject({ note });
export const RejectCandidateBody = z.strictObject({ reason: z.enum(REJECTION_REASONS), note });
export const VerifyBody = z.strictObject({
  outcome: z.enum(['verified', 'failed']),
  method: z.enum(VERIFICATION_METHODS),
  note,
});
export const BestInterestBody = z.strictObject({
  outcome: z.enum(BEST_INTEREST_OUTCOMES),
  decidedOn: isoDate().optional().meta({ description: 'Defaults to today' }),
  note,
});
export const ReunifyBody = z.strictObject({
  date: isoDate(),
  place: Place,
  followUp: z.strictObject({ plannedOn: isoDate().optional(), note }).optional(),
});
export const CloseBody = z.strictObject({ reason: z.enum(CLOSURE_REASONS), note });
export type VerifyBody = z.infer<typeof VerifyBody>;
export type BestInterestBody = z.infer<typeof BestInterestBody>;
export type ReunifyBody = z.infer<typeof ReunifyBody>;
export type CloseBody = z.infer<typeof CloseBody>;
export type RejectCandidateBody = z.infer<typeof RejectCandidateBody>;
