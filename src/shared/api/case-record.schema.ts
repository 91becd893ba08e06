import { z } from 'zod';
import { WITHHOLDABLE } from '../policy/sensitive-sections.ts';
import {
  AssistancePlan,
  FollowUp,
  Need,
  ReintegrationAssessment,
} from './case-assistance.schema.ts';
import { CaseProfile, TraffickingEvent } from './case-profile.schema.ts';
import { Perpetrator, SECTION_RESPONSE } from './case-sensitive.schema.ts';
import { Uuid } from './common.schema.ts';

export * from './case-assistance.schema.ts';
export * from './case-profile.schema.ts';
export * from './case-sensitive.schema.ts';

/**
 * The whole case record in one answer (GET /cases/{id}/record). A part the user's role is not
 * granted is absent — not empty — and named in `withheld`, so that a screen can say
 * "not shown to your role" instead of "nothing recorded".
 */
export const CaseRecord = z
  .object({
    caseId: Uuid,
    profile: CaseProfile,
    events: z.array(TraffickingEvent),
    needs: z.array(Need),
    plan: AssistancePlan.nullable(),
    followUps: z.array(FollowUp),
    reintegration: z.array(ReintegrationAssessment),
    perpetrators: z.array(Perpetrator).optional(),
    sensitive: z.object({
      health: SECTION_RESPONSE.health.optional(),
      sexualViolence: SECTION_RESPONSE.sexualViolence.optional(),
      criminalJustice: SECTION_RESPONSE.criminalJustice.optional(),
    }),
    withheld: z.array(z.enum(WITHHOLDABLE)).meta({
      description: 'Parts left out because the role is not granted them',
    }),
  })
  .meta({ id: 'CaseRecord' });
export type CaseRecord = z.infer<typeof CaseRecord>;
