import type { ReferralSnapshot, StatedValues } from '../../shared/api/referrals.schema.ts';
import type { SupportType } from '../../shared/codes/htcds-case.ts';
import type { DisclosureFieldName } from '../../shared/referrals/disclosure.ts';
import { ageOn } from '../cases/case-age.ts';
import type { CaseWithPerson } from '../cases/cases.repo.ts';
import { listNeeds } from '../case-record/needs.repo.ts';
import type { ServiceContext } from '../http/context.ts';
import type { PersonIdentity } from '../persons/person-identity.ts';

/**
 * The person's age in whole years on `today`: from the date of birth when known, else the age
 * at registration plus the whole years since (a lower bound, as in consent's child rule).
 */
export function ageToday(
  dateOfBirth: string | null,
  ageAtRegistration: number | null,
  registrationDate: string,
  today: string,
): number | null {
  if (dateOfBirth) return ageOn(dateOfBirth, today);
  if (ageAtRegistration === null) return null;
  return ageAtRegistration + ageOn(registrationDate, today);
}

/**
 * Copies the chosen fields from the case, at this instant, into the referral's snapshot; the
 * stated fields come from the sender's draft. Nothing that was not chosen is read into it.
 */
export async function buildSnapshot(
  ctx: ServiceContext,
  c: CaseWithPerson,
  identity: PersonIdentity,
  fields: readonly DisclosureFieldName[],
  stated: StatedValues,
): Promise<ReferralSnapshot> {
  const today = ctx.clock.now().toISOString().slice(0, 10);
  const s: ReferralSnapshot = {};
  for (const f of fields) {
    switch (f) {
      case 'givenName':
        s.givenName = identity.givenName;
        break;
      case 'familyName':
        s.familyName = identity.familyName;
        break;
      case 'aliases':
        s.aliases = identity.aliases;
        break;
      case 'dateOfBirth':
        s.dateOfBirth = identity.dateOfBirth;
        break;
      case 'age':
        s.age = ageToday(identity.dateOfBirth, c.ageAtRegistration, c.registrationDate, today);
        break;
      case 'gender':
        s.gender = c.gender;
        break;
      case 'citizenship':
        s.citizenship = c.citizenship;
        break;
      case 'phone':
        s.phone = identity.phone;
        break;
      case 'email':
        s.email = identity.email;
        break;
      case 'address':
        s.address = identity.address;
        break;
      case 'documentNumber':
        s.documentNumber = identity.documentNumber;
        break;
      case 'traffickingStatus':
        s.traffickingStatus = c.traffickingStatus;
        break;
      case 'typeOfExploitation':
        s.typeOfExploitation = c.typeOfExploitation;
        break;
      case 'countryOfExploitation':
        s.countryOfExploitation = c.countryOfExploitation;
        break;
      case 'needs': {
        // Kinds of support only: the needs' free-text details stay in the case.
        const open = (await listNeeds(ctx.tx, c.id)).filter((n) => n.status === 'Open');
        s.needs = [...new Set<SupportType>(open.map((n) => n.type))];
        break;
      }
      case 'languages':
      case 'safetyConcerns':
      case 'healthNotes':
      case 'separationDetails':
        if (stated[f] !== undefined) (s as Record<string, unknown>)[f] = stated[f];
        break;
    }
  }
  return s;
}
