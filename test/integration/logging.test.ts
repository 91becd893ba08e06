import { Writable } from 'node:stream';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REDACT_PATHS } from '../../src/server/logger.ts';
import type { TestSession } from '../support/test-app.ts';
import { TestLantern, caseBody } from '../support/test-app.ts';

// Personal data never reaches a log: not from request bodies, and not from a database error
// message that quotes the failing value.
describe('logs', () => {
  let t: TestLantern;
  let cw: TestSession;
  let lines: string[];

  beforeAll(async () => {
    lines = [];
    const sink = new Writable({
      write(chunk: Buffer, _enc, done) {
        lines.push(chunk.toString('utf8'));
        done();
      },
    });
    const logger = pino({ level: 'info', redact: { paths: REDACT_PATHS } }, sink);
    t = await TestLantern.start({ logger });
    cw = await t.signIn(await t.createOrg(), 'caseworker');
  });
  afterAll(() => t.close());

  it('a request is logged by method, route and status only', async () => {
    await t.createCase(cw, {
      person: { givenName: 'Selamawit', familyName: 'Tesfaye', gender: 'Feminine' },
    });
    const log = lines.join('');
    expect(log).toContain('"route":"/api/v1/cases"');
    expect(log).toContain('"status":201');
    expect(log).not.toContain('Selamawit');
    expect(log).not.toContain('Tesfaye');
  });

  it('a failing request logs the fault without the database message that quotes a value', async () => {
    await t.database.superuser(
      `CREATE FUNCTION fail_case() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN RAISE EXCEPTION 'rejected value %', NEW.reference || ' Selamawit'; END $$`,
    );
    await t.database.superuser(
      'CREATE TRIGGER fail_case BEFORE INSERT ON cases FOR EACH ROW EXECUTE FUNCTION fail_case()',
    );
    const res = await t.request('POST', '/api/v1/cases', { session: cw, body: caseBody() });
    expect(res.status).toBe(500);
    expect(JSON.stringify(res.body)).not.toContain('Selamawit');
    const log = lines.join('');
    expect(log).toContain('request failed');
    expect(log).not.toContain('rejected value');
    expect(log).not.toContain('Selamawit');
    await t.database.superuser('DROP TRIGGER fail_case ON cases');
  });
});
