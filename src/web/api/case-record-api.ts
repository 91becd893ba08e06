import type {
  AssistancePlan,
  AssistancePlanBody,
  AssistancePlanResponse,
  CaseProfile,
  CaseProfileBody,
  CaseRecord,
  FollowUp,
  FollowUpBody,
  FollowUpList,
  Need,
  NeedBody,
  NeedList,
  NeedPatch,
  Perpetrator,
  PerpetratorBody,
  PerpetratorList,
  PerpetratorPatch,
  ReintegrationAssessment,
  ReintegrationBody,
  ReintegrationList,
  SECTION_BODY,
  SectionRecord,
  TraffickingEvent,
  TraffickingEventBody,
  TraffickingEventList,
  TraffickingEventPatch,
} from '../../shared/api/case-record.schema.ts';
import type { SensitiveSection } from '../../shared/policy/sensitive-sections.ts';
import { SECTION_SLUG } from '../../shared/policy/sensitive-sections.ts';
import type { z } from 'zod';
import { request } from './client.ts';

/** What a form sends: the request schema's input (fields with defaults may be left out). */
type Body<T extends z.ZodType> = z.input<T>;

const base = (caseId: string) => `/cases/${encodeURIComponent(caseId)}`;
const sub = (id: string) => encodeURIComponent(id);

/**
 * The case record on HTCDS 2.0 (docs/htcds-mapping.md). `record` gives everything the user's
 * role may see in one call; parts it may not see are absent and named in `withheld`
 * (show "not shown to your role", never "nothing recorded"). Sensitive sections and
 * perpetrators answer 403 to roles without their grant (`maySee` in
 * src/shared/policy/sensitive-sections.ts tells which, to hide what would be refused).
 */
export const caseRecordApi = {
  record: (caseId: string) => request<CaseRecord>('GET', `${base(caseId)}/record`),

  profile: (caseId: string) => request<CaseProfile>('GET', `${base(caseId)}/profile`),
  saveProfile: (caseId: string, body: Body<typeof CaseProfileBody>) =>
    request<CaseProfile>('PUT', `${base(caseId)}/profile`, body),

  events: (caseId: string) => request<TraffickingEventList>('GET', `${base(caseId)}/events`),
  addEvent: (caseId: string, body: Body<typeof TraffickingEventBody>) =>
    request<TraffickingEvent>('POST', `${base(caseId)}/events`, body),
  changeEvent: (caseId: string, eventId: string, body: Body<typeof TraffickingEventPatch>) =>
    request<TraffickingEvent>('PATCH', `${base(caseId)}/events/${sub(eventId)}`, body),
  removeEvent: (caseId: string, eventId: string) =>
    request<void>('DELETE', `${base(caseId)}/events/${sub(eventId)}`),

  needs: (caseId: string) => request<NeedList>('GET', `${base(caseId)}/needs`),
  addNeed: (caseId: string, body: Body<typeof NeedBody>) =>
    request<Need>('POST', `${base(caseId)}/needs`, body),
  changeNeed: (caseId: string, needId: string, body: Body<typeof NeedPatch>) =>
    request<Need>('PATCH', `${base(caseId)}/needs/${sub(needId)}`, body),

  plan: (caseId: string) => request<AssistancePlanResponse>('GET', `${base(caseId)}/plan`),
  savePlan: (caseId: string, body: Body<typeof AssistancePlanBody>) =>
    request<AssistancePlan>('PUT', `${base(caseId)}/plan`, body),

  followUps: (caseId: string) => request<FollowUpList>('GET', `${base(caseId)}/follow-ups`),
  addFollowUp: (caseId: string, body: Body<typeof FollowUpBody>) =>
    request<FollowUp>('POST', `${base(caseId)}/follow-ups`, body),

  reintegration: (caseId: string) =>
    request<ReintegrationList>('GET', `${base(caseId)}/reintegration`),
  addReintegration: (caseId: string, body: Body<typeof ReintegrationBody>) =>
    request<ReintegrationAssessment>('POST', `${base(caseId)}/reintegration`, body),

  section: <S extends SensitiveSection>(caseId: string, section: S) =>
    request<SectionRecord<S>>('GET', `${base(caseId)}/sensitive/${SECTION_SLUG[section]}`),
  saveSection: <S extends SensitiveSection>(
    caseId: string,
    section: S,
    body: Body<(typeof SECTION_BODY)[S]>,
  ) => request<SectionRecord<S>>('PUT', `${base(caseId)}/sensitive/${SECTION_SLUG[section]}`, body),

  perpetrators: (caseId: string) => request<PerpetratorList>('GET', `${base(caseId)}/perpetrators`),
  addPerpetrator: (caseId: string, body: Body<typeof PerpetratorBody>) =>
    request<Perpetrator>('POST', `${base(caseId)}/perpetrators`, body),
  changePerpetrator: (caseId: string, perpetratorId: string, body: Body<typeof PerpetratorPatch>) =>
    request<Perpetrator>('PATCH', `${base(caseId)}/perpetrators/${sub(perpetratorId)}`, body),
  removePerpetrator: (caseId: string, perpetratorId: string) =>
    request<void>('DELETE', `${base(caseId)}/perpetrators/${sub(perpetratorId)}`),
};
