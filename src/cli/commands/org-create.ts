import { SYSTEM } from '../../server/db/database.ts';
import { provisionOrganisation } from '../../server/organisations/organisations.service.ts';
import { systemClock } from '../../server/shared/clock.ts';
import { line } from '../../shared/api/text.ts';
import type { Command } from '../command.ts';
import { UsageError } from '../command.ts';
import { COMMON_OPTIONS, parse, withRuntime } from '../runtime-args.ts';

export const orgCreateCommand: Command = {
  path: ['org', 'create'],
  summary: 'Create an organisation (a tenant with its own data key)',
  usage: 'org create --name NAME [--data DIR] [--json]',
  async run(args, io) {
    const { values } = parse(args, { ...COMMON_OPTIONS, name: { type: 'string' } });
    const name = line(200).safeParse(values.name ?? '');
    if (!name.success || name.data === '')
      throw new UsageError('--name is required (1–200 characters)');
    const { id } = await withRuntime(values.data, (rt) =>
      rt.db.transaction(SYSTEM, (tx) =>
        provisionOrganisation(tx, { keyring: rt.keyring, clock: systemClock }, name.data),
      ),
    );
    io.out(values.json ? JSON.stringify({ id }) : `Created organisation ${id}`);
    return 0;
  },
};
