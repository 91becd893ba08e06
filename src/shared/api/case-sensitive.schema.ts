import { z } from 'zod';
import { GENDERS } from '../codes/htcds.ts';
import { PERPETRATOR_ROLES } from '../codes/htcds-case.ts';
import { CRIMINAL_JUSTICE_STAGES } from '../codes/lantern-case.ts';
import type { SensitiveSection } from '../policy/sensitive-sections.ts';
import {
  Age,
  Timestamp,
  UserRef,
  code,
  codes,
  hasKeys,
  notEmpty,
  optLine,
  optText,
} from './case-record-fields.ts';
import { Gender } from './cases.schema.ts';
import { CountryCode, Uuid } from './common.schema.ts';
import { line } from './text.ts';

// The parts of a case record shown only to roles granted them (docs/decisions/0004). Every free
// text here is stored encrypted with the organisation's key.

const perpetratorFields = {
  roles: codes(PERPETRATOR_ROLES, 'per_RoleInProcess').min(1, { message: 'is required' }),
  roleDetails: optText(5000).meta({ description: 'per_RoleDetails' }),
  organisation: optLine(200).meta({ description: 'per_Organisation' }),
  name: optLine(200),
  aliases: z.array(line(200).pipe(z.string().min(1, { message: 'must not be empty' }))).max(20),
  gender: Gender.nullable().meta({ description: 'prs_Gender' }),
  citizenship: CountryCode.nullable().meta({ description: 'prs_Citizenship' }),
  estimatedAge: Age.nullable(),
  notes: optText(5000),
};

/** A perpetrator and their roles in the trafficking process (HTCDS per_). */
export const PerpetratorBody = z.strictObject({
  roles: perpetratorFields.roles,
  roleDetails: perpetratorFields.roleDetails.default(null),
  organisation: perpetratorFields.organisation.default(null),
  name: perpetratorFields.name.default(null),
  aliases: perpetratorFields.aliases.default([]),
  gender: perpetratorFields.gender.default(null),
  citizenship: perpetratorFields.citizenship.default(null),
  estimatedAge: perpetratorFields.estimatedAge.default(null),
  notes: perpetratorFields.notes.default(null),
});
export type PerpetratorBody = z.infer<typeof PerpetratorBody>;

export const PerpetratorPatch = z
  .strictObject({
    roles: perpetratorFields.roles.optional(),
    roleDetails: perpetratorFields.roleDetails.optional(),
    organisation: perpetratorFields.organisation.optional(),
    name: perpetratorFields.name.optional(),
    aliases: perpetratorFields.aliases.optional(),
    gender: perpetratorFields.gender.optional(),
    citizenship: perpetratorFields.citizenship.optional(),
    estimatedAge: perpetratorFields.estimatedAge.optional(),
    notes: perpetratorFields.notes.optional(),
  })
  .refine(hasKeys, notEmpty);
export type PerpetratorPatch = z.infer<typeof PerpetratorPatch>;

export const Perpetrator = z
  .object({
    id: Uuid,
    roles: z.array(z.enum(PERPETRATOR_ROLES)),
    roleDetails: z.string().nullable(),
    organisation: z.string().nullable(),
    name: z.string().nullable(),
    aliases: z.array(z.string()),
    gender: z.enum(GENDERS).nullable(),
    citizenship: z.string().nullable(),
    estimatedAge: z.number().int().nullable(),
    notes: z.string().nullable(),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  })
  .meta({ id: 'Perpetrator' });
export type Perpetrator = z.infer<typeof Perpetrator>;

export const PerpetratorList = z.object({ items: z.array(Perpetrator) });
export type PerpetratorList = z.infer<typeof PerpetratorList>;

export const PerpetratorParams = z.strictObject({ id: Uuid, perpetratorId: Uuid });

const Notes = optText(20_000).default(null);
const YesNo = z.boolean().nullable().default(null);
const Text = z.string().nullable();
const Bool = z.boolean().nullable();

/** Health: conditions, mental health, medication. */
export const HealthContent = z.strictObject({
  physicalHealth: Notes,
  mentalHealth: Notes,
  medication: Notes,
  notes: Notes,
});

/** Sexual violence suffered, and the care offered for it. */
export const SexualViolenceContent = z.strictObject({
  medicalCareOffered: YesNo,
  psychosocialSupportOffered: YesNo,
  notes: Notes,
});

/** Criminal proceedings connected with the case. */
export const CriminalJusticeContent = z.strictObject({
  stage: code(CRIMINAL_JUSTICE_STAGES, 'criminal justice stage (Lantern)').nullable().default(null),
  authority: optLine(200).default(null).meta({ description: 'Police unit, prosecutor or court' }),
  reference: optLine(100).default(null).meta({ description: 'Report or case number there' }),
  survivorIsWitness: YesNo,
  notes: Notes,
});

/** What PUT /cases/{id}/sensitive/{section} takes, by section. */
export const SECTION_BODY = {
  health: HealthContent,
  sexualViolence: SexualViolenceContent,
  criminalJustice: CriminalJusticeContent,
} as const;
export type SectionContent = { [S in SensitiveSection]: z.output<(typeof SECTION_BODY)[S]> };

// The same contents as read back (response schemas carry no transforms).
const CONTENT_OUT = {
  health: z
    .object({ physicalHealth: Text, mentalHealth: Text, medication: Text, notes: Text })
    .meta({ id: 'HealthContent' }),
  sexualViolence: z
    .object({ medicalCareOffered: Bool, psychosocialSupportOffered: Bool, notes: Text })
    .meta({ id: 'SexualViolenceContent' }),
  criminalJustice: z
    .object({
      stage: z.enum(CRIMINAL_JUSTICE_STAGES).nullable(),
      authority: Text,
      reference: Text,
      survivorIsWitness: Bool,
      notes: Text,
    })
    .meta({ id: 'CriminalJusticeContent' }),
} as const;

/** A section as read back: its content, or null when nothing has been recorded yet. */
const sectionOf = <S extends SensitiveSection>(section: S, id: string) =>
  z
    .object({
      section: z.literal(section),
      content: CONTENT_OUT[section].nullable(),
      updatedAt: Timestamp.nullable(),
      updatedBy: UserRef,
    })
    .meta({ id });

/** What GET /cases/{id}/sensitive/{section} answers, by section. */
export const SECTION_RESPONSE = {
  health: sectionOf('health', 'HealthSection'),
  sexualViolence: sectionOf('sexualViolence', 'SexualViolenceSection'),
  criminalJustice: sectionOf('criminalJustice', 'CriminalJusticeSection'),
} as const;
export type SectionRecord<S extends SensitiveSection> = z.infer<(typeof SECTION_RESPONSE)[S]>;
