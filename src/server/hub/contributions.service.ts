/**
 * Contributions of an organisation to the data hub (docs/hub.md, "Contributions"): prepared
 * from the cases that consent to statistics now, k-anonymised at the organisation, approved by a
 * second supervisor (four-eyes), then copied into the hub store as one source; rejected with a
 * reason; withdrawn (its rows leave the store). Every write is audited in the organisation's
 * chain; nothing here returns or stores a name, a case id or a reference.
 */
import type {
  ContributionAction,
  ContributionDetail,
  ContributionList,
  ContributionListQuery,
  ContributionPrepareBody,
  ContributionRejectBody,
  ContributionSummary,
  ContributionWithdrawBody,
} from '../../shared/api/hub-contributions.schema.ts';
import {
  CONTRIBUTION_DEFAULT_QI,
  CONTRIBUTION_PREVIEW_ROWS,
} from '../../shared/api/hub-contributions.schema.ts';
import { CTDC_COLUMNS, ctdcRowOfCase } from '../../shared/hub/ctdc/index.ts';
import { openText, sealText } from '../crypto/sealed-values.ts';
import type { OrgKeys } from '../crypto/keyring.ts';
import { AppError } from '../http/app-error.ts';
import type { ServiceContext } from '../http/context.ts';
import { findOrganisation } from '../organisations/organisations.repo.ts';
import { openIdentity } from '../persons/person-identity.ts';
import { newId } from '../shared/ids.ts';
import { insertHubSource, withdrawHubSource } from './hub-store.repo.ts';
import { caseInputOf } from './contribution-case-input.ts';
import { casesConsentingToStatistics } from './contribution-consents.ts';
import {
  checkStoredRows,
  disclosureRefusal,
  qiWithoutHierarchy,
  runDisclosureCheck,
} from './contribution-disclosure.ts';
import type { ContributionRow, Period } from './contributions.repo.ts';
import {
  countContributionCases,
  findContribution,
  findContributionRows,
  insertContribution,
  insertContributionCases,
  listContributionConsents,
  listContributions as listContributionRows,
  listPeriodCases,
  listPeriodStatisticsConsents,
  saveDecision,
  saveWithdrawal,
} from './contributions.repo.ts';

const RECORD = 'hub_contribution';
const reasonAad = (id: string) => `hub-contribution:${id}:reason`;

function actionsOf(row: ContributionRow, userId: string): ContributionAction[] {
  if (row.status === 'prepared') {
    // Four-eyes: the preparer may discard (reject) but never approve their own contribution.
    return row.preparedById === userId ? ['reject'] : ['approve', 'reject'];
  }
  return row.status === 'approved' ? ['withdraw'] : [];
}

function summaryOf(keys: OrgKeys, row: ContributionRow, userId: string): ContributionSummary {
  return {
    id: row.id,
    status: row.status,
    label: row.label,
    registeredFrom: row.registeredFrom,
    registeredTo: row.registeredTo,
    qi: row.qi,
    k: row.k,
    suppressionLimit: row.suppressionLimit,
    counts: {
      considered: row.casesConsidered,
      excludedWithoutConsent: row.excludedWithoutConsent,
      suppressed: row.suppressed,
      rows: row.rowCount,
    },
    preparedBy: row.preparedByName,
    preparedAt: row.preparedAt.toISOString(),
    decidedBy: row.decidedByName,
    decidedAt: row.decidedAt?.toISOString() ?? null,
    reason: row.reason ? openText(keys, reasonAad(row.id), row.reason) : null,
    withdrawnAt: row.withdrawnAt?.toISOString() ?? null,
    hubSourceId: row.hubSourceId,
    actions: actionsOf(row, userId),
  };
}

async function requireContribution(
  ctx: ServiceContext,
  id: string,
  lock = false,
): Promise<ContributionRow> {
  const row = await findContribution(ctx.tx, id, lock);
  if (!row) throw AppError.notFound('contribution');
  return row;
}

/** The preview: the summary, the reports, and the first rows as they would be copied. */
export async function getContribution(
  ctx: ServiceContext,
  id: string,
): Promise<ContributionDetail> {
  const row = await requireContribution(ctx, id);
  const rows = await findContributionRows(ctx.tx, id, CONTRIBUTION_PREVIEW_ROWS);
  return {
    ...summaryOf(await ctx.keys(), row, ctx.actor.userId),
    riskBefore: row.riskBefore,
    risk: row.risk,
    utility: row.utility,
    columns: row.columns,
    rows,
  };
}

export async function listContributions(
  ctx: ServiceContext,
  query: ContributionListQuery,
): Promise<ContributionList> {
  const statuses = query.status && query.status.length > 0 ? query.status : null;
  const rows = await listContributionRows(ctx.tx, statuses);
  const keys = await ctx.keys();
  return { items: rows.map((r) => summaryOf(keys, r, ctx.actor.userId)) };
}

function defaultLabel(orgName: string, from: string | null, to: string | null): string {
  const period =
    from && to
      ? `cases registered ${from} to ${to}`
      : from
        ? `cases registered from ${from}`
        : to
          ? `cases registered to ${to}`
          : 'all cases';
  return `${orgName}: ${period}`.slice(0, 200);
}

/**
 * The CTDC rows of the period's cases that consent to statistics now, their ids, and the counts.
 * The case records (and their sealed identities) are dropped on return, before the disclosure
 * check runs on the rows.
 * @throws AppError 422 `too_few_records` when fewer than k cases may be used.
 */
async function consentingRows(
  ctx: ServiceContext,
  period: Period,
  k: number,
  now: Date,
): Promise<{
  rows: string[][];
  includedIds: string[];
  counts: { considered: number; excludedWithoutConsent: number };
}> {
  const cases = await listPeriodCases(ctx.tx, period);
  const allowed = new Set(
    casesConsentingToStatistics(
      cases.map((c) => c.id),
      await listPeriodStatisticsConsents(ctx.tx, period),
      now,
    ),
  );
  const included = cases.filter((c) => allowed.has(c.id));
  const excluded = cases.length - included.length;
  const counts = { considered: cases.length, excludedWithoutConsent: excluded };
  if (included.length < k) {
    throw disclosureRefusal(
      `Only ${included.length} of the ${cases.length} cases of the period consent to statistics now; k = ${k} needs at least ${k} records. Nothing was saved.`,
      { rule: 'too_few_records', k, records: included.length, ...counts },
    );
  }
  const keys = await ctx.keys();
  const rows = included.map((c) =>
    ctdcRowOfCase(caseInputOf(c, openIdentity(keys, c.personId, c.identity).dateOfBirth)),
  );
  return { rows, includedIds: included.map((c) => c.id), counts };
}

/**
 * Prepares a contribution: the organisation's cases of the period (merged tombstones left
 * out) → those whose consent allows `statistics` now (the others only counted) → one CTDC row
 * each (the person's sealed identity opened for the date of birth only) → the disclosure check
 * (k-anonymity over the quasi-identifiers, with local suppression). When k cannot be reached the
 * request is refused with 422 and nothing is written.
 */
export async function prepareContribution(
  ctx: ServiceContext,
  body: ContributionPrepareBody,
): Promise<ContributionDetail> {
  const qi: string[] = body.qi ?? [...CONTRIBUTION_DEFAULT_QI];
  const noHierarchy = qiWithoutHierarchy(qi);
  if (noHierarchy.length > 0) throw AppError.invalid(noHierarchy);

  const { tx, actor } = ctx;
  const now = ctx.clock.now();
  const from = body.registeredFrom ?? null;
  const to = body.registeredTo ?? null;
  const period = { from, to };
  const { rows, includedIds, counts } = await consentingRows(ctx, period, body.k, now);
  const check = runDisclosureCheck(
    { columns: [...CTDC_COLUMNS], rows },
    { qi, k: body.k, suppressionLimit: body.suppressionLimit },
    counts,
  );

  const org = await findOrganisation(tx, actor.orgId);
  const id = newId();
  await insertContribution(tx, {
    id,
    orgId: actor.orgId,
    label: body.label ?? defaultLabel(org?.name ?? 'Organisation', from, to),
    registeredFrom: from,
    registeredTo: to,
    qi,
    k: body.k,
    suppressionLimit: body.suppressionLimit,
    casesConsidered: counts.considered,
    excludedWithoutConsent: counts.excludedWithoutConsent,
    suppressed: check.suppressed,
    columns: [...CTDC_COLUMNS],
    rows: check.rows,
    riskBefore: check.riskBefore,
    risk: check.risk,
    utility: check.utility,
    preparedBy: actor.userId,
    preparedAt: now,
  });
  await insertContributionCases(tx, id, actor.orgId, includedIds);
  await ctx.audit({
    action: 'hub.contribution.prepared',
    recordType: RECORD,
    recordId: id,
    // Read from the case records: coded fields, and the date of birth from the sealed identity.
    fields: ['dateOfBirth'],
  });
  return getContribution(ctx, id);
}

function requireStatus(row: ContributionRow, wanted: ContributionRow['status']): void {
  if (row.status !== wanted) {
    throw new AppError('conflict', `This contribution is ${row.status}, not ${wanted}.`, {
      status: row.status,
    });
  }
}

/**
 * Approves a prepared contribution: a supervisor other than the preparer (four-eyes, as for
 * casework approvals); every case it was made from must still consent to statistics (else the
 * contribution is stale: 409, prepare it again) and the stored rows must still be k-anonymous;
 * then the rows become one source of the hub store.
 */
export async function approveContribution(
  ctx: ServiceContext,
  id: string,
): Promise<ContributionDetail> {
  const row = await requireContribution(ctx, id, true);
  if (row.preparedById === ctx.actor.userId) {
    throw new AppError(
      'forbidden',
      'You cannot approve a contribution you prepared yourself: another supervisor must (four-eyes).',
      { rule: 'four_eyes' },
    );
  }
  requireStatus(row, 'prepared');
  const now = ctx.clock.now();
  const total = await countContributionCases(ctx.tx, id);
  const entries = await listContributionConsents(ctx.tx, id);
  const withEntries = [...new Set(entries.map((e) => e.caseId))];
  const still = casesConsentingToStatistics(withEntries, entries, now).length;
  if (still !== total) {
    throw new AppError(
      'conflict',
      `Consent to statistics has ended for ${total - still} of the cases since this contribution was prepared: it is stale. Reject it and prepare it again.`,
      { rule: 'stale', casesNoLongerConsenting: total - still },
    );
  }
  const rows = await findContributionRows(ctx.tx, id, null);
  checkStoredRows(row.columns, rows, row.qi, row.k);
  const { sourceId } = await insertHubSource(
    ctx.tx,
    {
      kind: 'contribution',
      orgId: row.orgId,
      label: row.label,
      contributionId: id,
      columns: row.columns,
      createdBy: ctx.actor.userId,
      at: now,
    },
    rows,
  );
  await saveDecision(ctx.tx, id, {
    status: 'approved',
    decidedBy: ctx.actor.userId,
    at: now,
    reason: null,
    hubSourceId: sourceId,
  });
  await ctx.audit({ action: 'hub.contribution.approved', recordType: RECORD, recordId: id });
  return getContribution(ctx, id);
}

/** Rejects a prepared contribution with a reason (sealed). Its preparer may discard it so too. */
export async function rejectContribution(
  ctx: ServiceContext,
  id: string,
  body: ContributionRejectBody,
): Promise<ContributionDetail> {
  const row = await requireContribution(ctx, id, true);
  requireStatus(row, 'prepared');
  const keys = await ctx.keys();
  await saveDecision(ctx.tx, id, {
    status: 'rejected',
    decidedBy: ctx.actor.userId,
    at: ctx.clock.now(),
    reason: sealText(keys, reasonAad(id), body.reason),
    hubSourceId: null,
  });
  await ctx.audit({
    action: 'hub.contribution.rejected',
    recordType: RECORD,
    recordId: id,
    fields: ['reason'],
  });
  return getContribution(ctx, id);
}

/**
 * Withdraws an approved contribution: its rows leave the hub store (the source stays, so that
 * publications already released still name it). Any supervisor of the organisation may.
 */
export async function withdrawContribution(
  ctx: ServiceContext,
  id: string,
  body: ContributionWithdrawBody,
): Promise<ContributionDetail> {
  const row = await requireContribution(ctx, id, true);
  requireStatus(row, 'approved');
  await withdrawHubSource(ctx.tx, row.hubSourceId!, ctx.clock.now());
  const keys = await ctx.keys();
  await saveWithdrawal(ctx.tx, id, {
    withdrawnBy: ctx.actor.userId,
    at: ctx.clock.now(),
    reason: body.reason ? sealText(keys, reasonAad(id), body.reason) : null,
  });
  await ctx.audit({
    action: 'hub.contribution.withdrawn',
    recordType: RECORD,
    recordId: id,
    fields: body.reason ? ['reason'] : [],
  });
  return getContribution(ctx, id);
}
