import type { BirthBounds } from '../../shared/case-record/date-rules.ts';
import { birthBounds } from '../../shared/case-record/date-rules.ts';
import { AppError } from '../http/app-error.ts';
import type { ServiceContext } from '../http/context.ts';
import { openIdentity } from '../persons/person-identity.ts';
import { findUser } from '../users/users.repo.ts';
import type { CaseFacts } from './case-facts.repo.ts';
import { findCaseFacts } from './case-facts.repo.ts';

export type { CaseFacts };

/** The case, or 404 — for a missing case and another organisation's alike. Writers lock it. */
export async function requireCase(
  ctx: ServiceContext,
  id: string,
  { lock = false } = {},
): Promise<CaseFacts> {
  const facts = await findCaseFacts(ctx.tx, id, lock);
  if (!facts) throw AppError.notFound('case');
  return facts;
}

/**
 * When the person can have been born, for the date rules. The date of birth is decrypted for
 * the check only and never leaves the server, so this is not audited as a read.
 */
export async function birthOf(ctx: ServiceContext, facts: CaseFacts): Promise<BirthBounds | null> {
  const identity = openIdentity(await ctx.keys(), facts.personId, facts.identity);
  return birthBounds({
    dateOfBirth: identity.dateOfBirth,
    ageAtRegistration: facts.ageAtRegistration,
    registrationDate: facts.registrationDate,
  });
}

/** Today's date in UTC, from the request's clock. */
export const todayOf = (ctx: ServiceContext): string => ctx.clock.now().toISOString().slice(0, 10);

/** Refuses the request with every issue found, or does nothing when there is none. */
export function refuse(issues: { path: string; message: string }[]): void {
  if (issues.length > 0) throw AppError.invalid(issues);
}

/** The acting user as a record's author. */
export async function actorRef(ctx: ServiceContext): Promise<{ id: string; displayName: string }> {
  const user = await findUser(ctx.tx, ctx.actor.userId);
  return { id: ctx.actor.userId, displayName: user?.displayName ?? '' };
}
