/**
 * Cross-script name matching (docs/name-matching.md): the public API used by the linkage
 * engine, privacy-preserving linkage, the server and the CLI.
 */
export type { AnalysedName, NameFlags, NameToken } from './analyse.ts';
export { analyseName, MAX_NAME_CHARS, MAX_TOKENS, MAX_TOKEN_CHARS } from './analyse.ts';
export type { Script } from './scripts.ts';
export { compareAnalysed, tokenSimilarity } from './compare.ts';
export { blockingKeysOf, nameBlockingKeys } from './blocking.ts';
export type { AnalysedNameParts, NameLevel, NameParts, NamePartsComparison } from './parts.ts';
export {
  analyseNameParts,
  compareAnalysedParts,
  compareNameParts,
  FUZZY_HIGH,
  FUZZY_LOW,
  NAME_LEVELS,
} from './parts.ts';
export { jaroWinkler } from './jaro-winkler.ts';
export { analyseCached, nameSimilarity } from './similarity.ts';
