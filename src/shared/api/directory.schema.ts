import { z } from 'zod';
import { GENDERS, TRAFFICKING_STATUSES } from '../codes/htcds.ts';
import { SERVICE_TYPES } from '../codes/service-types.ts';
import { MISMATCHES } from '../directory/eligibility.ts';
import { isLanguageCode } from '../directory/languages.ts';
import { CountryCode, Uuid } from './common.schema.ts';
import { line, text } from './text.ts';

/**
 * The service directory (docs/directory.md): providers, their services, the search and the CSV
 * exchange. The directory holds no personal data; the search's person profile is sent in the
 * body (never the URL) and is neither stored nor logged.
 */

export const DirectoryServiceType = z.enum(SERVICE_TYPES, {
  message: `must be one of: ${SERVICE_TYPES.join(', ')}`,
});

export const LanguageCode = z
  .string()
  .transform((s) => s.trim().toLowerCase())
  .refine(isLanguageCode, { message: 'must be an ISO 639-1 two-letter language code' })
  .meta({ description: 'ISO 639-1 language code', example: 'en' });

export const DirectoryGender = z.enum(GENDERS, {
  message: `must be one of: ${GENDERS.join(', ')}`,
});
export const DirectoryStatus = z.enum(TRAFFICKING_STATUSES, {
  message: `must be one of: ${TRAFFICKING_STATUSES.join(', ')}`,
});

const required = (max: number) => line(max).pipe(z.string().min(1, { message: 'is required' }));
/** An optional text: omitted keeps (on PATCH), null or blank clears. */
const optionalLine = (max: number) => line(max).nullable().optional();
const email = z
  .email({ message: 'must be an e-mail address' })
  .max(254, { message: 'must be at most 254 characters' })
  .nullable()
  .optional();
const website = z
  .url({ protocol: /^https?$/, message: 'must be an http or https address' })
  .max(500, { message: 'must be at most 500 characters' })
  .nullable()
  .optional();
const phone = line(50).nullable().optional();

const latitude = z
  .number({ message: 'must be a number' })
  .min(-90, { message: 'must be between -90 and 90' })
  .max(90, { message: 'must be between -90 and 90' })
  .meta({ description: 'WGS 84 decimal degrees' });
const longitude = z
  .number({ message: 'must be a number' })
  .min(-180, { message: 'must be between -180 and 180' })
  .max(180, { message: 'must be between -180 and 180' })
  .meta({ description: 'WGS 84 decimal degrees' });
const age = z
  .number({ message: 'must be a whole number' })
  .int({ message: 'must be a whole number' })
  .min(0, { message: 'must be between 0 and 120' })
  .max(120, { message: 'must be between 0 and 120' });
/** Places; the largest shelter or programme is far below a million. */
const places = z
  .number({ message: 'must be a whole number' })
  .int({ message: 'must be a whole number' })
  .min(0, { message: 'must not be below zero' })
  .max(1_000_000, { message: 'must be at most 1000000' });
const responseDays = z
  .number({ message: 'must be a whole number' })
  .int({ message: 'must be a whole number' })
  .min(1, { message: 'must be between 1 and 90' })
  .max(90, { message: 'must be between 1 and 90' });
const list = <T extends z.ZodType>(item: T) => z.array(item).max(300);

// ---- providers -------------------------------------------------------------------------------

const providerOrgId = Uuid.nullable().optional().meta({
  description:
    'The organisation on this instance whose inbox receives the referrals (the listing organisation itself, or another by id); null: an external provider, whose answers the sender records',
});

export const ProviderCreateBody = z.strictObject({
  name: required(200),
  description: text(2000).nullable().optional(),
  phone,
  email,
  website,
  providerOrgId,
  active: z.boolean().optional(),
});
export type ProviderCreateBody = z.infer<typeof ProviderCreateBody>;
export type ProviderCreateInput = z.input<typeof ProviderCreateBody>;

export const ProviderPatchBody = ProviderCreateBody.partial().meta({
  description: 'Only the fields sent change; null clears an optional field',
});
export type ProviderPatchBody = z.infer<typeof ProviderPatchBody>;

export const ProviderListQuery = z.strictObject({
  mine: z
    .enum(['true', 'false'], { message: 'must be true or false' })
    .optional()
    .transform((v) => v === 'true')
    .meta({ description: 'true: only the providers listed by your organisation' }),
});

export const ProviderSummary = z
  .object({
    id: Uuid,
    name: z.string(),
    receivesReferrals: z
      .boolean()
      .meta({ description: 'An organisation on this instance answers its referrals in Lantern' }),
  })
  .meta({ id: 'ProviderSummary' });
export type ProviderSummary = z.infer<typeof ProviderSummary>;

export const Provider = z
  .object({
    id: Uuid,
    orgId: Uuid.meta({ description: 'The organisation that maintains this listing' }),
    providerOrgId: Uuid.nullable(),
    name: z.string(),
    description: z.string().nullable(),
    phone: z.string().nullable(),
    email: z.string().nullable(),
    website: z.string().nullable(),
    active: z.boolean(),
    receivesReferrals: z.boolean(),
    mine: z.boolean().meta({ description: 'Listed by your organisation: you may edit it' }),
    receivedByMe: z
      .boolean()
      .meta({ description: 'Your organisation receives its referrals and updates its places' }),
    serviceCount: z.number().int(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'Provider' });
export type Provider = z.infer<typeof Provider>;

// ---- services --------------------------------------------------------------------------------

/** The fields of a service, each as sent; the create and patch bodies add optionality. */
const serviceFields = {
  serviceType: DirectoryServiceType,
  name: required(200),
  description: text(2000).nullable().optional(),
  address: text(500).nullable().optional().meta({ description: 'May span lines' }),
  country: CountryCode,
  adminArea: optionalLine(200),
  latitude,
  longitude,
  languages: list(LanguageCode).meta({ description: 'ISO 639-1 codes; empty: not stated' }),
  ageMin: age.nullable().optional(),
  ageMax: age.nullable().optional(),
  genders: list(DirectoryGender).meta({ description: 'prs_Gender codes; empty: any' }),
  nationalities: list(CountryCode).meta({ description: 'ISO 3166-1 alpha-2; empty: any' }),
  statuses: list(DirectoryStatus).meta({
    description: 'vic_TraffickingStatus codes; empty: any',
  }),
  capacityTotal: places.nullable().optional().meta({ description: 'Null: not limited by places' }),
  capacityAvailable: places.nullable().optional(),
  hours: text(500).nullable().optional().meta({ description: 'Opening hours; may span lines' }),
  phone,
  email,
  responseDays: responseDays.meta({
    description: 'Days the provider has to answer a sent referral before it expires',
  }),
  active: z.boolean(),
};

/** Cross-field rules of a whole service; paths are the API's field names. */
export function serviceRuleIssues(s: {
  ageMin?: number | null | undefined;
  ageMax?: number | null | undefined;
  capacityTotal?: number | null | undefined;
  capacityAvailable?: number | null | undefined;
}): { path: string; message: string }[] {
  const out: { path: string; message: string }[] = [];
  if (s.ageMin != null && s.ageMax != null && s.ageMin > s.ageMax) {
    out.push({ path: 'ageMin', message: 'must not be greater than ageMax' });
  }
  if (
    s.capacityAvailable != null &&
    s.capacityTotal != null &&
    s.capacityAvailable > s.capacityTotal
  ) {
    out.push({ path: 'capacityAvailable', message: 'must not be greater than capacityTotal' });
  }
  return out;
}

/** A whole service without its provider: what a create body and a CSV row both carry. */
export const ServiceFieldsBody = z.strictObject({
  ...serviceFields,
  languages: serviceFields.languages.default([]),
  genders: serviceFields.genders.default([]),
  nationalities: serviceFields.nationalities.default([]),
  statuses: serviceFields.statuses.default([]),
  responseDays: serviceFields.responseDays.default(5),
  active: serviceFields.active.default(true),
});
export type ServiceFieldsBody = z.infer<typeof ServiceFieldsBody>;

export const ServiceCreateBody = ServiceFieldsBody.extend({
  providerId: Uuid.meta({ description: 'A provider listed by your organisation' }),
}).superRefine((s, ctx) => {
  for (const i of serviceRuleIssues(s)) {
    ctx.addIssue({ code: 'custom', path: [i.path], message: i.message });
  }
});
export type ServiceCreateBody = z.infer<typeof ServiceCreateBody>;
export type ServiceCreateInput = z.input<typeof ServiceCreateBody>;

export const ServicePatchBody = z
  .strictObject({
    providerId: Uuid.meta({ description: 'Move the service to another of your providers' }),
    ...serviceFields,
  })
  .partial()
  .meta({
    description:
      'Only the fields sent change; null clears an optional field. The merged service must still meet the cross-field rules (ageMin ≤ ageMax, capacityAvailable ≤ capacityTotal).',
  });
export type ServicePatchBody = z.infer<typeof ServicePatchBody>;

export const CapacityBody = z.strictObject({
  available: places.meta({ description: 'Places free now' }),
  total: places
    .nullable()
    .optional()
    .meta({ description: 'Places in all; omitted keeps the stored total' }),
});
export type CapacityBody = z.infer<typeof CapacityBody>;

export const Service = z
  .object({
    id: Uuid,
    orgId: Uuid,
    providerId: Uuid,
    provider: ProviderSummary,
    serviceType: DirectoryServiceType,
    name: z.string(),
    description: z.string().nullable(),
    address: z.string().nullable(),
    country: z.string(),
    adminArea: z.string().nullable(),
    latitude: z.number(),
    longitude: z.number(),
    languages: z.array(z.string()),
    ageMin: z.number().int().nullable(),
    ageMax: z.number().int().nullable(),
    genders: z.array(DirectoryGender),
    nationalities: z.array(z.string()),
    statuses: z.array(DirectoryStatus),
    capacityTotal: z.number().int().nullable(),
    capacityAvailable: z.number().int().nullable(),
    capacityUpdatedAt: z.iso.datetime().nullable(),
    hours: z.string().nullable(),
    phone: z.string().nullable(),
    email: z.string().nullable(),
    responseDays: z.number().int(),
    active: z.boolean(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'DirectoryService' });
export type Service = z.infer<typeof Service>;

export const ProviderDetail = Provider.extend({ services: z.array(Service) }).meta({
  id: 'ProviderDetail',
});
export type ProviderDetail = z.infer<typeof ProviderDetail>;

export const ProviderList = z.object({ providers: z.array(Provider) });
export type ProviderList = z.infer<typeof ProviderList>;

// ---- search ----------------------------------------------------------------------------------

/** Largest search radius: a little under half the Earth's circumference (20 015 km). */
export const MAX_RADIUS_KM = 20_000;

export const SearchPerson = z
  .strictObject({
    age: age.optional(),
    gender: DirectoryGender.optional(),
    nationality: CountryCode.optional(),
    status: DirectoryStatus.optional(),
    language: LanguageCode.optional(),
  })
  .meta({ description: 'What is known of the person; never stored or logged' });

export const DirectorySearchBody = z.strictObject({
  serviceType: DirectoryServiceType,
  person: SearchPerson.optional(),
  from: z
    .strictObject({ latitude, longitude })
    .optional()
    .meta({ description: 'Where the person is; omitted: no distances' }),
  radiusKm: z
    .number({ message: 'must be a number' })
    .positive({ message: 'must be above zero' })
    .max(MAX_RADIUS_KM, { message: `must be at most ${MAX_RADIUS_KM}` })
    .default(50),
  includeIneligible: z.boolean().default(true).meta({
    description:
      'true: every active service of the type, ranked, with its mismatches and distance; false: only services eligible and within the radius',
  }),
  limit: z.number().int().min(1).max(500).default(50),
});
export type DirectorySearchBody = z.infer<typeof DirectorySearchBody>;
export type DirectorySearchInput = z.input<typeof DirectorySearchBody>;

export const SearchMismatch = z.enum(MISMATCHES);

export const SearchHit = Service.extend({
  eligible: z.boolean(),
  mismatches: z.array(SearchMismatch).meta({
    description: 'Eligibility rules the service fails; capacity: no places left',
  }),
  distanceKm: z.number().nullable().meta({ description: 'Great-circle distance; null: no from' }),
  withinRadius: z.boolean().meta({ description: 'True when no from was given' }),
}).meta({ id: 'DirectorySearchHit' });
export type SearchHit = z.infer<typeof SearchHit>;

export const DirectorySearchResult = z
  .object({
    results: z.array(SearchHit).meta({
      description:
        'Ranked: eligible and within the radius first, then fewer mismatches, then nearer, then by name',
    }),
    total: z.number().int().meta({ description: 'Matching services before the limit' }),
  })
  .meta({ id: 'DirectorySearchResult' });
export type DirectorySearchResult = z.infer<typeof DirectorySearchResult>;

// ---- CSV exchange ----------------------------------------------------------------------------

/** Largest CSV file taken by an import (decoded). */
export const DIRECTORY_IMPORT_MAX_BYTES = 5 * 1024 * 1024;
/** Largest number of service rows in one import. */
export const DIRECTORY_IMPORT_MAX_ROWS = 10_000;

export const DirectoryImportBody = z.strictObject({
  content: z
    .base64({ message: 'must be the file encoded as base64' })
    .max(Math.ceil(DIRECTORY_IMPORT_MAX_BYTES / 3) * 4, {
      message: 'the file is larger than 5 MiB',
    })
    .meta({ description: 'The CSV file (UTF-8), base64-encoded; columns in docs/directory.md' }),
});
export type DirectoryImportBody = z.infer<typeof DirectoryImportBody>;

export const DirectoryImportIssue = z
  .object({
    row: z.number().int().meta({ description: 'Row in the file, the header being row 1' }),
    column: z.string().nullable().meta({ description: 'Null when the whole row or file is wrong' }),
    message: z.string(),
  })
  .meta({ id: 'DirectoryImportIssue' });
export type DirectoryImportIssue = z.infer<typeof DirectoryImportIssue>;

export const DirectoryImportResult = z
  .object({
    imported: z.number().int().meta({ description: 'Service rows created or updated' }),
    errors: z.array(DirectoryImportIssue).meta({ description: 'Always empty on success' }),
  })
  .meta({ id: 'DirectoryImportResult' });
export type DirectoryImportResult = z.infer<typeof DirectoryImportResult>;
