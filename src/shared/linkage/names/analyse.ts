import { encodeArabic, encodeLatin, hasAlternativeReading, skeletonOf } from './phonetic.ts';
import { romaniseArabic, romaniseOther } from './romanise.ts';
import type { Script } from './scripts.ts';
import { CharKind, charKind, scriptOf } from './scripts.ts';

/** Work caps: a longer name is analysed on its beginning and flagged `truncated`. */
export const MAX_NAME_CHARS = 1000;
export const MAX_TOKENS = 12;
export const MAX_TOKEN_CHARS = 40;

/** One word of a name. */
export interface NameToken {
  /** The word as written (NFKC, lower case; name particles already folded in, e.g. "abd al rahman"). */
  text: string;
  script: Script;
  /** Latin transliterations, the primary first. */
  latin: string[];
  /** Vowel-insensitive consonant skeleton of the primary reading (see phonetic.ts). */
  skeleton: string;
  /** Phonetic codes (phonetic.ts), one per plausible reading, primary first. */
  phonetic: string[];
  /** Skeletons of the readings, parallel to `phonetic`. */
  skeletons: string[];
  /**
   * The primary reading with three vowel classes (phonetic.ts), for words of scripts that write
   * their vowels; '' for Arabic script, which does not.
   */
  vowelled: string;
}

export interface NameFlags {
  /** Nothing but white space. */
  empty: boolean;
  /** Characters, but not one letter: punctuation, digits, emoji. */
  noLetters: boolean;
  /** Letters of more than one script (e.g. "Ahmed أحمد"). */
  mixedScripts: boolean;
  /** Longer than the work caps (1,000 characters, 12 words, 40 letters a word): analysed in part. */
  truncated: boolean;
}

export interface AnalysedName {
  /** The input after NFKC normalisation (cut to the cap). */
  normalised: string;
  /** Scripts of the letters, in order of first appearance. */
  scripts: Script[];
  tokens: NameToken[];
  flags: NameFlags;
  /** The primary phonetic codes and skeletons of all words run together, in order. */
  joinedCode: string;
  joinedSkeleton: string;
}

interface RawToken {
  text: string;
  script: Script;
}

// Definite article written as its own word ("al-Rahman", "el Sayed"); the sun-letter forms
// ("ar-Rashid", "as-Sayyid", "ash-Shami", "ad-Din") count only before a word that starts
// with the assimilated consonant, else "ad", "as" etc. may be real name words.
const ARTICLES = new Set(['al', 'el', 'ul', 'il', 'ال']);
const SUN_ARTICLES = new Set([
  'ad', 'ar', 'as', 'ash', 'an', 'at', 'az', 'ath', 'adh', 'ud', 'ur', 'us', 'ush', 'un', 'ut',
  'uz', 'ed', 'er', 'es', 'esh', 'en', 'et', 'ez', 'ad-', 'al-',
]); // prettier-ignore
/** "son of" / "daughter of" between names: not part of either name. */
const CONNECTORS = new Set(['ibn', 'bin', 'ben', 'bint', 'binti', 'ابن', 'بن', 'بنت']);
/** "Servant of" in theophoric compounds: Abd al-Rahman, Abdul Rahman, عبد الرحمن. */
const ABD = new Set([
  'abd',
  'abdel',
  'abdul',
  'abdal',
  'abdol',
  'abdoul',
  'abdur',
  'abdus',
  'abdu',
  'عبد',
]);
const ABD_PREFIX = /^abd(?:oul|ul|el|al|ol|ur|us|ar|as|an|ad|ash|ul|u)(?=[a-z]{3})/;

/**
 * Kinship and theophoric prefixes written glued to the name (Benchemsi, Abousaban, Abdelnaby,
 * بنعيسى, أبوبكر): a second reading without them, since the other spelling often writes the
 * name alone or the prefix apart.
 */
const LATIN_GLUED =
  /^(?:ben|bin|ibn|abu|abou|abo|bou|abd(?:oul|ul|el|al|ol|ur|us|ar|as|ad|an)?)(?=[a-z]{4})/;
const ARABIC_GLUED = /^(?:بن|ابن|ابو|أبو|بو|عبدال|عبد)(?=[\u0600-\u06ff]{3})/;

/** NFKC, then split into words of one script each, letters and marks only. */
function tokenise(raw: string): {
  tokens: RawToken[];
  normalised: string;
  sawLetter: boolean;
  truncated: boolean;
} {
  let truncated = raw.length > MAX_NAME_CHARS;
  const normalised = (truncated ? raw.slice(0, MAX_NAME_CHARS) : raw).normalize('NFKC');
  const tokens: RawToken[] = [];
  let current = '';
  let script: Script | null = null;
  let sawLetter = false;
  const flush = () => {
    if (current !== '' && script !== null) {
      if (tokens.length >= MAX_TOKENS) truncated = true;
      else {
        if (current.length > MAX_TOKEN_CHARS) truncated = true;
        tokens.push({ text: current.slice(0, MAX_TOKEN_CHARS).toLowerCase(), script });
      }
    }
    current = '';
    script = null;
  };
  for (const ch of normalised) {
    const cp = ch.codePointAt(0) as number;
    const kind = charKind(cp);
    if (kind === CharKind.Letter) {
      sawLetter = true;
      const s = scriptOf(cp);
      if (script !== null && s !== script) flush();
      script = s;
      current += ch;
    } else if (kind === CharKind.Mark) {
      if (script !== null) current += ch;
    } else if (kind === CharKind.Separator) {
      flush();
    } // Joiner: neither kept nor splitting
  }
  flush();
  return { tokens, normalised, sawLetter, truncated };
}

/** Folds particles: drops articles and "son of", joins "abd" with the name it governs. */
function foldParticles(tokens: RawToken[]): RawToken[] {
  const out: RawToken[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as RawToken;
    const next = tokens[i + 1];
    if (next !== undefined) {
      if (ARTICLES.has(t.text)) continue;
      if (SUN_ARTICLES.has(t.text) && next.text.startsWith(t.text.slice(1))) continue;
      if (i > 0 && CONNECTORS.has(t.text)) continue;
      if (ABD.has(t.text)) {
        // "abd al rahman": skip an article word between, then join.
        let j = i + 1;
        const article = tokens[j] as RawToken;
        if (
          tokens[j + 1] !== undefined &&
          (ARTICLES.has(article.text) || SUN_ARTICLES.has(article.text))
        )
          j++;
        const governed = tokens[j] as RawToken;
        const abd = t.script === 'Arabic' ? 'عبد' : 'abd';
        const glue =
          governed.script === 'Arabic' && t.script === 'Arabic' && !governed.text.startsWith('ال')
            ? 'ال'
            : '';
        out.push({
          text: abd + glue + governed.text,
          script: governed.script === t.script ? t.script : governed.script,
        });
        i = j;
        continue;
      }
    }
    out.push(t);
  }
  return out;
}

/** The readings of one word: the text as written, without its article, with the other letter values. */
function analyseToken(t: RawToken): NameToken {
  const codes: string[] = [];
  const add = (code: string) => {
    if (code !== '' && !codes.includes(code)) codes.push(code);
  };
  let latin: string[];
  if (t.script === 'Arabic') {
    add(encodeArabic(t.text));
    if (t.text.startsWith('عبدال') && t.text.length > 6) add(encodeArabic(`عبد${t.text.slice(5)}`));
    else if (t.text.startsWith('ال') && t.text.length > 3) add(encodeArabic(t.text.slice(2)));
    const glued = ARABIC_GLUED.exec(t.text);
    if (glued !== null) add(encodeArabic(t.text.slice(glued[0].length)));
    latin = [romaniseArabic(t.text)];
  } else {
    const r = romaniseOther(t.text);
    latin = [r];
    add(encodeLatin(r));
    if (hasAlternativeReading(r)) add(encodeLatin(r, true));
    // Cyrillic х and Arabic خ are romanised kh (ICAO Doc 9303, GOST 7.79) or h (Ukrainian and
    // Arabic names: Хасан = Hasan).
    if (r.includes('kh')) add(encodeLatin(r.replaceAll('kh', 'h')));
    const m = ABD_PREFIX.exec(r);
    if (m !== null) {
      const folded = `abd${r.slice(m[0].length)}`;
      add(encodeLatin(folded));
      if (!latin.includes(folded)) latin.push(folded);
    }
    const glued = LATIN_GLUED.exec(r);
    if (glued !== null) add(encodeLatin(r.slice(glued[0].length)));
  }
  const skeletons = codes.map(skeletonOf);
  return {
    text: t.text,
    script: t.script,
    latin,
    skeleton: skeletons[0] ?? '',
    phonetic: codes,
    skeletons,
    vowelled: t.script === 'Arabic' ? '' : encodeLatin(latin[0] ?? '', false, true),
  };
}

/**
 * Analyses a name once, for many comparisons: NFKC normalisation, scripts, words, and per word
 * its Latin transliterations, consonant skeleton and phonetic codes. Never throws.
 */
export function analyseName(raw: string): AnalysedName {
  const {
    tokens: rawTokens,
    normalised,
    sawLetter,
    truncated,
  } = tokenise(typeof raw === 'string' ? raw : '');
  const scripts: Script[] = [];
  for (const t of rawTokens) if (!scripts.includes(t.script)) scripts.push(t.script);
  const tokens = foldParticles(rawTokens)
    .map(analyseToken)
    .filter((t) => t.phonetic.length > 0);
  return {
    normalised,
    scripts,
    tokens,
    flags: {
      empty: normalised.trim() === '',
      noLetters: normalised.trim() !== '' && !sawLetter,
      mixedScripts: scripts.length > 1,
      truncated,
    },
    joinedCode: tokens.map((t) => t.phonetic[0]).join(''),
    joinedSkeleton: tokens.map((t) => t.skeleton).join(''),
  };
}
