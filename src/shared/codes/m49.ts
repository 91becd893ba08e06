/**
 * UN M49: "Standard country or area codes for statistical use (M49)", United Nations
 * Statistics Division (https://unstats.un.org/unsd/methodology/m49/), the geographic regions
 * table: every country or area belongs to one sub-region, and that to one region; two
 * sub-regions (Sub-Saharan Africa, Latin America and the Caribbean) are further split into
 * intermediate regions. The data hub generalises countries along this tree (country →
 * intermediate region → sub-region → region) when it k-anonymises a release.
 *
 * Every code of `COUNTRY_CODES` is placed (a unit test checks it). Where M49 has no entry of its
 * own the placement follows the UN's: XK (Kosovo) is counted with Serbia (Southern Europe), TW
 * (Taiwan) with China (Eastern Asia). AQ (Antarctica) has no region in M49; it stands alone here
 * under the name "Antarctica" at every level. M49's intermediate region "Channel Islands"
 * (Northern Europe) is left out: GG and JE go to Northern Europe directly.
 */

export type M49Region = 'Africa' | 'Americas' | 'Asia' | 'Europe' | 'Oceania' | 'Antarctica';

export interface M49Area {
  /** M49 region, e.g. `Africa`. */
  region: M49Region;
  /** M49 sub-region, e.g. `Sub-Saharan Africa`. */
  subRegion: string;
  /** M49 intermediate region where there is one (e.g. `Eastern Africa`), else the sub-region. */
  intermediateRegion: string;
}

/** [region, sub-region, intermediate region or '', the countries (alpha-2, space-separated)]. */
const TREE: readonly (readonly [M49Region, string, string, string])[] = [
  ['Africa', 'Northern Africa', '', 'DZ EG LY MA SD TN EH'],
  [
    'Africa',
    'Sub-Saharan Africa',
    'Eastern Africa',
    'IO BI KM DJ ER ET TF KE MG MW MU YT MZ RE RW SC SO SS UG TZ ZM ZW',
  ],
  ['Africa', 'Sub-Saharan Africa', 'Middle Africa', 'AO CM CF TD CG CD GQ GA ST'],
  ['Africa', 'Sub-Saharan Africa', 'Southern Africa', 'BW SZ LS NA ZA'],
  [
    'Africa',
    'Sub-Saharan Africa',
    'Western Africa',
    'BJ BF CV CI GM GH GN GW LR ML MR NE NG SH SN SL TG',
  ],
  [
    'Americas',
    'Latin America and the Caribbean',
    'Caribbean',
    'AI AG AW BS BB BQ VG KY CU CW DM DO GD GP HT JM MQ MS PR BL KN LC MF VC SX TT TC VI',
  ],
  ['Americas', 'Latin America and the Caribbean', 'Central America', 'BZ CR SV GT HN MX NI PA'],
  [
    'Americas',
    'Latin America and the Caribbean',
    'South America',
    'AR BO BV BR CL CO EC FK GF GY PY PE GS SR UY VE',
  ],
  ['Americas', 'Northern America', '', 'BM CA GL PM US'],
  ['Antarctica', 'Antarctica', '', 'AQ'],
  ['Asia', 'Central Asia', '', 'KZ KG TJ TM UZ'],
  ['Asia', 'Eastern Asia', '', 'CN HK MO KP JP MN KR TW'],
  ['Asia', 'South-eastern Asia', '', 'BN KH ID LA MY MM PH SG TH TL VN'],
  ['Asia', 'Southern Asia', '', 'AF BD BT IN IR MV NP PK LK'],
  ['Asia', 'Western Asia', '', 'AM AZ BH CY GE IQ IL JO KW LB OM QA SA PS SY TR AE YE'],
  ['Europe', 'Eastern Europe', '', 'BY BG CZ HU PL MD RO RU SK UA'],
  ['Europe', 'Northern Europe', '', 'AX DK EE FO FI GG IS IE IM JE LV LT NO SJ SE GB'],
  ['Europe', 'Southern Europe', '', 'AL AD BA HR GI GR VA IT MT ME MK PT SM RS SI ES XK'],
  ['Europe', 'Western Europe', '', 'AT BE FR DE LI LU MC NL CH'],
  ['Oceania', 'Australia and New Zealand', '', 'AU CX CC HM NZ NF'],
  ['Oceania', 'Melanesia', '', 'FJ NC PG SB VU'],
  ['Oceania', 'Micronesia', '', 'GU KI MH FM NR MP PW UM'],
  ['Oceania', 'Polynesia', '', 'AS CK PF NU PN WS TK TO TV WF'],
];

const AREAS = new Map<string, M49Area>();
for (const [region, subRegion, intermediate, codes] of TREE) {
  for (const code of codes.split(' ')) {
    AREAS.set(code, { region, subRegion, intermediateRegion: intermediate || subRegion });
  }
}

/** The M49 placement of an ISO 3166-1 alpha-2 code, or undefined for a code M49 does not place. */
export function m49Area(code: string): M49Area | undefined {
  return AREAS.get(code);
}

/** Every placed alpha-2 code, in the order of the M49 table. */
export const M49_COUNTRY_CODES: readonly string[] = [...AREAS.keys()];
