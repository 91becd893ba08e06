import type { z } from 'zod';
import type {
  Approval,
  ApprovalList,
  ApprovalRequestBody,
  ApprovalState,
  Caseload,
  CaseOwner,
  DecisionBody,
  Note,
  NoteCreateBody,
  NoteList,
  OwnerBody,
  Task,
  TaskCreateBody,
  TaskList,
  TaskUpdateBody,
  TeamCaseload,
  Timeline,
  Transition,
  TransitionBody,
} from '../../shared/api/casework.schema.ts';
import { request } from './client.ts';

// Request bodies as the client sends them (before the server trims and normalises text).
type In<T extends z.ZodType> = z.input<T>;

const c = (id: string) => `/cases/${encodeURIComponent(id)}`;

/** Typed calls of the casework API (docs/casework.md), for the case page and the caseload. */
export const caseworkApi = {
  move: (caseId: string, body: In<typeof TransitionBody>) =>
    request<Transition>('POST', `${c(caseId)}/transitions`, body),
  assign: (caseId: string, body: In<typeof OwnerBody>) =>
    request<CaseOwner>('PUT', `${c(caseId)}/owner`, body),
  timeline: (caseId: string) => request<Timeline>('GET', `${c(caseId)}/timeline`),

  requestApproval: (caseId: string, body: In<typeof ApprovalRequestBody>) =>
    request<Approval>('POST', `${c(caseId)}/approvals`, body),
  approvalsOfCase: (caseId: string) => request<ApprovalList>('GET', `${c(caseId)}/approvals`),
  approvals: (state: ApprovalState = 'pending') =>
    request<ApprovalList>('GET', `/approvals?state=${state}`),
  decide: (approvalId: string, body: In<typeof DecisionBody>) =>
    request<Approval>('POST', `/approvals/${encodeURIComponent(approvalId)}/decision`, body),

  addTask: (caseId: string, body: In<typeof TaskCreateBody>) =>
    request<Task>('POST', `${c(caseId)}/tasks`, body),
  tasksOfCase: (caseId: string) => request<TaskList>('GET', `${c(caseId)}/tasks`),
  updateTask: (taskId: string, body: In<typeof TaskUpdateBody>) =>
    request<Task>('PATCH', `/tasks/${encodeURIComponent(taskId)}`, body),
  myTasks: (q: { status?: 'open' | 'done' | 'all'; overdue?: boolean } = {}) => {
    const params = new URLSearchParams();
    if (q.status) params.set('status', q.status);
    if (q.overdue !== undefined) params.set('overdue', String(q.overdue));
    const query = params.toString();
    return request<TaskList>('GET', query ? `/tasks?${query}` : '/tasks');
  },
  overdueTasks: (assigneeId?: string) =>
    request<TaskList>(
      'GET',
      assigneeId ? `/tasks/overdue?assigneeId=${encodeURIComponent(assigneeId)}` : '/tasks/overdue',
    ),

  addNote: (caseId: string, body: In<typeof NoteCreateBody>) =>
    request<Note>('POST', `${c(caseId)}/notes`, body),
  notes: (caseId: string) => request<NoteList>('GET', `${c(caseId)}/notes`),

  caseload: () => request<Caseload>('GET', '/caseload'),
  teamCaseload: () => request<TeamCaseload>('GET', '/caseload/team'),
};
