/**
 * Lantern's own code lists for parts of the case record that HTCDS 2.0 leaves as free text or
 * does not cover. They are not HTCDS values: exports carry them as Lantern extensions
 * (docs/htcds-mapping.md).
 */

/** Where a need stands. */
export const NEED_STATUSES = ['Open', 'Met', 'NoLongerNeeded'] as const;
export type NeedStatus = (typeof NEED_STATUSES)[number];

/** Where a service of the assistance plan stands. */
export const SERVICE_STATUSES = ['Planned', 'InProgress', 'Delivered', 'Cancelled'] as const;
export type ServiceStatus = (typeof SERVICE_STATUSES)[number];

/** How far criminal proceedings connected with the case have gone (sensitive section). */
export const CRIMINAL_JUSTICE_STAGES = [
  'NotReported',
  'Reported',
  'Investigation',
  'Prosecution',
  'Trial',
  'Appeal',
  'Concluded',
  'Discontinued',
] as const;
export type CriminalJusticeStage = (typeof CRIMINAL_JUSTICE_STAGES)[number];
