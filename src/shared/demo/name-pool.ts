/**
 * The shape of a name pool and the parser for its compact lists. Pools hold common given and
 * family names only, combined at random, so no generated person is a real one. Non-Latin names
 * carry their usual Latin transliterations (the first is the most common spelling), which the
 * generator records as aliases, as caseworkers do.
 */
export type Script = 'Latin' | 'Arabic' | 'Cyrillic' | 'Ethiopic' | 'Bengali';

/** A name as written in its script, with Latin transliterations when the script is not Latin. */
export interface Name {
  readonly text: string;
  readonly latin: readonly string[];
}

export interface NameGroup {
  readonly script: Script;
  readonly masculine: readonly Name[];
  readonly feminine: readonly Name[];
  readonly family: readonly Name[];
  /** Share of persons recorded with a family name at all. */
  readonly familyShare: number;
  /** Surnames borne by women only (Bangladesh: Begum, Akter; India: Devi), and their share. */
  readonly familyFeminine?: { readonly names: readonly Name[]; readonly share: number };
  /** East Slavic and Central Asian surnames take a feminine form (Иванов → Иванова). */
  readonly genderedFamily?: boolean;
  /** Second given names written before the first (Vietnamese Văn, Thị). */
  readonly middle?: {
    readonly masculine: readonly Name[];
    readonly feminine: readonly Name[];
    readonly share: number;
  };
  /** Family name written first in full names (Vietnamese, Khmer). */
  readonly familyFirst?: boolean;
  /** Given names of two or three syllables and no family name (Myanmar). */
  readonly syllabic?: boolean;
  /** Share recorded with paternal and maternal surnames (Spanish-speaking countries). */
  readonly doubleFamilyShare?: number;
}

/**
 * Parses "native/latin|variant, …" (or plain "name, …" for Latin script) into names. Lists are
 * NFC-normalised here because the API stores names NFC-normalised.
 */
export function names(list: string): readonly Name[] {
  return list
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '')
    .map((entry) => {
      const [text = '', latin] = entry.split('/');
      return {
        text: text.trim().normalize('NFC'),
        latin: latin === undefined ? [] : latin.split('|').map((s) => s.trim().normalize('NFC')),
      };
    });
}
