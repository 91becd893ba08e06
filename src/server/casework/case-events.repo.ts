import type { TimelineData, TimelineKind } from '../../shared/api/casework.schema.ts';
import type { Tx } from '../db/database.ts';

export interface NewCaseEvent {
  id: string;
  orgId: string;
  caseId: string;
  kind: TimelineKind;
  actorId: string;
  at: Date;
  /** The transition, approval, task or note the event is about. */
  refId?: string | null;
  /** Codes and ids only: never free text (that is sealed, in `detail` or the referenced row). */
  data?: TimelineData;
  /** Sealed free text for events without a row of their own (an owner change's reason). */
  detail?: Buffer | null;
}

export async function insertCaseEvent(tx: Tx, e: NewCaseEvent): Promise<void> {
  await tx.query(
    `INSERT INTO case_events (id, org_id, case_id, kind, actor_id, at, ref_id, data, detail)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9)`,
    [
      e.id,
      e.orgId,
      e.caseId,
      e.kind,
      e.actorId,
      e.at,
      e.refId ?? null,
      JSON.stringify(e.data ?? {}),
      e.detail ?? null,
    ],
  );
}

export interface CaseEventRow {
  id: string;
  kind: TimelineKind;
  at: Date;
  refId: string | null;
  data: TimelineData;
  actorId: string | null;
  actorName: string | null;
  /** The sealed text that goes with the event, and which record it is sealed to. */
  sealed: Uint8Array | null;
  sealedIn: 'transition' | 'approval_reason' | 'approval_comment' | 'task' | 'event' | null;
}

const TASK_KINDS = "'task_created', 'task_updated', 'task_done', 'task_reopened'";

/**
 * A case's events in the order they happened, each with its sealed text: a transition's
 * reason, an approval's reason or decision comment, a task's title, or the event's own detail.
 * Notes' text is never joined here: reading notes is a separate, audited request.
 */
export async function listCaseEvents(tx: Tx, caseId: string): Promise<CaseEventRow[]> {
  return tx.query<CaseEventRow>(
    `SELECT e.id, e.kind, e.at, e.ref_id AS "refId", e.data, e.actor_id AS "actorId",
            u.display_name AS "actorName",
            CASE WHEN e.kind = 'stage_changed' THEN tr.reason
                 WHEN e.kind = 'approval_requested' THEN ap.reason
                 WHEN e.kind = 'approval_decided' THEN ap.comment
                 WHEN e.kind IN (${TASK_KINDS}) THEN tk.title
                 ELSE e.detail END AS sealed,
            CASE WHEN e.kind = 'stage_changed' THEN 'transition'
                 WHEN e.kind = 'approval_requested' THEN 'approval_reason'
                 WHEN e.kind = 'approval_decided' THEN 'approval_comment'
                 WHEN e.kind IN (${TASK_KINDS}) THEN 'task'
                 WHEN e.detail IS NOT NULL THEN 'event' END AS "sealedIn"
       FROM case_events e
       LEFT JOIN users u ON u.id = e.actor_id
       LEFT JOIN case_transitions tr ON e.kind = 'stage_changed' AND tr.id = e.ref_id
       LEFT JOIN case_approvals ap
              ON e.kind IN ('approval_requested', 'approval_decided') AND ap.id = e.ref_id
       LEFT JOIN tasks tk ON e.kind IN (${TASK_KINDS}) AND tk.id = e.ref_id
      WHERE e.case_id = $1
      ORDER BY e.at, e.seq`,
    [caseId],
  );
}
