import { IdParams } from '../../shared/api/common.schema.ts';
import {
  ConsentGrantBody,
  ConsentOverview,
  ConsentRecord,
  ConsentWithdrawBody,
} from '../../shared/api/consent.schema.ts';
import type { SecuredDeps } from '../http/secured.ts';
import { secured } from '../http/secured.ts';
import type { ZodApp } from '../http/zod-app.ts';
import { responses } from '../http/zod-app.ts';
import { getConsents, grantConsent, withdrawConsent } from './consent.service.ts';

export function registerConsentRoutes(app: ZodApp, deps: SecuredDeps): void {
  const tags = ['consent'];
  app.get(
    '/cases/:id/consents',
    {
      schema: {
        tags,
        summary: 'A case’s consent history and today’s answer per purpose (the read is audited)',
        params: IdParams,
        response: responses({ 200: ConsentOverview }),
      },
    },
    (req) =>
      secured(deps, req, { action: 'consent:read' }, (ctx) => getConsents(ctx, req.params.id)),
  );

  app.post(
    '/cases/:id/consents',
    {
      schema: {
        tags,
        summary: 'Record consent for one purpose (referral: one service type, or all)',
        params: IdParams,
        body: ConsentGrantBody,
        response: responses({ 201: ConsentRecord }),
      },
    },
    async (req, reply) => {
      const created = await secured(deps, req, { action: 'consent:record' }, (ctx) =>
        grantConsent(ctx, req.params.id, req.body),
      );
      return reply.code(201).send(created);
    },
  );

  app.post(
    '/cases/:id/consents/withdraw',
    {
      schema: {
        tags,
        summary: 'Record the withdrawal (or refusal) of consent for one purpose, at any time',
        params: IdParams,
        body: ConsentWithdrawBody,
        response: responses({ 201: ConsentRecord }),
      },
    },
    async (req, reply) => {
      const created = await secured(deps, req, { action: 'consent:record' }, (ctx) =>
        withdrawConsent(ctx, req.params.id, req.body),
      );
      return reply.code(201).send(created);
    },
  );
}
