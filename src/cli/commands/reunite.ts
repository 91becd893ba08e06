import { Uuid } from '../../shared/api/common.schema.ts';
import { SYSTEM } from '../../server/db/database.ts';
import { findOrganisation } from '../../server/organisations/organisations.repo.ts';
import { reindexMatchKeys } from '../../server/reunite/reindex.ts';
import type { Command } from '../command.ts';
import { UsageError } from '../command.ts';
import { COMMON_OPTIONS, parse, withRuntime } from '../runtime-args.ts';

/** `lantern reunite reindex`: rebuild the match keys of the candidate search (docs/reunite.md). */
export const reuniteReindexCommand: Command = {
  path: ['reunite', 'reindex'],
  summary:
    'Rebuild the match keys of the candidate search for every person (after upgrading); idempotent',
  usage: 'reunite reindex [--org ORG_ID] [--data DIR] [--json]',
  async run(args, io) {
    const { values } = parse(args, { ...COMMON_OPTIONS, org: { type: 'string' } });
    let orgId: string | undefined;
    if (values.org !== undefined) {
      const org = Uuid.safeParse(values.org);
      if (!org.success) throw new UsageError('--org must be an organisation id (UUID)');
      orgId = org.data;
    }
    const result = await withRuntime(values.data, async (rt) => {
      if (orgId) {
        const exists = await rt.db.transaction(SYSTEM, (tx) => findOrganisation(tx, orgId));
        if (!exists) throw new Error('no organisation with that id');
      }
      return reindexMatchKeys(rt.db, rt.keyring, orgId ? { orgId } : {});
    });
    io.out(
      values.json
        ? JSON.stringify(result)
        : `Rebuilt ${result.keys} match keys for ${result.persons} persons in ${result.organisations} organisation(s).`,
    );
    return 0;
  },
};
