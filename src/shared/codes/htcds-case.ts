/**
 * Code lists of HTCDS 2.0 for the parts of a case around the victim context (HTCDS Field
 * Standards 2.0.ods): historic trafficking events, perpetrators, support plans.
 */

/** hte_Type: the stage of the trafficking process a historic event records. */
export const TRAFFICKING_EVENT_TYPES = ['Recruitment', 'Transit', 'Exploitation'] as const;
export type TraffickingEventType = (typeof TRAFFICKING_EVENT_TYPES)[number];

/** per_RoleInProcess (multiselect): what a perpetrator did in the trafficking process. */
export const PERPETRATOR_ROLES = [
  'TravellingPartner',
  'Transporter',
  'RecruiterOrIntermediary',
  'BrokerTravelAgent',
  'TransferredIndividual',
  'HarbouredIndividual',
  'SoldIndividual',
  'BoughtIndividual',
  'ReceivedIndividual',
  'ControlledIndividual',
  'Smuggler',
  'Abuser',
  'Kidnapper',
  'Exploiter',
  'Other',
] as const;
export type PerpetratorRole = (typeof PERPETRATOR_ROLES)[number];

/**
 * spl_Type: the kind of support. The standard's list ends with an empty value, which Lantern
 * leaves out (a service always has a kind; `SocialCare` is the general one).
 */
export const SUPPORT_TYPES = [
  'Education',
  'Financial',
  'Health',
  'LabourExploitationRehabilitation',
  'Legal',
  'Livelihood',
  'RightsBasedTraining',
  'SexualExploitationRehabilitation',
  'SocialCare',
] as const;
export type SupportType = (typeof SUPPORT_TYPES)[number];
