import {
  MyTasksQuery,
  OverdueTasksQuery,
  Task,
  TaskCreateBody,
  TaskList,
  TaskUpdateBody,
} from '../../shared/api/casework.schema.ts';
import { IdParams } from '../../shared/api/common.schema.ts';
import type { SecuredDeps } from '../http/secured.ts';
import { secured } from '../http/secured.ts';
import type { ZodApp } from '../http/zod-app.ts';
import { responses } from '../http/zod-app.ts';
import { createTask, myTasks, overdueTasks, tasksOfCase, updateTask } from './tasks.service.ts';

/** Tasks with due dates, per case and per assignee, and the overdue lists. */
export function registerTaskRoutes(app: ZodApp, deps: SecuredDeps): void {
  const tags = ['casework'];
  app.post(
    '/cases/:id/tasks',
    {
      schema: {
        tags,
        summary: 'Add a task with a due date to an open case',
        params: IdParams,
        body: TaskCreateBody,
        response: responses({ 201: Task }),
      },
    },
    async (req, reply) => {
      const created = await secured(deps, req, { action: 'task:write' }, (ctx) =>
        createTask(ctx, req.params.id, req.body),
      );
      return reply.code(201).send(created);
    },
  );

  app.get(
    '/cases/:id/tasks',
    {
      schema: {
        tags,
        summary: 'The tasks of a case: open ones first, soonest due first',
        params: IdParams,
        response: responses({ 200: TaskList }),
      },
    },
    (req) => secured(deps, req, { action: 'task:read' }, (ctx) => tasksOfCase(ctx, req.params.id)),
  );

  app.patch(
    '/tasks/:id',
    {
      schema: {
        tags,
        summary: 'Change a task, or mark it done or open again',
        params: IdParams,
        body: TaskUpdateBody,
        response: responses({ 200: Task }),
      },
    },
    (req) =>
      secured(deps, req, { action: 'task:write' }, (ctx) =>
        updateTask(ctx, req.params.id, req.body),
      ),
  );

  app.get(
    '/tasks',
    {
      schema: {
        tags,
        summary: 'Your tasks (open by default)',
        querystring: MyTasksQuery,
        response: responses({ 200: TaskList }),
      },
    },
    (req) => secured(deps, req, { action: 'task:read' }, (ctx) => myTasks(ctx, req.query)),
  );

  app.get(
    '/tasks/overdue',
    {
      schema: {
        tags,
        summary: "The organisation's overdue tasks, or one assignee's (supervisors)",
        querystring: OverdueTasksQuery,
        response: responses({ 200: TaskList }),
      },
    },
    (req) =>
      secured(deps, req, { action: 'task:read-team' }, (ctx) => overdueTasks(ctx, req.query)),
  );
}
