/**
 * The engine's single door to name comparison: adapts the cross-script name module
 * (src/shared/linkage/names, docs/name-matching.md) to the engine's integer-coded levels, so
 * that nothing else in the engine depends on how names are analysed.
 */
import {
  analyseName as analyseNameText,
  blockingKeysOf,
  compareAnalysedParts,
  type AnalysedNameParts,
} from './names/index.ts';

/** Name comparison levels, best first after 'missing' (the names module's vocabulary). */
export const NAME_LEVELS = [
  'missing',
  'exact',
  'transliterated',
  'phonetic',
  'fuzzy_high',
  'fuzzy_low',
  'swapped',
  'subset',
  'different',
] as const;
export type NameLevel = (typeof NAME_LEVELS)[number];
export const NAME_LEVEL_INDEX: Readonly<Record<NameLevel, number>> = Object.fromEntries(
  NAME_LEVELS.map((l, i) => [l, i]),
) as Record<NameLevel, number>;

/** A name analysed once, compared many times. */
export interface AnalysedName {
  readonly parts: AnalysedNameParts;
  /** No letters at all (empty, punctuation, emoji): missing for the matcher. */
  readonly empty: boolean;
  /** Orders records by name in oversized blocks. */
  readonly sortKey: string;
  readonly keys: readonly string[];
}

export function analyseName(text: string | null | undefined): AnalysedName {
  const a = analyseNameText(typeof text === 'string' ? text : '');
  const empty = a.tokens.length === 0;
  return {
    parts: { given: empty ? null : a, family: null, full: empty ? null : a, aliases: [] },
    empty,
    sortKey: a.joinedSkeleton,
    keys: empty ? [] : blockingKeysOf(a),
  };
}

/** Level index (into NAME_LEVELS) of two analysed names, each compared as a whole. */
export function compareAnalysedNames(a: AnalysedName, b: AnalysedName): number {
  if (a.empty || b.empty) return NAME_LEVEL_INDEX.missing;
  return NAME_LEVEL_INDEX[compareAnalysedParts(a.parts, b.parts).level];
}

/** Blocking keys of one name (the names module's: skeleton prefixes per word and reading). */
export function nameKeys(a: AnalysedName): readonly string[] {
  return a.keys;
}
