import { randomUUID } from 'node:crypto';
import type { ServiceType } from '../../src/shared/codes/service-types.ts';
import type { ReferralDetail } from '../../src/shared/api/referrals.schema.ts';
import { SYSTEM } from '../../src/server/db/database.ts';
import type { TestLantern, TestResponse, TestSession } from './test-app.ts';

/**
 * Referral test helpers. Providers and services are written with plain SQL as the owner role
 * (the directory's own routes are tested elsewhere), so that these tests depend only on the
 * referral endpoints.
 */

/** Lists a provider; `providerOrgId` null: an external provider (no inbox on this instance). */
export async function insertProvider(
  t: TestLantern,
  o: { orgId: string; providerOrgId: string | null; name?: string; active?: boolean },
): Promise<string> {
  const id = randomUUID();
  const now = t.clock.now();
  await t.db.transaction(SYSTEM, (tx) =>
    tx.query(
      `INSERT INTO providers (id, org_id, provider_org_id, name, active, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $6)`,
      [id, o.orgId, o.providerOrgId, o.name ?? 'Harbour House', o.active ?? true, now],
    ),
  );
  return id;
}

/** A service of a provider, listed by `orgId` (a shelter in Rome, 5 days to answer, by default). */
export async function insertService(
  t: TestLantern,
  o: {
    orgId: string;
    providerId: string;
    serviceType?: ServiceType;
    name?: string;
    responseDays?: number;
    capacityTotal?: number | null;
    capacityAvailable?: number | null;
    active?: boolean;
  },
): Promise<string> {
  const id = randomUUID();
  const now = t.clock.now();
  await t.db.transaction(SYSTEM, (tx) =>
    tx.query(
      `INSERT INTO services (id, org_id, provider_id, service_type, name, country, latitude,
         longitude, languages, capacity_total, capacity_available, capacity_updated_at,
         response_days, active, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, 'IT', 41.9, 12.5, '{it,en}', $6, $7, $8, $9, $10, $8, $8)`,
      [
        id,
        o.orgId,
        o.providerId,
        o.serviceType ?? 'shelter',
        o.name ?? `Service ${id.slice(0, 6)}`,
        o.capacityTotal === undefined ? 10 : o.capacityTotal,
        o.capacityAvailable === undefined ? 4 : o.capacityAvailable,
        now,
        o.responseDays ?? 5,
        o.active ?? true,
      ],
    ),
  );
  return id;
}

export async function setServiceActive(t: TestLantern, serviceId: string, active: boolean) {
  await t.db.transaction(SYSTEM, (tx) =>
    tx.query('UPDATE services SET active = $2 WHERE id = $1', [serviceId, active]),
  );
}

/** Records consent for referral: to one service type, or to all (`serviceType` omitted). */
export async function grantReferralConsent(
  t: TestLantern,
  session: TestSession,
  caseId: string,
  serviceType?: ServiceType,
): Promise<void> {
  const res = await t.request('POST', `/api/v1/cases/${caseId}/consents`, {
    session,
    body: { purpose: 'referral', method: 'written', ...(serviceType ? { serviceType } : {}) },
  });
  if (res.status !== 201) throw new Error(`consent failed: ${JSON.stringify(res.body)}`);
}

export async function withdrawReferralConsent(
  t: TestLantern,
  session: TestSession,
  caseId: string,
  serviceType?: ServiceType,
): Promise<TestResponse> {
  return t.request('POST', `/api/v1/cases/${caseId}/consents/withdraw`, {
    session,
    body: { purpose: 'referral', ...(serviceType ? { serviceType } : {}) },
  });
}

/** Creates a draft through the API; fails the test on refusal. */
export async function createDraft(
  t: TestLantern,
  session: TestSession,
  body: Record<string, unknown>,
): Promise<ReferralDetail> {
  const res = await t.request('POST', '/api/v1/referrals', { session, body });
  if (res.status !== 201)
    throw new Error(`draft failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.json<ReferralDetail>();
}

/** Sends a draft through the API; fails the test on refusal. */
export async function sendDraft(
  t: TestLantern,
  session: TestSession,
  id: string,
): Promise<ReferralDetail> {
  const res = await t.request('POST', `/api/v1/referrals/${id}/send`, { session, body: {} });
  if (res.status !== 200) throw new Error(`send failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.json<ReferralDetail>();
}

/** `POST /referrals/:id/<action>` with a body. */
export const act = (
  t: TestLantern,
  session: TestSession,
  id: string,
  action: string,
  body: Record<string, unknown> = {},
): Promise<TestResponse> =>
  t.request('POST', `/api/v1/referrals/${id}/${action}`, { session, body });

/** The body each action needs. */
export const ACTION_BODY: Record<string, Record<string, unknown>> = {
  send: {},
  accept: {},
  start: {},
  decline: { reason: 'no_capacity' },
  complete: { outcome: 'service_provided' },
  withdraw: { reason: 'need_met' },
};

/** A referral's row as stored, read outside row-level security. */
export async function storedReferral(
  t: TestLantern,
  id: string,
): Promise<Record<string, unknown> | undefined> {
  const [row] = await t.database.superuser('SELECT * FROM referrals WHERE id = $1', [id]);
  return row;
}
