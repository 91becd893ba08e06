import { Uuid } from '../../shared/api/common.schema.ts';
import { demoCases } from '../../shared/demo/generate-cases.ts';
import { demoDirectoryCsv } from '../../shared/demo/generate-directory.ts';
import { seedCases } from '../../server/demo/seed-cases.ts';
import { SYSTEM } from '../../server/db/database.ts';
import { importDirectory } from '../../server/directory/directory-exchange.ts';
import { withSystemExchange } from '../../server/exchange/exchange-context.ts';
import { findOrganisation } from '../../server/organisations/organisations.repo.ts';
import type { Command } from '../command.ts';
import { UsageError } from '../command.ts';
import { COMMON_OPTIONS, parse, withRuntime } from '../runtime-args.ts';

const wholeNumber = (v: string | undefined, fallback: number, flag: string, max: number) => {
  if (v === undefined) return fallback;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0 || n > max) {
    throw new UsageError(`${flag} must be a whole number from 0 to ${max}`);
  }
  return n;
};

export const demoSeedCommand: Command = {
  path: ['demo', 'seed'],
  summary:
    'Add realistic synthetic cases and service directory listings (deterministic with --seed) to an organisation',
  usage:
    'demo seed --org ORG_ID [--count N] [--services N] [--seed S] [--today YYYY-MM-DD] [--data DIR] [--json]',
  async run(args, io) {
    const { values } = parse(args, {
      ...COMMON_OPTIONS,
      org: { type: 'string' },
      count: { type: 'string' },
      services: { type: 'string' },
      seed: { type: 'string' },
      today: { type: 'string' },
    });
    const org = Uuid.safeParse(values.org);
    if (!org.success) throw new UsageError('--org must be an organisation id (UUID)');
    const count = wholeNumber(values.count, 200, '--count', 10_000_000);
    // Listings the organisation receives itself, so that a one-organisation demo shows both the
    // sender's and the provider's side of a referral.
    const services = wholeNumber(values.services, 0, '--services', 5_000);
    const seed = wholeNumber(values.seed, 1, '--seed', 2 ** 31 - 1);
    const today = values.today ?? new Date().toISOString().slice(0, 10);
    const cases = demoCases({ seed, count, today });
    const result = await withRuntime(values.data, async (rt) => {
      const exists = await rt.db.transaction(SYSTEM, (tx) => findOrganisation(tx, org.data));
      if (!exists) throw new Error('no organisation with that id');
      const seeded = await seedCases(rt.db, rt.keyring, { orgId: org.data, userId: null, cases });
      if (services === 0) return { ...seeded, services: 0 };
      const csv = Buffer.from(demoDirectoryCsv({ seed, services, receiver: 'mixed' }), 'utf8');
      const listed = await withSystemExchange(rt.db, rt.keyring, org.data, (ctx) =>
        importDirectory(ctx, csv),
      );
      return { ...seeded, services: listed.imported };
    });
    io.out(
      values.json
        ? JSON.stringify({ seeded: result.cases, seed, ...result })
        : `Seeded ${result.cases} synthetic cases (${result.firstReference} … ${result.lastReference})` +
            (result.services > 0 ? ` and ${result.services} directory listings.` : '.'),
    );
    return 0;
  },
};
