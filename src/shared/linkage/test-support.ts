/** Helpers shared by the linkage tests (and the matcher's); not used by the product. */
import type { LinkRecord } from './types.ts';

/** A record with every field empty, then `over`. */
export const person = (id: string, over: Partial<LinkRecord> = {}): LinkRecord => ({
  id,
  givenName: null,
  familyName: null,
  aliases: [],
  sex: null,
  birth: null,
  age: null,
  ageAt: null,
  places: [],
  identifiers: {},
  ...over,
});
