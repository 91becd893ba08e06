/**
 * Indicators of the ILO–EC "Operational indicators of trafficking in human beings" (ILO and
 * European Commission, Delphi survey, March 2009, revised September 2009), by dimension. Labels
 * follow the publication's wording as transcribed; see docs/screening.md for provenance. The
 * code prefix is the dimension; the same indicator in two dimensions (e.g. debt bondage at
 * recruitment and at destination) has two codes, because its weight differs.
 */

export const DIMENSIONS = [
  'deceptive_recruitment',
  'coercive_recruitment',
  'recruitment_abuse_of_vulnerability',
  'exploitative_conditions',
  'coercion_at_destination',
  'abuse_of_vulnerability_at_destination',
] as const;
export type Dimension = (typeof DIMENSIONS)[number];

export const DIMENSION_PREFIX: Record<string, Dimension> = {
  dr: 'deceptive_recruitment',
  cr: 'coercive_recruitment',
  vr: 'recruitment_abuse_of_vulnerability',
  ex: 'exploitative_conditions',
  cd: 'coercion_at_destination',
  vd: 'abuse_of_vulnerability_at_destination',
};

export const DIMENSION_LABEL: Record<Dimension, string> = {
  deceptive_recruitment: 'Deceptive recruitment (including transfer and transport)',
  coercive_recruitment: 'Coercive recruitment (including transfer and transport)',
  recruitment_abuse_of_vulnerability: 'Recruitment by abuse of vulnerability',
  exploitative_conditions: 'Exploitative conditions of work',
  coercion_at_destination: 'Coercion at destination',
  abuse_of_vulnerability_at_destination: 'Abuse of vulnerability at destination',
};

export const INDICATOR_LABEL: Record<string, string> = {
  'dr.nature_of_job': 'Deceived about the nature of the job, location or employer',
  'dr.conditions_of_work': 'Deceived about conditions of work',
  'dr.contract': 'Deceived about content or legality of work contract',
  'dr.family_reunification': 'Deceived about family reunification',
  'dr.housing': 'Deceived about housing and living conditions',
  'dr.documents': 'Deceived about legal documentation or obtaining legal migration status',
  'dr.travel': 'Deceived about travel and recruitment conditions',
  'dr.wages': 'Deceived about wages/earnings',
  'dr.marriage_adoption': 'Deceived through promises of marriage or adoption',
  'dr.education': 'Deceived about access to education opportunities',

  'cr.violence': 'Violence on victims',
  'cr.threats': 'Threats of violence against victim',
  'cr.abduction': 'Abduction, forced marriage, forced adoption or selling of victim',
  'cr.debt_bondage': 'Debt bondage',
  'cr.documents': 'Confiscation of documents',
  'cr.isolation': 'Isolation, confinement or surveillance',
  'cr.denunciation': 'Threat of denunciation to authorities',
  'cr.inform_family': 'Threat to inform family, community or public',
  'cr.violence_family': 'Violence on family (threats or effective)',
  'cr.withholding_money': 'Withholding of money',

  'vr.difficult_family_situation': 'Abuse of difficult family situation',
  'vr.illegal_status': 'Abuse of illegal status',
  'vr.lack_of_education': 'Abuse of lack of education (language)',
  'vr.lack_of_information': 'Abuse of lack of information',
  'vr.control': 'Control of exploiters',
  'vr.economic': 'Economic reasons',
  'vr.false_info_migration': 'False information about successful migration',
  'vr.false_info_law': 'False information about law, attitude of authorities',
  'vr.family_situation': 'Family situation',
  'vr.personal_situation': 'Personal situation',
  'vr.dependency': 'Psychological and emotional dependency',
  'vr.authorities': 'Relationship with authorities/legal status',
  'vr.past_difficulties': 'Difficulties in the past',
  'vr.travel_organisation': 'Difficulty to organize the travel',
  'vr.beliefs': 'Abuse of cultural/religious beliefs',
  'vr.general_context': 'General context',

  'ex.excessive_hours': 'Excessive working days or hours',
  'ex.low_salary': 'Low or no salary',
  'ex.wage_manipulation': 'Wage manipulation',
  'ex.living_conditions': 'Bad living conditions',
  'ex.working_conditions': 'Very bad working conditions',
  'ex.hazardous': 'Hazardous work',
  'ex.labour_laws': 'No respect of labour laws or contract signed',
  'ex.social_protection': 'No social protection (contract, social insurance, etc.)',
  'ex.education': 'No access to education',

  'cd.documents': 'Confiscation of documents',
  'cd.debt_bondage': 'Debt bondage',
  'cd.isolation': 'Isolation, confinement or surveillance',
  'cd.violence': 'Violence on victims',
  'cd.threats': 'Threats of violence against victim',
  'cd.illicit': 'Forced into illicit/criminal activities',
  'cd.tasks_clients': 'Forced tasks or clients',
  'cd.strong_influence': 'Under strong influence',
  'cd.against_peers': 'Forced to act against peers',
  'cd.lie': 'Forced to lie to authorities, family, etc.',
  'cd.denunciation': 'Threat of denunciation to authorities',
  'cd.worse_conditions': 'Threat to impose even worse working conditions',
  'cd.violence_family': 'Violence on family (threats or effective)',
  'cd.withholding_wages': 'Withholding of wages',
  'cd.inform_family': 'Threats to inform family, community or public',

  'vd.dependency': 'Dependency on exploiters',
  'vd.unknown_area': 'Difficulty to live in an unknown area',
  'vd.economic': 'Economic reasons',
  'vd.family_situation': 'Family situation',
  'vd.authorities': 'Relationship with authorities/legal status',
  'vd.past_difficulties': 'Difficulties in the past',
  'vd.personal_characteristics': 'Personal characteristics',
};

export const INDICATOR_CODES: readonly string[] = Object.keys(INDICATOR_LABEL);

/** The dimension an indicator code belongs to (by its prefix). */
export function dimensionOf(code: string): Dimension | undefined {
  return DIMENSION_PREFIX[code.split('.')[0] ?? ''];
}
