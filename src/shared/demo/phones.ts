/**
 * Synthetic mobile numbers in E.164 form (+, country calling code, national number), from ITU-T
 * E.164 country codes with a plausible national length and mobile prefix. Numbering plans are not
 * checked beyond that, so a generated number may exist: demo data must never be dialled. The US
 * and UK use the ranges reserved for fiction (NANP 555-0100–0199; Ofcom 07700 900000–900999).
 */
import type { CountryCode } from '../codes/countries.ts';
import { randomInt, type Rng } from './random.ts';

/** Calling code, national number length, mobile prefix. */
type Plan = readonly [code: string, length: number, prefix: string];

// prettier-ignore
const PLANS: Partial<Record<CountryCode, Plan>> = {
  AE: ['971', 9, '5'], AL: ['355', 9, '6'], BD: ['880', 10, '1'], BR: ['55', 11, ''],
  CN: ['86', 11, '1'], CZ: ['420', 9, '7'], DE: ['49', 11, '15'], EG: ['20', 10, '1'],
  ER: ['291', 7, '7'], ES: ['34', 9, '6'], ET: ['251', 9, '9'], FR: ['33', 9, '6'],
  GR: ['30', 10, '69'], GT: ['502', 8, '5'], HN: ['504', 8, '9'], ID: ['62', 10, '8'],
  IN: ['91', 10, '9'], IQ: ['964', 10, '7'], IT: ['39', 10, '3'], JO: ['962', 9, '7'],
  KG: ['996', 9, '7'], KH: ['855', 9, '1'], KW: ['965', 8, '6'], KZ: ['7', 10, '7'],
  LB: ['961', 8, '7'], LY: ['218', 9, '9'], MA: ['212', 9, '6'], MD: ['373', 8, '6'],
  MM: ['95', 9, '9'], MX: ['52', 10, ''], MY: ['60', 9, '1'], NG: ['234', 10, '8'],
  NP: ['977', 10, '98'], PH: ['63', 10, '9'], PL: ['48', 9, '5'], PT: ['351', 9, '9'],
  QA: ['974', 8, '5'], RO: ['40', 9, '7'], RU: ['7', 10, '9'], SA: ['966', 9, '5'],
  SD: ['249', 9, '9'], SV: ['503', 8, '7'], SY: ['963', 9, '9'], TH: ['66', 9, '8'],
  TR: ['90', 10, '5'], TW: ['886', 9, '9'], UA: ['380', 9, '6'], UZ: ['998', 9, '9'],
  VN: ['84', 9, '9'], YE: ['967', 9, '7'],
};

const digits = (rng: Rng, n: number): string => {
  let s = '';
  for (let i = 0; i < n; i++) s += String(Math.floor(rng() * 10));
  return s;
};

/** A synthetic mobile number for a country, or undefined when the country has no plan here. */
export function demoPhone(rng: Rng, country: CountryCode): string | undefined {
  if (country === 'US') return `+1${randomInt(rng, 201, 989)}5550${randomInt(rng, 100, 199)}`;
  if (country === 'GB') return `+447700900${digits(rng, 3)}`;
  const plan = PLANS[country];
  if (plan === undefined) return undefined;
  const [code, length, prefix] = plan;
  // A leading zero would be a trunk prefix, not part of an E.164 national number.
  const lead = prefix === '' ? String(randomInt(rng, 1, 9)) : prefix;
  return `+${code}${lead}${digits(rng, length - lead.length)}`;
}
