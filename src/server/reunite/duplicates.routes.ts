import { IdParams } from '../../shared/api/common.schema.ts';
import {
  CaseMergeInfo,
  DuplicateCheckBody,
  DuplicateCheckResult,
  DuplicateDecisionBody,
  DuplicateList,
  DuplicateListQuery,
  DuplicatePair,
  DuplicatePairDetail,
  DuplicateScanBody,
  DuplicateScanResult,
  MergeBody,
  MergeResult,
} from '../../shared/api/duplicates.schema.ts';
import type { SecuredDeps } from '../http/secured.ts';
import { secured } from '../http/secured.ts';
import type { ZodApp } from '../http/zod-app.ts';
import { responses } from '../http/zod-app.ts';
import {
  checkDuplicates,
  decideDuplicate,
  getDuplicate,
  listDuplicates,
  scanDuplicates,
} from './duplicates.service.ts';
import { caseMergeInfo, mergePair } from './merge.service.ts';

/** Duplicates and merges (docs/duplicates.md). */
export function registerDuplicateRoutes(app: ZodApp, deps: SecuredDeps): void {
  const tags = ['duplicates'];

  app.post(
    '/cases/duplicates/check',
    {
      schema: {
        tags,
        summary:
          'Likely duplicates of a person before registering them (creates nothing; the search and each candidate shown are audited)',
        body: DuplicateCheckBody,
        response: responses({ 200: DuplicateCheckResult }),
      },
    },
    (req) =>
      secured(deps, req, { action: 'duplicate:check' }, (ctx) => checkDuplicates(ctx, req.body)),
  );

  app.post(
    '/duplicates/scan',
    {
      schema: {
        tags,
        summary: 'Scan the organisation for duplicate pairs (idempotent)',
        body: DuplicateScanBody,
        response: responses({ 200: DuplicateScanResult }),
      },
    },
    (req) =>
      secured(deps, req, { action: 'duplicate:review' }, (ctx) => scanDuplicates(ctx, req.body)),
  );

  app.get(
    '/duplicates',
    {
      schema: {
        tags,
        summary: 'Duplicate pairs, most likely first (case references, no names)',
        querystring: DuplicateListQuery,
        response: responses({ 200: DuplicateList }),
      },
    },
    (req) =>
      secured(deps, req, { action: 'duplicate:review' }, (ctx) => listDuplicates(ctx, req.query)),
  );

  app.get(
    '/duplicates/:id',
    {
      schema: {
        tags,
        summary: 'One pair with both records side by side (the read is audited)',
        params: IdParams,
        response: responses({ 200: DuplicatePairDetail }),
      },
    },
    (req) =>
      secured(deps, req, { action: 'duplicate:review' }, (ctx) => getDuplicate(ctx, req.params.id)),
  );

  app.post(
    '/duplicates/:id/decision',
    {
      schema: {
        tags,
        summary: 'Decide that the two cases are different people',
        params: IdParams,
        body: DuplicateDecisionBody,
        response: responses({ 200: DuplicatePair }),
      },
    },
    (req) =>
      secured(deps, req, { action: 'duplicate:review' }, (ctx) =>
        decideDuplicate(ctx, req.params.id, req.body),
      ),
  );

  app.post(
    '/duplicates/:id/merge',
    {
      schema: {
        tags,
        summary:
          'Merge the other case of the pair into the kept one, in one transaction, keeping history',
        params: IdParams,
        body: MergeBody,
        response: responses({ 200: MergeResult }),
      },
    },
    (req) =>
      secured(deps, req, { action: 'case:merge' }, (ctx) =>
        mergePair(ctx, req.params.id, req.body.keep),
      ),
  );

  app.get(
    '/cases/:id/merge',
    {
      schema: {
        tags,
        summary:
          'Where a merged case went (its tombstone’s pointer) and which cases were merged into it',
        params: IdParams,
        response: responses({ 200: CaseMergeInfo }),
      },
    },
    (req) =>
      secured(deps, req, { action: 'case:read' }, (ctx) => caseMergeInfo(ctx, req.params.id)),
  );
}
