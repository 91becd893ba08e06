/**
 * A deterministic synthetic service directory for demos, tests and benchmarks, written in the
 * directory's CSV layout (src/shared/directory/csv.ts, docs/directory.md) so that it goes through
 * the same import as a real file. Cities are real places on the corridors the demo cases follow
 * (src/shared/demo/corridors.ts); the providers, their names and contacts are invented. Phone
 * numbers use each country's code with a fictitious subscriber part, e-mails the reserved
 * `example.org` domain (RFC 2606).
 */
import type { ServiceType } from '../codes/service-types.ts';
import type { CountryCode } from '../codes/countries.ts';
import type { DirectoryCsvColumn } from '../directory/csv.ts';
import { DIRECTORY_CSV_COLUMNS } from '../directory/csv.ts';
import { writeCsv } from '../exchange/csv.ts';
import type { Rng } from './random.ts';
import { createRng, pick, randomInt } from './random.ts';

interface City {
  name: string;
  country: CountryCode;
  latitude: number;
  longitude: number;
  /** ISO 639-1 languages services there commonly work in. */
  languages: readonly string[];
  dialCode: string;
}

// Coordinates: city centres, rounded to 0.01° (about 1 km).
// prettier-ignore
const CITIES: readonly City[] = [
  { name: 'Kuala Lumpur', country: 'MY', latitude: 3.14, longitude: 101.69, languages: ['ms', 'en', 'bn', 'ne'], dialCode: '+60' },
  { name: 'Istanbul', country: 'TR', latitude: 41.01, longitude: 28.98, languages: ['tr', 'ar', 'en', 'ru'], dialCode: '+90' },
  { name: 'Berlin', country: 'DE', latitude: 52.52, longitude: 13.4, languages: ['de', 'en', 'ar', 'uk'], dialCode: '+49' },
  { name: 'Riyadh', country: 'SA', latitude: 24.71, longitude: 46.68, languages: ['ar', 'en', 'tl'], dialCode: '+966' },
  { name: 'Tripoli', country: 'LY', latitude: 32.89, longitude: 13.19, languages: ['ar', 'en', 'fr'], dialCode: '+218' },
  { name: 'Rome', country: 'IT', latitude: 41.9, longitude: 12.5, languages: ['it', 'en', 'fr'], dialCode: '+39' },
  { name: 'Madrid', country: 'ES', latitude: 40.42, longitude: -3.7, languages: ['es', 'en', 'fr'], dialCode: '+34' },
  { name: 'Dubai', country: 'AE', latitude: 25.2, longitude: 55.27, languages: ['ar', 'en', 'hi', 'tl'], dialCode: '+971' },
  { name: 'Beirut', country: 'LB', latitude: 33.89, longitude: 35.5, languages: ['ar', 'fr', 'en', 'am'], dialCode: '+961' },
  { name: 'Cairo', country: 'EG', latitude: 30.04, longitude: 31.24, languages: ['ar', 'en'], dialCode: '+20' },
  { name: 'Bangkok', country: 'TH', latitude: 13.76, longitude: 100.5, languages: ['th', 'en', 'my', 'km'], dialCode: '+66' },
  { name: 'Lagos', country: 'NG', latitude: 6.52, longitude: 3.38, languages: ['en', 'yo', 'ha'], dialCode: '+234' },
  { name: 'Manila', country: 'PH', latitude: 14.6, longitude: 120.98, languages: ['tl', 'en'], dialCode: '+63' },
  { name: 'Addis Ababa', country: 'ET', latitude: 9.03, longitude: 38.74, languages: ['am', 'en', 'om'], dialCode: '+251' },
  { name: 'Dhaka', country: 'BD', latitude: 23.81, longitude: 90.41, languages: ['bn', 'en'], dialCode: '+880' },
  { name: 'Kathmandu', country: 'NP', latitude: 27.72, longitude: 85.32, languages: ['ne', 'en', 'hi'], dialCode: '+977' },
  { name: 'Kyiv', country: 'UA', latitude: 50.45, longitude: 30.52, languages: ['uk', 'ru', 'en'], dialCode: '+380' },
  { name: 'Chisinau', country: 'MD', latitude: 47.01, longitude: 28.86, languages: ['ro', 'ru', 'en'], dialCode: '+373' },
  { name: 'Mexico City', country: 'MX', latitude: 19.43, longitude: -99.13, languages: ['es', 'en'], dialCode: '+52' },
  { name: 'Guatemala City', country: 'GT', latitude: 14.63, longitude: -90.51, languages: ['es'], dialCode: '+502' },
];

/** How a service of each type is usually set up: names, places, eligibility. */
interface Template {
  type: ServiceType;
  names: readonly string[];
  /** Places, or null when a service is not limited by places. */
  places: readonly [number, number] | null;
  ages: readonly (readonly [number | null, number | null])[];
  /** Share of such services restricted to women and girls (shelters mostly). */
  womenOnly: number;
  responseDays: readonly number[];
  hours: readonly string[];
}

// prettier-ignore
const TEMPLATES: readonly Template[] = [
  { type: 'shelter', names: ['Safe House', 'Women’s Shelter', 'Transit Shelter', 'Children’s Home'], places: [6, 40], ages: [ [18, null], [null, 17], [null, null], ], womenOnly: 0.6, responseDays: [1, 2, 3], hours: ['24/7'] },
  { type: 'medical', names: ['Health Clinic', 'Community Health Centre', 'Hospital Outreach'], places: null, ages: [[null, null]], womenOnly: 0.1, responseDays: [2, 3, 5], hours: ['Mon–Fri 08:00–17:00', 'Mon–Sat 09:00–18:00'] },
  { type: 'mental_health_psychosocial', names: ['Counselling Service', 'Trauma Care Centre', 'Psychosocial Support Team'], places: [10, 60], ages: [ [null, null], [18, null], ], womenOnly: 0.2, responseDays: [3, 5, 7], hours: ['Mon–Fri 09:00–17:00'] },
  { type: 'legal_aid', names: ['Legal Aid Centre', 'Migrant Rights Lawyers', 'Law Clinic'], places: null, ages: [[null, null]], womenOnly: 0, responseDays: [5, 7, 10], hours: ['Mon–Fri 09:00–16:00'] },
  { type: 'interpretation', names: ['Interpreters Network', 'Language Support Service'], places: null, ages: [[null, null]], womenOnly: 0, responseDays: [1, 2], hours: ['Mon–Sun 08:00–20:00'] },
  { type: 'documentation', names: ['Documentation Desk', 'Civil Registration Help'], places: null, ages: [[null, null]], womenOnly: 0, responseDays: [5, 10], hours: ['Mon–Thu 09:00–15:00'] },
  { type: 'safe_return_reintegration', names: ['Return and Reintegration Programme', 'Assisted Voluntary Return Office'], places: [20, 120], ages: [[null, null]], womenOnly: 0, responseDays: [7, 10, 14], hours: ['Mon–Fri 09:00–17:00'] },
  { type: 'livelihood', names: ['Livelihood Programme', 'Vocational Training Centre', 'Small Business Support'], places: [15, 80], ages: [ [16, null], [18, null], ], womenOnly: 0.2, responseDays: [7, 14], hours: ['Mon–Fri 09:00–17:00'] },
  { type: 'education', names: ['Learning Centre', 'Catch-up School Programme'], places: [20, 100], ages: [ [6, 17], [6, 24], ], womenOnly: 0.1, responseDays: [7, 14], hours: ['Mon–Fri 08:00–15:00'] },
  { type: 'child_protection', names: ['Child Protection Unit', 'Children’s Services'], places: null, ages: [[null, 17]], womenOnly: 0, responseDays: [1, 2], hours: ['24/7', 'Mon–Fri 08:00–18:00'] },
  { type: 'family_tracing', names: ['Family Tracing Service', 'Restoring Family Links Desk'], places: null, ages: [[null, null]], womenOnly: 0, responseDays: [10, 14, 30], hours: ['Mon–Fri 09:00–16:00'] },
];

const ORGANISATION_STYLES = [
  'Hope',
  'Harbour',
  'Lighthouse',
  'Bridge',
  'Compass',
  'Open Door',
  'Haven',
  'Dignity',
  'Pathways',
  'New Dawn',
  'Solidarity',
  'Anchor',
];

export interface DemoDirectoryOptions {
  seed: number;
  /** How many services in all (spread over providers of 1–4 services each). */
  services: number;
  /**
   * What goes in `receiving_organisation`: `self` (the importing organisation receives every
   * referral, so a one-organisation demo shows both sides), or empty for external listings.
   * `mixed` makes one provider in three external.
   */
  receiver?: 'self' | 'external' | 'mixed';
}

type Row = Record<DirectoryCsvColumn, string>;

const jitter = (rng: Rng, v: number, spread: number) =>
  Math.round((v + (rng() - 0.5) * 2 * spread) * 10_000) / 10_000;

function serviceRow(
  rng: Rng,
  city: City,
  provider: Pick<
    Row,
    | 'provider_name'
    | 'provider_phone'
    | 'provider_email'
    | 'provider_website'
    | 'receiving_organisation'
  >,
  t: Template,
  site: number,
): Row {
  const [ageMin, ageMax] = pick(rng, t.ages);
  const total = t.places ? randomInt(rng, t.places[0], t.places[1]) : null;
  // Many services run near capacity: a quarter full, the rest with some places.
  const available = total === null ? null : rng() < 0.25 ? 0 : randomInt(rng, 1, total);
  const languages = city.languages.filter((_, i) => i === 0 || rng() < 0.6);
  return {
    service_id: '',
    ...provider,
    service_type: t.type,
    service_name: `${provider.provider_name} – ${pick(rng, t.names)}`,
    description: '',
    address: `${randomInt(rng, 1, 240)} Demo Street, ${city.name}`,
    country: city.country,
    admin_area: city.name,
    // Sites spread over about 25 km around the centre.
    latitude: String(jitter(rng, city.latitude, 0.12 + site * 0.01)),
    longitude: String(jitter(rng, city.longitude, 0.12 + site * 0.01)),
    languages: languages.join(';'),
    age_min: ageMin === null ? '' : String(ageMin),
    age_max: ageMax === null ? '' : String(ageMax),
    genders: rng() < t.womenOnly ? 'Feminine;TransgenderFeminine' : '',
    nationalities: '',
    statuses: '',
    capacity_total: total === null ? '' : String(total),
    capacity_available: available === null ? '' : String(available),
    hours: pick(rng, t.hours),
    phone: `${city.dialCode} 555 ${String(randomInt(rng, 0, 9999)).padStart(4, '0')}`,
    email: '',
    response_days: String(pick(rng, t.responseDays)),
    active: 'true',
  };
}

/** A uniformly shuffled copy (Fisher–Yates; Knuth, TAOCP vol. 2, algorithm 3.4.2 P). */
function shuffled<T>(rng: Rng, items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** The rows of a synthetic directory, deterministic for a seed. */
export function demoDirectoryRows(o: DemoDirectoryOptions): Row[] {
  const rng = createRng(o.seed);
  const rows: Row[] = [];
  let n = 0;
  while (rows.length < o.services) {
    const city = CITIES[n % CITIES.length]!;
    n += 1;
    const style = pick(rng, ORGANISATION_STYLES);
    const name = `${style} ${city.name} ${n}`;
    const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, '-');
    const receiver = o.receiver ?? 'self';
    const external = receiver === 'external' || (receiver === 'mixed' && n % 3 === 0);
    const provider = {
      provider_name: name,
      provider_phone: `${city.dialCode} 555 ${String(randomInt(rng, 0, 9999)).padStart(4, '0')}`,
      provider_email: `contact@${slug}.example.org`,
      provider_website: `https://${slug}.example.org`,
      receiving_organisation: external ? '' : 'self',
    };
    const count = Math.min(randomInt(rng, 1, 4), o.services - rows.length);
    const types = shuffled(rng, TEMPLATES).slice(0, count);
    types.forEach((t, site) => rows.push(serviceRow(rng, city, provider, t, site)));
  }
  return rows;
}

/** The same rows as a CSV file in the directory's import layout. */
export function demoDirectoryCsv(o: DemoDirectoryOptions): string {
  const rows = demoDirectoryRows(o);
  return writeCsv([
    [...DIRECTORY_CSV_COLUMNS],
    ...rows.map((r) => DIRECTORY_CSV_COLUMNS.map((c) => r[c])),
  ]);
}
