import type {
  TracingRequestCreateInput,
  TracingRequestDetail,
  TracingSearchResult,
} from '../../src/shared/api/tracing.schema.ts';
import { caseWith } from '../support/api.ts';
import type { TestLantern, TestSession } from '../support/test-app.ts';

/** A case whose person is `person`; with `tracing`, their family-tracing consent is recorded. */
export async function tracingCase(
  t: TestLantern,
  session: TestSession,
  person: Record<string, unknown>,
  opts: { tracing?: boolean; child?: boolean } = {},
): Promise<{ id: string; reference: string }> {
  const c = await t.createCase(
    session,
    caseWith({ dateOfBirth: undefined, familyName: undefined, ...person }),
  );
  if (opts.tracing ?? true) {
    const body = opts.child
      ? {
          purpose: 'family_tracing',
          method: 'guardian',
          guardian: { relationship: 'appointed_guardian', name: 'A. Guardian' },
          childAssent: 'given',
        }
      : { purpose: 'family_tracing', method: 'verbal' };
    const res = await t.request('POST', `/api/v1/cases/${c.id}/consents`, { session, body });
    if (res.status !== 201) throw new Error(`consent failed: ${JSON.stringify(res.body)}`);
  }
  return c;
}

export const requestBody = (
  sought: Partial<TracingRequestCreateInput['sought']>,
): TracingRequestCreateInput => ({
  sought: { relationshipToEnquirer: 'child', ...sought },
  enquirer: { name: 'Fatima Haddad', kind: 'family', phone: '+961 1 234 567' },
});

export async function createRequest(
  t: TestLantern,
  session: TestSession,
  sought: Partial<TracingRequestCreateInput['sought']>,
): Promise<TracingRequestDetail> {
  const res = await t.request('POST', '/api/v1/tracing-requests', {
    session,
    body: requestBody(sought),
  });
  if (res.status !== 201) throw new Error(`tracing request failed: ${JSON.stringify(res.body)}`);
  return res.json<TracingRequestDetail>();
}

export async function search(
  t: TestLantern,
  session: TestSession,
  id: string,
): Promise<TracingSearchResult> {
  const res = await t.request('POST', `/api/v1/tracing-requests/${id}/search`, { session });
  if (res.status !== 200) throw new Error(`search failed: ${JSON.stringify(res.body)}`);
  return res.json<TracingSearchResult>();
}
