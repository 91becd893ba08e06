import { randomBytes, randomUUID } from 'node:crypto';
import type { InstanceCard, Partner } from '../../src/shared/api/instances.schema.ts';
import type { PackageImportResult } from '../../src/shared/api/instances.schema.ts';
import type { ContributionDetail } from '../../src/shared/api/hub-contributions.schema.ts';
import type { Publication } from '../../src/shared/api/hub.schema.ts';
import type { EncodingFile } from '../../src/shared/api/linkage.schema.ts';
import type { WebhookWithSecret } from '../../src/shared/api/notify.schema.ts';
import type {
  TracingRequestDetail,
  TracingSearchResult,
} from '../../src/shared/api/tracing.schema.ts';
import { cardOf } from '../../src/server/instances/identity.ts';
import type { ReferralPackageBody } from '../../src/server/instances/package-body.ts';
import type {
  InstanceSecrets,
  LanternPackage,
  PublicIdentity,
} from '../../src/server/instances/package.ts';
import { generateInstanceSecrets, sealPackage } from '../../src/server/instances/package.ts';
import { createProvider, createService } from './directory.ts';
import { createPublication, ctdcTable, importCtdc } from './hub.ts';
import { act, createDraft, grantReferralConsent, sendDraft } from './referrals.ts';
import type { TestLantern, TestResponse, TestSession } from './test-app.ts';

/**
 * The records the permission matrix (test/integration/permissions.test.ts) needs for the Refer
 * endpoints, in one organisation: its directory listings, referrals in each state, a
 * notification, a webhook with its deliveries, partner instances and referrals that travel as
 * sealed packages. Everything is made through the API, by users of that organisation, so that
 * each record is exactly what the endpoint under test finds in production.
 */
export interface ReferTarget {
  /** A provider the organisation lists and whose referrals it receives itself. */
  providerId: string;
  /** Its shelter: listed and received by the organisation. */
  serviceId: string;
  /**
   * A referral sent from one of the organisation's cases to its own shelter: the organisation
   * is both its sender and its receiver, so one record serves the sender's and the inbox's
   * endpoints (the role alone decides which side a user may take).
   */
  referralId: string;
  /** A draft of the same kind (PATCH changes a draft only). */
  draftId: string;
  /** A fresh referral of the same kind in the given state, for a cell that changes the state. */
  newReferral?: (state: 'draft' | 'sent' | 'accepted') => Promise<string>;
  /** The in-app notification of `referralId`'s sending (receiver side: no named users). */
  notificationId: string;
  /** A webhook endpoint of the organisation, and a way to add a fresh one (DELETE). */
  webhookId: string;
  newWebhook?: () => Promise<string>;
  /** A fresh finished (failed) delivery to `webhookId`: a retry needs one (202 puts it back). */
  deliveryId: string;
  newDelivery?: () => Promise<string>;
  /** The partner instance the organisation trusts, and a way to add a fresh one (DELETE). */
  partnerId: string;
  newPartner?: () => Promise<string>;
  /** A service of an external provider, for listing it at the partner and back. */
  linkServiceId: string;
  /** A referral sent to a service offered at the partner instance. */
  outgoingReferralId: string;
  /** The same, withdrawn after sending: its withdrawal travels as a package. */
  withdrawnReferralId: string;
  /** A referral received from the partner instance and accepted: its answer travels back. */
  incomingReferralId: string;
  /** A fresh sealed referral package from the partner to the organisation's shelter. */
  newIncomingPackage?: () => LanternPackage;
}

/** A target of the right shape naming nothing that exists. */
export function missingReferTarget(): ReferTarget {
  return {
    providerId: randomUUID(),
    serviceId: randomUUID(),
    referralId: randomUUID(),
    draftId: randomUUID(),
    notificationId: randomUUID(),
    webhookId: randomUUID(),
    deliveryId: randomUUID(),
    partnerId: randomUUID(),
    linkServiceId: randomUUID(),
    outgoingReferralId: randomUUID(),
    withdrawnReferralId: randomUUID(),
    incomingReferralId: randomUUID(),
  };
}

/**
 * Another Lantern instance (a mission in another country) as the matrix needs it: its keys
 * and card only. It has no database: the referral packages it "sends" are sealed here with the
 * production sealPackage under its keys, with a body typed as the importer parses it
 * (ReferralPackageBody), so a package the importer did not accept would fail the cells that
 * expect 201, never make a refusal pass.
 */
export interface PartnerInstance {
  secrets: InstanceSecrets;
  card: InstanceCard;
}

export function partnerInstance(name = 'Mission Nigeria'): PartnerInstance {
  const secrets = generateInstanceSecrets(randomUUID());
  return { secrets, card: cardOf({ name, ...secrets }) };
}

function ok<T>(res: TestResponse, status: number, what: string): T {
  if (res.status !== status) {
    throw new Error(`${what}: ${res.status} ${JSON.stringify(res.body)}`);
  }
  return res.json<T>();
}

/** Adds a partner instance to the organisation of `admin`, verified by its fingerprint. */
async function addPartner(t: TestLantern, admin: TestSession, card: InstanceCard) {
  const res = await t.request('POST', '/api/v1/partners', {
    session: admin,
    body: { card, fingerprint: card.fingerprint },
  });
  return ok<Partner>(res, 201, 'partner').id;
}

/**
 * A sealed referral package from `partner` to this instance (`me`), for `serviceId` (a service
 * whose referrals the importing organisation receives). Each call is a new referral at the
 * partner and a new package: importing it once is never a replay.
 */
export function referralPackage(
  partner: PartnerInstance,
  me: PublicIdentity,
  serviceId: string,
  now: Date,
): LanternPackage {
  const body: ReferralPackageBody = {
    referral: {
      id: randomUUID(),
      reference: 'R-2026-000001',
      serviceId,
      serviceType: 'shelter',
      urgency: 'routine',
      fromOrganisation: partner.card.name,
      sentAt: now.toISOString(),
      fields: ['givenName'],
      snapshot: { givenName: 'Amina' },
      message: null,
    },
  };
  return sealPackage({
    kind: 'referral',
    sender: partner.secrets,
    recipient: me,
    plaintext: Buffer.from(JSON.stringify(body), 'utf8'),
    now,
  });
}

/** Builds the Refer records of `orgId` (see ReferTarget), trusting `partner`. */
export async function referTarget(
  t: TestLantern,
  orgId: string,
  partner: PartnerInstance,
): Promise<ReferTarget> {
  const [admin, lead, worker, provider] = [
    await t.signIn(orgId, 'admin'),
    await t.signIn(orgId, 'supervisor'),
    await t.signIn(orgId, 'caseworker'),
    await t.signIn(orgId, 'provider'),
  ];

  // the directory: a provider the organisation lists and receives for itself, with a shelter
  const listed = await createProvider(t, admin, { providerOrgId: orgId });
  const { id: serviceId } = await createService(t, admin, listed.id);

  // referrals of one case, with consent for referral to any service type
  const { id: caseId } = await t.createCase(worker);
  await grantReferralConsent(t, worker, caseId);
  const referTo = async (service: string, state: 'draft' | 'sent' | 'accepted' | 'withdrawn') => {
    const { id } = await createDraft(t, worker, {
      caseId,
      serviceId: service,
      fields: ['givenName'],
    });
    if (state === 'draft') return id;
    await sendDraft(t, worker, id);
    if (state === 'accepted') ok(await act(t, provider, id, 'accept'), 200, 'accept');
    if (state === 'withdrawn') {
      ok(await act(t, worker, id, 'withdraw', { reason: 'need_met' }), 200, 'withdraw');
    }
    return id;
  };
  const newReferral = (state: 'draft' | 'sent' | 'accepted') => referTo(serviceId, state);
  const referralId = await newReferral('sent');
  const draftId = await newReferral('draft');
  const [sent] = await t.database.superuser(
    `SELECT id FROM notify_events WHERE subject_id = $1 AND type = 'referral.sent'`,
    [referralId],
  );
  if (!sent) throw new Error('no notification of the sending');

  // a webhook endpoint; a delivery is finished (failed) by hand: no worker runs in tests
  const newWebhook = async () => {
    const res = await t.request('POST', '/api/v1/webhooks', {
      session: admin,
      body: { url: 'https://hooks.example.org/lantern' },
    });
    return ok<WebhookWithSecret>(res, 201, 'webhook').id;
  };
  const webhookId = await newWebhook();
  const newDelivery = async () => {
    const res = await t.request('POST', `/api/v1/webhooks/${webhookId}/ping`, { session: admin });
    const { deliveryId } = ok<{ deliveryId: string }>(res, 202, 'ping');
    await t.database.superuser(
      `UPDATE notify_deliveries SET status = 'failed', attempts = 1, next_attempt_at = NULL,
              last_status_code = 500, last_error = 'HTTP 500' WHERE id = $1`,
      [deliveryId],
    );
    return deliveryId;
  };

  // between instances: the partner, trusted; a service offered there; referrals to it
  const partnerId = await addPartner(t, admin, partner.card);
  const newPartner = () => addPartner(t, admin, partnerInstance('Mission Ghana').card);
  const external = await createProvider(t, admin, { name: 'Lagos Haven', providerOrgId: null });
  const atPartner = await createService(t, admin, external.id, { name: 'Lagos shelter' });
  ok(
    await t.request('PUT', `/api/v1/services/${atPartner.id}/partner`, {
      session: admin,
      body: { partnerId, remoteServiceId: randomUUID() },
    }),
    200,
    'service link',
  );
  const linkService = await createService(t, admin, external.id, { name: 'Lagos drop-in' });

  // a referral from the partner, imported and accepted: it has an answer to send back
  const me = ok<InstanceCard>(
    await t.request('GET', '/api/v1/instance/identity', { session: admin }),
    200,
    'identity',
  );
  const newIncomingPackage = () => referralPackage(partner, me, serviceId, t.clock.now());
  const imported = ok<PackageImportResult>(
    await t.request('POST', '/api/v1/referral-packages', {
      session: lead,
      body: newIncomingPackage(),
    }),
    201,
    'import',
  );
  ok(await act(t, provider, imported.referralId, 'accept'), 200, 'accept incoming');

  return {
    providerId: listed.id,
    serviceId,
    referralId,
    draftId,
    newReferral,
    notificationId: String(sent.id),
    webhookId,
    newWebhook,
    deliveryId: await newDelivery(),
    newDelivery,
    partnerId,
    newPartner,
    linkServiceId: linkService.id,
    outgoingReferralId: await referTo(atPartner.id, 'sent'),
    withdrawnReferralId: await referTo(atPartner.id, 'withdrawn'),
    incomingReferralId: imported.referralId,
    newIncomingPackage,
  };
}

/**
 * The records the permission matrix needs for the Reunite endpoints, in one organisation:
 * tracing requests at each step of their workflow (src/shared/reunite/tracing-lifecycle.ts),
 * each with a candidate case that consents to family tracing, and duplicate pairs found by the
 * organisation's scan. Made through the API by users of that organisation, like ReferTarget.
 */
export interface ReuniteTarget {
  /** An open tracing request, searched: its candidate `candidateId` is proposed. */
  tracingId: string;
  candidateId: string;
  /** A fresh request at `stage` (see TracingStage), for a cell that changes its state. */
  newTracing?: (stage: TracingStage) => Promise<{ id: string; candidateId?: string }>;
  /** An open duplicate pair of two cases of the organisation, and one of its cases. */
  duplicateId: string;
  duplicateCaseId: string;
  /** A fresh open pair: two new cases of one person, then a scan; `keep` is one of them. */
  newDuplicate?: () => Promise<{ id: string; keep: string }>;
  /** The organisation's encoding file under LINKAGE_SECRET, made by its supervisor. */
  encodings?: EncodingFile;
}

/** The secret the matrix's two organisations share for privacy-preserving linkage. */
export const LINKAGE_SECRET = randomBytes(32).toString('hex');

/**
 * Where a fresh tracing request stands. `new`: open, never searched. `searched`: open, with a
 * proposed candidate. `matched`: that candidate confirmed. `verified adult`: verified, the
 * sought person an adult (reunification is next). `verified child`: verified, a child (the
 * best-interest determination is next).
 */
export type TracingStage = 'new' | 'searched' | 'matched' | 'verified adult' | 'verified child';

export function missingReuniteTarget(): ReuniteTarget {
  return {
    tracingId: randomUUID(),
    candidateId: randomUUID(),
    duplicateId: randomUUID(),
    duplicateCaseId: randomUUID(),
  };
}

/** The sought persons of the matrix's tracing requests, and the cases that match them. */
const SOUGHT = {
  adult: {
    sought: { givenName: 'Samir', familyName: 'Haddad', dateOfBirth: '1980-02-01', sex: 'M' },
    person: {
      givenName: 'Samir',
      familyName: 'Haddad',
      dateOfBirth: '1980-02-01',
      gender: 'Masculine',
    },
  },
  child: {
    sought: { givenName: 'Layla', familyName: 'Mansour', dateOfBirth: '2015-09-10', sex: 'F' },
    person: {
      givenName: 'Layla',
      familyName: 'Mansour',
      dateOfBirth: '2015-09-10',
      gender: 'Feminine',
    },
  },
} as const;

/** A valid body for POST /tracing-requests: a family seeks the adult (or the child) of SOUGHT. */
export const tracingRequestBody = (who: keyof typeof SOUGHT = 'adult') => ({
  sought: { ...SOUGHT[who].sought, relationshipToEnquirer: 'sibling' },
  enquirer: { name: 'Fatima Haddad', kind: 'family', phone: '+961 1 234 567' },
});

// Names of the fresh duplicate pairs: each pair its own person (56 of them, more than the
// matrix makes), so that a scan pairs its two cases with each other and with no other pair's.
const GIVEN = ['Tigist', 'Hawa', 'Mariam', 'Selam', 'Nour', 'Rahel', 'Fatou', 'Esi'];
const FAMILY = ['Bekele', 'Diallo', 'Tesfaye', 'Mensah', 'Kovalenko', 'Yilmaz', 'Ndiaye'];

/** Builds the Reunite records of `orgId` (see ReuniteTarget). */
export async function reuniteTarget(t: TestLantern, orgId: string): Promise<ReuniteTarget> {
  const [lead, worker] = [await t.signIn(orgId, 'supervisor'), await t.signIn(orgId, 'caseworker')];
  const post = (url: string, body: unknown, session = worker) =>
    t.request('POST', url, { session, body });

  // the cases a search finds: an adult and a child, each consenting to family tracing (the
  // child's consent given by a guardian, with the child's assent)
  const caseOf = async (who: keyof typeof SOUGHT): Promise<string> => {
    const { id } = await t.createCase(worker, {
      person: SOUGHT[who].person,
      citizenship: 'LB',
      countryOfExploitation: 'LB',
    });
    const consent =
      who === 'child'
        ? {
            purpose: 'family_tracing',
            method: 'guardian',
            guardian: { relationship: 'appointed_guardian', name: 'A. Guardian' },
            childAssent: 'given',
          }
        : { purpose: 'family_tracing', method: 'verbal' };
    ok(await post(`/api/v1/cases/${id}/consents`, consent), 201, 'tracing consent');
    return id;
  };
  const found = { adult: await caseOf('adult'), child: await caseOf('child') };

  const newTracing = async (stage: TracingStage) => {
    const who = stage === 'verified child' ? 'child' : 'adult';
    const { id } = ok<TracingRequestDetail>(
      await post('/api/v1/tracing-requests', tracingRequestBody(who)),
      201,
      'tracing request',
    );
    if (stage === 'new') return { id };
    const { candidates } = ok<TracingSearchResult>(
      await post(`/api/v1/tracing-requests/${id}/search`, undefined),
      200,
      'tracing search',
    );
    const candidate = candidates.find((c) => c.caseId === found[who]);
    if (!candidate) throw new Error(`tracing search: the ${who}'s case was not proposed`);
    const at = `/api/v1/tracing-requests/${id}`;
    if (stage !== 'searched') {
      ok(await post(`${at}/candidates/${candidate.id}/confirm`, {}), 200, 'confirm');
    }
    if (stage === 'verified adult' || stage === 'verified child') {
      const verify = { outcome: 'verified', method: 'interview_both_parties' };
      ok(await post(`${at}/verify`, verify), 200, 'verify');
    }
    return { id, candidateId: candidate.id };
  };
  const searched = await newTracing('searched');

  let pairs = 0;
  const newDuplicate = async () => {
    const n = pairs++;
    const person = {
      givenName: GIVEN[n % GIVEN.length]!,
      familyName: FAMILY[Math.floor(n / GIVEN.length) % FAMILY.length]!,
      dateOfBirth: `19${70 + (n % 30)}-03-14`,
      gender: 'Feminine' as const,
    };
    const a = await t.createCase(worker, { person });
    const b = await t.createCase(worker, { person });
    ok(await post('/api/v1/duplicates/scan', {}, lead), 200, 'duplicate scan');
    const [caseA, caseB] = a.id < b.id ? [a.id, b.id] : [b.id, a.id];
    const [row] = await t.database.superuser(
      `SELECT id FROM duplicate_pairs WHERE case_a = $1 AND case_b = $2 AND state = 'open'`,
      [caseA, caseB],
    );
    if (!row) throw new Error('duplicate scan: the two cases were not paired');
    return { id: String(row.id), keep: a.id };
  };
  const pair = await newDuplicate();

  // the organisation's consenting cases (the two above) as Bloom-filter encodings
  const encodings = ok<EncodingFile>(
    await post('/api/v1/linkage/encodings', { secret: LINKAGE_SECRET }, lead),
    200,
    'linkage encodings',
  );

  return {
    tracingId: searched.id,
    candidateId: searched.candidateId!,
    newTracing,
    duplicateId: pair.id,
    duplicateCaseId: pair.keep,
    newDuplicate,
    encodings,
  };
}

/**
 * The records the permission matrix needs for the data hub's endpoints (docs/hub.md), made
 * through the API by users of one organisation. Contributions are the organisation's own
 * (row-level security); the store's sources and the publications are of the instance
 * (docs/decisions/0009-data-hub.md), made here by the organisation's analyst.
 */
export interface HubTarget {
  /** A prepared contribution of the organisation's two cases consenting to statistics. */
  contributionId: string;
  /**
   * A fresh contribution of the same cases, prepared (approve and reject act on one) or
   * approved (withdraw acts on one). Prepared by a supervisor of the organisation and approved
   * by another: never the matrix's own supervisor, so that four-eyes does not refuse it.
   */
  newContribution?: (state: 'prepared' | 'approved') => Promise<string>;
  /** A CTDC file imported by the organisation's analyst: one source of the hub store. */
  hubSourceId: string;
  /** A released k-anonymised publication of that source. */
  publicationId: string;
  /** A fresh draft publication of that source (a release needs one: a released one is 409). */
  newPublication?: () => Promise<string>;
}

export function missingHubTarget(): HubTarget {
  return { contributionId: randomUUID(), hubSourceId: randomUUID(), publicationId: randomUUID() };
}

/** Rows of the matrix's imported CTDC file: enough for k = 11, small enough to be quick. */
const HUB_ROWS = 300;

/** Builds the data-hub records of `orgId` (see HubTarget). */
export async function hubTarget(t: TestLantern, orgId: string, seed: number): Promise<HubTarget> {
  const [preparer, approver, worker, analyst] = [
    await t.signIn(orgId, 'supervisor'),
    await t.signIn(orgId, 'supervisor'),
    await t.signIn(orgId, 'caseworker'),
    await t.signIn(orgId, 'analyst'),
  ];

  // two cases alike in every quasi-identifier, consenting to statistics: k = 2 is met as they are
  for (let i = 0; i < 2; i++) {
    const { id } = await t.createCase(worker);
    ok(
      await t.request('POST', `/api/v1/cases/${id}/consents`, {
        session: worker,
        body: { purpose: 'statistics', method: 'written' },
      }),
      201,
      'statistics consent',
    );
  }
  const newContribution = async (state: 'prepared' | 'approved') => {
    const { id } = ok<ContributionDetail>(
      await t.request('POST', '/api/v1/hub/contributions', { session: preparer, body: { k: 2 } }),
      201,
      'contribution',
    );
    if (state === 'approved') {
      ok(
        await t.request('POST', `/api/v1/hub/contributions/${id}/approve`, {
          session: approver,
          body: {},
        }),
        200,
        'contribution approval',
      );
    }
    return id;
  };

  const { id: hubSourceId } = await importCtdc(t, analyst, ctdcTable(HUB_ROWS, seed));
  const newPublication = async () =>
    ok<Publication>(
      await createPublication(t, analyst, { kind: 'microdata', sourceIds: [hubSourceId] }),
      201,
      'publication',
    ).id;
  const publicationId = await newPublication();
  ok(
    await t.request('POST', `/api/v1/hub/publications/${publicationId}/release`, {
      session: analyst,
    }),
    200,
    'release',
  );

  return {
    contributionId: await newContribution('prepared'),
    newContribution,
    hubSourceId,
    publicationId,
    newPublication,
  };
}
