import type { TFunction } from 'i18next';
import type { TracingRequestCreateBody } from '../../../shared/api/tracing.schema.ts';
import type { FieldErrors } from '../../lib/field-errors.ts';

type Sought = TracingRequestCreateBody['sought'];
export type Relationship = Sought['relationshipToEnquirer'];
type Country = NonNullable<NonNullable<Sought['places']>[number]['country']>;

/** The schema's RELATIONSHIPS, repeated here so zod stays out of the bundle (type-checked). */
export const RELATIONSHIP_LIST = [
  'parent',
  'child',
  'sibling',
  'spouse',
  'grandparent',
  'grandchild',
  'other_relative',
  'other',
] as const satisfies readonly Relationship[];
type MissingRelationship = Exclude<Relationship, (typeof RELATIONSHIP_LIST)[number]>;
const complete: [MissingRelationship] extends [never] ? true : MissingRelationship = true;
void complete;
export type Precision = 'unknown' | 'year' | 'month' | 'day';

/** A date known to a year, a month or a day, as typed. */
export interface PartialDateDraft {
  precision: Precision;
  year: string;
  month: string;
  day: string;
}

export interface PlaceDraft {
  country: string;
  adminArea: string;
  locality: string;
}

/** The tracing request form's state: every input as typed, converted to the body on submit. */
export interface TracingDraft {
  givenName: string;
  familyName: string;
  /** Other names and spellings, one per input; empty inputs are ignored. */
  aliases: string[];
  sex: 'F' | 'M' | '';
  birth: PartialDateDraft;
  age: string;
  place: PlaceDraft;
  separationDate: PartialDateDraft;
  separationPlace: PlaceDraft;
  circumstances: string;
  relationship: Relationship | '';
  enquirerName: string;
  enquirerKind: 'family' | 'agency';
  organisation: string;
  phone: string;
  email: string;
  address: string;
  preferredLanguage: string;
}

const noDate = (): PartialDateDraft => ({ precision: 'unknown', year: '', month: '', day: '' });
const noPlace = (): PlaceDraft => ({ country: '', adminArea: '', locality: '' });

export const emptyTracingDraft = (): TracingDraft => ({
  givenName: '',
  familyName: '',
  aliases: [''],
  sex: '',
  birth: noDate(),
  age: '',
  place: noPlace(),
  separationDate: noDate(),
  separationPlace: noPlace(),
  circumstances: '',
  relationship: '',
  enquirerName: '',
  enquirerKind: 'family',
  organisation: '',
  phone: '',
  email: '',
  address: '',
  preferredLanguage: '',
});

/** API field paths in the order the form shows them (focus goes to the first with an error). */
export const TRACING_FIELD_ORDER = [
  'sought.givenName',
  'sought.familyName',
  'sought.aliases',
  'sought.sex',
  'sought.dateOfBirth',
  'sought.age',
  'sought.places.country',
  'sought.places.adminArea',
  'sought.places.locality',
  'sought.separation.date',
  'sought.separation.place.country',
  'sought.separation.place.adminArea',
  'sought.separation.place.locality',
  'sought.separation.circumstances',
  'sought.relationshipToEnquirer',
  'enquirer.name',
  'enquirer.kind',
  'enquirer.organisation',
  'enquirer.phone',
  'enquirer.email',
  'enquirer.address',
  'enquirer.preferredLanguage',
] as const;
export type TracingFieldPath = (typeof TRACING_FIELD_ORDER)[number];

export const TRACING_ID_PREFIX = 'tracing-new-';
export const tracingFieldId = (path: TracingFieldPath): string => `${TRACING_ID_PREFIX}${path}`;

/** `sought.aliases.2` → `sought.aliases`, `sought.places.0.country` → `sought.places.country`. */
export const tracingFieldOf = (path: string): string => path.replace(/\.\d+(?=\.|$)/g, '');

const PHONE = /^\+?[0-9 ()-]{3,32}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const pad = (n: number) => String(n).padStart(2, '0');

/**
 * `YYYY`, `YYYY-MM` or `YYYY-MM-DD` for a partial date, undefined when not known, or null when
 * invalid (not a real date, before 1900, or after `today`).
 */
export function partialDate(d: PartialDateDraft, today: string): string | undefined | null {
  if (d.precision === 'unknown') return undefined;
  const year = Number(d.year.trim());
  if (!/^\d{4}$/.test(d.year.trim()) || year < 1900) return null;
  let value = String(year);
  if (d.precision === 'month' || d.precision === 'day') {
    const month = Number(d.month);
    if (!Number.isInteger(month) || month < 1 || month > 12) return null;
    value += `-${pad(month)}`;
    if (d.precision === 'day') {
      const day = Number(d.day.trim());
      if (!/^\d{1,2}$/.test(d.day.trim())) return null;
      const date = new Date(Date.UTC(year, month - 1, day));
      if (date.getUTCDate() !== day || date.getUTCMonth() !== month - 1) return null;
      value += `-${pad(day)}`;
    }
  }
  // Compared as text on the same prefix: a year, a month or a day later than today is refused.
  return value > today.slice(0, value.length) ? null : value;
}

/** Checks what the browser can check, so most mistakes are caught without a round trip. */
export function validateTracingDraft(t: TFunction, d: TracingDraft, today: string): FieldErrors {
  const errors: FieldErrors = {};
  const aliases = d.aliases.map((a) => a.trim()).filter(Boolean);
  if (!d.givenName.trim() && !d.familyName.trim() && aliases.length === 0)
    errors['sought.givenName'] = t('tracing.form.nameRequired');
  if (partialDate(d.birth, today) === null)
    errors['sought.dateOfBirth'] = t('tracing.form.partialDateInvalid');
  const age = d.age.trim();
  if (age && !(/^\d{1,3}$/.test(age) && Number(age) <= 120))
    errors['sought.age'] = t('fieldErrors.age');
  else if (age && d.birth.precision !== 'unknown')
    errors['sought.age'] = t('tracing.form.ageOrDateOfBirth');
  if (partialDate(d.separationDate, today) === null)
    errors['sought.separation.date'] = t('tracing.form.partialDateInvalid');
  if (!d.relationship) errors['sought.relationshipToEnquirer'] = t('fieldErrors.required');
  if (!d.enquirerName.trim()) errors['enquirer.name'] = t('fieldErrors.required');
  if (d.enquirerKind === 'agency' && !d.organisation.trim())
    errors['enquirer.organisation'] = t('tracing.form.organisationRequired');
  if (d.phone.trim() && !PHONE.test(d.phone.trim()))
    errors['enquirer.phone'] = t('fieldErrors.phone');
  if (d.email.trim() && !EMAIL.test(d.email.trim()))
    errors['enquirer.email'] = t('fieldErrors.email');
  return errors;
}

const optional = (s: string): string | undefined => (s.trim() ? s.trim() : undefined);

function place(p: PlaceDraft) {
  const out = {
    ...(p.country ? { country: p.country as Country } : {}),
    ...(optional(p.adminArea) ? { adminArea: p.adminArea.trim() } : {}),
    ...(optional(p.locality) ? { locality: p.locality.trim() } : {}),
  };
  return Object.keys(out).length > 0 ? out : undefined;
}

/** The POST /tracing-requests body (call after validateTracingDraft found nothing). */
export function toTracingBody(d: TracingDraft, today: string): TracingRequestCreateBody {
  const aliases = d.aliases.map((a) => a.trim()).filter(Boolean);
  const dob = partialDate(d.birth, today);
  const separationDate = partialDate(d.separationDate, today);
  const known = place(d.place);
  const sepPlace = place(d.separationPlace);
  const separation = {
    ...(separationDate ? { date: separationDate } : {}),
    ...(sepPlace ? { place: sepPlace } : {}),
    ...(optional(d.circumstances) ? { circumstances: d.circumstances.trim() } : {}),
  };
  return {
    sought: {
      ...(optional(d.givenName) ? { givenName: d.givenName.trim() } : {}),
      ...(optional(d.familyName) ? { familyName: d.familyName.trim() } : {}),
      ...(aliases.length > 0 ? { aliases } : {}),
      ...(d.sex ? { sex: d.sex } : {}),
      ...(dob ? { dateOfBirth: dob } : {}),
      ...(optional(d.age) ? { age: Number(d.age.trim()) } : {}),
      ...(known ? { places: [known] } : {}),
      ...(Object.keys(separation).length > 0 ? { separation } : {}),
      relationshipToEnquirer: d.relationship as Relationship,
    },
    enquirer: {
      name: d.enquirerName.trim(),
      kind: d.enquirerKind,
      ...(optional(d.organisation) ? { organisation: d.organisation.trim() } : {}),
      ...(optional(d.phone) ? { phone: d.phone.trim() } : {}),
      ...(optional(d.email) ? { email: d.email.trim() } : {}),
      ...(optional(d.address) ? { address: d.address.trim() } : {}),
      ...(optional(d.preferredLanguage) ? { preferredLanguage: d.preferredLanguage.trim() } : {}),
    },
  };
}
