import type { Service, ServiceCreateInput } from '../../../shared/api/directory.schema.ts';
import type { Gender, TraffickingStatus } from '../../../shared/codes/htcds.ts';
import type { ServiceType } from '../../../shared/codes/service-types.ts';
import { parseDecimal } from './search-draft.ts';

/** The service form as typed. Lists of codes are typed comma-separated ("en, ar"). */
export interface ServiceDraft {
  serviceType: ServiceType | '';
  name: string;
  description: string;
  address: string;
  country: string;
  adminArea: string;
  latitude: string;
  longitude: string;
  languages: string;
  ageMin: string;
  ageMax: string;
  genders: Gender[];
  nationalities: string;
  statuses: TraffickingStatus[];
  capacityTotal: string;
  capacityAvailable: string;
  hours: string;
  phone: string;
  email: string;
  responseDays: string;
  active: boolean;
}

export type ServiceField = keyof ServiceDraft;

/** The fields in the order the form shows them (focus goes to the first with an error). */
export const SERVICE_FIELDS: readonly ServiceField[] = [
  'serviceType',
  'name',
  'description',
  'address',
  'country',
  'adminArea',
  'latitude',
  'longitude',
  'languages',
  'ageMin',
  'ageMax',
  'genders',
  'nationalities',
  'statuses',
  'capacityTotal',
  'capacityAvailable',
  'hours',
  'phone',
  'email',
  'responseDays',
  'active',
];

export const EMPTY_SERVICE: ServiceDraft = {
  serviceType: '',
  name: '',
  description: '',
  address: '',
  country: '',
  adminArea: '',
  latitude: '',
  longitude: '',
  languages: '',
  ageMin: '',
  ageMax: '',
  genders: [],
  nationalities: '',
  statuses: [],
  capacityTotal: '',
  capacityAvailable: '',
  hours: '',
  phone: '',
  email: '',
  responseDays: '5',
  active: true,
};

const text = (v: string | null) => v ?? '';
const num = (v: number | null) => (v === null ? '' : String(v));

/** The form's values for a stored service. */
export function draftOf(s: Service): ServiceDraft {
  return {
    serviceType: s.serviceType,
    name: s.name,
    description: text(s.description),
    address: text(s.address),
    country: s.country,
    adminArea: text(s.adminArea),
    latitude: String(s.latitude),
    longitude: String(s.longitude),
    languages: s.languages.join(', '),
    ageMin: num(s.ageMin),
    ageMax: num(s.ageMax),
    genders: [...s.genders],
    nationalities: s.nationalities.join(', '),
    statuses: [...s.statuses],
    capacityTotal: num(s.capacityTotal),
    capacityAvailable: num(s.capacityAvailable),
    hours: text(s.hours),
    phone: text(s.phone),
    email: text(s.email),
    responseDays: String(s.responseDays),
    active: s.active,
  };
}

/** "en, AR ;ro" → ["en", "ar", "ro"]; codes are checked by the server. */
export const splitCodes = (v: string, upper = false): string[] =>
  v
    .split(/[\s,;]+/)
    .map((c) => (upper ? c.toUpperCase() : c.toLowerCase()))
    .filter((c) => c !== '');

const optionalText = (v: string) => (v.trim() === '' ? null : v.trim());

/** A typed whole number, or the text itself so the server names what is wrong with it. */
function optionalWhole(v: string): number | null | string {
  const s = v.trim();
  if (s === '') return null;
  return /^-?\d+$/.test(s) ? Number(s) : s;
}

function coordinate(v: string): number | string {
  const n = parseDecimal(v);
  return n === null ? v.trim() : n;
}

/**
 * The body the API takes. Numbers that do not parse are sent as typed: the server's answer
 * then names the field ("must be a number"), which the form shows next to it.
 */
export function serviceBody(d: ServiceDraft, providerId: string): ServiceCreateInput {
  return {
    providerId,
    serviceType: d.serviceType as ServiceType,
    name: d.name.trim(),
    description: optionalText(d.description),
    address: optionalText(d.address),
    country: d.country,
    adminArea: optionalText(d.adminArea),
    latitude: coordinate(d.latitude) as number,
    longitude: coordinate(d.longitude) as number,
    languages: splitCodes(d.languages),
    ageMin: optionalWhole(d.ageMin) as number | null,
    ageMax: optionalWhole(d.ageMax) as number | null,
    genders: d.genders,
    nationalities: splitCodes(d.nationalities, true),
    statuses: d.statuses,
    capacityTotal: optionalWhole(d.capacityTotal) as number | null,
    capacityAvailable: optionalWhole(d.capacityAvailable) as number | null,
    hours: optionalText(d.hours),
    phone: optionalText(d.phone),
    email: optionalText(d.email),
    responseDays: (optionalWhole(d.responseDays) ?? 5) as number,
    active: d.active,
  };
}

/** Problems found before sending: what the server would refuse the same way, said earlier. */
export function serviceDraftProblems(d: ServiceDraft): Partial<Record<ServiceField, 'required'>> {
  const out: Partial<Record<ServiceField, 'required'>> = {};
  for (const f of ['serviceType', 'name', 'country', 'latitude', 'longitude'] as const) {
    if (String(d[f]).trim() === '') out[f] = 'required';
  }
  return out;
}

/** The form field an API path belongs to: `languages.2` → `languages`. */
export const serviceFieldOf = (path: string): string => path.split('.')[0] ?? path;
