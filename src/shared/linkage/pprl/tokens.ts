/**
 * Field values to q-gram tokens, the input of the Bloom filters. Names in any script are first
 * brought to one Latin form (Unicode compatibility decomposition, marks removed, then
 * any-ascii's transliteration for other scripts), so that the two parties' spellings can share
 * bigrams; the optional cross-script tokens (the names module's skeletons and phonetic codes)
 * let Arabic-script names, written without short vowels, meet their Latin spellings.
 */
import anyAscii from 'any-ascii';
import type { PartialDate } from '../types.ts';
import { analyseName } from '../names/index.ts';
import type { PprlFeature } from './schema.ts';

/** A field's value: text, or a (partial) date for `date` features. */
export type PprlValue = string | PartialDate | null | undefined;
export type PprlFields = Record<string, PprlValue>;

/** Longest text kept from a field: longer input is cut, never rejected (1,000-character names). */
const MAX_CHARS = 128;

/** Lower-case Latin letters, digits and single spaces; '' when nothing is left. */
export function normaliseText(raw: string, keepDigits: boolean): string {
  // Latin diacritics, Arabic harakat and Hebrew points go (é → e; vowel marks are written
  // inconsistently); the vowel signs of Indic and Ethiopic scripts stay, they carry the vowels.
  // Symbols, punctuation and emoji become spaces before transliteration, which would otherwise
  // spell an emoji out as words.
  const decomposed = raw
    .slice(0, MAX_CHARS * 2)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f\u064b-\u065f\u0591-\u05c7]+/g, '')
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, ' ');
  const latin = /[^ -~]/.test(decomposed) ? anyAscii(decomposed) : decomposed;
  const allowed = keepDigits ? /[^a-z0-9]+/g : /[^a-z]+/g;
  return latin.toLowerCase().replace(allowed, ' ').trim().replace(/ +/g, ' ').slice(0, MAX_CHARS);
}

/** Bigrams of the value padded with a space at each end (" ab", "ab", "b "), in order. */
export function paddedQgrams(s: string, q = 2): string[] {
  if (s === '') return [];
  const padded = `${' '.repeat(q - 1)}${s}${' '.repeat(q - 1)}`;
  const out: string[] = [];
  for (let i = 0; i + q <= padded.length; i++) out.push(padded.slice(i, i + q));
  return out;
}

const two = (n: number) => String(n).padStart(2, '0');

/** A PartialDate from text: YYYYMMDD, YYYY-MM-DD, YYYY-MM or YYYY; null when not one of them. */
export function parseDateText(raw: string): PartialDate | null {
  const s = raw.trim();
  let m = /^(\d{4})(\d{2})(\d{2})$/.exec(s) ?? /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  if (m) return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  m = /^(\d{4})-(\d{1,2})$/.exec(s);
  if (m) return { year: Number(m[1]), month: Number(m[2]), day: null };
  m = /^(\d{4})$/.exec(s);
  if (m) return { year: Number(m[1]), month: null, day: null };
  return null;
}

/** The distinct tokens of one field's value; [] when it is missing or empty after normalising. */
export function featureTokens(feature: PprlFeature, value: PprlValue): string[] {
  if (value === null || value === undefined) return [];
  if (feature.kind === 'date') {
    const d = typeof value === 'string' ? parseDateText(value) : value;
    if (!d) return [];
    const out: string[] = [];
    // Separate tokens for year, month and day (a typo in one costs a third of the field).
    if (d.year !== null) out.push(`y${d.year}`);
    if (d.month !== null) out.push(`m${two(d.month)}`);
    if (d.day !== null) out.push(`d${two(d.day)}`);
    return out;
  }
  if (typeof value !== 'string') return [];
  switch (feature.kind) {
    case 'name': {
      const grams = paddedQgrams(normaliseText(value, false));
      if (feature.crossScript) {
        // The names module's reading of each word (docs/name-matching.md): its consonant
        // skeleton and phonetic code, the same for "محمد", "Mohammed" and "Muhammad". Measured
        // on ar2en (bench/pprl.ts): Arabic↔Latin recall at 0.5 % false matches rises from 0.32
        // (bigrams alone) to about 0.84.
        const a = analyseName(value);
        const skel = a.tokens.map((t) => t.skeleton).join(' ');
        const code = a.tokens.map((t) => t.phonetic[0] ?? '').join(' ');
        for (const g of paddedQgrams(skel)) grams.push(`k${g}`);
        for (const g of paddedQgrams(code)) grams.push(`p${g}`);
      }
      return [...new Set(grams)];
    }
    case 'text':
      return [...new Set(paddedQgrams(normaliseText(value, true)))];
    case 'digits': {
      // Positional unigrams (clkhash "positional": true): "2135" → 0:2 1:1 2:3 3:5.
      const digits = normaliseText(value, true).replace(/ /g, '');
      return [...digits].map((c, i) => `${i}:${c}`);
    }
    case 'exact': {
      const n = normaliseText(value, true);
      return n === '' ? [] : [n];
    }
  }
}

/**
 * The value that salts other fields (hardening.saltField): the year alone for a date (the part
 * least often wrong), else the field's tokens joined; '' when missing.
 */
export function saltOf(feature: PprlFeature, value: PprlValue): string {
  const tokens = featureTokens(feature, value);
  if (feature.kind === 'date') return tokens.find((t) => t.startsWith('y')) ?? '';
  return tokens.join('|');
}
