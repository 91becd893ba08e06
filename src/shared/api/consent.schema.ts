import { z } from 'zod';
import { SERVICE_TYPES } from '../codes/service-types.ts';
import {
  CHILD_ASSENTS,
  CONSENT_BASES,
  CONSENT_METHODS,
  CONSENT_PURPOSES,
  GUARDIAN_RELATIONSHIPS,
} from '../consent/index.ts';
import { Uuid } from './common.schema.ts';
import { isoDate, line, text } from './text.ts';

export const ConsentPurpose = z.enum(CONSENT_PURPOSES);
export const ServiceType = z.enum(SERVICE_TYPES);
export const ConsentMethod = z.enum(CONSENT_METHODS);
export const GuardianRelationship = z.enum(GUARDIAN_RELATIONSHIPS);
export const ChildAssent = z.enum(CHILD_ASSENTS);

const serviceType = ServiceType.optional().meta({
  description: 'Referral only: the service type consented to; omitted means all service types',
});
const note = text(1000).optional().meta({ description: 'Stored encrypted' });

export const ConsentGrantBody = z.strictObject({
  purpose: ConsentPurpose,
  serviceType,
  method: ConsentMethod,
  guardian: z
    .strictObject({
      relationship: GuardianRelationship,
      name: line(200)
        .pipe(z.string().min(1, { message: 'is required' }))
        .meta({ description: 'Stored encrypted' }),
    })
    .optional()
    .meta({ description: 'Required when the method is guardian, and for a child (under 18)' }),
  childAssent: ChildAssent.optional().meta({
    description: 'Required for a child (under 18): the child’s own assent',
  }),
  expiresOn: isoDate()
    .optional()
    .meta({ description: 'Last day the consent holds; omitted: until withdrawn' }),
  note,
});
export type ConsentGrantBody = z.infer<typeof ConsentGrantBody>;
export type ConsentGrantInput = z.input<typeof ConsentGrantBody>;

export const ConsentWithdrawBody = z.strictObject({
  purpose: ConsentPurpose,
  serviceType: ServiceType.optional().meta({
    description: 'Referral only: the service type withdrawn; omitted withdraws every service type',
  }),
  method: ConsentMethod.optional().meta({ description: 'How the withdrawal was communicated' }),
  note,
});
export type ConsentWithdrawBody = z.infer<typeof ConsentWithdrawBody>;
export type ConsentWithdrawInput = z.input<typeof ConsentWithdrawBody>;

export const ConsentRecord = z
  .object({
    id: Uuid,
    caseId: Uuid,
    purpose: ConsentPurpose,
    serviceType: ServiceType.nullable(),
    granted: z.boolean().meta({ description: 'false: a withdrawal (or a refusal)' }),
    method: ConsentMethod.nullable(),
    guardian: z.object({ relationship: GuardianRelationship, name: z.string() }).nullable(),
    childAssent: ChildAssent.nullable(),
    expiresOn: z.string().nullable(),
    note: z.string().nullable(),
    recordedBy: z.object({ id: Uuid, displayName: z.string() }),
    recordedAt: z.iso.datetime(),
  })
  .meta({ id: 'ConsentRecord' });
export type ConsentRecord = z.infer<typeof ConsentRecord>;

export const ConsentState = z
  .object({
    purpose: ConsentPurpose,
    serviceType: ServiceType.nullable(),
    allowed: z.boolean(),
    basis: z.enum(CONSENT_BASES),
    reason: z.string().meta({ description: 'Why, in one English sentence' }),
    consentId: Uuid.nullable().meta({ description: 'The record that decided' }),
    expiresOn: z.string().nullable(),
  })
  .meta({ id: 'ConsentState' });
export type ConsentState = z.infer<typeof ConsentState>;

export const ConsentOverview = z
  .object({
    caseId: Uuid,
    personIsChild: z
      .boolean()
      .nullable()
      .meta({ description: 'Under 18 today (from the age at registration); null when unknown' }),
    current: z.array(ConsentState).meta({
      description: 'Today’s answer per purpose; referral once per service type',
    }),
    history: z.array(ConsentRecord).meta({ description: 'Every record, newest first' }),
  })
  .meta({ id: 'ConsentOverview' });
export type ConsentOverview = z.infer<typeof ConsentOverview>;
