import type { AnalysedName, NameToken } from './analyse.ts';
import { analyseName } from './analyse.ts';
import { alignTokens, compareAnalysed } from './compare.ts';

/**
 * Comparison levels of a person's name for the Fellegi–Sunter engine, best first. The engine
 * learns m and u per level; the thresholds below only decide which level a pair falls in.
 */
export const NAME_LEVELS = [
  'exact',
  'transliterated',
  'phonetic',
  'fuzzy_high',
  'fuzzy_low',
  'swapped',
  'subset',
  'different',
  'missing',
] as const;
export type NameLevel = (typeof NAME_LEVELS)[number];

/**
 * Similarity at or above which two names are "fuzzy_high": on the Arabic ↔ Latin benchmark
 * (bench/names.ts) about 0.5 % of random pairs reach it. "fuzzy_low" admits about 5 %.
 */
export const FUZZY_HIGH = 0.9;
export const FUZZY_LOW = 0.8;

export interface NameParts {
  given: string | null;
  family: string | null;
  aliases?: string[];
}

export interface AnalysedNameParts {
  given: AnalysedName | null;
  family: AnalysedName | null;
  /** Given and family words together, given first. */
  full: AnalysedName | null;
  aliases: AnalysedName[];
}

export interface NamePartsComparison {
  level: NameLevel;
  similarity: number;
}

const usable = (n: AnalysedName | null): n is AnalysedName => n !== null && n.tokens.length > 0;

function combine(a: AnalysedName | null, b: AnalysedName | null): AnalysedName | null {
  if (!usable(a)) return usable(b) ? b : null;
  if (!usable(b)) return a;
  const tokens = [...a.tokens, ...b.tokens];
  return {
    normalised: `${a.normalised} ${b.normalised}`,
    scripts: [...new Set([...a.scripts, ...b.scripts])],
    tokens,
    flags: {
      empty: false,
      noLetters: false,
      mixedScripts:
        a.flags.mixedScripts ||
        b.flags.mixedScripts ||
        a.scripts.some((s) => !b.scripts.includes(s)),
      truncated: a.flags.truncated || b.flags.truncated,
    },
    joinedCode: a.joinedCode + b.joinedCode,
    joinedSkeleton: a.joinedSkeleton + b.joinedSkeleton,
  };
}

/** Analyses the parts of a name once, for many comparisons with `compareAnalysedParts`. */
export function analyseNameParts(p: NameParts): AnalysedNameParts {
  const given = p.given == null ? null : analyseName(p.given);
  const family = p.family == null ? null : analyseName(p.family);
  return {
    given: usable(given) ? given : null,
    family: usable(family) ? family : null,
    full: combine(given, family),
    aliases: (p.aliases ?? []).map((a) => analyseName(a)).filter(usable),
  };
}

/** How closely aligned words agree: 0 same text, 1 same code, 2 same skeleton, 3 otherwise. */
function agreement(a: NameToken[], b: NameToken[], pairs: [number, number][]): number {
  let worst = 0;
  for (const [i, j] of pairs) {
    const x = a[i] as NameToken;
    const y = b[j] as NameToken;
    if (x.text === y.text) continue;
    // Within one alphabet the vowels must agree too for "transliterated" (Maria ≠ Mario).
    const vowelsAgree =
      x.vowelled === '' || y.vowelled === '' || x.script !== y.script || x.vowelled === y.vowelled;
    if (vowelsAgree && x.phonetic.some((c) => y.phonetic.includes(c))) worst = Math.max(worst, 1);
    else if (x.skeletons.some((s) => s !== '' && y.skeletons.includes(s)))
      worst = Math.max(worst, 2);
    else return 3;
  }
  return worst;
}

const STRONG: NameLevel[] = ['exact', 'transliterated', 'phonetic'];

/** Level of a same-slot comparison from its similarity and how the aligned words agree. */
function straightLevel(a: AnalysedName, b: AnalysedName): NamePartsComparison {
  const similarity = compareAnalysed(a, b);
  if (a.tokens.length === b.tokens.length) {
    const { pairs } = alignTokens(a.tokens, b.tokens);
    const k = agreement(a.tokens, b.tokens, pairs);
    if (k < 3)
      return { level: STRONG[k] as NameLevel, similarity: Math.max(similarity, 1 - k * 0.02) };
  }
  if (similarity >= FUZZY_HIGH) return { level: 'fuzzy_high', similarity };
  if (similarity >= FUZZY_LOW) return { level: 'fuzzy_low', similarity };
  return { level: 'different', similarity };
}

const rank = (l: NameLevel) => NAME_LEVELS.indexOf(l);

/**
 * Compares two analysed names part by part: given with given and family with family; then the
 * parts crossed (swapped given and family names); then all words in any order, where one name
 * may have fewer words (a subset); and every alias against the other's name and aliases.
 */
export function compareAnalysedParts(
  a: AnalysedNameParts,
  b: AnalysedNameParts,
): NamePartsComparison {
  const fullA = a.full;
  const fullB = b.full;
  if ((fullA === null && a.aliases.length === 0) || (fullB === null && b.aliases.length === 0)) {
    return { level: 'missing', similarity: 0 };
  }
  let best: NamePartsComparison = { level: 'different', similarity: 0 };
  const consider = (c: NamePartsComparison) => {
    const r = rank(c.level);
    const rb = rank(best.level);
    if (r < rb || (r === rb && c.similarity > best.similarity)) best = c;
  };

  const bothSlots = a.given && b.given && a.family && b.family;
  if (bothSlots) {
    const g = straightLevel(a.given as AnalysedName, b.given as AnalysedName);
    const f = straightLevel(a.family as AnalysedName, b.family as AnalysedName);
    const similarity = (g.similarity + f.similarity) / 2;
    // The pair is as good as its weaker part.
    const level = rank(g.level) > rank(f.level) ? g.level : f.level;
    consider({ level: rank(level) <= rank('fuzzy_low') ? level : 'different', similarity });
    const swapped =
      (compareAnalysed(a.given as AnalysedName, b.family as AnalysedName) +
        compareAnalysed(a.family as AnalysedName, b.given as AnalysedName)) /
      2;
    if (swapped >= FUZZY_HIGH && swapped > similarity) {
      best = { level: 'swapped', similarity: swapped };
    }
  }

  if (fullA && fullB) {
    const sameCount = fullA.tokens.length === fullB.tokens.length;
    if (sameCount && !bothSlots) {
      // "Mohammed Hassan" as a given name against "Mohammed" + "Hassan": the words decide.
      consider(straightLevel(fullA, fullB));
    } else {
      const similarity = compareAnalysed(fullA, fullB);
      if (similarity >= FUZZY_HIGH && rank(best.level) > rank('swapped')) {
        // The same words arranged differently between the slots ("Mohammed Ali | Hassan" and
        // "Mohammed | Ali Hassan") count as swapped; fewer words on one side as a subset.
        best = { level: sameCount ? 'swapped' : 'subset', similarity };
      } else if (best.level === 'different' && similarity > best.similarity) {
        best = { level: 'different', similarity };
      }
    }
  }

  // Aliases: the best agreement of any spelling a person is known by.
  const namesA = fullA ? [fullA, ...a.aliases] : a.aliases;
  const namesB = fullB ? [fullB, ...b.aliases] : b.aliases;
  if (a.aliases.length > 0 || b.aliases.length > 0) {
    for (let i = 0; i < namesA.length; i++) {
      for (let j = 0; j < namesB.length; j++) {
        if (i === 0 && j === 0 && fullA && fullB) continue;
        consider(straightLevel(namesA[i] as AnalysedName, namesB[j] as AnalysedName));
      }
    }
  }
  return best;
}

/** `compareAnalysedParts` on raw parts. */
export function compareNameParts(a: NameParts, b: NameParts): NamePartsComparison {
  return compareAnalysedParts(analyseNameParts(a), analyseNameParts(b));
}
