import type {
  Approval,
  ApprovalRequestBody,
  DecisionBody,
  Timeline,
  Transition,
} from '../../src/shared/api/casework.schema.ts';
import type { Stage } from '../../src/shared/casework/lifecycle.ts';
import type { TestLantern, TestResponse, TestSession } from './test-app.ts';

/** Casework requests for tests: each answers the raw response, so tests can check refusals. */
export function casework(t: TestLantern) {
  const api = '/api/v1';
  return {
    move: (session: TestSession, caseId: string, to: Stage, reason = `Move to ${to}`) =>
      t.request('POST', `${api}/cases/${caseId}/transitions`, { session, body: { to, reason } }),
    request: (session: TestSession, caseId: string, body: ApprovalRequestBody) =>
      t.request('POST', `${api}/cases/${caseId}/approvals`, { session, body }),
    decide: (session: TestSession, approvalId: string, body: DecisionBody) =>
      t.request('POST', `${api}/approvals/${approvalId}/decision`, { session, body }),
    timeline: (session: TestSession, caseId: string) =>
      t.request('GET', `${api}/cases/${caseId}/timeline`, { session }),
    caseOf: (session: TestSession, caseId: string) =>
      t.request('GET', `${api}/cases/${caseId}`, { session }),
  };
}

/** The body of a successful response, or a failure naming the status and the error. */
export function ok<T>(res: TestResponse, status = 200): T {
  if (res.status !== status) {
    throw new Error(`expected ${status}, got ${res.status}: ${JSON.stringify(res.body)}`);
  }
  return res.json<T>();
}

export type { Approval, Timeline, Transition };
