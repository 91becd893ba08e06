/**
 * Victim-context code lists of IOM's Human Trafficking Case Data Standard 2.0 (HTCDS Field
 * Standards 2.0.ods, sheet "Field_Standards", section "Person – Victim Context"). Values are
 * spelled exactly as the standard's "Value Names", including its own spellings
 * ("Unaquainted"), so that exported records match other HTCDS systems.
 */

/** vic_TraffickingStatusDecisionMakingOrg: who determined the trafficking status. */
export const DECISION_MAKING_ORGS = [
  'Police',
  'NGO',
  'CourtOrProsecution',
  'NonPoliceGovernmentalOrganization',
  'Other',
] as const;
export type DecisionMakingOrg = (typeof DECISION_MAKING_ORGS)[number];

/** vic_RelationshipToTrafficker (the standard's spelling "Unaquainted" is kept on purpose). */
export const RELATIONSHIPS_TO_TRAFFICKER = ['Familial', 'Acquainted', 'Unaquainted'] as const;
export type RelationshipToTrafficker = (typeof RELATIONSHIPS_TO_TRAFFICKER)[number];

/** vic_MethodOfRecruitment (multiselect). */
export const RECRUITMENT_METHODS = [
  'AtAPlaceOfBusiness',
  'AtAnEducationalInstitution',
  'AtWork',
  'ThroughOnlineSocialNetworks',
  'ThroughAnOnlineAdvertisement',
  'ThroughATelevisionAdvert',
  'ThroughANewspaperAdvert',
  'ThroughFamilyOrFamilyEvents',
  'ThroughFriendsOrSocialEvents',
  'Other',
] as const;
export type RecruitmentMethod = (typeof RECRUITMENT_METHODS)[number];

/** vic_RecruitmentWebsitesAndApps and vic_ExploitationWebsitesAndApps share this list. */
export const WEBSITES_AND_APPS = [
  'Facebook',
  'Instagram',
  'WhatsApp',
  'Telegram',
  'FacebookMessenger',
  'Viber',
  'SnapChat',
  'Line',
  '4Sale',
  'WeChat',
  'QQ',
  'QZone',
  'TikTok',
  'Twitter',
  'Other',
] as const;
export type WebsiteOrApp = (typeof WEBSITES_AND_APPS)[number];

/** vic_TypeOfSexExploitation (multiselect); only meaningful with SexualExploitation. */
export const SEX_EXPLOITATION_TYPES = [
  'Prostitution',
  'Pornography',
  'RemoteInteractiveServices',
  'PrivateSexualServices',
] as const;
export type SexExploitationType = (typeof SEX_EXPLOITATION_TYPES)[number];
