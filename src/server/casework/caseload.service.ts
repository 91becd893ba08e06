import type { ByStage, Caseload, TeamCaseload } from '../../shared/api/casework.schema.ts';
import { STAGES } from '../../shared/casework/lifecycle.ts';
import type { ServiceContext } from '../http/context.ts';
import type { StageCount } from './caseload.repo.ts';
import {
  countCasesByOwnerAndStage,
  countOpenTasksByAssignee,
  listCaseHandlers,
  listOwnedOpenCases,
} from './caseload.repo.ts';
import { findColleague } from './case-state.repo.ts';
import { todayOf } from './casework-support.ts';
import { presentTask } from './tasks.service.ts';
import { listAssignedTasks } from './tasks.repo.ts';

/** Open cases listed in one caseload (the counts by stage are always complete). */
const CASELOAD_LIMIT = 500;

const zeroByStage = (): ByStage =>
  Object.fromEntries(STAGES.map((s) => [s, 0])) as unknown as ByStage;

const openCount = (b: ByStage) => STAGES.reduce((n, s) => (s === 'closed' ? n : n + b[s]), 0);

/** The signed-in user's cases by stage, their open cases, and their open and overdue tasks. */
export async function myCaseload(ctx: ServiceContext): Promise<Caseload> {
  const me = ctx.actor.userId;
  const today = todayOf(ctx);
  const byStage = zeroByStage();
  for (const r of await countCasesByOwnerAndStage(ctx.tx, me)) byStage[r.stage] = r.n;
  const keys = await ctx.keys();
  const tasks = (await listAssignedTasks(ctx.tx, me, { status: 'open' })).map((r) =>
    presentTask(keys, today, r),
  );
  const user = await findColleague(ctx.tx, me);
  return {
    user: { id: me, displayName: user?.displayName ?? '' },
    today,
    byStage,
    cases: await listOwnedOpenCases(ctx.tx, me, today, CASELOAD_LIMIT),
    openTasks: tasks,
    overdueTasks: tasks.filter((t) => t.overdue),
  };
}

/**
 * Per caseworker and supervisor: open cases (by stage), open and overdue tasks. Open cases
 * with no owner, or whose owner can no longer hold cases (disabled, another role), count as
 * unassigned.
 */
export async function teamCaseload(ctx: ServiceContext): Promise<TeamCaseload> {
  const today = todayOf(ctx);
  const handlers = await listCaseHandlers(ctx.tx);
  const stages = new Map<string | null, ByStage>();
  const add = (r: StageCount) => {
    const b = stages.get(r.ownerId) ?? zeroByStage();
    b[r.stage] += r.n;
    stages.set(r.ownerId, b);
  };
  (await countCasesByOwnerAndStage(ctx.tx, null)).forEach(add);
  const tasks = new Map(
    (await countOpenTasksByAssignee(ctx.tx, today)).map((t) => [t.assigneeId, t]),
  );
  const active = new Set(handlers.map((h) => h.id));
  let unassigned = 0;
  for (const [owner, b] of stages)
    if (owner === null || !active.has(owner)) unassigned += openCount(b);
  return {
    today,
    items: handlers.map((h) => {
      const byStage = stages.get(h.id) ?? zeroByStage();
      return {
        user: h,
        openCases: openCount(byStage),
        byStage,
        openTasks: tasks.get(h.id)?.open ?? 0,
        overdueTasks: tasks.get(h.id)?.overdue ?? 0,
      };
    }),
    unassignedOpenCases: unassigned,
  };
}
