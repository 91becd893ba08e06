import type { ServiceContext } from '../http/context.ts';
import { dobIndex, nameIndex } from './person-identity.ts';
import type { LookupHit } from './persons.repo.ts';
import { findCasesByNameIndex } from './persons.repo.ts';

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
