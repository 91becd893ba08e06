/**
 * The CTDC formats of the data hub (docs/ctdc-format.md): the global dataset layout (63
 * columns, alpha-2 countries, `-99` missing) and the synthetic-data layout (27 columns, alpha-3),
 * reading and checking files in either, one HTCDS case as one global row, and a generator of
 * synthetic records. Pure code, no I/O.
 */
export type { CtdcCaseInput } from './case-input.ts';
export {
  CONCATENATED_LABELS,
  CONCATENATION_SEPARATOR,
  CTDC_AGE_BANDS,
  CTDC_COLUMNS,
  CTDC_DATASOURCES,
  CTDC_FLAG_COLUMNS,
  CTDC_GENDERS,
  CTDC_MAJORITY,
  CTDC_MISSING,
  ageBand,
  type CtdcAgeBand,
  type CtdcColumn,
  type CtdcDataSource,
} from './global-layout.ts';
export {
  SYNTHETIC_AGE_BANDS,
  SYNTHETIC_COLUMNS,
  SYNTHETIC_GENDERS,
  SYNTHETIC_MISSING,
  SYNTHETIC_TRAFFICK_MONTHS,
  alpha2Of,
  alpha3Of,
  type SyntheticColumn,
} from './synthetic-layout.ts';
export { readCtdc, type CtdcFile, type CtdcLayout } from './read-ctdc.ts';
export { ctdcRowOfCase } from './row-of-case.ts';
export { toSyntheticLayout } from './to-synthetic.ts';
export { generateCtdc, MAX_GENERATED_ROWS, type GenerateCtdcOptions } from './generate-ctdc.ts';
