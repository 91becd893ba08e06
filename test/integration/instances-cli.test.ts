import { randomUUID } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InstanceCard, Partner } from '../../src/shared/api/instances.schema.ts';
import { cardOf } from '../../src/server/instances/identity.ts';
import { generateInstanceSecrets } from '../../src/server/instances/package.ts';
import { runCli, scratchEnvironment } from '../support/cli.ts';

describe('lantern instance identity / partners add', () => {
  let env: Awaited<ReturnType<typeof scratchEnvironment>>;
  let org: string;
  const data = () => ['--data', env.dataDir];
  // Another mission's instance: only its card matters here.
  const other = cardOf({ ...generateInstanceSecrets(randomUUID()), name: 'Mission Nigeria' });

  beforeAll(async () => {
    env = await scratchEnvironment();
    org = (await runCli(['org', 'create', '--name', 'Mission Italy', ...data(), '--json'])).json<{
      id: string;
    }>().id;
  });
  afterAll(() => env.dispose());

  it('prints the card, created once and the same afterwards; --name renames', async () => {
    const first = await runCli(['instance', 'identity', ...data(), '--json']);
    expect(first.code, first.err).toBe(0);
    const card = first.json<InstanceCard>();
    expect(card).toMatchObject({ format: 'lantern-instance-card', version: 1, name: 'Lantern' });
    expect(card.fingerprint).toMatch(/^\d{5}( \d{5}){11}$/);
    const renamed = await runCli([
      'instance',
      'identity',
      '--name',
      'Mission Italy',
      ...data(),
      '--json',
    ]);
    expect(renamed.json<InstanceCard>()).toEqual({ ...card, name: 'Mission Italy' });
    const text = await runCli(['instance', 'identity', ...data()]);
    expect(text.out).toContain(`Fingerprint: ${card.fingerprint}`);
  });

  it('adds a partner only when the fingerprint read aloud matches its card', async () => {
    const file = join(env.dataDir, 'nigeria.card.json');
    await writeFile(file, JSON.stringify(other));
    const wrong = other.fingerprint.replace(/^\d/, (d) => String((Number(d) + 1) % 10));
    const refused = await runCli([
      'partners',
      'add',
      '--card',
      file,
      '--fingerprint',
      wrong,
      '--org',
      org,
      ...data(),
    ]);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('fingerprint does not match the card');
    const added = await runCli([
      'partners',
      'add',
      '--card',
      file,
      '--fingerprint',
      other.fingerprint,
      '--org',
      org,
      ...data(),
      '--json',
    ]);
    expect(added.code, added.err).toBe(0);
    expect(added.json<Partner>()).toMatchObject({
      name: 'Mission Nigeria',
      instanceId: other.instanceId,
      fingerprint: other.fingerprint,
      verifiedBy: null,
    });
    const again = await runCli([
      'partners',
      'add',
      '--card',
      file,
      '--fingerprint',
      other.fingerprint,
      '--org',
      org,
      ...data(),
    ]);
    expect(again.code).toBe(1);
    expect(again.err).toContain('already a partner');
  });

  it('refuses bad usage with exit code 2', async () => {
    const res = await runCli(['partners', 'add', '--fingerprint', '1', ...data()]);
    expect(res.code).toBe(2);
    expect(res.err).toContain('--org');
  });
});
