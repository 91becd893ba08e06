import type { DirectorySearchInput } from '../../../shared/api/directory.schema.ts';
import type { Gender, TraffickingStatus } from '../../../shared/codes/htcds.ts';
import type { ServiceType } from '../../../shared/codes/service-types.ts';

/** The search form as typed (strings); nothing of it goes in the URL or storage. */
export interface SearchDraft {
  serviceType: ServiceType | '';
  age: string;
  gender: Gender | '';
  nationality: string;
  status: TraffickingStatus | '';
  language: string;
  latitude: string;
  longitude: string;
  radiusKm: string;
  onlyEligible: boolean;
}

/** The API's largest radius (MAX_RADIUS_KM of directory.schema.ts, not imported: no zod here). */
const MAX_RADIUS_KM = 20_000;

export const EMPTY_SEARCH: SearchDraft = {
  serviceType: '',
  age: '',
  gender: '',
  nationality: '',
  status: '',
  language: '',
  latitude: '',
  longitude: '',
  radiusKm: '50',
  onlyEligible: false,
};

export type SearchField = keyof SearchDraft;

/** What is wrong with a field, as a catalogue key under `directory.errors`. */
export type DraftProblem =
  'required' | 'age' | 'latitude' | 'longitude' | 'bothCoordinates' | 'radius';

export type DraftResult =
  | { ok: true; body: DirectorySearchInput }
  | { ok: false; problems: Partial<Record<SearchField, DraftProblem>> };

/** A decimal number as typed: a comma works as the decimal sign too ("47,02"). */
export function parseDecimal(text: string): number | null {
  const s = text.trim().replace(',', '.');
  if (!/^[-+]?(\d+(\.\d*)?|\.\d+)$/.test(s)) return null;
  return Number(s);
}

const inRange = (n: number | null, min: number, max: number): n is number =>
  n !== null && n >= min && n <= max;

/** The search body for a draft, or the problems found before asking the server. */
export function searchBody(d: SearchDraft): DraftResult {
  const problems: Partial<Record<SearchField, DraftProblem>> = {};
  if (d.serviceType === '') problems.serviceType = 'required';
  const age = d.age.trim() === '' ? undefined : Number(d.age.trim());
  if (age !== undefined && !(Number.isInteger(age) && age >= 0 && age <= 120)) {
    problems.age = 'age';
  }
  const hasLat = d.latitude.trim() !== '';
  const hasLon = d.longitude.trim() !== '';
  const latitude = parseDecimal(d.latitude);
  const longitude = parseDecimal(d.longitude);
  if (hasLat && !inRange(latitude, -90, 90)) problems.latitude = 'latitude';
  if (hasLon && !inRange(longitude, -180, 180)) problems.longitude = 'longitude';
  if (hasLat !== hasLon) problems[hasLat ? 'longitude' : 'latitude'] = 'bothCoordinates';
  const radius = parseDecimal(d.radiusKm);
  if (!(radius !== null && radius > 0 && radius <= MAX_RADIUS_KM)) problems.radiusKm = 'radius';
  if (Object.keys(problems).length > 0 || d.serviceType === '') return { ok: false, problems };

  const person = {
    ...(age !== undefined && { age }),
    ...(d.gender && { gender: d.gender }),
    ...(d.nationality && { nationality: d.nationality }),
    ...(d.status && { status: d.status }),
    ...(d.language && { language: d.language }),
  };
  return {
    ok: true,
    body: {
      serviceType: d.serviceType,
      ...(Object.keys(person).length > 0 && { person }),
      ...(latitude !== null && longitude !== null && { from: { latitude, longitude } }),
      radiusKm: radius!,
      includeIneligible: !d.onlyEligible,
      limit: 100,
    },
  };
}

// The last search of this visit, in memory only (it may describe a person): Back from a
// service's page finds the results where they were. Cleared when the page reloads.
let lastSearch: SearchDraft | null = null;
export const rememberSearch = (d: SearchDraft | null) => {
  lastSearch = d;
};
export const rememberedSearch = (): SearchDraft | null => lastSearch;
