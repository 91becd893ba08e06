import type { AnalysedName } from './analyse.ts';
import { analyseName } from './analyse.ts';
import { compareAnalysed } from './compare.ts';

// Names recur (the CLI scores 100,000 pairs of a few thousand names; the engine compares each
// record many times): analyse each distinct string once. Bounded, cleared when full.
const CACHE_LIMIT = 50_000;
const cache = new Map<string, AnalysedName>();

/** `analyseName` through a bounded cache. */
export function analyseCached(raw: string): AnalysedName {
  let a = cache.get(raw);
  if (a === undefined) {
    if (cache.size >= CACHE_LIMIT) cache.clear();
    a = analyseName(raw);
    cache.set(raw, a);
  }
  return a;
}

/**
 * Similarity of two whole names in [0, 1], in any scripts, words in any order, given and family
 * names swapped, one name's words a subset of the other's. Identical names score 1; an empty
 * name, or one without a letter (punctuation, digits, emoji), scores 0 against anything,
 * itself included: it is a missing name, not evidence.
 */
export function nameSimilarity(a: string, b: string): number {
  const x = analyseCached(a);
  if (x.flags.empty || x.flags.noLetters) return 0;
  if (a === b) return 1;
  return compareAnalysed(x, analyseCached(b));
}
