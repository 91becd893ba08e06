import type { Database } from '../db/database.ts';
import { SYSTEM } from '../db/database.ts';
import { GENESIS_HASH, auditHash } from './audit-hash.ts';
import { readAuditHeads, readAuditPage } from './audit.repo.ts';

export interface AuditVerification {
  ok: boolean;
  entries: number;
  chains: number;
  /** The first entry (global sequence number) whose hash or link does not hold. */
  firstBroken?: { seq: number; chain: string; chainSeq: number; reason: string };
}

const PAGE = 5_000;

/**
 * Recomputes every chain from its genesis: each entry must follow its predecessor
 * (chain_seq + 1, prev_hash = previous hash) and hash to its stored hash; each chain must end
 * at its recorded head (a deleted tail shows up there).
 */
export async function verifyAudit(db: Database): Promise<AuditVerification> {
  return db.transaction(SYSTEM, async (tx) => {
    const last = new Map<string, { chainSeq: number; hash: Uint8Array }>();
    let entries = 0;
    let after = 0;
    for (;;) {
      const page = await readAuditPage(tx, after, PAGE);
      for (const row of page) {
        entries++;
        const prev = last.get(row.chain) ?? { chainSeq: 0, hash: GENESIS_HASH };
        const broken = (reason: string): AuditVerification => ({
          ok: false,
          entries,
          chains: last.size,
          firstBroken: { seq: row.seq, chain: row.chain, chainSeq: row.chainSeq, reason },
        });
        if (row.chainSeq !== prev.chainSeq + 1) return broken('an entry before it is missing');
        if (!Buffer.from(row.prevHash).equals(Buffer.from(prev.hash))) {
          return broken('it does not link to the entry before it');
        }
        if (!auditHash(row.prevHash, row).equals(Buffer.from(row.hash))) {
          return broken('its content was changed');
        }
        last.set(row.chain, { chainSeq: row.chainSeq, hash: row.hash });
      }
      if (page.length < PAGE) break;
      after = page[page.length - 1]!.seq;
    }
    for (const [chain, head] of await readAuditHeads(tx)) {
      const end = last.get(chain) ?? { chainSeq: 0, hash: GENESIS_HASH };
      if (end.chainSeq !== head.chainSeq || !Buffer.from(end.hash).equals(Buffer.from(head.hash))) {
        return {
          ok: false,
          entries,
          chains: last.size,
          firstBroken: {
            seq: -1,
            chain,
            chainSeq: end.chainSeq + 1,
            reason: `the chain ends at entry ${end.chainSeq} but its head records ${head.chainSeq}: entries were deleted`,
          },
        };
      }
    }
    return { ok: true, entries, chains: last.size };
  });
}
