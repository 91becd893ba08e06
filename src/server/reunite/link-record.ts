import type { Gender } from '../../shared/codes/htcds.ts';
import type { LinkRecord, PartialDate } from '../../shared/linkage/types.ts';
import type { PersonIdentity } from '../persons/person-identity.ts';

/**
 * The sex the matcher compares, from the HTCDS gender: only Feminine and Masculine say
 * anything; for a transgender, non-conforming or unknown gender the field is missing, so that
 * it counts neither for nor against a match (a family may know the person by another sex).
 */
export function sexOf(gender: string): 'F' | 'M' | null {
  const g = gender as Gender;
  return g === 'Feminine' ? 'F' : g === 'Masculine' ? 'M' : null;
}

export function partialDate(iso: string | null | undefined): PartialDate | null {
  if (!iso) return null;
  const [y, m, d] = iso.split('-').map(Number);
  if (!y) return null;
  return { year: y, month: m || null, day: d || null };
}

/** What the matcher sees of a registered person: never contact details or documents. */
export interface PersonFacts {
  personId: string;
  gender: string;
  ageAtRegistration: number | null;
  registrationDate: string;
  citizenship: string | null;
  countryOfExploitation: string | null;
}

export function linkRecordOfPerson(identity: PersonIdentity, facts: PersonFacts): LinkRecord {
  const countries = [facts.citizenship, facts.countryOfExploitation].filter(
    (c): c is string => !!c,
  );
  return {
    id: facts.personId,
    givenName: identity.givenName,
    familyName: identity.familyName,
    aliases: identity.aliases,
    sex: sexOf(facts.gender),
    birth: partialDate(identity.dateOfBirth),
    age: identity.dateOfBirth ? null : facts.ageAtRegistration,
    ageAt: identity.dateOfBirth ? null : facts.registrationDate,
    places: countries.map((country) => ({ country, adminArea: null, locality: null })),
    identifiers: {},
  };
}
