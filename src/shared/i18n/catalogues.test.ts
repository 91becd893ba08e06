import { describe, expect, it } from 'vitest';
import { ROLES } from '../api/auth.schema.ts';
import { ERROR_STATUS } from '../api/errors.ts';
import {
  CASE_STATUSES,
  EXPLOITATION_TYPES,
  GENDERS,
  TRAFFICKING_STATUSES,
} from '../codes/htcds.ts';
import { baseKeys, flatten, PLURAL_SUFFIX, variables, type Catalogue } from './catalogue-keys.ts';
import { catalogues, createI18n, LANGUAGES, type LanguageCode } from './i18n.ts';

const flat = Object.fromEntries(
  Object.entries(catalogues).map(([code, c]) => [code, flatten(c as Catalogue)]),
) as Record<LanguageCode, Map<string, string>>;
const en = flat.en;
const enBases = baseKeys(en);
const others = LANGUAGES.map((l) => l.code).filter((c) => c !== 'en');

/** Non-count variables of every form of a base key (a plural form may leave out the number). */
function variablesOf(catalogue: Map<string, string>, base: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [key, text] of catalogue) {
    if (key === base || (PLURAL_SUFFIX.test(key) && key.replace(PLURAL_SUFFIX, '') === base)) {
      const vars = variables(text);
      out.set(key, PLURAL_SUFFIX.test(key) ? vars.filter((v) => v !== 'count') : vars);
    }
  }
  return out;
}

describe('translation catalogues', () => {
  it('Arabic has exactly the keys English has (plural forms aside)', () => {
    expect([...baseKeys(flat.ar).keys()].sort()).toEqual([...enBases.keys()].sort());
  });

  it.each(others)('%s has no key that English lacks', (code) => {
    const extra = [...baseKeys(flat[code]).keys()].filter((k) => !enBases.has(k));
    expect(extra).toEqual([]);
  });

  it.each(others)('%s uses the same interpolation variables as English', (code) => {
    const mismatches: string[] = [];
    for (const base of baseKeys(flat[code]).keys()) {
      const expected = [...variablesOf(en, base).values()][0] ?? [];
      for (const [key, vars] of variablesOf(flat[code], base)) {
        if (vars.join() !== expected.join())
          mismatches.push(`${key}: ${vars.join()} ≠ ${expected.join()}`);
      }
    }
    expect(mismatches).toEqual([]);
  });

  it.each(LANGUAGES.map((l) => l.code))('%s has every plural form its language needs', (code) => {
    const needed = new Intl.PluralRules(code).resolvedOptions().pluralCategories;
    const missing: string[] = [];
    for (const [base, forms] of baseKeys(flat[code])) {
      if ((enBases.get(base) ?? []).length === 0) continue;
      for (const category of needed)
        if (!forms.includes(category)) missing.push(`${base}_${category}`);
    }
    expect(missing).toEqual([]);
  });

  it.each(LANGUAGES.map((l) => l.code))('%s has no empty text', (code) => {
    expect([...flat[code]].filter(([, v]) => v.trim() === '').map(([k]) => k)).toEqual([]);
  });

  it.each(others)('%s covers at least 90% of the English keys', (code) => {
    const own = baseKeys(flat[code]);
    const covered = [...enBases.keys()].filter((k) => own.has(k)).length;
    const share = covered / enBases.size;
    console.info(`${code}: ${covered}/${enBases.size} keys (${(share * 100).toFixed(1)}%)`);
    expect(share).toBeGreaterThanOrEqual(0.9);
  });

  it('labels every HTCDS code value, role and API error code in English', () => {
    const wanted = [
      ...GENDERS.map((v) => `codes.gender.${v}`),
      ...CASE_STATUSES.map((v) => `codes.caseStatus.${v}`),
      ...TRAFFICKING_STATUSES.map((v) => `codes.traffickingStatus.${v}`),
      ...EXPLOITATION_TYPES.map((v) => `codes.exploitation.${v}`),
      ...ROLES.map((v) => `roles.${v}`),
      ...Object.keys(ERROR_STATUS).map((code) => `errors.${code}`),
    ];
    expect(wanted.filter((k) => !en.has(k))).toEqual([]);
  });

  it('formats plurals and numbers per language', () => {
    const ar = createI18n('ar');
    expect(ar.t('cases.results.total', { count: 2 })).not.toEqual(
      ar.t('cases.results.total', { count: 11 }),
    );
    expect(createI18n('en').t('cases.results.total', { count: 12345 })).toBe('12,345 cases');
  });
});
