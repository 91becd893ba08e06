import type { Tx } from '../db/database.ts';
import type { AuditEntry } from './audit-hash.ts';
import { GENESIS_HASH, auditHash, chainOf } from './audit-hash.ts';

export type AuditInput = Omit<AuditEntry, 'chain' | 'chainSeq'>;

/**
 * Appends one entry to its chain inside the caller's transaction. The chain head row is locked
 * (SELECT … FOR UPDATE), so concurrent writers of one organisation append one after another.
 */
export async function appendAudit(tx: Tx, input: AuditInput): Promise<void> {
  const chain = chainOf(input.orgId);
  await tx.query(
    'INSERT INTO audit_heads (chain, chain_seq, hash) VALUES ($1, 0, $2) ON CONFLICT (chain) DO NOTHING',
    [chain, GENESIS_HASH],
  );
  const [head] = await tx.query<{ chain_seq: number; hash: Uint8Array }>(
    'SELECT chain_seq, hash FROM audit_heads WHERE chain = $1 FOR UPDATE',
    [chain],
  );
  if (!head) throw new Error('audit chain head missing');
  const entry: AuditEntry = { ...input, chain, chainSeq: head.chain_seq + 1 };
  const hash = auditHash(head.hash, entry);
  await tx.query(
    `INSERT INTO audit_log (chain, chain_seq, org_id, actor_id, action, record_type, record_id,
                            fields, source_ip, at, prev_hash, hash)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
    [
      chain,
      entry.chainSeq,
      entry.orgId,
      entry.actorId,
      entry.action,
      entry.recordType,
      entry.recordId,
      entry.fields,
      entry.sourceIp,
      entry.at,
      head.hash,
      hash,
    ],
  );
  await tx.query('UPDATE audit_heads SET chain_seq = $2, hash = $3 WHERE chain = $1', [
    chain,
    entry.chainSeq,
    hash,
  ]);
}

export interface AuditRow extends AuditEntry {
  seq: number;
  prevHash: Uint8Array;
  hash: Uint8Array;
}

/** Reads a page of entries in append order (system scope: all chains). */
export async function readAuditPage(tx: Tx, afterSeq: number, limit: number): Promise<AuditRow[]> {
  const rows = await tx.query<{
    seq: number;
    chain: string;
    chain_seq: number;
    org_id: string | null;
    actor_id: string | null;
    action: string;
    record_type: string | null;
    record_id: string | null;
    fields: string[];
    source_ip: string | null;
    at: Date;
    prev_hash: Uint8Array;
    hash: Uint8Array;
  }>('SELECT * FROM audit_log WHERE seq > $1 ORDER BY seq LIMIT $2', [afterSeq, limit]);
  return rows.map((r) => ({
    seq: r.seq,
    chain: r.chain,
    chainSeq: r.chain_seq,
    orgId: r.org_id,
    actorId: r.actor_id,
    action: r.action,
    recordType: r.record_type,
    recordId: r.record_id,
    fields: r.fields,
    sourceIp: r.source_ip,
    at: r.at,
    prevHash: r.prev_hash,
    hash: r.hash,
  }));
}

export async function readAuditHeads(
  tx: Tx,
): Promise<Map<string, { chainSeq: number; hash: Uint8Array }>> {
  const rows = await tx.query<{ chain: string; chain_seq: number; hash: Uint8Array }>(
    'SELECT chain, chain_seq, hash FROM audit_heads',
  );
  return new Map(rows.map((r) => [r.chain, { chainSeq: r.chain_seq, hash: r.hash }]));
}
