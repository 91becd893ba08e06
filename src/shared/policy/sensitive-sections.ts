import type { Role } from '../api/auth.schema.ts';
import type { Action } from './grants.ts';
import { can } from './grants.ts';

/**
 * Parts of a case record shown only to roles granted them (docs/decisions/0004): need-to-know
 * inside the organisation, on top of `case:read`. The three notes sections are stored
 * encrypted, one record per case and section; perpetrators are a list of their own.
 */
export const SENSITIVE_SECTIONS = ['health', 'sexualViolence', 'criminalJustice'] as const;
export type SensitiveSection = (typeof SENSITIVE_SECTIONS)[number];

/** Everything a case response may leave out for want of a grant. */
export const WITHHOLDABLE = [...SENSITIVE_SECTIONS, 'perpetrators'] as const;
export type Withholdable = (typeof WITHHOLDABLE)[number];

/** The action that grants reading and writing each part. */
export const SECTION_ACTION = {
  health: 'case:sensitive:health',
  sexualViolence: 'case:sensitive:sexual_violence',
  criminalJustice: 'case:sensitive:criminal_justice',
  perpetrators: 'case:sensitive:perpetrators',
} as const satisfies Record<Withholdable, Action>;

/** The URL segment of each notes section: /cases/{id}/sensitive/sexual-violence. */
export const SECTION_SLUG = {
  health: 'health',
  sexualViolence: 'sexual-violence',
  criminalJustice: 'criminal-justice',
} as const satisfies Record<SensitiveSection, string>;

/** Whether `role` may see and write `section`. */
export const maySee = (role: Role, section: Withholdable): boolean =>
  can(role, SECTION_ACTION[section]);
