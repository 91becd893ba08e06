import type { z } from 'zod';
import {
  Perpetrator,
  PerpetratorBody,
  PerpetratorList,
  PerpetratorParams,
  PerpetratorPatch,
  SECTION_BODY,
  SECTION_RESPONSE,
} from '../../shared/api/case-record.schema.ts';
import type { SectionContent } from '../../shared/api/case-record.schema.ts';
import { IdParams } from '../../shared/api/common.schema.ts';
import type { SensitiveSection } from '../../shared/policy/sensitive-sections.ts';
import { SECTION_ACTION, SECTION_SLUG } from '../../shared/policy/sensitive-sections.ts';
import type { SecuredDeps } from '../http/secured.ts';
import { secured } from '../http/secured.ts';
import type { ZodApp } from '../http/zod-app.ts';
import { responses } from '../http/zod-app.ts';
import { NoContent, tags } from './routes-common.ts';
import {
  createPerpetrator,
  getPerpetrators,
  patchPerpetrator,
  removePerpetrator,
} from './perpetrators.service.ts';
import { getSection, putSection } from './sensitive.service.ts';

/** GET and PUT /cases/{id}/sensitive/{section}: each section has its own grant (decisions/0004). */
function registerSection<S extends SensitiveSection>(app: ZodApp, deps: SecuredDeps, section: S) {
  const url = `/cases/:id/sensitive/${SECTION_SLUG[section]}`;
  const options = { action: SECTION_ACTION[section] };
  // Typed per section by the service; the route sees each schema as a plain zod type.
  const body: z.ZodType = SECTION_BODY[section];
  const response: z.ZodType = SECTION_RESPONSE[section];
  app.get(
    url,
    {
      schema: {
        tags,
        summary: `The ${section} section (granted roles only; the read is audited)`,
        params: IdParams,
        response: responses({ 200: response }),
      },
    },
    (req) => secured(deps, req, options, (ctx) => getSection(ctx, req.params.id, section)),
  );
  app.put(
    url,
    {
      schema: {
        tags,
        summary: `Replace the ${section} section (granted roles only)`,
        params: IdParams,
        body,
        response: responses({ 200: response }),
      },
    },
    (req) =>
      secured(deps, req, options, (ctx) =>
        putSection(ctx, req.params.id, section, req.body as SectionContent[S]),
      ),
  );
}

/** The sensitive sections and the perpetrators of a case. */
export function registerSensitiveRoutes(app: ZodApp, deps: SecuredDeps): void {
  registerSection(app, deps, 'health');
  registerSection(app, deps, 'sexualViolence');
  registerSection(app, deps, 'criminalJustice');

  const perpetrators = { action: SECTION_ACTION.perpetrators };
  app.get(
    '/cases/:id/perpetrators',
    {
      schema: {
        tags,
        summary: 'Perpetrators and their roles (granted roles only; the read is audited)',
        params: IdParams,
        response: responses({ 200: PerpetratorList }),
      },
    },
    (req) => secured(deps, req, perpetrators, (ctx) => getPerpetrators(ctx, req.params.id)),
  );

  app.post(
    '/cases/:id/perpetrators',
    {
      schema: {
        tags,
        summary: 'Add a perpetrator',
        params: IdParams,
        body: PerpetratorBody,
        response: responses({ 201: Perpetrator }),
      },
    },
    async (req, reply) =>
      reply
        .code(201)
        .send(
          await secured(deps, req, perpetrators, (ctx) =>
            createPerpetrator(ctx, req.params.id, req.body),
          ),
        ),
  );

  app.patch(
    '/cases/:id/perpetrators/:perpetratorId',
    {
      schema: {
        tags,
        summary: 'Change a perpetrator',
        params: PerpetratorParams,
        body: PerpetratorPatch,
        response: responses({ 200: Perpetrator }),
      },
    },
    (req) =>
      secured(deps, req, perpetrators, (ctx) =>
        patchPerpetrator(ctx, req.params.id, req.params.perpetratorId, req.body),
      ),
  );

  app.delete(
    '/cases/:id/perpetrators/:perpetratorId',
    {
      schema: {
        tags,
        summary: 'Remove a perpetrator entered by mistake',
        params: PerpetratorParams,
        response: responses({ 204: NoContent }),
      },
    },
    async (req, reply) => {
      await secured(deps, req, perpetrators, (ctx) =>
        removePerpetrator(ctx, req.params.id, req.params.perpetratorId),
      );
      return reply.code(204).send();
    },
  );
}
