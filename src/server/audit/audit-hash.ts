import { createHash } from 'node:crypto';

export interface AuditEntry {
  chain: string;
  chainSeq: number;
  orgId: string | null;
  actorId: string | null;
  action: string;
  recordType: string | null;
  recordId: string | null;
  fields: string[];
  sourceIp: string | null;
  at: Date;
}

export const GENESIS_HASH = Buffer.alloc(32);

/**
 * hash = SHA-256(prev_hash || UTF-8(JSON of the entry's fields in a fixed order)).
 * Any change to an entry, or a deletion or reordering, breaks every later hash.
 */
export function auditHash(prevHash: Uint8Array, e: AuditEntry): Buffer {
  const canonical = JSON.stringify([
    e.chain,
    e.chainSeq,
    e.orgId,
    e.actorId,
    e.action,
    e.recordType,
    e.recordId,
    e.fields,
    e.sourceIp,
    e.at.toISOString(),
  ]);
  return createHash('sha256').update(prevHash).update(canonical, 'utf8').digest();
}

/** The chain an organisation's entries go to; everything else goes to 'system'. */
export const chainOf = (orgId: string | null): string => (orgId ? `org:${orgId}` : 'system');
