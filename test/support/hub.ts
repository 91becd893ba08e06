import type {
  HubImportResult,
  PublicationCreateInput,
  PublicationParametersInput,
} from '../../src/shared/api/hub.schema.ts';
import { generateCtdc } from '../../src/shared/hub/ctdc/index.ts';
import type { Table } from '../../src/shared/hub/table.ts';
import { writeTable } from '../../src/shared/hub/table.ts';
import type { TestLantern, TestResponse, TestSession } from './test-app.ts';

/**
 * Data-hub factories for tests (docs/hub.md). Records come from the CTDC generator: real
 * victim data never enters the repository. Imports and publications go through the API, so the
 * session must be an analyst's.
 */

/** A CTDC global-layout table of `rows` generated records. */
export const ctdcTable = (rows: number, seed = 1): Table => generateCtdc({ rows, seed });

/** A table as the base64 CSV an import body carries. */
export const base64Csv = (table: Table): string =>
  Buffer.from(writeTable(table), 'utf8').toString('base64');

export function importBody(table: Table, label = 'CTDC test file') {
  return { label, content: base64Csv(table) };
}

/** Imports `table` (default: 2,000 generated records) and returns the new source. */
export async function importCtdc(
  t: TestLantern,
  session: TestSession,
  table: Table = ctdcTable(2000),
  label?: string,
): Promise<HubImportResult['source']> {
  const res = await t.request('POST', '/api/v1/hub/imports', {
    session,
    body: importBody(table, label),
  });
  if (res.status !== 201) throw new Error(`import failed: ${JSON.stringify(res.body)}`);
  return res.json<HubImportResult>().source;
}

export function createPublication(
  t: TestLantern,
  session: TestSession,
  parameters: PublicationParametersInput,
  title = 'Test publication',
): Promise<TestResponse> {
  const body: PublicationCreateInput = { title, parameters };
  return t.request('POST', '/api/v1/hub/publications', { session, body });
}
