import type { Option } from '../instrument.ts';
import type { Localized } from '../text.ts';

/**
 * Risk and protective factors of IOM's Determinants of Migrant Vulnerability (DOMV) model, IOM
 * Handbook on Protection and Assistance for Migrants Vulnerable to Violence, Exploitation and
 * Abuse (2019), Part 1. The Handbook describes the factors of each level in prose and gives no
 * fixed checklist: this list is Lantern's operationalisation of those descriptions.
 */

export type Level = 'individual' | 'household' | 'community' | 'structural';
export type FactorKind = 'risk' | 'protective';
export const LEVELS: readonly Level[] = ['individual', 'household', 'community', 'structural'];

export const LEVEL_LABEL: Record<Level, Localized> = {
  individual: {
    en: 'Individual',
    ar: 'فردي',
    fr: 'Individuel',
    es: 'Individual',
    ru: 'Индивидуальный',
    uk: 'Індивідуальний',
  },
  household: {
    en: 'Household and family',
    ar: 'الأسرة المعيشية والعائلة',
    fr: 'Ménage et famille',
    es: 'Hogar y familia',
    ru: 'Домохозяйство и семья',
    uk: 'Домогосподарство та сім’я',
  },
  community: {
    en: 'Community',
    ar: 'المجتمع المحلي',
    fr: 'Communauté',
    es: 'Comunidad',
    ru: 'Сообщество',
    uk: 'Громада',
  },
  structural: {
    en: 'Structural',
    ar: 'هيكلي',
    fr: 'Structurel',
    es: 'Estructural',
    ru: 'Структурный',
    uk: 'Структурний',
  },
};

export interface Factor extends Option {
  level: Level;
  kind: FactorKind;
}

const REF =
  'IOM Handbook on Migrants Vulnerable to Violence, Exploitation and Abuse (2019), Part 1';
const f = (
  code: string,
  level: Level,
  kind: FactorKind,
  en: string,
  extra: Partial<Factor> = {},
): Factor => ({
  code,
  level,
  kind,
  label: { en },
  ref: REF,
  ...extra,
});

/** Shown only where the person may be a child. */
const MAY_BE_CHILD = {
  showIf: {
    any: [
      { question: 'ageAtScreening', op: 'lt' as const, value: 18 },
      { question: 'ageAtScreening', op: 'unknown' as const },
    ],
  },
};

/** Not asked: derived from the age (under 18), an individual risk factor in the model. */
export const CHILD_FACTOR: Factor = f('child', 'individual', 'risk', 'A child (under 18)');

export const DOMV_FACTORS: Factor[] = [
  f('no_documents', 'individual', 'risk', 'No identity or travel documents, or irregular status'),
  f('disability', 'individual', 'risk', 'Disability'),
  f('physical_health', 'individual', 'risk', 'Serious physical health condition, or pregnancy'),
  f('mental_health', 'individual', 'risk', 'Mental health or psychosocial condition'),
  f('limited_education', 'individual', 'risk', 'Limited education or literacy'),
  f('language_barrier', 'individual', 'risk', 'Does not speak the local language'),
  f('past_abuse', 'individual', 'risk', 'Past violence, exploitation or abuse'),
  f('no_resources', 'individual', 'risk', 'No money or other resources of their own'),
  f(
    'discriminated_identity',
    'individual',
    'risk',
    'Belongs to a group facing discrimination (sex, gender identity, sexual orientation, ethnicity, religion)',
  ),
  f('valid_documents', 'individual', 'protective', 'Holds identity documents and a regular status'),
  f('skills', 'individual', 'protective', 'Education or skills that are in demand'),
  f('good_health', 'individual', 'protective', 'Good physical and mental health'),
  f('knows_rights', 'individual', 'protective', 'Knows their rights and where to get help'),
  f('own_resources', 'individual', 'protective', 'Has money or resources of their own'),

  f('household_debt', 'household', 'risk', 'Household debt'),
  f('family_violence', 'household', 'risk', 'Violence, abuse or neglect in the family'),
  f('family_pressure', 'household', 'risk', 'Family pressure to migrate, work or marry'),
  f('dependants', 'household', 'risk', 'Family members depend on the person’s income'),
  f('household_poverty', 'household', 'risk', 'Household poverty or loss of income'),
  f('unaccompanied_child', 'household', 'risk', 'Unaccompanied or separated child', MAY_BE_CHILD),
  f('family_support', 'household', 'protective', 'Supportive family relationships'),
  f('household_income', 'household', 'protective', 'Stable household income'),
  f('family_contact', 'household', 'protective', 'Safe, regular contact with family'),

  f('discrimination', 'community', 'risk', 'Discrimination or xenophobia in the community'),
  f('no_services', 'community', 'risk', 'No access to health, education or justice services'),
  f(
    'harmful_norms',
    'community',
    'risk',
    'Norms that tolerate exploitation, child marriage or gender-based violence',
  ),
  f('no_livelihoods', 'community', 'risk', 'Few jobs or livelihood opportunities'),
  f(
    'exploitative_recruiters',
    'community',
    'risk',
    'Exploitative recruiters, smugglers or criminal groups active',
  ),
  f('support_network', 'community', 'protective', 'Support network or diaspora community'),
  f('services_access', 'community', 'protective', 'Access to services'),
  f('cohesion', 'community', 'protective', 'Cohesive, welcoming community'),

  f('conflict_or_disaster', 'structural', 'risk', 'Conflict, generalised violence or disaster'),
  f(
    'no_regular_pathways',
    'structural',
    'risk',
    'No regular migration pathways; restrictive policies',
  ),
  f('weak_labour_protection', 'structural', 'risk', 'Weak labour protection or enforcement'),
  f('weak_rule_of_law', 'structural', 'risk', 'Corruption or weak rule of law'),
  f('discriminatory_laws', 'structural', 'risk', 'Discriminatory laws or policies'),
  f('regular_pathways', 'structural', 'protective', 'Regular migration pathways available'),
  f('labour_rights', 'structural', 'protective', 'Labour rights protected and enforced'),
  f('social_protection', 'structural', 'protective', 'Social protection accessible to migrants'),
  f('access_to_justice', 'structural', 'protective', 'Access to justice'),
];
