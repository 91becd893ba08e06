import { z } from 'zod';
import {
  CASE_STATUSES,
  EXPLOITATION_TYPES,
  GENDERS,
  TRAFFICKING_STATUSES,
  normaliseExploitationType,
  normaliseGender,
} from '../codes/htcds.ts';
import { STAGES } from '../casework/lifecycle.ts';
import { CountryCode, Uuid } from './common.schema.ts';
import { isoDate, line } from './text.ts';

/** prs_Gender; also accepts "female", "male", "unknown" and other plain spellings. */
export const Gender = z.preprocess(
  normaliseGender,
  z.enum(GENDERS, { message: `must be one of ${GENDERS.join(', ')}` }),
);
/** vic_TypeOfExploitation; also accepts snake_case and plain spellings ("sexual_exploitation"). */
export const ExploitationType = z.preprocess(
  normaliseExploitationType,
  z.enum(EXPLOITATION_TYPES, { message: `must be one of ${EXPLOITATION_TYPES.join(', ')}` }),
);
export const CaseStatus = z.enum(CASE_STATUSES);
export const TraffickingStatus = z.enum(TRAFFICKING_STATUSES);
/** Where the case is in its lifecycle (docs/casework.md); cas_Status follows it. */
export const CaseStage = z.enum(STAGES).meta({ id: 'CaseStage' });

const Name = line(200);
const Phone = line(32).pipe(
  z.string().regex(/^\+?[0-9 ()-]{3,32}$/, { message: 'must be a telephone number' }),
);

/** Person identifiers: every field here is encrypted at rest (AES-256-GCM, per organisation). */
export const PersonInput = z.strictObject({
  givenName: Name.pipe(z.string().min(1, { message: 'is required' })),
  familyName: Name.optional(),
  aliases: z
    .array(Name.pipe(z.string().min(1)))
    .max(20)
    .optional(),
  dateOfBirth: isoDate().optional(),
  age: z.number().int().min(0).max(120).optional().meta({
    description: 'Age in years at registration, when the date of birth is not known',
  }),
  gender: Gender,
  phone: Phone.optional(),
  email: z.email().max(254).optional(),
  documentNumber: line(64).optional(),
  address: line(500).optional(),
});
export type PersonInput = z.infer<typeof PersonInput>;

export const CaseCreateBody = z.strictObject({
  person: PersonInput,
  citizenship: CountryCode,
  countryOfExploitation: CountryCode.optional(),
  typeOfExploitation: z
    .array(ExploitationType)
    .max(EXPLOITATION_TYPES.length)
    .refine((a) => new Set(a).size === a.length, { message: 'must not repeat a value' })
    .default([]),
  registrationDate: isoDate().optional().meta({ description: 'Defaults to today' }),
  traffickingStatus: TraffickingStatus.default('PossibleVictimOfTrafficking'),
  status: CaseStatus.default('Active'),
});
export type CaseCreateBody = z.infer<typeof CaseCreateBody>;

export const CaseSummary = z
  .object({
    id: Uuid,
    reference: z.string().meta({ description: 'Human-readable case number, e.g. LNT-2026-000042' }),
    status: CaseStatus,
    stage: CaseStage,
    traffickingStatus: TraffickingStatus,
    gender: z.enum(GENDERS),
    ageAtRegistration: z.number().int().nullable(),
    citizenship: z.string(),
    countryOfExploitation: z.string().nullable(),
    typeOfExploitation: z.array(z.enum(EXPLOITATION_TYPES)),
    registrationDate: z.string(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'CaseSummary' });
export type CaseSummary = z.infer<typeof CaseSummary>;

export const Person = z
  .object({
    id: Uuid,
    givenName: z.string(),
    familyName: z.string().nullable(),
    aliases: z.array(z.string()),
    dateOfBirth: z.string().nullable(),
    gender: z.enum(GENDERS),
    phone: z.string().nullable(),
    email: z.string().nullable(),
    documentNumber: z.string().nullable(),
    address: z.string().nullable(),
  })
  .meta({ id: 'Person' });
export type Person = z.infer<typeof Person>;

export const CaseDetail = CaseSummary.extend({
  person: Person,
  createdBy: z.object({ id: Uuid, displayName: z.string() }).nullable(),
}).meta({ id: 'CaseDetail' });
export type CaseDetail = z.infer<typeof CaseDetail>;

/** A query parameter given as `a,b,c` (or repeated): a list of at most 20 values. */
const csv = <T extends z.ZodType>(item: T) =>
  z.preprocess(
    (v) => (typeof v === 'string' ? v.split(',').filter((s) => s !== '') : v),
    z.array(item).max(20),
  );

/** An age in a query string; an empty parameter (`?ageMin=`) means no bound, not 0. */
const queryAge = z.preprocess(
  (v) => (v === '' ? undefined : v),
  z.coerce.number().int().min(0).max(120).optional(),
);

export const CaseListQuery = z.strictObject({
  status: csv(CaseStatus).optional(),
  stage: csv(CaseStage).optional(),
  traffickingStatus: csv(TraffickingStatus).optional(),
  gender: csv(Gender).optional(),
  citizenship: csv(CountryCode).optional(),
  countryOfExploitation: csv(CountryCode).optional(),
  typeOfExploitation: csv(ExploitationType).optional().meta({
    description: 'Cases with any of these types',
  }),
  registeredFrom: isoDate().optional(),
  registeredTo: isoDate().optional(),
  ageMin: queryAge,
  ageMax: queryAge,
  reference: line(40).optional().meta({ description: 'Case number or its beginning' }),
  limit: z.coerce.number().int().min(1).max(100).default(25),
  cursor: z
    .string()
    .max(200)
    .optional()
    .meta({ description: 'Opaque cursor from the previous page' }),
});
export type CaseListQuery = z.infer<typeof CaseListQuery>;

/** Counting stops here: beyond it the list says "10,000+" instead of scanning everything. */
export const CASE_COUNT_CAP = 10_000;

export const CaseList = z
  .object({
    items: z.array(CaseSummary),
    nextCursor: z.string().nullable(),
    total: z.number().int(),
    totalCapped: z
      .boolean()
      .meta({ description: `True when there are more than ${CASE_COUNT_CAP}` }),
  })
  .meta({ id: 'CaseList' });
export type CaseList = z.infer<typeof CaseList>;

/** Exact look-up of a person by name (and date of birth) through blind indexes. POST, never GET: names stay out of URLs. */
export const PersonLookupBody = z.strictObject({
  givenName: Name.pipe(z.string().min(1)),
  familyName: Name.optional(),
  dateOfBirth: isoDate().optional(),
});
export const PersonLookupResult = z.object({
  items: z.array(z.object({ caseId: Uuid, reference: z.string(), registrationDate: z.string() })),
});
