import { z } from 'zod';
import { EXPLOITATION_TYPES, GENDERS, TRAFFICKING_STATUSES } from '../codes/htcds.ts';
import { SUPPORT_TYPES } from '../codes/htcds-case.ts';
import { SERVICE_TYPES } from '../codes/service-types.ts';
import { DISCLOSURE_FIELD_NAMES } from '../referrals/disclosure.ts';
import {
  DECLINE_REASONS,
  OUTCOMES,
  REFERRAL_ACTIONS,
  REFERRAL_SIDES,
  REFERRAL_STATUSES,
  URGENCIES,
  WITHDRAW_REASONS,
} from '../referrals/lifecycle.ts';
import { Uuid } from './common.schema.ts';
import { text } from './text.ts';

// Referrals (docs/referrals.md). Everything about the person —
// the snapshot, the sender's message and stated values, notes and messages — is stored sealed
// under the referral's own data key.

export const ReferralStatus = z.enum(REFERRAL_STATUSES).meta({ id: 'ReferralStatus' });
export const Urgency = z.enum(URGENCIES);
export const DisclosureField = z.enum(DISCLOSURE_FIELD_NAMES as [string, ...string[]]).meta({
  description: 'A field the referral may carry (src/shared/referrals/disclosure.ts)',
});
const ServiceType = z.enum(SERVICE_TYPES);

/** ISO 639-1: two lower-case letters. */
const LanguageCode = z
  .string()
  .transform((s) => s.trim().toLowerCase())
  .pipe(z.string().regex(/^[a-z]{2}$/, { message: 'must be an ISO 639-1 language code' }));

/** Values the sender writes in the referral itself (the case record does not hold them). */
export const StatedValues = z
  .strictObject({
    languages: z
      .array(LanguageCode)
      .min(1, { message: 'must name at least one language' })
      .max(10)
      .optional(),
    safetyConcerns: text(2000)
      .pipe(z.string().min(1, { message: 'is required' }))
      .optional(),
    healthNotes: text(2000)
      .pipe(z.string().min(1, { message: 'is required' }))
      .optional(),
    separationDetails: text(2000)
      .pipe(z.string().min(1, { message: 'is required' }))
      .optional(),
  })
  .meta({ description: 'Each one disclosed only when its field is chosen; stored encrypted' });
export type StatedValues = z.infer<typeof StatedValues>;

const Fields = z
  .array(DisclosureField)
  .max(DISCLOSURE_FIELD_NAMES.length)
  .meta({ description: 'The fields to disclose, among those allowed for the service type' });
const Message = text(4000).meta({ description: 'To the provider; stored encrypted' });
const Version = z
  .number()
  .int()
  .min(1)
  .meta({ description: 'The version you last read: a stale one is refused with 409' });

export const ReferralCreateBody = z.strictObject({
  caseId: Uuid,
  serviceId: Uuid,
  serviceType: ServiceType.optional().meta({
    description: 'The type of service wanted; refused when the chosen service does not offer it',
  }),
  urgency: Urgency.default('routine'),
  fields: Fields,
  stated: StatedValues.default({}),
  message: Message.optional(),
});
export type ReferralCreateBody = z.infer<typeof ReferralCreateBody>;

export const ReferralPatchBody = z
  .strictObject({
    version: Version.optional(),
    serviceId: Uuid.optional(),
    urgency: Urgency.optional(),
    fields: Fields.optional(),
    stated: StatedValues.optional().meta({ description: 'Replaces the stated values as a whole' }),
    message: Message.nullable().optional().meta({ description: 'null clears it' }),
  })
  .refine((b) => Object.keys(b).some((k) => k !== 'version'), {
    message: 'must change something',
  });
export type ReferralPatchBody = z.infer<typeof ReferralPatchBody>;

export const VersionBody = z.strictObject({ version: Version.optional() }).default({});
export type VersionBody = z.infer<typeof VersionBody>;

const Note = text(2000).meta({ description: 'Stored encrypted' });

export const DeclineBody = z.strictObject({
  version: Version.optional(),
  reason: z.enum(DECLINE_REASONS),
  note: Note.optional(),
});
export type DeclineBody = z.infer<typeof DeclineBody>;

export const CompleteBody = z.strictObject({
  version: Version.optional(),
  outcome: z.enum(OUTCOMES),
  note: Note.optional(),
});
export type CompleteBody = z.infer<typeof CompleteBody>;

export const WithdrawBody = z.strictObject({
  version: Version.optional(),
  reason: z.enum(WITHDRAW_REASONS),
  note: Note.optional().meta({
    description: 'Stored encrypted under your organisation’s key: the provider never sees it',
  }),
});
export type WithdrawBody = z.infer<typeof WithdrawBody>;

export const MessageBody = z.strictObject({
  text: text(4000).pipe(z.string().min(1, { message: 'is required' })),
});
export type MessageBody = z.infer<typeof MessageBody>;

/** What was disclosed, copied from the case at sending; only the chosen fields are present. */
export const ReferralSnapshot = z
  .object({
    givenName: z.string().optional(),
    familyName: z.string().nullable().optional(),
    aliases: z.array(z.string()).optional(),
    dateOfBirth: z.string().nullable().optional(),
    age: z.number().int().nullable().optional(),
    gender: z.enum(GENDERS).optional(),
    citizenship: z.string().optional(),
    phone: z.string().nullable().optional(),
    email: z.string().nullable().optional(),
    address: z.string().nullable().optional(),
    documentNumber: z.string().nullable().optional(),
    traffickingStatus: z.enum(TRAFFICKING_STATUSES).optional(),
    typeOfExploitation: z.array(z.enum(EXPLOITATION_TYPES)).optional(),
    countryOfExploitation: z.string().nullable().optional(),
    needs: z.array(z.enum(SUPPORT_TYPES)).optional(),
    languages: z.array(z.string()).optional(),
    safetyConcerns: z.string().optional(),
    healthNotes: z.string().optional(),
    separationDetails: z.string().optional(),
  })
  .meta({ id: 'ReferralSnapshot' });
export type ReferralSnapshot = z.infer<typeof ReferralSnapshot>;

export const ReferralEvent = z
  .object({
    id: Uuid.nullable().meta({
      description: 'null: an expiry shown before the scheduled job recorded it',
    }),
    action: z.enum([...REFERRAL_ACTIONS, 'create', 'update', 'message']),
    fromStatus: ReferralStatus.nullable(),
    toStatus: ReferralStatus,
    side: z.enum(REFERRAL_SIDES),
    actorName: z.string().nullable().meta({ description: 'null: Lantern itself' }),
    reason: z.string().nullable().meta({ description: 'Decline or withdrawal reason code' }),
    note: z.string().nullable().meta({ description: 'The note or message text' }),
    noteWithheld: z.boolean().meta({
      description: 'A note exists that you cannot read (withdrawn: its key is erased)',
    }),
    at: z.iso.datetime(),
  })
  .meta({ id: 'ReferralEvent' });
export type ReferralEvent = z.infer<typeof ReferralEvent>;

const common = {
  id: Uuid,
  reference: z.string().meta({ description: 'R-YYYY-NNNNNN, numbered per sending organisation' }),
  serviceId: Uuid,
  serviceName: z.string(),
  providerId: Uuid,
  providerName: z.string(),
  serviceType: ServiceType,
  status: ReferralStatus.meta({
    description: 'As of now: a sent referral past its due time is expired',
  }),
  urgency: Urgency,
  disclosedFields: z.array(DisclosureField),
  createdAt: z.iso.datetime(),
  sentAt: z.iso.datetime().nullable(),
  answerDueAt: z.iso.datetime().nullable(),
  answeredAt: z.iso.datetime().nullable(),
  startedAt: z.iso.datetime().nullable(),
  closedAt: z.iso.datetime().nullable(),
  declineReason: z.enum(DECLINE_REASONS).nullable(),
  outcome: z.enum(OUTCOMES).nullable(),
  version: z.number().int(),
};

/** A referral as its sender lists it. */
export const ReferralSummary = z
  .object({
    ...common,
    caseId: Uuid,
    caseReference: z.string().nullable(),
    external: z.boolean().meta({
      description: 'The provider is not on this instance: you record its answers',
    }),
  })
  .meta({ id: 'ReferralSummary' });
export type ReferralSummary = z.infer<typeof ReferralSummary>;

const Warning = z.object({ code: z.enum(['no_capacity']), message: z.string() });

const detail = {
  snapshot: ReferralSnapshot.nullable().meta({
    description: 'What was disclosed at sending; null before sending and after withdrawal',
  }),
  message: z.string().nullable(),
  history: z.array(ReferralEvent),
  actions: z.array(z.enum(REFERRAL_ACTIONS)).meta({
    description: 'What you may do now (lifecycle actions)',
  }),
};

/** The sender's view: its case's reference, the draft, the snapshot, the whole history. */
export const ReferralDetail = ReferralSummary.extend({
  ...detail,
  stated: z
    .object({
      languages: z.array(z.string()).optional(),
      safetyConcerns: z.string().optional(),
      healthNotes: z.string().optional(),
      separationDetails: z.string().optional(),
    })
    .nullable()
    .meta({ description: 'The draft’s stated values (null once sent: they are in the snapshot)' }),
  warnings: z.array(Warning),
  partnerPackage: z.enum(['referral', 'withdrawal']).optional().meta({
    description:
      'Only for a referral to a partner Lantern instance (docs/instances.md): the package the partner must import for it to know of this state — `referral` while it waits for an answer (GET /referrals/{id}/package), `withdrawal` once withdrawn (GET /referrals/{id}/withdrawal-package: the partner erases its copy of the person’s data only when it imports it)',
  }),
}).meta({ id: 'ReferralDetail' });
export type ReferralDetail = z.infer<typeof ReferralDetail>;

/** A referral as the receiving provider lists it: never the case. */
export const InboxItem = z.object({ ...common, fromOrgName: z.string() }).meta({ id: 'InboxItem' });
export type InboxItem = z.infer<typeof InboxItem>;

export const InboxDetail = InboxItem.extend({
  ...detail,
  partnerPackage: z.enum(['reply']).optional().meta({
    description:
      'Only for a referral received from a partner Lantern instance (docs/instances.md), once answered: the referring instance learns of the answers only from the reply package (GET /referrals/{id}/reply-package)',
  }),
}).meta({ id: 'InboxDetail' });
export type InboxDetail = z.infer<typeof InboxDetail>;

const csvStatuses = z.preprocess(
  (v) => (typeof v === 'string' ? v.split(',').filter((s) => s !== '') : v),
  z.array(ReferralStatus).max(REFERRAL_STATUSES.length),
);
const paging = {
  limit: z.coerce.number().int().min(1).max(100).default(25),
  cursor: z.string().max(200).optional().meta({ description: 'From the previous page' }),
};

export const ReferralListQuery = z.strictObject({
  caseId: Uuid.optional(),
  status: csvStatuses.optional().meta({ description: 'Comma-separated statuses' }),
  ...paging,
});
export type ReferralListQuery = z.infer<typeof ReferralListQuery>;

export const InboxQuery = z.strictObject({
  status: csvStatuses.optional().meta({ description: 'Comma-separated statuses' }),
  ...paging,
});
export type InboxQuery = z.infer<typeof InboxQuery>;

export const ReferralList = z
  .object({ items: z.array(ReferralSummary), nextCursor: z.string().nullable() })
  .meta({ id: 'ReferralList' });
export type ReferralList = z.infer<typeof ReferralList>;

export const InboxList = z
  .object({ items: z.array(InboxItem), nextCursor: z.string().nullable() })
  .meta({ id: 'InboxList' });
export type InboxList = z.infer<typeof InboxList>;
