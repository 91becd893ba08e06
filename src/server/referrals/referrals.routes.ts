import { z } from 'zod';
import { IdParams } from '../../shared/api/common.schema.ts';
import {
  CompleteBody,
  DeclineBody,
  InboxDetail,
  InboxList,
  InboxQuery,
  MessageBody,
  ReferralCreateBody,
  ReferralDetail,
  ReferralEvent,
  ReferralList,
  ReferralListQuery,
  ReferralPatchBody,
  VersionBody,
  WithdrawBody,
} from '../../shared/api/referrals.schema.ts';
import type { SecuredDeps } from '../http/secured.ts';
import { secured } from '../http/secured.ts';
import type { ZodApp } from '../http/zod-app.ts';
import { responses } from '../http/zod-app.ts';
import {
  createReferral,
  inboxView,
  listInbox,
  listSent,
  recordMessage,
  recordTransition,
  senderView,
  updateDraft,
  viewAfter,
} from './referrals.service.ts';

/** After an answer: the provider's view, or the sender's when it recorded an external provider's. */
const AnswerView = z.union([ReferralDetail, InboxDetail]);

export function registerReferralRoutes(app: ZodApp, deps: SecuredDeps): void {
  const tags = ['referrals'];

  // --- the sender's side ---------------------------------------------------------------------
  app.get(
    '/referrals',
    {
      schema: {
        tags,
        summary: "The organisation's referrals, newest first (no personal data)",
        querystring: ReferralListQuery,
        response: responses({ 200: ReferralList }),
      },
    },
    (req) => secured(deps, req, { action: 'referral:read' }, (ctx) => listSent(ctx, req.query)),
  );

  app.post(
    '/referrals',
    {
      schema: {
        tags,
        summary: 'Create a draft referral of a case to a service (nothing is disclosed yet)',
        body: ReferralCreateBody,
        response: responses({ 201: ReferralDetail }),
      },
    },
    async (req, reply) => {
      const created = await secured(deps, req, { action: 'referral:write' }, (ctx) =>
        createReferral(ctx, req.body),
      );
      return reply.code(201).send(created);
    },
  );

  // --- the receiver's side (static paths before /referrals/:id) ------------------------------
  app.get(
    '/referrals/inbox',
    {
      schema: {
        tags,
        summary: 'Referrals addressed to your organisation, newest first (never a case)',
        querystring: InboxQuery,
        response: responses({ 200: InboxList }),
      },
    },
    (req) => secured(deps, req, { action: 'referral:inbox' }, (ctx) => listInbox(ctx, req.query)),
  );

  app.get(
    '/referrals/inbox/:id',
    {
      schema: {
        tags,
        summary: 'A referral addressed to you: its snapshot and history, never the case (audited)',
        params: IdParams,
        response: responses({ 200: InboxDetail }),
      },
    },
    (req) =>
      secured(deps, req, { action: 'referral:inbox' }, (ctx) => inboxView(ctx, req.params.id)),
  );

  app.get(
    '/referrals/:id',
    {
      schema: {
        tags,
        summary: 'One of your referrals with its snapshot and whole history (audited)',
        params: IdParams,
        response: responses({ 200: ReferralDetail }),
      },
    },
    (req) =>
      secured(deps, req, { action: 'referral:read' }, (ctx) => senderView(ctx, req.params.id)),
  );

  app.patch(
    '/referrals/:id',
    {
      schema: {
        tags,
        summary: 'Change a draft: service, urgency, fields, stated values, message',
        params: IdParams,
        body: ReferralPatchBody,
        response: responses({ 200: ReferralDetail }),
      },
    },
    (req) =>
      secured(deps, req, { action: 'referral:write' }, (ctx) =>
        updateDraft(ctx, req.params.id, req.body),
      ),
  );

  app.post(
    '/referrals/:id/send',
    {
      schema: {
        tags,
        summary:
          'Send a draft: needs consent for referral to the service type (403 consent_required); snapshots the chosen fields',
        params: IdParams,
        body: VersionBody,
        response: responses({ 200: ReferralDetail }),
      },
    },
    (req) =>
      secured(deps, req, { action: 'referral:write' }, async (ctx) => {
        const r = await recordTransition(ctx, req.params.id, 'send', req.body);
        return senderView(ctx, r.id, { warnings: r.warnings });
      }),
  );

  app.post(
    '/referrals/:id/withdraw',
    {
      schema: {
        tags,
        summary: 'Withdraw a referral (draft, sent, accepted, in progress); its snapshot is erased',
        params: IdParams,
        body: WithdrawBody,
        response: responses({ 200: ReferralDetail }),
      },
    },
    (req) =>
      secured(deps, req, { action: 'referral:write' }, async (ctx) => {
        const r = await recordTransition(ctx, req.params.id, 'withdraw', req.body);
        return senderView(ctx, r.id);
      }),
  );

  // --- answers: the provider (referral:inbox), or the sender for an external provider
  // (referral:write); the service decides which from the referral (recordTransition).
  const answer = (path: 'accept' | 'start', summary: string) =>
    app.post(
      `/referrals/:id/${path}`,
      {
        schema: {
          tags,
          summary,
          params: IdParams,
          body: VersionBody,
          response: responses({ 200: AnswerView }),
        },
      },
      (req) =>
        secured(deps, req, {}, async (ctx) =>
          viewAfter(ctx, await recordTransition(ctx, req.params.id, path, req.body)),
        ),
    );
  answer('accept', 'Accept a sent referral (the provider, or the sender for an external one)');
  answer('start', 'Record that the service has started');

  app.post(
    '/referrals/:id/decline',
    {
      schema: {
        tags,
        summary: 'Decline a sent referral, with a reason code',
        params: IdParams,
        body: DeclineBody,
        response: responses({ 200: AnswerView }),
      },
    },
    (req) =>
      secured(deps, req, {}, async (ctx) =>
        viewAfter(ctx, await recordTransition(ctx, req.params.id, 'decline', req.body)),
      ),
  );

  app.post(
    '/referrals/:id/complete',
    {
      schema: {
        tags,
        summary: 'Complete an accepted or started referral, with an outcome code',
        params: IdParams,
        body: CompleteBody,
        response: responses({ 200: AnswerView }),
      },
    },
    (req) =>
      secured(deps, req, {}, async (ctx) =>
        viewAfter(ctx, await recordTransition(ctx, req.params.id, 'complete', req.body)),
      ),
  );

  app.post(
    '/referrals/:id/messages',
    {
      schema: {
        tags,
        summary: 'Add a message to the referral’s thread (either side; stored encrypted)',
        params: IdParams,
        body: MessageBody,
        response: responses({ 201: ReferralEvent }),
      },
    },
    async (req, reply) => {
      const event = await secured(deps, req, {}, (ctx) =>
        recordMessage(ctx, req.params.id, req.body.text),
      );
      return reply.code(201).send(event);
    },
  );
}
