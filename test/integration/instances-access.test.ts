import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorOf } from '../support/api.ts';
import {
  createDraft,
  grantReferralConsent,
  insertProvider,
  insertService,
  sendDraft,
} from '../support/referrals.ts';
import type { TestSession } from '../support/test-app.ts';
import { TestLantern } from '../support/test-app.ts';

// The package downloads decide the side before anything else: a user who is not the referral's
// sender (or receiver) learns nothing, not even whether the referral involves a partner.
describe('package downloads: the side is checked first', () => {
  let t: TestLantern;
  let id: string;
  let receiverWorker: TestSession;
  let senderProvider: TestSession;

  beforeAll(async () => {
    t = await TestLantern.start();
    const orgA = await t.createOrg('Sending NGO');
    const orgB = await t.createOrg('Receiving shelter');
    const a = await t.signIn(orgA, 'caseworker');
    receiverWorker = await t.signIn(orgB, 'caseworker');
    senderProvider = await t.signIn(orgA, 'provider');
    const p = await insertProvider(t, { orgId: orgB, providerOrgId: orgB });
    const shelter = await insertService(t, { orgId: orgB, providerId: p });
    const { id: caseId } = await t.createCase(a);
    await grantReferralConsent(t, a, caseId, 'shelter');
    id = (await createDraft(t, a, { caseId, serviceId: shelter, fields: ['givenName'] })).id;
    await sendDraft(t, a, id);
  });
  afterAll(() => t.close());

  it('answers 404 to a caseworker of the receiving organisation asking for the referral package', async () => {
    const res = await t.request('GET', `/api/v1/referrals/${id}/package`, {
      session: receiverWorker,
    });
    expect(res.status).toBe(404);
    expect(errorOf(res).code).toBe('not_found');
  });

  it('answers 404 to a provider of the sending organisation asking for a reply package', async () => {
    const res = await t.request('GET', `/api/v1/referrals/${id}/reply-package`, {
      session: senderProvider,
    });
    expect(res.status).toBe(404);
    expect(errorOf(res).code).toBe('not_found');
  });
});
