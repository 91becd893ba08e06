import { describe, expect, it } from 'vitest';
import type { Name } from './name-pool.ts';
import { NAME_GROUPS, feminineSurname } from './names.ts';

/** True when every letter of the text belongs to the script (spaces, marks, "-", "." aside). */
const inScript = (text: string, script: string): boolean => {
  const letter = new RegExp(`\\p{Script=${script}}`, 'u');
  return [...text].every((ch) => !/\p{L}/u.test(ch) || letter.test(ch));
};

const duplicates = (names: readonly Name[]): string[] =>
  names.map((n) => n.text).filter((t, i, all) => all.indexOf(t) !== i);

describe('name pools', () => {
  for (const [id, group] of Object.entries(NAME_GROUPS)) {
    it(`${id}: 25–50 common names per sex and for families, in ${group.script} script`, () => {
      for (const pool of [group.masculine, group.feminine]) {
        expect(pool.length).toBeGreaterThanOrEqual(25);
        expect(pool.length).toBeLessThanOrEqual(50);
        expect(duplicates(pool)).toEqual([]);
      }
      if (!group.syllabic) {
        expect(group.family.length).toBeGreaterThanOrEqual(25);
        expect(group.family.length).toBeLessThanOrEqual(50);
        expect(duplicates(group.family)).toEqual([]);
      }
      const all = [
        ...group.masculine,
        ...group.feminine,
        ...group.family,
        ...(group.familyFeminine?.names ?? []),
        ...(group.middle?.masculine ?? []),
        ...(group.middle?.feminine ?? []),
      ];
      for (const name of all) {
        expect(name.text).not.toBe('');
        expect(inScript(name.text, group.script), name.text).toBe(true);
        if (group.script === 'Latin') expect(name.latin).toEqual([]);
        else expect(name.latin.length, name.text).toBeGreaterThan(0);
        for (const latin of name.latin) expect(inScript(latin, 'Latin'), latin).toBe(true);
      }
    });
  }
});

describe('feminineSurname', () => {
  it('gives the feminine form of East Slavic and Central Asian surnames', () => {
    expect(feminineSurname('Иванов')).toBe('Иванова');
    expect(feminineSurname('Ivanov')).toBe('Ivanova');
    expect(feminineSurname('Никитин')).toBe('Никитина');
    expect(feminineSurname('Ковальський')).toBe('Ковальська');
    expect(feminineSurname('Kovalskyi')).toBe('Kovalska');
    expect(feminineSurname('Шевченко')).toBe('Шевченко');
    expect(feminineSurname('Melnyk')).toBe('Melnyk');
  });
});
