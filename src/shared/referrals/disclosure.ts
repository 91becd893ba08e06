import type { ServiceType } from '../codes/service-types.ts';

/**
 * What a referral may carry about the person, and to which kind of service (minimal
 * disclosure). The sender picks fields among those allowed for the service type; at sending,
 * only the picked ones are copied from the case into the referral's sealed snapshot.
 *
 * The principle: data minimisation — personal data "adequate, relevant and limited to what is
 * necessary in relation to the purposes for which they are processed" (GDPR, Regulation (EU)
 * 2016/679, art. 5(1)(c)); and IOM, *IOM Data Protection Principles* (2010), principle 5
 * (confidentiality: personal data shared only with those who need to know it to assist the
 * person) and principle 6 (transfer to third parties only for the specified purpose, with
 * adequate protection). A referral is a transfer to a third party: each service type gets what
 * that kind of provider needs to receive and help the person, nothing about the person's
 * exploitation that the service does not use. OSCE/ODIHR, *National Referral Mechanisms* (2nd
 * ed., 2022), ch. 3, asks the same of referrals between NRM partners.
 *
 * Sources of a field:
 * - `case`: read from the case at the instant of sending (the person's sealed identity, the
 *   case's own columns, the case record's needs);
 * - `stated`: written by the sender in the referral itself, because the case record does not
 *   hold it (languages spoken, safety concerns for this placement, a health note for the
 *   receiving clinician, the places and dates of separation for family tracing).
 * The sender's free-text message is always carried and is not a field here.
 */
export type FieldSource = 'case' | 'stated';

export interface DisclosureField {
  source: FieldSource;
  /** What it holds, in English (the web app shows translated labels). */
  description: string;
}

export const DISCLOSURE_FIELDS = {
  givenName: { source: 'case', description: 'Given name' },
  familyName: { source: 'case', description: 'Family name' },
  aliases: { source: 'case', description: 'Other names the person uses' },
  dateOfBirth: { source: 'case', description: 'Date of birth' },
  age: {
    source: 'case',
    description: 'Age in whole years today (from the date of birth, else the stated age)',
  },
  gender: { source: 'case', description: 'Sex / gender (HTCDS prs_Gender)' },
  citizenship: { source: 'case', description: 'Citizenship (ISO 3166-1 alpha-2)' },
  phone: { source: 'case', description: 'Contact telephone' },
  email: { source: 'case', description: 'Contact e-mail' },
  address: { source: 'case', description: 'Address' },
  documentNumber: { source: 'case', description: 'Identity or travel document number' },
  traffickingStatus: { source: 'case', description: 'Victim status (HTCDS vic_TraffickingStatus)' },
  typeOfExploitation: {
    source: 'case',
    description: 'Types of exploitation (HTCDS vic_TypeOfExploitation)',
  },
  countryOfExploitation: { source: 'case', description: 'Country of exploitation' },
  needs: { source: 'case', description: 'Open needs: kinds of support only (HTCDS spl_Type)' },
  languages: { source: 'stated', description: 'Languages the person speaks (ISO 639-1)' },
  safetyConcerns: {
    source: 'stated',
    description: 'Safety concerns for this placement (written by the sender)',
  },
  healthNotes: {
    source: 'stated',
    description: 'Health information the receiving clinician needs (written by the sender)',
  },
  separationDetails: {
    source: 'stated',
    description: 'Places and dates of separation from family (written by the sender)',
  },
} as const satisfies Record<string, DisclosureField>;

export type DisclosureFieldName = keyof typeof DISCLOSURE_FIELDS;
export const DISCLOSURE_FIELD_NAMES = Object.keys(DISCLOSURE_FIELDS) as DisclosureFieldName[];
export const STATED_FIELDS = DISCLOSURE_FIELD_NAMES.filter(
  (f) => DISCLOSURE_FIELDS[f].source === 'stated',
) as ('languages' | 'safetyConcerns' | 'healthNotes' | 'separationDetails')[];
export type StatedFieldName = (typeof STATED_FIELDS)[number];

export const isDisclosureField = (v: string): v is DisclosureFieldName =>
  Object.prototype.hasOwnProperty.call(DISCLOSURE_FIELDS, v);

// A name and a way to reach the person are needed by every provider that receives them; the
// rest is per service type. Comments say why a less obvious field is there (or is not).
const CONTACT = ['givenName', 'familyName', 'languages', 'phone'] as const;

/** The fields each service type may receive. */
export const ALLOWED_FIELDS: Readonly<Record<ServiceType, readonly DisclosureFieldName[]>> = {
  // Who arrives, whether the place fits them (sex, age; eligibility by nationality and victim
  // status), what would endanger them there. Not the exploitation itself.
  shelter: [
    ...CONTACT,
    'gender',
    'age',
    'citizenship',
    'traffickingStatus',
    'safetyConcerns',
    'needs',
  ],
  // Clinically relevant: the exploitation type (sexual exploitation → sexual-health care, say)
  // and the sender's health note; identity to open a medical file.
  medical: [
    ...CONTACT,
    'dateOfBirth',
    'age',
    'gender',
    'citizenship',
    'typeOfExploitation',
    'healthNotes',
  ],
  mental_health_psychosocial: [
    ...CONTACT,
    'age',
    'gender',
    'typeOfExploitation',
    'healthNotes',
    'safetyConcerns',
  ],
  // Lawyers need the facts of the case and the person's identity and status.
  legal_aid: [
    ...CONTACT,
    'aliases',
    'dateOfBirth',
    'gender',
    'citizenship',
    'email',
    'address',
    'documentNumber',
    'traffickingStatus',
    'typeOfExploitation',
    'countryOfExploitation',
  ],
  // An interpreter needs a language pair and someone to call; gender for a same-gender
  // interpreter when asked. Never the exploitation.
  interpretation: ['givenName', 'languages', 'phone', 'gender'],
  documentation: [
    ...CONTACT,
    'aliases',
    'dateOfBirth',
    'gender',
    'citizenship',
    'documentNumber',
    'address',
  ],
  // Travel documents, fitness to travel, risks on return, what reintegration must cover.
  safe_return_reintegration: [
    ...CONTACT,
    'dateOfBirth',
    'age',
    'gender',
    'citizenship',
    'email',
    'address',
    'documentNumber',
    'traffickingStatus',
    'needs',
    'safetyConcerns',
    'healthNotes',
  ],
  livelihood: [...CONTACT, 'age', 'gender', 'email', 'needs'],
  education: [...CONTACT, 'dateOfBirth', 'age', 'gender', 'needs'],
  // Child protection services take on the child's whole situation (UNICEF, *Guidelines on the
  // Protection of Child Victims of Trafficking*, 2006, §4: referral to the competent authority).
  child_protection: [
    ...CONTACT,
    'dateOfBirth',
    'age',
    'gender',
    'citizenship',
    'address',
    'traffickingStatus',
    'typeOfExploitation',
    'safetyConcerns',
    'healthNotes',
    'needs',
  ],
  // Tracing matches names, birth and the circumstances of separation; nothing of exploitation.
  family_tracing: [
    ...CONTACT,
    'aliases',
    'dateOfBirth',
    'age',
    'gender',
    'citizenship',
    'separationDetails',
  ],
};

export const isAllowed = (serviceType: ServiceType, field: DisclosureFieldName): boolean =>
  ALLOWED_FIELDS[serviceType].includes(field);

/** One problem with a choice of fields, naming the JSON path as a 400 answer does. */
export interface DisclosureIssue {
  path: string;
  message: string;
}

/**
 * Checks a choice of fields and the sender's stated values for a service type: every chosen
 * field known and allowed, no field twice, a stated value only for a chosen stated field and,
 * when `complete` (at sending), a value for each chosen stated field.
 */
export function disclosureIssues(
  serviceType: ServiceType,
  fields: readonly string[],
  stated: Partial<Record<StatedFieldName, unknown>>,
  { complete }: { complete: boolean },
): DisclosureIssue[] {
  const issues: DisclosureIssue[] = [];
  const seen = new Set<string>();
  fields.forEach((f, i) => {
    if (!isDisclosureField(f)) {
      issues.push({ path: `fields.${i}`, message: `unknown field ${f}` });
    } else if (!isAllowed(serviceType, f)) {
      issues.push({
        path: `fields.${i}`,
        message: `${f} may not be disclosed to a service of type ${serviceType}`,
      });
    } else if (seen.has(f)) {
      issues.push({ path: `fields.${i}`, message: `${f} is chosen twice` });
    }
    seen.add(f);
  });
  for (const f of STATED_FIELDS) {
    const given = stated[f] !== undefined && stated[f] !== null;
    if (given && !seen.has(f)) {
      issues.push({ path: `stated.${f}`, message: `is given but ${f} is not among the fields` });
    } else if (complete && !given && seen.has(f)) {
      issues.push({ path: `stated.${f}`, message: 'is required when the field is chosen' });
    }
  }
  return issues;
}
