/**
 * Disclosure control for the data hub: k-anonymity and l-diversity by generalisation and
 * suppression (Flash lattice search), with risk and utility reports (docs/anonymisation.md).
 * Pure code, no I/O.
 */
export { AnonymizeError } from './anonymize-error.ts';
export {
  anonymize,
  DEFAULT_SUPPRESSION_LIMIT,
  type AnonymizeOptions,
  type AnonymizeResult,
} from './anonymize.ts';
export { ctdcHierarchies } from './ctdc-hierarchies.ts';
export { MAX_LATTICE_NODES } from './flash.ts';
export {
  Hierarchy,
  hierarchyColumnOfFile,
  hierarchyFromCsv,
  type Hierarchies,
} from './hierarchy.ts';
export {
  riskReport,
  utilityReport,
  type RiskReport,
  type UtilityOptions,
  type UtilityReport,
} from './reports.ts';
