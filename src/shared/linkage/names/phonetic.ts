/**
 * A phonetic code for names written in Latin letters or in Arabic script, tuned so that the
 * Latin spelling of a name and its Arabic spelling get the same (or a close) code.
 *
 * Alphabet of the code (docs/name-matching.md):
 *   a  any vowel or semi-vowel (a e i o u y w; Arabic ا و ي ى, hamza forms, ع, final ه/ة): Arabic
 *      writes no short vowels and the Latin side writes them all, so vowels only mark "some
 *      vowel here"; w and y are in this class because و and ي are vowels as often as not.
 *   B b p · F f v ph · T t th · D d dh · S s z soft-c · X sh ch sch tch · J j g gh dj zh
 *   K k hard-c q ck kh x(=KS) · H h · L · M · N · R
 * The classes merge the letters that the common romanisations of Arabic render
 * interchangeably (ICAO Doc 9303 part 3, 8th ed., 2021, Appendix B "Transliteration of Arabic
 * script"; UNGEGN/BGN-PCGN 1956; IJMES): ث th/s/t, ذ dh/z/d, ص/س s, ض/ظ d/z/dh, ط/ت t, ق/ك q/k,
 * خ kh/k, ش sh/ch (French), غ gh/g, ج j/g/dj; and the letters Arabic uses for foreign sounds it
 * lacks: p → ب, v → ف, g → غ or ج.
 * The skeleton is the code without vowels and h: the "vowel-free consonant skeleton".
 */

/** Vowel class in codes. */
export const VOWEL = 'a';

/**
 * Letters with several common readings get their own code character, which matches each of
 * its readings in the comparison (jaro-winkler.ts `Equivalence`):
 *   G  Latin g, gh; Arabic غ گ   ≈ J (ج, soft g) and K (ق in Egyptian and Gulf speech: Gaddafi)
 *   Q  Arabic خ                  ≈ K (kh), H (Turkish, Spanish h) and J (Spanish j: Mejía)
 *   1  Arabic ث                  ≈ T (th) and S (Persian, Turkish s)
 *   2  Arabic ذ                  ≈ D (dh), S (z) and T (th)
 *   3  Arabic ظ                  ≈ S (z), D (dh, d) and 4
 *   4  Arabic ض                  ≈ D (d, dh), S (z: Reza) and 3
 *   C  Latin c before e, i, y    ≈ S (Cela), X (Italian ci), J (Turkish c), K (Irish Ciaran)
 *   V  Latin v                   ≈ F (ف) and a vowel (و for v in Persian and Russian names)
 */
const PAIRS = [
  'GJ', 'GK', 'QK', 'QH', 'QJ', '1T', '1S', '2D', '2S', '2T', '3S', '3D', '34', '4D', '4S',
  'CS', 'CX', 'CJ', 'CK', 'VF', 'Va',
]; // prettier-ignore

/** The equivalence table of the code alphabet, for `jaroWinkler(a, b, CODE_EQUIVALENCE)`. */
export const CODE_EQUIVALENCE: Uint8Array = (() => {
  const t = new Uint8Array(128 * 128);
  for (const p of PAIRS) {
    const x = p.charCodeAt(0);
    const y = p.charCodeAt(1);
    t[x * 128 + y] = 1;
    t[y * 128 + x] = 1;
  }
  return t;
})();

// One code per Arabic-script letter. Persian/Urdu letters (پ چ ژ ڤ گ ک ی) are included because
// they turn up in names written by Persian, Urdu and Kurdish speakers.
const ARABIC: Record<string, string> = {
  ا: 'a',
  أ: 'a',
  إ: 'a',
  آ: 'a',
  ٱ: 'a',
  ء: 'a',
  ئ: 'a',
  ؤ: 'a',
  ى: 'a',
  ع: 'a',
  و: 'a',
  ي: 'a',
  ی: 'a',
  ۍ: 'a',
  ې: 'a',
  ة: 'a',
  ب: 'B',
  پ: 'B',
  ت: 'T',
  ث: '1',
  ط: 'T',
  ج: 'J',
  چ: 'X',
  ژ: 'J',
  ح: 'H',
  ه: 'H',
  ھ: 'H',
  ۀ: 'a',
  خ: 'Q',
  د: 'D',
  ذ: '2',
  ض: '4',
  ر: 'R',
  ز: 'S',
  س: 'S',
  ص: 'S',
  ظ: '3',
  ش: 'X',
  غ: 'G',
  ف: 'F',
  ڤ: 'F',
  ق: 'K',
  ك: 'K',
  ک: 'K',
  گ: 'G',
  ل: 'L',
  م: 'M',
  ن: 'N',
};

/** Appends `c` to `out` unless it repeats the last code (doubled letters and runs of vowels). */
function push(out: string, c: string): string {
  return out.length > 0 && out.charCodeAt(out.length - 1) === c.charCodeAt(0) ? out : out + c;
}

/** Code of one Arabic-script token (letters only; marks such as harakat and shadda are ignored). */
export function encodeArabic(token: string): string {
  let out = '';
  const n = token.length;
  for (let i = 0; i < n; i++) {
    const ch = token[i] as string;
    let c = ARABIC[ch];
    if (c === undefined) continue;
    const next = token[i + 1];
    // تش renders "tch"/"ch" and دج "dj": one sound each.
    if (ch === 'ت' && next === 'ش') {
      c = 'X';
      i++;
    } else if (ch === 'د' && next === 'ج') {
      c = 'J';
      i++;
    } else if ((ch === 'ه' || ch === 'ھ') && i === n - 1 && i > 0) {
      // A final ه after a letter mostly writes a final vowel (-e, -a, -eh): رابه Raabe.
      c = 'a';
    }
    out = push(out, c);
  }
  return out;
}

const isVowelCode = (c: number) => c === 0x61 || c === 0x65 || c === 0x6f; // a e o

const isFrontVowel = (c: string | undefined) => c === 'e' || c === 'i' || c === 'y';

/**
 * Code of one Latin token (lower-case ASCII letters; anything else is skipped). `alt` picks
 * the second reading of the ambiguous letters: ch as k (Italian, Greek) instead of sh/tsh, and
 * j as a semi-vowel (German, Slavic, Scandinavian) instead of dj. `vowelClasses` keeps three
 * vowel classes (a; e i y; o u w) instead of one: the "vowelled code" that tells Maria from
 * Mario when both names are written in an alphabet.
 */
export function encodeLatin(token: string, alt = false, vowelClasses = false): string {
  let out = '';
  const n = token.length;
  for (let i = 0; i < n; i++) {
    const ch = token[i] as string;
    const next = token[i + 1];
    let c: string;
    switch (ch) {
      case 'a':
        c = VOWEL;
        break;
      case 'e':
      case 'i':
      case 'y':
        c = vowelClasses ? 'e' : VOWEL;
        break;
      case 'o':
      case 'u':
      case 'w':
        c = vowelClasses ? 'o' : VOWEL;
        break;
      case 'b':
        c = 'B';
        break;
      case 'p':
        if (next === 'h') {
          c = 'F';
          i++;
        } else c = 'B';
        break;
      case 'f':
        c = 'F';
        break;
      case 'v':
        c = 'V';
        break;
      case 'c':
        if (next === 'h') {
          c = alt ? 'K' : 'X';
          i++;
        } else if (next === 'k' || next === 'q') {
          c = 'K';
          i++;
        } else if (isFrontVowel(next)) c = 'C';
        else if (next === 'z') {
          c = 'X'; // Polish/Czech cz
          i++;
        } else c = 'K';
        break;
      case 's':
        if (next === 'c' && token[i + 2] === 'h') {
          c = 'X';
          i += 2;
        } else if (next === 'h' || next === 'z') {
          c = 'X';
          i++;
        } else c = 'S';
        break;
      case 't':
        if (next === 'h') {
          c = 'T';
          i++;
        } else if (next === 'c' && token[i + 2] === 'h') {
          c = 'X';
          i += 2;
        } else if (next === 's' && token[i + 2] === 'c' && token[i + 3] === 'h') {
          c = 'X';
          i += 3;
        } else c = 'T';
        break;
      case 'd':
        if (next === 'h') {
          c = 'D';
          i++;
        } else if (next === 'j' || (next === 'z' && token[i + 2] === 'h')) {
          c = 'J';
          i += next === 'j' ? 1 : 2;
        } else c = 'D';
        break;
      case 'k':
        c = 'K';
        if (next === 'h') i++;
        break;
      case 'g':
        c = 'G';
        if (next === 'h') i++;
        break;
      case 'j':
        c = alt ? (vowelClasses ? 'e' : VOWEL) : 'J';
        break;
      case 'z':
        if (next === 'h') {
          c = 'J';
          i++;
        } else c = 'S';
        break;
      case 'q':
        c = 'K';
        break;
      case 'x':
        out = push(out, 'K');
        c = 'S';
        break;
      case 'h':
        // A final h after a vowel is silent (Fatimah, Masa'deh: ة or a final vowel).
        if (i === n - 1 && i > 0 && isVowelCode(out.charCodeAt(out.length - 1))) continue;
        c = 'H';
        break;
      case 'l':
        c = 'L';
        break;
      case 'm':
        c = 'M';
        // Mc/Mac: the c is hard before any letter (McElligott).
        if (i === 0 && next === 'c' && token[2] !== 'h') {
          out = push(out, 'M');
          c = 'K';
          i++;
        }
        break;
      case 'n':
        c = 'N';
        break;
      case 'r':
        c = 'R';
        break;
      default:
        continue;
    }
    out = push(out, c);
  }
  return out;
}

/** True when the Latin token has a letter that `encodeLatin(token, true)` reads differently. */
export function hasAlternativeReading(token: string): boolean {
  return token.includes('ch') || token.includes('j');
}

/** The consonant skeleton of a code: no vowels, no h, no repeats. */
export function skeletonOf(code: string): string {
  let out = '';
  for (let i = 0; i < code.length; i++) {
    const c = code[i] as string;
    if (c === VOWEL || c === 'H') continue;
    out = push(out, c);
  }
  return out;
}
