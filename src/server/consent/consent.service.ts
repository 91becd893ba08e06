import type {
  ConsentGrantBody,
  ConsentOverview,
  ConsentRecord,
  ConsentState,
  ConsentWithdrawBody,
} from '../../shared/api/consent.schema.ts';
import { SERVICE_TYPES } from '../../shared/codes/service-types.ts';
import type { ConsentQuestion } from '../../shared/consent/index.ts';
import { CHILD_AGE_LIMIT, decideConsent, grantIssues } from '../../shared/consent/index.ts';
import { ageOn } from '../cases/case-age.ts';
import { open, seal } from '../crypto/aead.ts';
import type { OrgKeys } from '../crypto/keyring.ts';
import { AppError } from '../http/app-error.ts';
import type { ServiceContext } from '../http/context.ts';
import { openIdentity } from '../persons/person-identity.ts';
import { newId } from '../shared/ids.ts';
import type { CaseAgeRow, ConsentRow, NewConsent } from './consent.repo.ts';
import { findCaseAge, findConsent, insertConsent, listConsents } from './consent.repo.ts';
import { notifyConsentWithdrawn } from './consent-withdrawn.ts';
import { toEntry } from './may-i.ts';

// Sealed values are bound to their record: a name moved to another record fails to decrypt.
const guardianAad = (id: string) => `consent-guardian:${id}`;
const noteAad = (id: string) => `consent-note:${id}`;
const sealText = (keys: OrgKeys, value: string, aad: string) =>
  seal(keys.encryption, Buffer.from(value, 'utf8'), aad);
const openText = (keys: OrgKeys, sealed: Uint8Array | null, aad: string) =>
  sealed ? open(keys.encryption, sealed, aad).toString('utf8') : null;

/**
 * Whether the person is under 18 on `today`: exactly from the date of birth when it is known,
 * else from the age at registration plus the whole years since (a lower bound: a stated age is
 * approximate, and erring towards "child" asks for a guardian rather than skipping one).
 * Null when no age is known. The date of birth is used here only, never returned.
 */
function personIsChild(c: CaseAgeRow, keys: OrgKeys, today: string): boolean | null {
  const dob = openIdentity(keys, c.personId, c.identity).dateOfBirth;
  if (dob) return ageOn(dob, today) < CHILD_AGE_LIMIT;
  if (c.ageAtRegistration === null) return null;
  return c.ageAtRegistration + ageOn(c.registrationDate, today) < CHILD_AGE_LIMIT;
}

async function requireCase(ctx: ServiceContext, caseId: string): Promise<CaseAgeRow> {
  const c = await findCaseAge(ctx.tx, caseId);
  if (!c) throw AppError.notFound('case');
  return c;
}

function present(keys: OrgKeys, r: ConsentRow): ConsentRecord {
  const name = openText(keys, r.guardianName, guardianAad(r.id));
  return {
    id: r.id,
    caseId: r.caseId,
    purpose: r.purpose,
    serviceType: r.serviceType,
    granted: r.granted,
    method: r.method,
    guardian:
      r.guardianRelationship && name !== null
        ? { relationship: r.guardianRelationship, name }
        : null,
    childAssent: r.childAssent,
    expiresOn: r.expiresOn,
    note: openText(keys, r.note, noteAad(r.id)),
    recordedBy: { id: r.recordedById, displayName: r.recordedByName },
    recordedAt: r.recordedAt.toISOString(),
  };
}

/** Every question the overview answers: each purpose, and referral once per service type. */
const QUESTIONS: ConsentQuestion[] = [
  { purpose: 'assistance' },
  ...SERVICE_TYPES.map((serviceType) => ({ purpose: 'referral' as const, serviceType })),
  { purpose: 'statistics' },
  { purpose: 'family_tracing' },
];

/** A case's consent history (newest first) and today's answer per purpose; the read is audited. */
export async function getConsents(ctx: ServiceContext, caseId: string): Promise<ConsentOverview> {
  const c = await requireCase(ctx, caseId);
  const keys = await ctx.keys();
  const now = ctx.clock.now();
  const rows = await listConsents(ctx.tx, caseId);
  const entries = rows.map(toEntry);
  const current = QUESTIONS.map((q): ConsentState => {
    const d = decideConsent(entries, q, now);
    return {
      purpose: q.purpose,
      serviceType: q.serviceType ?? null,
      allowed: d.allowed,
      basis: d.basis,
      reason: d.reason,
      consentId: d.consentId ?? null,
      expiresOn: d.expiresOn ?? null,
    };
  });
  const fields = [
    ...(rows.some((r) => r.guardianName) ? ['guardian.name'] : []),
    ...(rows.some((r) => r.note) ? ['note'] : []),
  ];
  await ctx.audit({ action: 'consent.read', recordType: 'case', recordId: caseId, fields });
  return {
    caseId,
    personIsChild: personIsChild(c, keys, now.toISOString().slice(0, 10)),
    current,
    history: rows.map((r) => present(keys, r)).reverse(),
  };
}

async function record(ctx: ServiceContext, row: NewConsent): Promise<ConsentRecord> {
  await insertConsent(ctx.tx, row);
  const stored = await findConsent(ctx.tx, row.id);
  if (!stored) throw new Error('consent record not found after insert');
  return present(await ctx.keys(), stored);
}

/** Names of the fields a request filled in: what the audit entry records, never values. */
const filled = (body: object): string[] =>
  Object.entries(body)
    .filter(([, v]) => v !== undefined)
    .map(([k]) => k);

/** Records a grant of consent for one purpose (and service type), checking the child rule. */
export async function grantConsent(
  ctx: ServiceContext,
  caseId: string,
  body: ConsentGrantBody,
): Promise<ConsentRecord> {
  const c = await requireCase(ctx, caseId);
  const keys = await ctx.keys();
  const now = ctx.clock.now();
  const today = now.toISOString().slice(0, 10);
  const issues = grantIssues(body, { personIsChild: personIsChild(c, keys, today), today });
  if (issues.length > 0) throw AppError.invalid(issues);
  const id = newId();
  const created = await record(ctx, {
    id,
    orgId: ctx.actor.orgId,
    caseId,
    purpose: body.purpose,
    serviceType: body.serviceType ?? null,
    granted: true,
    method: body.method,
    guardianRelationship: body.guardian?.relationship ?? null,
    guardianName: body.guardian ? sealText(keys, body.guardian.name, guardianAad(id)) : null,
    childAssent: body.childAssent ?? null,
    expiresOn: body.expiresOn ?? null,
    note: body.note ? sealText(keys, body.note, noteAad(id)) : null,
    recordedBy: ctx.actor.userId,
    recordedAt: now,
  });
  await ctx.audit({
    action: 'consent.granted',
    recordType: 'consent',
    recordId: id,
    fields: filled(body),
  });
  return created;
}

/**
 * Records a withdrawal (or, with nothing granted before, a refusal). Always possible: no
 * method, guardian or reason is required (GDPR art. 7(3): as easy to withdraw as to give).
 * Then runs the `onConsentWithdrawn` listeners in the same transaction.
 */
export async function withdrawConsent(
  ctx: ServiceContext,
  caseId: string,
  body: ConsentWithdrawBody,
): Promise<ConsentRecord> {
  await requireCase(ctx, caseId);
  if (body.serviceType && body.purpose !== 'referral') {
    throw AppError.invalid([
      { path: 'serviceType', message: 'applies only to the referral purpose' },
    ]);
  }
  const keys = await ctx.keys();
  const now = ctx.clock.now();
  const id = newId();
  const serviceType = body.serviceType ?? null;
  const created = await record(ctx, {
    id,
    orgId: ctx.actor.orgId,
    caseId,
    purpose: body.purpose,
    serviceType,
    granted: false,
    method: body.method ?? null,
    guardianRelationship: null,
    guardianName: null,
    childAssent: null,
    expiresOn: null,
    note: body.note ? sealText(keys, body.note, noteAad(id)) : null,
    recordedBy: ctx.actor.userId,
    recordedAt: now,
  });
  await ctx.audit({
    action: 'consent.withdrawn',
    recordType: 'consent',
    recordId: id,
    fields: filled(body),
  });
  await notifyConsentWithdrawn(ctx, {
    caseId,
    purpose: body.purpose,
    serviceType,
    consentId: id,
    at: now,
  });
  return created;
}
