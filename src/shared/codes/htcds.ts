/**
 * Code lists of IOM's Human Trafficking Case Data Standard 2.0 (HTCDS Field Standards 2.0,
 * sheet "Field Standards"). Values are spelled exactly as the standard's "Value Names".
 * See docs/htcds-mapping.md for how Lantern's fields map to HTCDS field names.
 */

/** prs_Gender */
export const GENDERS = [
  'Feminine',
  'Masculine',
  'TransgenderFeminine',
  'TransgenderMasculine',
  'NonConforming',
  'NonSpecifiedUnknown',
] as const;
export type Gender = (typeof GENDERS)[number];

/** vic_TypeOfExploitation (multiselect) */
export const EXPLOITATION_TYPES = [
  'ForcedLabour',
  'SexualExploitation',
  'ChildLabour',
  'ForcedMarriage',
  'Servitude',
  'ForcedMilitaryByNonStateActors',
  'OrganRemoval',
  'ForcedBegging',
  'ForcedAdoption',
  'Surrogacy',
  'Other',
] as const;
export type ExploitationType = (typeof EXPLOITATION_TYPES)[number];

/** cas_Status */
export const CASE_STATUSES = ['Active', 'FollowUp', 'Closed', 'ClosedReferred'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** vic_TraffickingStatus */
export const TRAFFICKING_STATUSES = [
  'PossibleVictimOfTrafficking',
  'ActualVictimOfTrafficking',
  'NotAVictimOfTrafficking',
] as const;
export type TraffickingStatus = (typeof TRAFFICKING_STATUSES)[number];

/**
 * Spellings accepted on input besides the HTCDS value names: CTDC's "Male"/"Female", the
 * snake_case purpose codes of the Palermo screening instrument, and plain English. Matching is
 * case-insensitive and ignores spaces, hyphens and underscores.
 */
const GENDER_ALIASES: Record<string, Gender> = {
  female: 'Feminine',
  f: 'Feminine',
  woman: 'Feminine',
  girl: 'Feminine',
  male: 'Masculine',
  m: 'Masculine',
  man: 'Masculine',
  boy: 'Masculine',
  transgender: 'NonConforming',
  nonbinary: 'NonConforming',
  other: 'NonConforming',
  unknown: 'NonSpecifiedUnknown',
  notspecified: 'NonSpecifiedUnknown',
  u: 'NonSpecifiedUnknown',
};

const EXPLOITATION_ALIASES: Record<string, ExploitationType> = {
  sexual: 'SexualExploitation',
  labour: 'ForcedLabour',
  labor: 'ForcedLabour',
  forcedlabor: 'ForcedLabour',
  childlabor: 'ChildLabour',
  marriage: 'ForcedMarriage',
  slavery: 'Servitude',
  armedgroups: 'ForcedMilitaryByNonStateActors',
  forcedmilitary: 'ForcedMilitaryByNonStateActors',
  organremoval: 'OrganRemoval',
  begging: 'ForcedBegging',
  forcedcriminality: 'Other',
  criminality: 'Other',
};

const squash = (s: string): string => s.toLowerCase().replace(/[\s_-]+/g, '');

function normaliser<T extends string>(
  values: readonly T[],
  aliases: Record<string, T>,
): (input: unknown) => unknown {
  const byKey = new Map<string, T>(values.map((v) => [squash(v), v]));
  for (const [k, v] of Object.entries(aliases)) byKey.set(k, v);
  return (input) => (typeof input === 'string' ? (byKey.get(squash(input)) ?? input) : input);
}

/** Maps an accepted spelling to the HTCDS gender code; anything else passes through for zod to reject. */
export const normaliseGender = normaliser(GENDERS, GENDER_ALIASES);
/** Maps an accepted spelling to the HTCDS exploitation type; anything else passes through. */
export const normaliseExploitationType = normaliser(EXPLOITATION_TYPES, EXPLOITATION_ALIASES);
