import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  CHILD_ASSENTS,
  CONSENT_METHODS,
  CONSENT_PURPOSES,
  GUARDIAN_RELATIONSHIPS,
} from '../../shared/consent/index.ts';

// The migration's CHECK constraints repeat the code lists; a code added on one side only would
// be refused by the database (or let through unchecked). This keeps them the same.
const sql = readFileSync(new URL('../db/migrations/0005_consent.sql', import.meta.url), 'utf8');

/** The quoted values of `CHECK (<column> IN (…))` in the migration. */
function checkedValues(column: string): string[] {
  const m = new RegExp(`CHECK \\(${column} IN\\s*\\(([^)]*)\\)`).exec(sql);
  if (!m) throw new Error(`no CHECK list for ${column}`);
  return [...m[1]!.matchAll(/'([a-z_]+)'/g)].map((v) => v[1]!);
}

describe('consent code lists and the migration agree', () => {
  it.each([
    ['purpose', CONSENT_PURPOSES],
    ['method', CONSENT_METHODS],
    ['guardian_relationship', GUARDIAN_RELATIONSHIPS],
    ['child_assent', CHILD_ASSENTS],
  ] as const)('%s', (column, codes) => {
    expect(checkedValues(column)).toEqual([...codes]);
  });
});
