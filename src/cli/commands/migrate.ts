import type { Command } from '../command.ts';
import { COMMON_OPTIONS, parse } from '../runtime-args.ts';
import { loadConfig } from '../../server/config.ts';
import { migrate } from '../../server/db/migrate.ts';
import { openDatabase } from '../../server/db/open.ts';

export const migrateCommand: Command = {
  path: ['migrate'],
  summary: 'Apply pending database migrations',
  usage: 'migrate [--data DIR] [--json]',
  async run(args, io) {
    const { values } = parse(args, COMMON_OPTIONS);
    const config = loadConfig();
    const db = await openDatabase({
      databaseUrl: config.databaseUrl,
      dataDir: values.data ?? config.dataDir,
    });
    try {
      const applied = await migrate(db);
      io.out(
        values.json
          ? JSON.stringify({ applied })
          : applied.length
            ? `Applied: ${applied.join(', ')}`
            : 'The database is up to date.',
      );
      return 0;
    } finally {
      await db.close();
    }
  },
};
