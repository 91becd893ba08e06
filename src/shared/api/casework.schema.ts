import { z } from 'zod';
import { TRAFFICKING_STATUSES } from '../codes/htcds.ts';
import {
  CLOSURE_REASONS,
  DETERMINATIONS,
  STAGES,
  type Stage as StageName,
} from '../casework/lifecycle.ts';
import { Role } from './auth.schema.ts';
import { CaseStage, CaseStatus, TraffickingStatus } from './cases.schema.ts';
import { Uuid } from './common.schema.ts';
import { isoDate, line, text } from './text.ts';

// Casework: lifecycle transitions, supervisor approvals, tasks, notes, assignment, caseload and
// the case timeline. Rules: docs/casework.md. Every free-text field here is sealed at rest.

const required = { message: 'is required' };
/** Why something is done: required, multi-line, sealed at rest. */
const Reason = text(2000).pipe(z.string().min(1, required));

export const UserRef = z.object({ id: Uuid, displayName: z.string() }).meta({ id: 'UserRef' });
export type UserRef = z.infer<typeof UserRef>;

/** `true`/`false` in a query string (a plain coercion would read "false" as true). */
const queryFlag = z.enum(['true', 'false']).transform((v) => v === 'true');

// ---- lifecycle ----

export const TransitionBody = z.strictObject({
  to: CaseStage,
  reason: Reason.meta({ description: 'Why the case moves; shown in the timeline' }),
});
export type TransitionBody = z.infer<typeof TransitionBody>;

export const TransitionKind = z.enum(['forward', 'back', 'reopen', 'close']);

export const Transition = z
  .object({
    id: Uuid,
    caseId: Uuid,
    from: CaseStage,
    to: CaseStage,
    kind: TransitionKind,
    reason: z.string(),
    actor: UserRef,
    at: z.iso.datetime(),
    approvalId: Uuid.nullable(),
    caseStatus: CaseStatus.meta({ description: 'cas_Status after the move' }),
  })
  .meta({ id: 'CaseTransition' });
export type Transition = z.infer<typeof Transition>;

export const OwnerBody = z.strictObject({
  ownerId: Uuid.meta({ description: 'A caseworker or supervisor of your organisation' }),
  reason: text(2000).optional(),
});
export type OwnerBody = z.infer<typeof OwnerBody>;

export const CaseOwner = z
  .object({ caseId: Uuid, owner: UserRef, previousOwner: UserRef.nullable() })
  .meta({ id: 'CaseOwner' });
export type CaseOwner = z.infer<typeof CaseOwner>;

// ---- approvals ----

export const APPROVAL_KINDS = ['victim_determination', 'closure'] as const;
export const ApprovalKind = z.enum(APPROVAL_KINDS);
export type ApprovalKind = z.infer<typeof ApprovalKind>;
export const APPROVAL_STATES = ['pending', 'approved', 'rejected'] as const;
export const ApprovalState = z.enum(APPROVAL_STATES);
export type ApprovalState = z.infer<typeof ApprovalState>;
export const ClosureReason = z.enum(CLOSURE_REASONS).meta({
  description: 'referred_elsewhere closes the case as ClosedReferred; every other reason as Closed',
});
export const Decision = z.enum(['approved', 'rejected']);

export const ApprovalRequestBody = z
  .discriminatedUnion('kind', [
    z.strictObject({
      kind: z.literal('victim_determination'),
      traffickingStatus: z.enum(DETERMINATIONS),
      reason: Reason,
    }),
    z.strictObject({ kind: z.literal('closure'), closureReason: ClosureReason, reason: Reason }),
  ])
  .meta({ id: 'ApprovalRequestBody' });
export type ApprovalRequestBody = z.infer<typeof ApprovalRequestBody>;

export const DecisionBody = z
  .strictObject({
    decision: Decision,
    comment: text(2000).optional().meta({ description: 'Required when rejecting' }),
  })
  .refine((b) => b.decision === 'approved' || !!b.comment, {
    path: ['comment'],
    message: 'is required when rejecting',
  });
export type DecisionBody = z.infer<typeof DecisionBody>;

export const Approval = z
  .object({
    id: Uuid,
    caseId: Uuid,
    caseReference: z.string(),
    kind: ApprovalKind,
    state: ApprovalState,
    traffickingStatus: z.enum(TRAFFICKING_STATUSES).nullable(),
    closureReason: ClosureReason.nullable(),
    reason: z.string(),
    requestedBy: UserRef,
    requestedAt: z.iso.datetime(),
    decidedBy: UserRef.nullable(),
    decidedAt: z.iso.datetime().nullable(),
    comment: z.string().nullable(),
  })
  .meta({ id: 'Approval' });
export type Approval = z.infer<typeof Approval>;

export const ApprovalList = z.object({ items: z.array(Approval) }).meta({ id: 'ApprovalList' });
export type ApprovalList = z.infer<typeof ApprovalList>;

export const ApprovalListQuery = z.strictObject({
  state: ApprovalState.default('pending'),
  limit: z.coerce.number().int().min(1).max(200).default(100),
});
export type ApprovalListQuery = z.infer<typeof ApprovalListQuery>;

// ---- tasks ----

export const TASK_STATUSES = ['open', 'done'] as const;
export const TaskStatus = z.enum(TASK_STATUSES);
export type TaskStatus = z.infer<typeof TaskStatus>;
const TaskTitle = line(200).pipe(z.string().min(1, required));

export const TaskCreateBody = z.strictObject({
  title: TaskTitle,
  dueDate: isoDate(),
  assigneeId: Uuid.optional().meta({ description: 'Defaults to you' }),
});
export type TaskCreateBody = z.infer<typeof TaskCreateBody>;

export const TaskUpdateBody = z
  .strictObject({
    title: TaskTitle.optional(),
    dueDate: isoDate().optional(),
    assigneeId: Uuid.optional(),
    status: TaskStatus.optional(),
  })
  .refine((b) => Object.values(b).some((v) => v !== undefined), {
    message: 'must change at least one field',
  });
export type TaskUpdateBody = z.infer<typeof TaskUpdateBody>;

export const Task = z
  .object({
    id: Uuid,
    caseId: Uuid,
    caseReference: z.string(),
    title: z.string(),
    dueDate: z.string(),
    status: TaskStatus,
    overdue: z.boolean().meta({ description: 'Open and due before today' }),
    assignee: UserRef,
    createdBy: UserRef,
    createdAt: z.iso.datetime(),
    doneAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'Task' });
export type Task = z.infer<typeof Task>;

export const TaskList = z.object({ items: z.array(Task) }).meta({ id: 'TaskList' });
export type TaskList = z.infer<typeof TaskList>;

export const MyTasksQuery = z.strictObject({
  status: z.enum(['open', 'done', 'all']).default('open'),
  overdue: queryFlag.optional().meta({ description: 'Only open tasks due before today' }),
});
export type MyTasksQuery = z.infer<typeof MyTasksQuery>;

export const OverdueTasksQuery = z.strictObject({ assigneeId: Uuid.optional() });
export type OverdueTasksQuery = z.infer<typeof OverdueTasksQuery>;

// ---- notes ----

export const NoteCreateBody = z.strictObject({
  text: text(10_000).pipe(z.string().min(1, required)),
});
export type NoteCreateBody = z.infer<typeof NoteCreateBody>;

export const Note = z
  .object({
    id: Uuid,
    caseId: Uuid,
    text: z.string(),
    author: UserRef,
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'CaseNote' });
export type Note = z.infer<typeof Note>;

export const NoteList = z.object({ items: z.array(Note) }).meta({ id: 'CaseNoteList' });
export type NoteList = z.infer<typeof NoteList>;

// ---- caseload ----

const ByStage = z
  .object(
    Object.fromEntries(STAGES.map((s) => [s, z.number().int()])) as Record<StageName, z.ZodNumber>,
  )
  .meta({ id: 'CasesByStage' });
export type ByStage = z.infer<typeof ByStage>;

export const CaseloadCase = z.object({
  id: Uuid,
  reference: z.string(),
  stage: CaseStage,
  status: CaseStatus,
  traffickingStatus: TraffickingStatus,
  registrationDate: z.string(),
  openTasks: z.number().int(),
  overdueTasks: z.number().int(),
});
export type CaseloadCase = z.infer<typeof CaseloadCase>;

export const Caseload = z
  .object({
    user: UserRef,
    today: z.string().meta({ description: 'The date overdue is measured against (UTC)' }),
    byStage: ByStage.meta({ description: 'Cases you own, by stage (closed included)' }),
    cases: z.array(CaseloadCase).meta({ description: 'Your open cases, by stage' }),
    openTasks: z.array(Task).meta({ description: 'Your open tasks, soonest due first' }),
    overdueTasks: z.array(Task),
  })
  .meta({ id: 'Caseload' });
export type Caseload = z.infer<typeof Caseload>;

export const TeamMemberLoad = z.object({
  user: UserRef.extend({ role: Role }),
  openCases: z.number().int(),
  byStage: ByStage,
  openTasks: z.number().int(),
  overdueTasks: z.number().int(),
});
export type TeamMemberLoad = z.infer<typeof TeamMemberLoad>;

export const TeamCaseload = z
  .object({
    today: z.string(),
    items: z.array(TeamMemberLoad),
    unassignedOpenCases: z.number().int(),
  })
  .meta({ id: 'TeamCaseload' });
export type TeamCaseload = z.infer<typeof TeamCaseload>;

// ---- timeline ----

export const TIMELINE_KINDS = [
  'case_opened',
  'stage_changed',
  'approval_requested',
  'approval_decided',
  'owner_changed',
  'note_added',
  'task_created',
  'task_updated',
  'task_done',
  'task_reopened',
  // Reunite (docs/duplicates.md): on both cases of a merge
  'case_merged',
] as const;
export const TimelineKind = z.enum(TIMELINE_KINDS);
export type TimelineKind = z.infer<typeof TimelineKind>;

/** Codes and ids an event carries; users it names are in the timeline's `users`. */
export const TimelineData = z.object({
  from: CaseStage.optional(),
  to: CaseStage.optional(),
  transitionKind: TransitionKind.optional(),
  approvalId: Uuid.optional(),
  approvalKind: ApprovalKind.optional(),
  decision: Decision.optional(),
  traffickingStatus: z.enum(TRAFFICKING_STATUSES).optional(),
  closureReason: ClosureReason.optional(),
  taskId: Uuid.optional(),
  dueDate: z.string().optional(),
  assigneeId: Uuid.optional(),
  noteId: Uuid.optional(),
  ownerId: Uuid.optional(),
  previousOwnerId: Uuid.nullable().optional(),
  // a merge: which case was kept, which was folded into it
  mergeId: Uuid.optional(),
  keptCaseId: Uuid.optional(),
  mergedCaseId: Uuid.optional(),
  mergedFrom: Uuid.optional(),
  keptReference: z.string().optional(),
  mergedReference: z.string().optional(),
});
export type TimelineData = z.infer<typeof TimelineData>;

export const TimelineEvent = z
  .object({
    id: z.string(),
    at: z.iso.datetime(),
    kind: TimelineKind,
    actor: UserRef.nullable(),
    text: z.string().nullable().meta({
      description: 'The reason, comment or task title; never a note’s text',
    }),
    data: TimelineData,
  })
  .meta({ id: 'TimelineEvent' });
export type TimelineEvent = z.infer<typeof TimelineEvent>;

export const Timeline = z
  .object({ items: z.array(TimelineEvent), users: z.array(UserRef) })
  .meta({ id: 'CaseTimeline' });
export type Timeline = z.infer<typeof Timeline>;
