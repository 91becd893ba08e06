import {
  CaseCreateBody,
  CaseDetail,
  CaseList,
  CaseListQuery,
  PersonLookupBody,
  PersonLookupResult,
} from '../../shared/api/cases.schema.ts';
import { IdParams } from '../../shared/api/common.schema.ts';
import type { SecuredDeps } from '../http/secured.ts';
import { secured } from '../http/secured.ts';
import type { ZodApp } from '../http/zod-app.ts';
import { responses } from '../http/zod-app.ts';
import { lookupPerson } from '../persons/persons.service.ts';
import { createCase, getCase, listOrgCases } from './cases.service.ts';

export function registerCaseRoutes(app: ZodApp, deps: SecuredDeps): void {
  const tags = ['cases'];
  app.get(
    '/cases',
    {
      schema: {
        tags,
        summary: "A page of the organisation's cases, newest first (no names)",
        querystring: CaseListQuery,
        response: responses({ 200: CaseList }),
      },
    },
    (req) => secured(deps, req, { action: 'case:list' }, (ctx) => listOrgCases(ctx, req.query)),
  );

  app.post(
    '/cases',
    {
      schema: {
        tags,
        summary: 'Register a person and open a case',
        body: CaseCreateBody,
        response: responses({ 201: CaseDetail }),
      },
    },
    async (req, reply) => {
      const created = await secured(deps, req, { action: 'case:create' }, (ctx) =>
        createCase(ctx, req.body),
      );
      return reply.code(201).send(created);
    },
  );

  app.get(
    '/cases/:id',
    {
      schema: {
        tags,
        summary: 'One case with the person’s identity (the read is audited)',
        params: IdParams,
        response: responses({ 200: CaseDetail }),
      },
    },
    (req) => secured(deps, req, { action: 'case:read' }, (ctx) => getCase(ctx, req.params.id)),
  );

  app.post(
    '/persons/lookup',
    {
      schema: {
        tags,
        summary: 'Find cases by a person’s exact name (and date of birth); names stay out of URLs',
        body: PersonLookupBody,
        response: responses({ 200: PersonLookupResult }),
      },
    },
    (req) =>
      secured(deps, req, { action: 'person:lookup' }, async (ctx) => ({
        items: await lookupPerson(ctx, req.body),
      })),
  );
}
