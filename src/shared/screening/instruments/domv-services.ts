/**
 * Service types and the table mapping DOMV risk factors to them. The IOM Handbook (2019)
 * describes assistance at each level of the model (individual case management, household and
 * community programmes, structural programming) but gives no factor-to-service table: this table
 * is Lantern's, kept as data so a referral officer can adjust it. Structural factors map to
 * programme-level action, not to a case service.
 */

export const SERVICES = [
  'child_protection',
  'family_tracing',
  'safe_accommodation',
  'protection_from_violence',
  'health',
  'mental_health_psychosocial',
  'disability_support',
  'documentation_legal_aid',
  'livelihood',
  'cash_assistance',
  'education_training',
  'information_on_rights',
  'community_programme',
  'structural_advocacy',
] as const;
export type Service = (typeof SERVICES)[number];

export const SERVICE_LABEL: Record<Service, string> = {
  child_protection: 'Child protection (best-interests assessment, guardian)',
  family_tracing: 'Family tracing and reunification',
  safe_accommodation: 'Safe accommodation',
  protection_from_violence: 'Protection from violence, including gender-based violence',
  health: 'Health care',
  mental_health_psychosocial: 'Mental health and psychosocial support',
  disability_support: 'Disability support',
  documentation_legal_aid: 'Documentation and legal aid',
  livelihood: 'Livelihood and economic support',
  cash_assistance: 'Cash or material assistance',
  education_training: 'Education, language and vocational training',
  information_on_rights: 'Information on rights, services and safe migration',
  community_programme: 'Community-level programme (referral to the programme team)',
  structural_advocacy:
    'Structural action: report to the policy or programme team (not a case service)',
};

/** Risk factor → services. Only risk factors map; protective factors are strengths to keep. */
export const SERVICE_MAP: Readonly<Record<string, readonly Service[]>> = {
  child: ['child_protection'],
  no_documents: ['documentation_legal_aid'],
  disability: ['disability_support', 'health'],
  physical_health: ['health'],
  mental_health: ['mental_health_psychosocial'],
  limited_education: ['education_training'],
  language_barrier: ['education_training', 'information_on_rights'],
  past_abuse: ['mental_health_psychosocial', 'protection_from_violence'],
  no_resources: ['cash_assistance', 'livelihood'],
  discriminated_identity: ['information_on_rights', 'protection_from_violence'],
  household_debt: ['livelihood'],
  family_violence: ['protection_from_violence', 'safe_accommodation'],
  family_pressure: ['mental_health_psychosocial'],
  dependants: ['livelihood'],
  household_poverty: ['livelihood', 'cash_assistance'],
  unaccompanied_child: ['child_protection', 'family_tracing', 'safe_accommodation'],
  discrimination: ['community_programme'],
  no_services: ['information_on_rights', 'community_programme'],
  harmful_norms: ['community_programme'],
  no_livelihoods: ['livelihood', 'education_training'],
  exploitative_recruiters: ['information_on_rights'],
  conflict_or_disaster: ['safe_accommodation', 'structural_advocacy'],
  no_regular_pathways: ['documentation_legal_aid', 'structural_advocacy'],
  weak_labour_protection: ['structural_advocacy'],
  weak_rule_of_law: ['structural_advocacy'],
  discriminatory_laws: ['documentation_legal_aid', 'structural_advocacy'],
};
