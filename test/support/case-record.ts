import type { TestLantern, TestSession } from './test-app.ts';

/** The URL of a part of a case's record: recordUrl(id, 'events') → /api/v1/cases/{id}/events. */
export const recordUrl = (caseId: string, part: string): string =>
  `/api/v1/cases/${caseId}/${part}`;

/** Valid bodies for each part of the case record; override any field. */
export const valid = {
  event: (over: Record<string, unknown> = {}) => ({
    type: 'Exploitation',
    country: 'IT',
    city: 'Castel Volturno',
    date: '2024-03-01',
    endDate: '2025-11-30',
    description: 'Held in a flat above the garage',
    ...over,
  }),
  perpetrator: (over: Record<string, unknown> = {}) => ({
    roles: ['RecruiterOrIntermediary', 'Exploiter'],
    name: 'Madam Joy',
    roleDetails: 'Promised a job in a hair salon',
    gender: 'Feminine',
    citizenship: 'NG',
    estimatedAge: 45,
    ...over,
  }),
  need: (over: Record<string, unknown> = {}) => ({
    type: 'Health',
    details: 'Needs a dentist',
    ...over,
  }),
};

async function created(t: TestLantern, s: TestSession, url: string, body: unknown) {
  const res = await t.request('POST', url, { session: s, body });
  if (res.status !== 201) throw new Error(`${url}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.json<{ id: string }>().id;
}

/** Ids of one event, one perpetrator and one need added to a case (by a supervisor). */
export interface RecordIds {
  eventId: string;
  perpetratorId: string;
  needId: string;
}

export async function addRecordParts(
  t: TestLantern,
  supervisor: TestSession,
  caseId: string,
): Promise<RecordIds> {
  return {
    eventId: await created(t, supervisor, recordUrl(caseId, 'events'), valid.event()),
    perpetratorId: await created(
      t,
      supervisor,
      recordUrl(caseId, 'perpetrators'),
      valid.perpetrator(),
    ),
    needId: await created(t, supervisor, recordUrl(caseId, 'needs'), valid.need()),
  };
}

export const RECORD_TABLES = [
  'case_profiles',
  'trafficking_events',
  'perpetrators',
  'needs',
  'assistance_plans',
  'plan_services',
  'follow_ups',
  'reintegration_assessments',
  'case_sensitive',
  'audit_log',
] as const;

/** Rows of every case-record table (and the audit log), counted outside row-level security. */
export async function recordRowCounts(t: TestLantern): Promise<Record<string, number>> {
  const [row] = await t.database.superuser(
    `SELECT ${RECORD_TABLES.map((n) => `(SELECT count(*)::int FROM ${n}) AS ${n}`).join(', ')}`,
  );
  return row as Record<string, number>;
}
