import { appendAudit } from '../audit/audit.repo.ts';
import type { Database } from '../db/database.ts';
import { SYSTEM } from '../db/database.ts';
import type { Clock } from '../shared/clock.ts';
import { newId } from '../shared/ids.ts';
import { announce } from './referral-events.ts';
import {
  dueReferrals,
  findReferral,
  insertReferralEvent,
  updateReferral,
} from './referrals.repo.ts';

const BATCH = 200;

/**
 * Marks every sent referral whose answer was due by now as expired, with its event (dated at
 * the due time: when it expired, whenever this runs), an audit entry in the sender's chain
 * (and the receiver's) with no actor, and a published `referral.expired`. Runs as the system,
 * one transaction per batch; answers how many it expired. The integrator schedules it; answers
 * never wait for it (lifecycle.effectiveStatus shows a past-due referral as expired already).
 */
export async function expireDueReferrals(db: Database, clock: Clock): Promise<number> {
  let total = 0;
  for (;;) {
    const now = clock.now();
    const n = await db.transaction(SYSTEM, async (tx) => {
      const ids = await dueReferrals(tx, now, BATCH);
      for (const id of ids) {
        const r = await findReferral(tx, id);
        if (!r?.answerDueAt) continue;
        const dueAt = r.answerDueAt;
        // Unanswered, the provider never took the person on: its copy of the data goes
        // (storage limitation, GDPR art. 5(1)(e)).
        const change = { status: 'expired' as const, closedAt: dueAt, snapshot: null };
        await updateReferral(tx, id, r.version, change, now);
        await insertReferralEvent(tx, {
          id: newId(),
          referralId: id,
          orgId: r.orgId,
          toOrgId: r.toOrgId,
          action: 'expire',
          fromStatus: 'sent',
          toStatus: 'expired',
          actorId: null,
          actorOrgId: null,
          actorName: null,
          actorSide: 'system',
          reason: null,
          note: null,
          at: dueAt,
        });
        for (const orgId of new Set([r.orgId, ...(r.toOrgId ? [r.toOrgId] : [])])) {
          await appendAudit(tx, {
            orgId,
            actorId: null,
            action: 'referral.expired',
            recordType: 'referral',
            recordId: id,
            fields: [],
            sourceIp: null,
            at: now,
          });
        }
        await announce(tx, r, 'expire', dueAt);
      }
      return ids.length;
    });
    total += n;
    if (n < BATCH) return total;
  }
}
