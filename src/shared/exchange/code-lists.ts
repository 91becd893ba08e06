import type { CaseStatus, ExploitationType, Gender, TraffickingStatus } from '../codes/htcds.ts';
import {
  CASE_STATUSES,
  EXPLOITATION_TYPES,
  GENDERS,
  TRAFFICKING_STATUSES,
  normaliseExploitationType,
  normaliseGender,
} from '../codes/htcds.ts';

/**
 * A picklist as the spreadsheet holds it. HTCDS gives each value a *Value Name* (stored,
 * exchanged between systems) and a *Value Label* (shown); the toolkit's spreadsheets offer the
 * labels in their drop-downs (sheet "validation"), except for gender, where they offer the names.
 */
export interface CodeList<T extends string = string> {
  values: readonly T[];
  /** What the export writes: the spelling of the toolkit's drop-down. */
  written: Readonly<Record<T, string>>;
  /** Other accepted spellings (the standard's labels, Lantern's API aliases). */
  alsoAccepted?: readonly Readonly<Partial<Record<T, string>>>[];
  /** A last resort for spellings the API already accepts (e.g. `female`, `sexual_exploitation`). */
  normalise?: (input: unknown) => unknown;
}

/** Lower case, accents folded, everything but letters and digits dropped: "Follow up" = "FollowUp". */
export const squash = (s: string): string =>
  s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');

const identity = <T extends string>(values: readonly T[]) =>
  Object.fromEntries(values.map((v) => [v, v as string])) as Record<T, string>;

/** A function from any accepted spelling to the value name, or undefined. */
export function lookupIn<T extends string>(list: CodeList<T>): (text: string) => T | undefined {
  const byKey = new Map<string, T>();
  for (const spelling of [list.written, identity(list.values), ...(list.alsoAccepted ?? [])]) {
    for (const [value, text] of Object.entries(spelling) as [T, string][]) {
      byKey.set(squash(text), value);
    }
  }
  const known = new Set<string>(list.values);
  return (text) => {
    const hit = byKey.get(squash(text));
    if (hit) return hit;
    const n = list.normalise?.(text);
    return typeof n === 'string' && known.has(n) ? (n as T) : undefined;
  };
}

// Labels: HTCDS Field Standards 2.0.ods, column "Value Labels"; the toolkit's spellings: sheet
// "validation" of "HTCDS Excel Spreadsheet single select with validation v2.0.xlsx".

/** prs_Gender: the toolkit's drop-down (validation!B4:B9) offers the value names. */
export const GENDER_LIST: CodeList<Gender> = {
  values: GENDERS,
  written: identity(GENDERS),
  alsoAccepted: [
    {
      TransgenderFeminine: 'Transgender Feminine',
      TransgenderMasculine: 'Transgender Masculine',
      NonConforming: 'Non-Conforming',
      NonSpecifiedUnknown: 'Not Specified/Unknown',
    },
  ],
  normalise: normaliseGender,
};

/** vic_TraffickingStatus (validation!O4:O6). */
export const TRAFFICKING_STATUS_LIST: CodeList<TraffickingStatus> = {
  values: TRAFFICKING_STATUSES,
  written: {
    PossibleVictimOfTrafficking: 'Possible victim of trafficking',
    ActualVictimOfTrafficking: 'Actual victim of trafficking',
    NotAVictimOfTrafficking: 'Not a victim of trafficking',
  },
};

/** vic_TypeOfExploitation (validation!H4:H14), a multi-select. */
export const EXPLOITATION_TYPE_LIST: CodeList<ExploitationType> = {
  values: EXPLOITATION_TYPES,
  written: {
    ForcedLabour: 'Forced labour',
    SexualExploitation: 'Sexual exploitation',
    ChildLabour: 'Child labour',
    ForcedMarriage: 'Forced marriage',
    Servitude: 'Servitude',
    ForcedMilitaryByNonStateActors: 'Forced military (by non-state actors)',
    OrganRemoval: 'Organ removal',
    ForcedBegging: 'Forced begging',
    ForcedAdoption: 'Forced adoption',
    Surrogacy: 'Surrogacy',
    Other: 'Other',
  },
  normalise: normaliseExploitationType,
};

/** cas_Status (validation!L4:L7; the standard's label is "Follow Up"). */
export const CASE_STATUS_LIST: CodeList<CaseStatus> = {
  values: CASE_STATUSES,
  written: {
    Active: 'Active',
    FollowUp: 'Follow up',
    Closed: 'Closed',
    ClosedReferred: 'Closed Referred',
  },
};
