/**
 * Trafficking corridors for synthetic demo data. The shapes follow the patterns described in
 * UNODC's Global Report on Trafficking in Persons (2022, 2024): domestic trafficking is a large
 * share of detected cases; sexual exploitation dominates detections in Europe and the Americas
 * and most of its victims are women and girls; forced labour dominates flows to the Gulf and
 * within Asia and most of its victims are men; children are a large share of detected victims;
 * IOM's CTDC Global Victim of Trafficking dataset (same skews by region and sex); the UK Home
 * Office's National Referral Mechanism statistics (UK, Albanian and Vietnamese nationals;
 * criminal exploitation, recorded under HTCDS "Other"); UNODC/OHCHR on forced criminality in
 * South-East Asian scam compounds (2023); ILO, Walk Free and IOM, Global Estimates of Modern
 * Slavery (2022) for forced marriage; the US TIP Report country narratives for the corridors.
 * Every weight below is an illustrative choice for a plausible demo, not a statistic.
 */
import type { CountryCode } from '../codes/countries.ts';
import type { ExploitationType } from '../codes/htcds.ts';
import type { NameGroupId } from './names.ts';

/** How a purpose of exploitation skews who its victims are. */
export interface PurposeTraits {
  /** Share of Feminine among persons with a binary gender. */
  readonly feminine: number;
  /** Share of children (under 18). */
  readonly child: number;
}

export const PURPOSE_TRAITS: Readonly<Record<ExploitationType, PurposeTraits>> = {
  SexualExploitation: { feminine: 0.92, child: 0.27 },
  ForcedLabour: { feminine: 0.28, child: 0.1 },
  ChildLabour: { feminine: 0.42, child: 1 },
  ForcedMarriage: { feminine: 0.97, child: 0.4 },
  Servitude: { feminine: 0.75, child: 0.18 },
  ForcedMilitaryByNonStateActors: { feminine: 0.1, child: 0.55 },
  OrganRemoval: { feminine: 0.3, child: 0.03 },
  ForcedBegging: { feminine: 0.45, child: 0.7 },
  ForcedAdoption: { feminine: 0.5, child: 1 },
  Surrogacy: { feminine: 1, child: 0 },
  Other: { feminine: 0.25, child: 0.4 },
};

export interface Profile {
  /** Relative weights of the main purpose of exploitation. */
  readonly purposes: Readonly<Partial<Record<ExploitationType, number>>>;
  /** Overrides the purpose's share of Feminine (domestic work abroad is mostly women's work). */
  readonly feminine?: number;
}

export const PROFILES = {
  sexual: { purposes: { SexualExploitation: 85, ForcedLabour: 7, Servitude: 4, ForcedBegging: 4 } },
  domesticWork: {
    purposes: { Servitude: 55, ForcedLabour: 35, SexualExploitation: 10 },
    feminine: 0.88,
  },
  labour: { purposes: { ForcedLabour: 82, Servitude: 6, SexualExploitation: 6, ChildLabour: 6 } },
  transit: {
    purposes: {
      ForcedLabour: 48,
      SexualExploitation: 32,
      Servitude: 12,
      ForcedMarriage: 3,
      OrganRemoval: 3,
      Other: 2,
    },
  },
  europe: { purposes: { SexualExploitation: 45, ForcedLabour: 35, Other: 10, ForcedBegging: 10 } },
  americas: { purposes: { SexualExploitation: 50, ForcedLabour: 38, Other: 7, ForcedBegging: 5 } },
  criminality: { purposes: { Other: 45, ForcedLabour: 35, SexualExploitation: 20 } },
  marriage: { purposes: { ForcedMarriage: 70, SexualExploitation: 15, Servitude: 15 } },
  conflict: {
    purposes: {
      ForcedLabour: 25,
      SexualExploitation: 20,
      ForcedMarriage: 20,
      ForcedMilitaryByNonStateActors: 20,
      ChildLabour: 15,
    },
  },
  domestic: {
    purposes: {
      SexualExploitation: 38,
      ForcedLabour: 25,
      ChildLabour: 14,
      ForcedBegging: 8,
      ForcedMarriage: 8,
      Servitude: 5,
      Other: 2,
    },
  },
  domesticLabour: {
    purposes: { ForcedLabour: 58, ChildLabour: 20, SexualExploitation: 14, ForcedMarriage: 8 },
  },
} satisfies Record<string, Profile>;

export type ProfileId = keyof typeof PROFILES;

/** A destination: country of exploitation, relative weight, profile. Domestic when it is the origin. */
export type Destination = readonly [to: CountryCode, weight: number, profile: ProfileId];

export interface Origin {
  readonly citizenship: CountryCode;
  /** Relative share of demo cases with this citizenship. */
  readonly weight: number;
  /** Name pools by relative weight (Moldovans are recorded in Latin or Cyrillic script). */
  readonly names: readonly (readonly [NameGroupId, number])[];
  readonly destinations: readonly Destination[];
}

const origin = (
  citizenship: CountryCode,
  weight: number,
  names: NameGroupId | Origin['names'],
  destinations: readonly Destination[],
): Origin => ({
  citizenship,
  weight,
  names: typeof names === 'string' ? [[names, 1]] : names,
  destinations,
});

// prettier-ignore
export const ORIGINS: readonly Origin[] = [
  origin('NG', 8, 'nigerian', [['IT', 4, 'sexual'], ['ES', 1.5, 'sexual'], ['FR', 1, 'sexual'], ['LY', 3, 'transit'], ['NG', 1.5, 'domestic']]),
  origin('PH', 7, 'filipino', [['SA', 4, 'domesticWork'], ['AE', 3, 'domesticWork'], ['KW', 2, 'domesticWork'], ['QA', 1, 'labour'], ['MY', 1, 'labour'], ['PH', 1.5, 'domestic']]),
  origin('ET', 5, 'ethiopic', [['SA', 4, 'domesticWork'], ['LB', 1.5, 'domesticWork'], ['YE', 1, 'transit'], ['LY', 1, 'transit'], ['ET', 1, 'domestic']]),
  origin('ER', 2.5, 'ethiopic', [['LY', 3, 'transit'], ['SD', 1.5, 'transit'], ['EG', 0.7, 'transit'], ['ER', 0.5, 'conflict']]),
  origin('BD', 6, 'bengali', [['MY', 3, 'labour'], ['IN', 2, 'sexual'], ['SA', 2, 'labour'], ['AE', 1, 'labour'], ['BD', 1.5, 'domestic']]),
  origin('UA', 5, 'ukrainian', [['PL', 3, 'labour'], ['DE', 2, 'europe'], ['RU', 1.5, 'labour'], ['CZ', 1, 'labour'], ['UA', 1, 'domestic']]),
  origin('MD', 2.5, [['romanian', 3], ['russian', 2]], [['RU', 1.5, 'labour'], ['DE', 1, 'europe'], ['PL', 0.5, 'labour'], ['IT', 0.7, 'domesticWork'], ['TR', 0.5, 'sexual'], ['MD', 0.8, 'domestic']]),
  origin('RU', 2, 'russian', [['DE', 0.5, 'sexual'], ['TR', 0.5, 'sexual'], ['AE', 0.3, 'sexual'], ['RU', 1, 'domestic']]),
  origin('VN', 5, 'vietnamese', [['GB', 3, 'criminality'], ['DE', 0.7, 'criminality'], ['CN', 1.5, 'marriage'], ['MY', 0.5, 'labour'], ['VN', 1.2, 'domestic']]),
  origin('RO', 5, 'romanian', [['GB', 2, 'europe'], ['IT', 1.5, 'europe'], ['ES', 1, 'sexual'], ['DE', 1.5, 'sexual'], ['FR', 0.5, 'europe'], ['RO', 1.2, 'domestic']]),
  origin('AL', 3, 'albanian', [['GB', 2.5, 'criminality'], ['IT', 1, 'sexual'], ['GR', 0.5, 'europe'], ['AL', 0.6, 'domestic']]),
  origin('SY', 4, 'arabic', [['TR', 2.5, 'labour'], ['LB', 2, 'conflict'], ['JO', 0.5, 'labour'], ['SY', 1, 'conflict']]),
  origin('IQ', 2.5, 'arabic', [['TR', 1, 'labour'], ['DE', 0.5, 'labour'], ['IQ', 1.2, 'conflict']]),
  origin('SD', 2.5, 'arabic', [['LY', 2, 'transit'], ['EG', 0.7, 'transit'], ['SA', 0.5, 'labour'], ['SD', 1.5, 'conflict']]),
  origin('EG', 1.5, 'arabic', [['LY', 1, 'labour'], ['SA', 0.5, 'labour'], ['JO', 0.3, 'labour'], ['EG', 1.2, 'domestic']]),
  origin('MA', 1.5, 'arabic', [['ES', 1.5, 'europe'], ['AE', 0.5, 'sexual'], ['MA', 0.8, 'domestic']]),
  origin('YE', 1.5, 'arabic', [['SA', 1, 'labour'], ['YE', 1, 'conflict']]),
  origin('KG', 2, 'centralAsian', [['RU', 2, 'labour'], ['KZ', 1, 'labour'], ['TR', 0.5, 'sexual'], ['KG', 0.6, 'domestic']]),
  origin('UZ', 2, 'centralAsian', [['RU', 2, 'labour'], ['KZ', 1, 'labour'], ['TR', 0.5, 'sexual'], ['UZ', 0.6, 'domesticLabour']]),
  origin('HN', 3, 'hispanic', [['MX', 1.5, 'americas'], ['US', 1.5, 'americas'], ['GT', 0.5, 'sexual'], ['HN', 0.7, 'domestic']]),
  origin('GT', 3, 'guatemalan', [['MX', 1.5, 'americas'], ['US', 1, 'labour'], ['GT', 1, 'domestic']]),
  origin('SV', 1.5, 'hispanic', [['US', 1, 'americas'], ['MX', 0.5, 'americas'], ['GT', 0.3, 'sexual'], ['SV', 0.7, 'domestic']]),
  origin('MX', 3, 'hispanic', [['US', 2.5, 'americas'], ['MX', 1.2, 'domestic']]),
  origin('ID', 4, 'indonesian', [['MY', 3, 'domesticWork'], ['SA', 1, 'domesticWork'], ['TW', 1, 'labour'], ['ID', 1, 'domestic']]),
  origin('MM', 3, 'burmese', [['TH', 2.5, 'labour'], ['CN', 1.5, 'marriage'], ['MY', 0.5, 'labour'], ['KH', 0.7, 'criminality'], ['MM', 1, 'criminality']]),
  origin('KH', 2, 'khmer', [['TH', 2, 'labour'], ['CN', 0.5, 'marriage'], ['MY', 0.5, 'labour'], ['KH', 0.6, 'domestic']]),
  origin('NP', 3, 'nepali', [['IN', 2, 'sexual'], ['MY', 1.5, 'labour'], ['QA', 1, 'labour'], ['AE', 0.5, 'domesticWork'], ['NP', 1, 'domesticLabour']]),
  origin('IN', 3, 'indian', [['AE', 0.6, 'labour'], ['SA', 0.4, 'labour'], ['IN', 1.6, 'domesticLabour']]),
  origin('US', 2, 'english', [['US', 1, 'domestic']]),
  origin('GB', 1.2, 'english', [['GB', 1, 'criminality']]),
  origin('BR', 1.5, 'brazilian', [['PT', 0.2, 'sexual'], ['ES', 0.2, 'sexual'], ['BR', 1.5, 'domesticLabour']]),
];

/** Share of cases recorded without a country of exploitation (not yet known). */
export const UNKNOWN_DESTINATION_SHARE = 0.04;
