import type {
  Answers,
  InstrumentDefinition,
  InstrumentList,
  ScreeningDetail,
  ScreeningList,
} from '../../shared/api/screenings.schema.ts';
import { request } from './client.ts';

const casePath = (caseId: string) => `/cases/${encodeURIComponent(caseId)}/screenings`;
const screeningPath = (caseId: string, id: string) =>
  `${casePath(caseId)}/${encodeURIComponent(id)}`;

/** What the wizard sends with each step: all answers so far, and keys skip logic now hides. */
export interface AnswerChanges {
  version: string;
  answers: Answers;
  remove: string[];
}

export const screeningsApi = {
  instruments: () => request<InstrumentList>('GET', '/instruments'),
  instrument: (id: string, version: string) =>
    request<InstrumentDefinition>(
      'GET',
      `/instruments/${encodeURIComponent(id)}/${encodeURIComponent(version)}`,
    ),
  list: (caseId: string) => request<ScreeningList>('GET', casePath(caseId)),
  start: (caseId: string, instrumentId: string) =>
    request<ScreeningDetail>('POST', casePath(caseId), { instrumentId }),
  get: (caseId: string, id: string) => request<ScreeningDetail>('GET', screeningPath(caseId, id)),
  answer: (caseId: string, id: string, changes: AnswerChanges) =>
    request<ScreeningDetail>('PATCH', screeningPath(caseId, id), changes),
  complete: (caseId: string, id: string, changes: AnswerChanges) =>
    request<ScreeningDetail>('POST', `${screeningPath(caseId, id)}/complete`, changes),
};
