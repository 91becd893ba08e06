import { AppError } from '../http/app-error.ts';
import type { ServiceContext } from '../http/context.ts';
import { personMatchKeys, replaceMatchKeys } from '../reunite/match-keys.ts';
import type { PersonIdentity } from './person-identity.ts';
import {
  blindIndexesOf,
  dobIndex,
  nameIndex,
  presentFields,
  sealIdentity,
} from './person-identity.ts';
import type { LookupHit } from './persons.repo.ts';
import { findCasesByNameIndex, findPersonFacts, updatePersonIdentity } from './persons.repo.ts';

/** Exact look-up by full name (and date of birth) through blind indexes; audited as a search. */
export async function lookupPerson(
  ctx: ServiceContext,
  q: { givenName: string; familyName?: string | undefined; dateOfBirth?: string | undefined },
): Promise<LookupHit[]> {
  const keys = await ctx.keys();
  const hits = await findCasesByNameIndex(
    ctx.tx,
    nameIndex(keys, q.givenName, q.familyName),
    q.dateOfBirth ? dobIndex(keys, q.dateOfBirth) : null,
  );
  await ctx.audit({
    action: 'person.lookup',
    recordType: 'person',
    fields: Object.keys(q).filter((k) => q[k as keyof typeof q] !== undefined),
  });
  return hits;
}

/**
 * The one way to change a person's identity (a correction, a merge): seals it again, rewrites
 * the blind indexes and the match keys of the candidate search, and audits the fields written.
 */
export async function replacePersonIdentity(
  ctx: ServiceContext,
  personId: string,
  identity: PersonIdentity,
): Promise<void> {
  const keys = await ctx.keys();
  const updated = await updatePersonIdentity(ctx.tx, {
    id: personId,
    identity: sealIdentity(keys, personId, identity),
    indexes: blindIndexesOf(keys, identity),
  });
  const facts = await findPersonFacts(ctx.tx, personId);
  if (!updated || !facts) throw AppError.notFound('person');
  await replaceMatchKeys(ctx.tx, ctx.actor.orgId, [
    { personId, keys: personMatchKeys(keys, identity, { personId, ...facts }) },
  ]);
  await ctx.audit({
    action: 'person.updated',
    recordType: 'person',
    recordId: personId,
    fields: presentFields(identity),
  });
}
