import anyAscii from 'any-ascii';

/**
 * Readable Latin renderings of a token. Arabic gets its own table (close to ICAO Doc 9303
 * part 3, Appendix B, without the diacritics: ث th, ح h, خ kh, ذ dh, ش sh, ع ', غ gh, ق q),
 * because any-ascii drops alif and writes و/ي always as w/y; everything else goes through
 * any-ascii (Cyrillic close to ICAO/GOST 7.79, Ge'ez and Bengali by syllable, Latin diacritics
 * stripped: Müller → muller, ø → o, ß → ss).
 */

const ARABIC_LATIN: Record<string, string> = {
  ا: 'a',
  أ: 'a',
  إ: 'i',
  آ: 'a',
  ٱ: 'a',
  ء: "'",
  ئ: "'",
  ؤ: "'",
  ى: 'a',
  ع: "'",
  ة: 'a',
  ب: 'b',
  پ: 'p',
  ت: 't',
  ث: 'th',
  ط: 't',
  ج: 'j',
  چ: 'ch',
  ژ: 'zh',
  ح: 'h',
  ه: 'h',
  ھ: 'h',
  ۀ: 'e',
  خ: 'kh',
  د: 'd',
  ذ: 'dh',
  ض: 'd',
  ر: 'r',
  ز: 'z',
  س: 's',
  ص: 's',
  ظ: 'z',
  ش: 'sh',
  غ: 'gh',
  ف: 'f',
  ڤ: 'v',
  ق: 'q',
  ك: 'k',
  ک: 'k',
  گ: 'g',
  ل: 'l',
  م: 'm',
  ن: 'n',
};

const isArabicLongVowel = (ch: string | undefined) => ch === 'ا' || ch === 'و' || ch === 'ي';

/** One Latin rendering of an Arabic-script token: و and ي as w/y before a vowel, else u/i. */
export function romaniseArabic(token: string): string {
  let out = '';
  for (let i = 0; i < token.length; i++) {
    const ch = token[i] as string;
    if (ch === 'و' || ch === 'ي' || ch === 'ی') {
      const consonantal =
        i === 0 || isArabicLongVowel(token[i + 1]) || isArabicLongVowel(token[i - 1]);
      out += ch === 'و' ? (consonantal ? 'w' : 'u') : consonantal ? 'y' : 'i';
      continue;
    }
    const r = ARABIC_LATIN[ch];
    if (r !== undefined) out += r;
  }
  return out;
}

/** Lower-case ASCII letters (and apostrophes) of any-ascii's transliteration. */
export function romaniseOther(token: string): string {
  const ascii = anyAscii(token).toLowerCase();
  let out = '';
  for (let i = 0; i < ascii.length; i++) {
    const c = ascii.charCodeAt(i);
    if ((c >= 0x61 && c <= 0x7a) || c === 0x27) out += ascii[i];
  }
  return out;
}
