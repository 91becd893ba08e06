/** Writing systems the name matcher tells apart (Unicode block ranges, Unicode 15). */
export type Script =
  | 'Latin'
  | 'Arabic'
  | 'Cyrillic'
  | 'Ethiopic'
  | 'Bengali'
  | 'Devanagari'
  | 'Greek'
  | 'Hebrew'
  | 'Han'
  | 'Other';

/** What one code point is to the tokeniser. */
export const CharKind = {
  Separator: 0,
  Letter: 1,
  /** A combining mark: stays with the letter before it. */
  Mark: 2,
  /** An apostrophe or ayn/hamza sign inside a word (O'Brien, Ma'mun): joins, does not split. */
  Joiner: 3,
} as const;
export type CharKind = (typeof CharKind)[keyof typeof CharKind];

const LETTER = /\p{L}/u;
const MARK = /\p{M}/u;

/** The script of a letter or mark; only called for code points classified as Letter or Mark. */
export function scriptOf(cp: number): Script {
  if (cp < 0x250) return 'Latin';
  if (cp >= 0x1e00 && cp <= 0x1eff) return 'Latin';
  if (cp >= 0x600 && cp <= 0x6ff) return 'Arabic';
  if ((cp >= 0x750 && cp <= 0x77f) || (cp >= 0x8a0 && cp <= 0x8ff)) return 'Arabic';
  if ((cp >= 0xfb50 && cp <= 0xfdff) || (cp >= 0xfe70 && cp <= 0xfeff)) return 'Arabic';
  if (cp >= 0x400 && cp <= 0x52f) return 'Cyrillic';
  if ((cp >= 0x1c80 && cp <= 0x1c8f) || (cp >= 0x2de0 && cp <= 0x2dff)) return 'Cyrillic';
  if (cp >= 0xa640 && cp <= 0xa69f) return 'Cyrillic';
  if (cp >= 0x1200 && cp <= 0x139f) return 'Ethiopic';
  if ((cp >= 0x2d80 && cp <= 0x2ddf) || (cp >= 0xab00 && cp <= 0xab2f)) return 'Ethiopic';
  if (cp >= 0x980 && cp <= 0x9ff) return 'Bengali';
  if (cp >= 0x900 && cp <= 0x97f) return 'Devanagari';
  if ((cp >= 0x370 && cp <= 0x3ff) || (cp >= 0x1f00 && cp <= 0x1fff)) return 'Greek';
  if (cp >= 0x590 && cp <= 0x5ff) return 'Hebrew';
  if ((cp >= 0x4e00 && cp <= 0x9fff) || (cp >= 0x3400 && cp <= 0x4dbf)) return 'Han';
  if (cp >= 0x2c60 && cp <= 0x2c7f) return 'Latin';
  if (cp >= 0xa720 && cp <= 0xa7ff) return 'Latin';
  return 'Other';
}

/** Classifies a code point; the Unicode property tests run only outside the common ranges. */
export function charKind(cp: number): CharKind {
  // ASCII fast path.
  if (cp < 0x80) {
    if ((cp >= 0x61 && cp <= 0x7a) || (cp >= 0x41 && cp <= 0x5a)) return CharKind.Letter;
    if (cp === 0x27 || cp === 0x60) return CharKind.Joiner;
    return CharKind.Separator;
  }
  // Right single quotation mark, modifier letter apostrophe / turned comma / half rings (ʼ ʻ ʾ ʿ):
  // romanisations of hamza and ayn.
  if (cp === 0x2019 || cp === 0x2bc || cp === 0x2bb || cp === 0x2be || cp === 0x2bf) {
    return CharKind.Joiner;
  }
  // Arabic tatweel (kashida) only stretches a word; zero-width joiner / non-joiner shape it.
  if (cp === 0x640 || cp === 0x200c || cp === 0x200d) return CharKind.Joiner;
  if (cp >= 0xd800 && cp <= 0xdfff) return CharKind.Separator; // lone surrogate
  const s = String.fromCodePoint(cp);
  if (LETTER.test(s)) return CharKind.Letter;
  if (MARK.test(s)) return CharKind.Mark;
  return CharKind.Separator;
}
