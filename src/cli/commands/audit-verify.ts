import { verifyAudit } from '../../server/audit/audit-verify.ts';
import type { Command } from '../command.ts';
import { COMMON_OPTIONS, parse, withRuntime } from '../runtime-args.ts';

export const auditVerifyCommand: Command = {
  path: ['audit', 'verify'],
  summary: 'Check the audit log hash chains; names the first broken entry',
  usage: 'audit verify [--data DIR] [--json]',
  async run(args, io) {
    const { values } = parse(args, COMMON_OPTIONS);
    const result = await withRuntime(values.data, (rt) => verifyAudit(rt.db));
    if (values.json) io.out(JSON.stringify(result));
    else if (result.ok)
      io.out(`Audit log intact: ${result.entries} entries in ${result.chains} chains.`);
    else {
      const b = result.firstBroken!;
      io.out(
        `Audit log BROKEN at entry ${b.seq} (chain ${b.chain}, position ${b.chainSeq}): ${b.reason}.`,
      );
    }
    return result.ok ? 0 : 1;
  },
};
