import type { SensitiveSection } from '../../shared/policy/sensitive-sections.ts';
import type { Tx } from '../db/database.ts';

export interface SensitiveRow {
  section: SensitiveSection;
  /** The section's content, sealed as a whole. */
  content: Uint8Array;
  updatedAt: Date;
  updatedById: string | null;
  updatedByName: string | null;
}

/** The stored sections of a case among `sections` (only those the reader is granted). */
export const listSections = (
  tx: Tx,
  caseId: string,
  sections: readonly SensitiveSection[],
): Promise<SensitiveRow[]> =>
  tx.query<SensitiveRow>(
    `SELECT s.section, s.content, s.updated_at AS "updatedAt", u.id AS "updatedById",
            u.display_name AS "updatedByName"
       FROM case_sensitive s LEFT JOIN users u ON u.id = s.updated_by
      WHERE s.case_id = $1 AND s.section = ANY($2::text[])`,
    [caseId, sections],
  );

export async function saveSection(
  tx: Tx,
  s: {
    caseId: string;
    orgId: string;
    section: SensitiveSection;
    content: Buffer;
    userId: string;
    now: Date;
  },
): Promise<void> {
  await tx.query(
    `INSERT INTO case_sensitive (case_id, section, org_id, content, updated_by, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (case_id, section) DO UPDATE SET content = EXCLUDED.content,
       updated_by = EXCLUDED.updated_by, updated_at = EXCLUDED.updated_at`,
    [s.caseId, s.section, s.orgId, s.content, s.userId, s.now],
  );
}
