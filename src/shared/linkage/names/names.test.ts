import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  analyseName,
  compareNameParts,
  FUZZY_HIGH,
  MAX_TOKENS,
  nameBlockingKeys,
  nameSimilarity,
  NAME_LEVELS,
} from './index.ts';

// Spellings of one name, across scripts and romanisations.
const SAME: [string, string][] = [
  ['Mohammed', 'Muhammad'],
  ['Mohamed', 'محمد'],
  ['Muhammad', 'محمد'],
  ['Abdulrahman', 'Abd al-Rahman'],
  ['Abdulrahman', 'عبد الرحمن'],
  ['Abd al-Rahman', 'عبدالرحمن'],
  ['Abdel Rahman', 'Abdurrahman'],
  ['Yusuf', 'Youssef'],
  ['Iosif', 'Yusuf'],
  ['Юсуф', 'Youssef'],
  ['Tesfaye', 'ተስፋዬ'],
  ['Abebe', 'አበበ'],
  ['Yohannes', 'ዮሐንስ'],
  ['Rahman', 'রহমান'],
  ['Olena', 'Elena'],
  ['Олена', 'Elena'],
  ['Aleksandr', 'Alexander'],
  ['Александр', 'Alexander'],
  ['Дмитрий', 'Dmitriy'],
  ['Khaled', 'Khalid'],
  ['خالد', 'Khalid'],
  ['قاسم', 'Kassem'],
  ['عمر', 'Omar'],
  ['حسين', 'Hussein'],
  ['عائشة', 'Aisha'],
  ['مصطفى', 'Mustafa'],
  ['Abdullah', 'عبدالله'],
  ['Ibrahim', 'Ebrahim'],
  ['Müller', 'Mueller'],
  ['Nguyen', 'Nguyễn'],
  ['Fatima Hassan', 'فاطمة حسن'],
];

// Different names that share letters or sounds.
const DIFFERENT: [string, string][] = [
  ['Fatima', 'Aisha'],
  ['Ali', 'Omar'],
  ['Olena', 'Oksana'],
  ['Tesfaye', 'Tadesse'],
  ['Abebe', 'Tesfaye'],
  ['محمد', 'Omar'],
  ['Rahman', 'Nasser'],
  ['Yusuf', 'Ibrahim'],
];

describe('nameSimilarity', () => {
  it.each(SAME)('%s ≈ %s', (a, b) => {
    expect(nameSimilarity(a, b)).toBeGreaterThanOrEqual(FUZZY_HIGH);
  });

  it.each(DIFFERENT)('%s ≠ %s', (a, b) => {
    expect(nameSimilarity(a, b)).toBeLessThan(FUZZY_HIGH);
  });

  it('ignores word order and folds "bin" and the article', () => {
    expect(nameSimilarity('Fatima Hassan', 'Hassan Fatima')).toBe(1);
    expect(nameSimilarity('Ahmed bin Salman', 'Ahmed Salman')).toBe(1);
    expect(nameSimilarity('Nur ad-Din', 'Nur Din')).toBe(1);
  });

  it('scores a name-part subset high but below the full name', () => {
    const s = nameSimilarity('Ngozi', 'Ngozi Okonjo');
    expect(s).toBeGreaterThanOrEqual(FUZZY_HIGH);
    expect(s).toBeLessThan(1);
  });

  it('scores names without letters 0, even against themselves', () => {
    expect(nameSimilarity('', '')).toBe(0);
    expect(nameSimilarity('😀', '😀')).toBe(0);
    expect(nameSimilarity('---', 'Ali')).toBe(0);
  });
});

describe('analyseName', () => {
  it('detects scripts, tokens, transliterations, skeletons and phonetic codes', () => {
    const a = analyseName('Mohammed محمد');
    expect(a.scripts).toEqual(['Latin', 'Arabic']);
    expect(a.flags.mixedScripts).toBe(true);
    expect(a.tokens.map((t) => t.latin[0])).toEqual(['mohammed', 'mhmd']);
    expect(a.tokens.map((t) => t.skeleton)).toEqual(['MD', 'MD']);
    expect(a.tokens[0]?.phonetic[0]).toBe('MaHaMaD');
  });

  it('normalises with NFKC (full-width letters, ligatures)', () => {
    expect(analyseName('Ｆａｔｉｍａ').tokens[0]?.text).toBe('fatima');
    expect(analyseName('ﬁras').tokens[0]?.text).toBe('firas');
  });

  it('reads the Arabic article both ways', () => {
    const t = analyseName('الحسن').tokens[0];
    expect(t?.phonetic).toEqual(['aLHSN', 'HSN']);
  });

  it('flags empty, letterless and truncated names', () => {
    expect(analyseName('   ').flags.empty).toBe(true);
    expect(analyseName('🙂 !!').flags).toMatchObject({ empty: false, noLetters: true });
    const long = analyseName('Ab '.repeat(400));
    expect(long.flags.truncated).toBe(true);
    expect(long.tokens.length).toBeLessThanOrEqual(MAX_TOKENS);
    expect(analyseName('x'.repeat(5000)).flags.truncated).toBe(true);
  });
});

describe('compareNameParts', () => {
  const p = (given: string | null, family: string | null, aliases?: string[]) => ({
    given,
    family,
    aliases,
  });

  it('orders its levels best first', () => {
    expect(NAME_LEVELS[0]).toBe('exact');
    expect(NAME_LEVELS.at(-1)).toBe('missing');
  });

  it.each([
    [p('Fatima', 'Hassan'), p('Fatima', 'Hassan'), 'exact'],
    [p('Fatima', 'Hassan'), p('FATIMA', 'hassan'), 'exact'],
    [p('Yusuf', 'Hassan'), p('Юсуф', 'Хасан'), 'transliterated'],
    [p('Fatima', 'Hassan'), p('فاطمة', 'حسن'), 'phonetic'],
    [p('Maria', 'Lopez'), p('Mario', 'Lopez'), 'phonetic'],
    [p('Fatima', 'Hassan'), p('Hassan', 'Fatima'), 'swapped'],
    [p('Fatima', 'Hassan'), p('Fatima', null), 'subset'],
    [p('Fatima', 'Hassan'), p('Aisha', 'Omar'), 'different'],
    [p(null, null), p('Aisha', 'Omar'), 'missing'],
    [p('', '😀'), p('Aisha', 'Omar'), 'missing'],
    [p('Fatima', 'Hassan', ['Umm Ali']), p('Umm Ali', null), 'exact'],
  ])('%o / %o → %s', (a, b, level) => {
    const c = compareNameParts(a, b);
    expect(c.level).toBe(level);
    expect(c.similarity).toBeGreaterThanOrEqual(0);
    expect(c.similarity).toBeLessThanOrEqual(1);
  });

  it('gives a lower level to a fuzzier pair', () => {
    const close = compareNameParts(p('Fatima', 'Hassan'), p('Fatma', 'Hasan'));
    const far = compareNameParts(p('Fatima', 'Hassan'), p('Fadia', 'Hassan'));
    expect(NAME_LEVELS.indexOf(close.level)).toBeLessThan(NAME_LEVELS.indexOf(far.level));
  });
});

describe('nameBlockingKeys', () => {
  it('gives spellings of one name in different scripts a common key', () => {
    for (const [a, b] of SAME) {
      const ka = nameBlockingKeys(a);
      expect(
        nameBlockingKeys(b).some((k) => ka.includes(k)),
        `${a} / ${b}`,
      ).toBe(true);
    }
  });

  it('keeps clearly different names apart', () => {
    expect(nameBlockingKeys('Tesfaye').some((k) => nameBlockingKeys('Ibrahim').includes(k))).toBe(
      false,
    );
  });

  it('gives no key to a name without letters', () => {
    expect(nameBlockingKeys('🙂')).toEqual([]);
  });
});

describe('properties', () => {
  // Any Unicode: full code-point range (emoji, marks, other scripts) and lone surrogates.
  const anyText = fc.oneof(
    fc.string({ unit: 'grapheme', maxLength: 30 }),
    fc.string({ unit: 'binary', maxLength: 30 }),
    fc.string({
      unit: fc.constantFrom('\ud800', '\udfff', '😀', 'ّ', 'ـ', 'a', 'م', ' ', '-'),
      maxLength: 20,
    }),
    fc.constantFrom('محمد', 'Mohammed', 'ተስፋዬ', 'রহমান', 'Юсуф', '', '   '),
  );
  const longText = fc.string({ unit: 'grapheme', minLength: 900, maxLength: 1100 });

  it('is symmetric, within [0, 1], and never throws', () => {
    fc.assert(
      fc.property(anyText, anyText, (a, b) => {
        const x = nameSimilarity(a, b);
        expect(x).toBeGreaterThanOrEqual(0);
        expect(x).toBeLessThanOrEqual(1);
        expect(nameSimilarity(b, a)).toBeCloseTo(x, 12);
        const c = compareNameParts({ given: a, family: b }, { given: b, family: a });
        expect(NAME_LEVELS).toContain(c.level);
      }),
      { numRuns: 400 },
    );
  });

  it('scores a name with letters 1 against itself', () => {
    fc.assert(
      fc.property(anyText, (a) => {
        const flags = analyseName(a).flags;
        expect(nameSimilarity(a, a)).toBe(flags.empty || flags.noLetters ? 0 : 1);
      }),
    );
  });

  it('handles 1,000-character names', () => {
    fc.assert(
      fc.property(longText, longText, (a, b) => {
        const x = nameSimilarity(a, b);
        expect(x).toBeGreaterThanOrEqual(0);
        expect(x).toBeLessThanOrEqual(1);
      }),
      { numRuns: 20 },
    );
  });
});
