import { IdParams } from '../../shared/api/common.schema.ts';
import {
  Organisation,
  OrganisationUpdateBody,
  PasswordReset,
  User,
  UserCreateBody,
  UserCreated,
  UserList,
  UserUpdateBody,
} from '../../shared/api/users.schema.ts';
import type { SecuredDeps } from '../http/secured.ts';
import { secured } from '../http/secured.ts';
import type { ZodApp } from '../http/zod-app.ts';
import { responses } from '../http/zod-app.ts';
import {
  getOwnOrganisation,
  updateOwnOrganisation,
} from '../organisations/organisations.service.ts';
import {
  createOrgUser,
  listOrgUsers,
  resetOrgUserPassword,
  updateOrgUser,
} from './users.service.ts';

export function registerUserRoutes(app: ZodApp, deps: SecuredDeps): void {
  const tags = ['users'];
  app.get(
    '/users',
    {
      schema: { tags, summary: "The organisation's users", response: responses({ 200: UserList }) },
    },
    (req) =>
      secured(deps, req, { action: 'user:list' }, async (ctx) => ({
        items: await listOrgUsers(ctx),
      })),
  );

  app.post(
    '/users',
    {
      schema: {
        tags,
        summary: 'Create a user; answers a one-time password, shown once',
        body: UserCreateBody,
        response: responses({ 201: UserCreated }),
      },
    },
    async (req, reply) => {
      const created = await secured(deps, req, { action: 'user:create' }, (ctx) =>
        createOrgUser(ctx, req.body),
      );
      return reply.code(201).send(created);
    },
  );

  app.patch(
    '/users/:id',
    {
      schema: {
        tags,
        summary: 'Change a user’s name or role, or disable the account',
        params: IdParams,
        body: UserUpdateBody,
        response: responses({ 200: User }),
      },
    },
    (req) =>
      secured(deps, req, { action: 'user:update' }, (ctx) =>
        updateOrgUser(ctx, req.params.id, req.body),
      ),
  );

  app.post(
    '/users/:id/reset-password',
    {
      schema: {
        tags,
        summary: 'Replace a user’s password with a one-time password and sign them out',
        params: IdParams,
        response: responses({ 200: PasswordReset }),
      },
    },
    (req) =>
      secured(deps, req, { action: 'user:update' }, (ctx) =>
        resetOrgUserPassword(ctx, req.params.id),
      ),
  );

  app.get(
    '/organisation',
    {
      schema: {
        tags: ['organisation'],
        summary: 'Your organisation',
        response: responses({ 200: Organisation }),
      },
    },
    (req) => secured(deps, req, { action: 'organisation:read' }, getOwnOrganisation),
  );

  app.patch(
    '/organisation',
    {
      schema: {
        tags: ['organisation'],
        summary: 'Change your organisation’s name or require two-factor sign-in',
        body: OrganisationUpdateBody,
        response: responses({ 200: Organisation }),
      },
    },
    (req) =>
      secured(deps, req, { action: 'organisation:update' }, (ctx) =>
        updateOwnOrganisation(ctx, req.body),
      ),
  );
}
