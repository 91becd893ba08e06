import type {
  Provider,
  ProviderCreateInput,
  ProviderDetail,
  Service,
  ServiceCreateInput,
} from '../../src/shared/api/directory.schema.ts';
import type { TestLantern, TestSession } from './test-app.ts';

/**
 * Directory factories for tests (docs/directory.md). They go through the API, so the session
 * must hold `directory:manage` (an admin or a supervisor) and its organisation is the listing
 * organisation. Signatures are stable: other capabilities' tests use them.
 */

/** A valid provider body: an external provider (no receiving organisation) unless overridden. */
export function validProvider(over: Partial<ProviderCreateInput> = {}): ProviderCreateInput {
  return {
    name: 'Harbour House',
    description: 'Shelter and support for survivors of trafficking',
    phone: '+39 06 1234 5678',
    email: 'intake@harbour.example.org',
    website: 'https://harbour.example.org',
    providerOrgId: null,
    ...over,
  };
}

/** A valid service body without its provider (a shelter in Rome, 10 places, adults). */
export function validService(
  over: Partial<ServiceCreateInput> = {},
): Omit<ServiceCreateInput, 'providerId'> & { providerId?: string } {
  return {
    serviceType: 'shelter',
    name: 'Harbour House shelter',
    description: 'Safe accommodation for up to three months',
    address: 'Via del Porto 1, Roma',
    country: 'IT',
    adminArea: 'Lazio',
    latitude: 41.9028,
    longitude: 12.4964,
    languages: ['it', 'en'],
    ageMin: 18,
    ageMax: null,
    genders: [],
    nationalities: [],
    statuses: [],
    capacityTotal: 10,
    capacityAvailable: 4,
    hours: 'Every day, 24 hours',
    phone: '+39 06 1234 5679',
    email: 'shelter@harbour.example.org',
    responseDays: 5,
    active: true,
    ...over,
  };
}

/** Lists a provider through the API (POST /directory/providers); fails the test on refusal. */
export async function createProvider(
  t: TestLantern,
  session: TestSession,
  over: Partial<ProviderCreateInput> = {},
): Promise<Provider> {
  const res = await t.request('POST', '/api/v1/directory/providers', {
    session,
    body: validProvider(over),
  });
  if (res.status !== 201) throw new Error(`provider creation failed: ${JSON.stringify(res.body)}`);
  return res.json<Provider>();
}

/** Lists a service of `providerId` through the API (POST /directory/services). */
export async function createService(
  t: TestLantern,
  session: TestSession,
  providerId: string,
  over: Partial<ServiceCreateInput> = {},
): Promise<Service> {
  const res = await t.request('POST', '/api/v1/directory/services', {
    session,
    body: { ...validService(over), providerId },
  });
  if (res.status !== 201) throw new Error(`service creation failed: ${JSON.stringify(res.body)}`);
  return res.json<Service>();
}

/** The provider with its services (GET /directory/providers/:id). */
export async function getProvider(
  t: TestLantern,
  session: TestSession,
  id: string,
): Promise<ProviderDetail> {
  const res = await t.request('GET', `/api/v1/directory/providers/${id}`, { session });
  if (res.status !== 200) throw new Error(`provider read failed: ${JSON.stringify(res.body)}`);
  return res.json<ProviderDetail>();
}

/** A CSV file as the import endpoint takes it: `{ content }`, base64. */
export const csvUpload = (csv: string) => ({
  content: Buffer.from(csv, 'utf8').toString('base64'),
});
