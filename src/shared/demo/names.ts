/** All name pools, by id, and the name rules the generator applies across them. */
import { type NameGroup } from './name-pool.ts';
import { LATIN_GROUPS } from './names-latin.ts';
import { SCRIPT_GROUPS } from './names-scripts.ts';

export const NAME_GROUPS = {
  ...LATIN_GROUPS,
  ...SCRIPT_GROUPS,
} satisfies Record<string, NameGroup>;

export type NameGroupId = keyof typeof NAME_GROUPS;

const FEMININE_SURNAME: readonly (readonly [RegExp, string])[] = [
  [/ький$/u, 'ька'], // Ковальський → Ковальська
  [/kyi$/u, 'ka'], // Kovalskyi → Kovalska
  [/(ов|ев|ёв|ин|ын)$/u, '$1а'], // Иванов → Иванова
  [/(ov|ev|in|yn)$/u, '$1a'], // Ivanov → Ivanova
];

/** The feminine form of an East Slavic or Central Asian surname; other surnames are unchanged. */
export function feminineSurname(surname: string): string {
  for (const [pattern, replacement] of FEMININE_SURNAME) {
    if (pattern.test(surname)) return surname.replace(pattern, replacement);
  }
  return surname;
}
