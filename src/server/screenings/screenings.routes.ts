import { IdParams } from '../../shared/api/common.schema.ts';
import {
  InstrumentDefinition,
  InstrumentList,
  InstrumentParams,
  ScreeningAnswerBody,
  ScreeningCompleteBody,
  ScreeningCreateBody,
  ScreeningDetail,
  ScreeningList,
  ScreeningParams,
} from '../../shared/api/screenings.schema.ts';
import type { Instrument } from '../../shared/screening/index.ts';
import { getInstrument, ScreeningError } from '../../shared/screening/index.ts';
import { AppError } from '../http/app-error.ts';
import type { SecuredDeps } from '../http/secured.ts';
import { secured } from '../http/secured.ts';
import type { ZodApp } from '../http/zod-app.ts';
import { responses } from '../http/zod-app.ts';
import { instrumentDefinition, instrumentSummaries } from './instrument-definition.ts';
import {
  answerScreening,
  completeCaseScreening,
  getScreening,
  listCaseScreenings,
  startScreening,
} from './screenings.service.ts';

function findInstrument(id: string, version: string): Instrument {
  try {
    return getInstrument(id, version);
  } catch (e) {
    if (e instanceof ScreeningError) throw AppError.notFound('instrument version');
    throw e;
  }
}

export function registerScreeningRoutes(app: ZodApp, deps: SecuredDeps): void {
  const tags = ['screenings'];
  app.get(
    '/instruments',
    {
      schema: {
        tags,
        summary: 'The screening instruments and their versions, titled in every language',
        response: responses({ 200: InstrumentList }),
      },
    },
    (req) =>
      secured(deps, req, { action: 'instrument:read' }, () =>
        Promise.resolve({ items: instrumentSummaries() }),
      ),
  );

  app.get(
    '/instruments/:instrumentId/:version',
    {
      schema: {
        tags,
        summary: 'One instrument version in full: questions, options, translations, skip logic',
        params: InstrumentParams,
        response: responses({ 200: InstrumentDefinition }),
      },
    },
    (req) =>
      secured(deps, req, { action: 'instrument:read' }, () =>
        Promise.resolve(
          instrumentDefinition(findInstrument(req.params.instrumentId, req.params.version)),
        ),
      ),
  );

  app.get(
    '/cases/:id/screenings',
    {
      schema: {
        tags,
        summary: 'A case’s screenings, newest first (no answers)',
        params: IdParams,
        response: responses({ 200: ScreeningList }),
      },
    },
    (req) =>
      secured(deps, req, { action: 'screening:read' }, (ctx) =>
        listCaseScreenings(ctx, req.params.id),
      ),
  );

  app.post(
    '/cases/:id/screenings',
    {
      schema: {
        tags,
        summary:
          'Start a draft screening of the case with an instrument (latest version by default)',
        params: IdParams,
        body: ScreeningCreateBody,
        response: responses({ 201: ScreeningDetail }),
      },
    },
    async (req, reply) => {
      const created = await secured(deps, req, { action: 'screening:write' }, (ctx) =>
        startScreening(ctx, req.params.id, req.body),
      );
      return reply.code(201).send(created);
    },
  );

  app.get(
    '/cases/:id/screenings/:sid',
    {
      schema: {
        tags,
        summary:
          'One screening: its answers and, once completed, its result recomputed from them (the read is audited)',
        params: ScreeningParams,
        response: responses({ 200: ScreeningDetail }),
      },
    },
    (req) =>
      secured(deps, req, { action: 'screening:read' }, (ctx) =>
        getScreening(ctx, req.params.id, req.params.sid),
      ),
  );

  app.patch(
    '/cases/:id/screenings/:sid',
    {
      schema: {
        tags,
        summary:
          'Save answers to a draft, merged key by key and validated against its instrument version',
        params: ScreeningParams,
        body: ScreeningAnswerBody,
        response: responses({ 200: ScreeningDetail }),
      },
    },
    (req) =>
      secured(deps, req, { action: 'screening:write' }, (ctx) =>
        answerScreening(ctx, req.params.id, req.params.sid, req.body),
      ),
  );

  app.post(
    '/cases/:id/screenings/:sid/complete',
    {
      schema: {
        tags,
        summary: 'Complete a draft: score its answers and store the determination',
        params: ScreeningParams,
        body: ScreeningCompleteBody.nullish().meta({
          description: 'May be omitted: the screening is then completed with the answers saved',
        }),
        response: responses({ 200: ScreeningDetail }),
      },
    },
    (req) =>
      secured(deps, req, { action: 'screening:write' }, (ctx) =>
        completeCaseScreening(ctx, req.params.id, req.params.sid, req.body ?? {}),
      ),
  );
}
