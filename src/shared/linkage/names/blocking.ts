import type { AnalysedName } from './analyse.ts';
import { analyseName } from './analyse.ts';

/**
 * Blocking keys: per word and per reading, the first three consonants of the skeleton over a
 * coarser alphabet, where the code letters that match each other in the comparison
 * (phonetic.ts) fall together: g j kh q → K, soft c sh → S, ث → T, ذ ض → D, ظ → S, v → F.
 * Measured on ar2en.txt (bench/names.ts, docs/name-matching.md): exact skeleton prefixes keep
 * 82 % of the true pairs with 0.2 % of random pairs sharing a key; coarse prefixes of three keep
 * 95.5 % with 0.3 %; coarse prefixes of two keep 96.8 % but with 1.9 %.
 */
export const BLOCK_PREFIX = 3;

const COARSE: Record<string, string> = {
  G: 'K',
  J: 'K',
  Q: 'K',
  C: 'S',
  X: 'S',
  '1': 'T',
  '2': 'D',
  '3': 'S',
  '4': 'D',
  V: 'F',
};

function coarsePrefix(skeleton: string): string {
  let out = '';
  for (let i = 0; i < skeleton.length && out.length < BLOCK_PREFIX; i++) {
    const c = skeleton[i] as string;
    const m = COARSE[c] ?? c;
    if (!out.endsWith(m)) out += m;
  }
  return out;
}

/**
 * Blocking keys of an analysed name. A word whose skeleton has fewer than two consonants
 * ("Ali", "Aya") gets a key from the start of its full code instead, which is less selective.
 */
export function blockingKeysOf(name: AnalysedName): string[] {
  const keys = new Set<string>();
  for (const t of name.tokens) {
    for (let i = 0; i < t.skeletons.length; i++) {
      const s = t.skeletons[i] as string;
      if (s.length >= 2) keys.add(`s:${coarsePrefix(s)}`);
      else keys.add(`c:${(t.phonetic[i] as string).slice(0, 4)}`);
    }
  }
  return [...keys];
}

/** A few blocking keys per name such that spellings of one name, in any script, share one. */
export function nameBlockingKeys(name: string): string[] {
  return blockingKeysOf(analyseName(name));
}
