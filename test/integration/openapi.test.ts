import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OPENAPI_FILE, renderOpenApi } from '../../scripts/write-openapi.ts';
import { EXPLOITATION_TYPES, GENDERS } from '../../src/shared/codes/htcds.ts';
import { registeredRoutes } from '../support/routes.ts';
import { TestLantern } from '../support/test-app.ts';

type Json = Record<string, unknown>;
interface Operation {
  requestBody?: { required?: boolean; content: Record<string, { schema: Json }> };
  responses: Record<string, { content?: Record<string, { schema: Json }> }>;
  parameters?: { in: string; name: string }[];
}
interface OpenApi {
  openapi: string;
  info: { title: string; version: string };
  servers: { url: string }[];
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Json> };
}

// Operations that take no request body: the session or the path says everything.
const BODYLESS = new Set([
  'post /auth/logout',
  'post /auth/totp/setup',
  'post /users/{id}/reset-password',
  // notifications and webhooks (docs/notifications.md): the path says it all
  'post /notifications/read-all',
  'post /notifications/{id}/read',
  'post /webhooks/{id}/rotate-secret',
  'post /webhooks/{id}/ping',
  'post /webhooks/{id}/deliveries/{deliveryId}/retry',
  // tracing (docs/reunite.md): the search runs on the request as recorded
  'post /tracing-requests/{id}/search',
  // data hub (docs/hub.md): a release publishes the draft as it was built
  'post /hub/publications/{id}/release',
]);

// Operations that answer with a file download instead of JSON (docs/exchange.md, docs/hub.md).
const FILE_DOWNLOADS = new Set([
  'get /cases/export',
  'get /directory/export',
  'get /referrals/metrics.csv',
  'get /public/publications/{id}/download',
]);

describe('OpenAPI contract', () => {
  let t: TestLantern;
  let doc: OpenApi;

  beforeAll(async () => {
    t = await TestLantern.start();
    const res = await t.request('GET', '/api/v1/openapi.json');
    expect(res.status).toBe(200);
    expect(String(res.headers['content-type'])).toMatch(/^application\/json/);
    doc = res.json<OpenApi>();
  });
  afterAll(() => t.close());

  /** Follows a `#/components/schemas/…` reference. */
  const resolve = (schema: Json): Json => {
    const ref = schema.$ref;
    if (typeof ref !== 'string') return schema;
    const target = doc.components.schemas[ref.replace('#/components/schemas/', '')];
    expect(target, `${ref} is defined`).toBeDefined();
    return resolve(target!);
  };
  const props = (schema: Json) => resolve(schema).properties as Record<string, Json>;
  const operations = () =>
    Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops).map(([method, op]) => ({ key: `${method} ${path}`, op })),
    );

  it('is an OpenAPI 3.x document served under /api/v1', () => {
    expect(doc.openapi).toMatch(/^3\.\d+\.\d+$/);
    expect(doc.info.title).toBe('Lantern API');
    expect(doc.servers).toEqual([{ url: '/api/v1' }]);
  });

  it('lists every API route the app registered, and no route it did not', () => {
    const documentation = /^\/api\/v1\/(docs|openapi\.json)/;
    const registered = registeredRoutes(t.app)
      .filter((r) => r.url.startsWith('/api/v1/') && !documentation.test(r.url))
      .map(
        (r) =>
          `${r.method.toLowerCase()} ${r.url.slice('/api/v1'.length).replace(/:(\w+)/g, '{$1}')}`,
      )
      .sort();
    expect(registered.length).toBeGreaterThan(10);
    expect(
      operations()
        .map((o) => o.key)
        .sort(),
    ).toEqual(registered);
  });

  it('gives every operation a success response and the shared error schema', () => {
    for (const { key, op } of operations()) {
      const codes = Object.keys(op.responses);
      const success = codes.find((c) => /^2\d\d$/.test(c));
      expect(success, `${key} has a 2xx response`).toBeDefined();
      if (FILE_DOWNLOADS.has(key)) {
        expect(Object.keys(op.responses[success!]!.content ?? {}), key).toContain('text/csv');
      } else if (success !== '204') {
        expect(
          op.responses[success!]!.content?.['application/json']?.schema,
          `${key} ${success}`,
        ).toBeDefined();
      }
      for (const code of ['400', '401', '403', '404']) {
        const schema = op.responses[code]?.content?.['application/json']?.schema;
        expect(schema, `${key} documents ${code}`).toEqual({ $ref: '#/components/schemas/Error' });
      }
    }
    expect(Object.keys(props({ $ref: '#/components/schemas/Error' }))).toEqual(['error']);
  });

  it('gives every POST and PATCH a JSON request body schema, unless it takes none', () => {
    for (const { key, op } of operations()) {
      if (!/^(post|patch) /.test(key) || BODYLESS.has(key)) continue;
      expect(
        op.requestBody?.content['application/json']?.schema,
        `${key} request body`,
      ).toBeDefined();
    }
  });

  it('describes the case registration body: person, citizenship and HTCDS codes', () => {
    const body = doc.paths['/cases']!.post!.requestBody!;
    expect(body.required).toBe(true);
    const schema = resolve(body.content['application/json']!.schema);
    expect(schema.required).toEqual(expect.arrayContaining(['person', 'citizenship']));
    expect(schema.additionalProperties).toBe(false);
    const top = props(schema);
    const person = props(top.person!);
    expect(person.givenName).toMatchObject({ type: 'string', maxLength: 200 });
    expect(resolve(top.person!).required).toEqual(expect.arrayContaining(['givenName', 'gender']));
    expect(person.gender!.enum).toEqual([...GENDERS]);
    expect(top.citizenship).toMatchObject({
      type: 'string',
      description: expect.stringMatching(/ISO 3166-1/) as string,
    });
    const types = resolve(top.typeOfExploitation!);
    expect(types.type).toBe('array');
    expect(resolve(types.items as Json).enum).toEqual([...EXPLOITATION_TYPES]);
    expect(EXPLOITATION_TYPES).toContain('SexualExploitation');
  });

  it('describes the case responses and the list filters', () => {
    const created =
      doc.paths['/cases']!.post!.responses['201']!.content!['application/json']!.schema;
    expect(Object.keys(props(created))).toEqual(
      expect.arrayContaining(['id', 'reference', 'person']),
    );
    const list = doc.paths['/cases']!.get!;
    expect(Object.keys(props(list.responses['200']!.content!['application/json']!.schema))).toEqual(
      expect.arrayContaining(['items', 'nextCursor', 'total']),
    );
    const query = list.parameters!.filter((p) => p.in === 'query').map((p) => p.name);
    expect(query).toEqual(
      expect.arrayContaining([
        'status',
        'traffickingStatus',
        'gender',
        'citizenship',
        'countryOfExploitation',
        'typeOfExploitation',
        'registeredFrom',
        'registeredTo',
        'ageMin',
        'ageMax',
        'reference',
        'limit',
        'cursor',
      ]),
    );
    expect(doc.paths['/cases/{id}']!.get!.parameters).toEqual(
      expect.arrayContaining([expect.objectContaining({ in: 'path', name: 'id' })]),
    );
  });

  it('serves the interactive documentation as HTML at /api/v1/docs/', async () => {
    const res = await t.request('GET', '/api/v1/docs/');
    expect(res.status).toBe(200);
    expect(String(res.headers['content-type'])).toMatch(/^text\/html/);
    expect(String(res.body)).toMatch(/swagger/i);
  });

  it('docs/openapi.json is the document the app serves (run `npm run openapi` after changing the API)', async () => {
    const committed = await readFile(OPENAPI_FILE, 'utf8').catch(() => '(missing)');
    const current = await renderOpenApi();
    // Compare the text: the file must be exactly what the script writes, not merely equivalent.
    expect(committed === current, 'docs/openapi.json is out of date: run `npm run openapi`').toBe(
      true,
    );
    expect(JSON.parse(committed)).toEqual(doc);
  });
});
