/**
 * Free texts of the case record are sealed like a person's identity: one AES-256-GCM
 * ciphertext per row under the organisation's key, with additional data naming the table and
 * the row (`trafficking_event:<id>`, `case_sensitive:<case id>:health`), so that a ciphertext
 * moved to another row, case or section fails to open.
 */
export { openJson, sealJson } from '../crypto/sealed-values.ts';

/** The names of the fields of `o` that hold something: what an audit entry may record. */
export const filledFields = (o: object, prefix = ''): string[] =>
  Object.entries(o)
    .filter(([, v]) => v !== null && v !== undefined && !(Array.isArray(v) && v.length === 0))
    .map(([k]) => prefix + k);
