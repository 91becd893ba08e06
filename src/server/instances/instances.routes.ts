import { z } from 'zod';
import { IdParams } from '../../shared/api/common.schema.ts';
import {
  InstanceCard,
  LanternPackage,
  Partner,
  PartnerCreateBody,
  PartnerList,
  PartnerUpdateBody,
  PackageImportBody,
  PackageImportResult,
  ServicePartnerBody,
  ServicePartnerLink,
} from '../../shared/api/instances.schema.ts';
import type { SecuredDeps } from '../http/secured.ts';
import { secured } from '../http/secured.ts';
import type { ZodApp } from '../http/zod-app.ts';
import { responses } from '../http/zod-app.ts';
import { cardOf, IdentityStore } from './identity.ts';
import {
  exportReferralPackage,
  exportReplyPackage,
  exportWithdrawalPackage,
  importPackage,
} from './packages.service.ts';
import {
  addPartner,
  deletePartner,
  getPartner,
  getPartners,
  linkServiceToPartner,
  partnerWriterOf,
  updatePartner,
} from './partners.service.ts';

/** A package as a file download: its name carries the referral's reference, never a person. */
const attachment = (reference: string, kind: string) =>
  `attachment; filename="${reference.replace(/[^A-Za-z0-9-]/g, '_')}.${kind}.lantern.json"`;

/**
 * Sealed packages between Lantern instances (docs/instances.md). The instance identity is read
 * before the request's transaction: it lives outside every organisation (system-only table).
 */
export function registerInstanceRoutes(app: ZodApp, deps: SecuredDeps): void {
  const tags = ['instances'];
  const identities = new IdentityStore(deps.db, deps.keyring, () => deps.clock.now());

  app.get(
    '/instance/identity',
    {
      schema: {
        tags,
        summary: 'This instance’s public card: id, name, public keys and fingerprint',
        description:
          'The file a partner instance imports. Its fingerprint is read aloud to the partner (60 digits in 12 groups of 5), who types it in when adding this instance.',
        response: responses({ 200: InstanceCard }),
      },
    },
    async (req) => {
      const me = await identities.get();
      return secured(deps, req, { action: 'organisation:read' }, () => Promise.resolve(cardOf(me)));
    },
  );

  app.get(
    '/partners',
    {
      schema: {
        tags,
        summary: 'Your organisation’s verified partner instances',
        response: responses({ 200: PartnerList }),
      },
    },
    (req) => secured(deps, req, { action: 'partner:manage' }, (ctx) => getPartners(ctx)),
  );

  app.post(
    '/partners',
    {
      schema: {
        tags,
        summary: 'Add a partner instance from its card and the fingerprint it read aloud',
        description:
          'Refused (400, path fingerprint) unless the fingerprint typed in matches the one computed from the card’s keys.',
        body: PartnerCreateBody,
        response: responses({ 201: Partner }),
      },
    },
    async (req, reply) => {
      const me = await identities.get();
      const created = await secured(deps, req, { action: 'partner:manage' }, (ctx) =>
        addPartner(partnerWriterOf(ctx), me, req.body),
      );
      return reply.code(201).send(created);
    },
  );

  app.get(
    '/partners/:id',
    {
      schema: {
        tags,
        summary: 'One partner instance',
        params: IdParams,
        response: responses({ 200: Partner }),
      },
    },
    (req) =>
      secured(deps, req, { action: 'partner:manage' }, (ctx) => getPartner(ctx, req.params.id)),
  );

  app.patch(
    '/partners/:id',
    {
      schema: {
        tags,
        summary: 'Rename a partner (its keys never change: remove it and add it again)',
        params: IdParams,
        body: PartnerUpdateBody,
        response: responses({ 200: Partner }),
      },
    },
    (req) =>
      secured(deps, req, { action: 'partner:manage' }, (ctx) =>
        updatePartner(ctx, req.params.id, req.body),
      ),
  );

  app.delete(
    '/partners/:id',
    {
      schema: {
        tags,
        summary: 'Stop trusting a partner: its packages are refused from now on',
        params: IdParams,
        response: responses({ 204: z.undefined() }),
      },
    },
    async (req, reply) => {
      await secured(deps, req, { action: 'partner:manage' }, (ctx) =>
        deletePartner(ctx, req.params.id),
      );
      return reply.code(204).send();
    },
  );

  app.put(
    '/services/:id/partner',
    {
      schema: {
        tags,
        summary: 'List one of your services as offered at a partner instance',
        description:
          'Referrals to it then travel as sealed packages (GET /referrals/{id}/package). The provider must be external (no inbox on this instance).',
        params: IdParams,
        body: ServicePartnerBody,
        response: responses({ 200: ServicePartnerLink }),
      },
    },
    (req) =>
      secured(deps, req, { action: 'directory:manage' }, (ctx) =>
        linkServiceToPartner(ctx, req.params.id, req.body),
      ),
  );

  app.delete(
    '/services/:id/partner',
    {
      schema: {
        tags,
        summary: 'Stop listing a service as offered at a partner instance',
        params: IdParams,
        response: responses({ 200: ServicePartnerLink }),
      },
    },
    (req) =>
      secured(deps, req, { action: 'directory:manage' }, (ctx) =>
        linkServiceToPartner(ctx, req.params.id, null),
      ),
  );

  app.get(
    '/referrals/:id/package',
    {
      schema: {
        tags,
        summary: 'The sealed package of a sent referral to a partner instance’s service (audited)',
        description:
          'Signed by this instance and encrypted to the partner’s key: send the file by any channel, no password needed. Each call makes a new package; the partner imports one per referral.',
        params: IdParams,
        response: responses({ 200: LanternPackage }),
      },
    },
    async (req, reply) => {
      const me = await identities.get();
      const { pkg, reference } = await secured(deps, req, { action: 'referral:write' }, (ctx) =>
        exportReferralPackage(ctx, me, req.params.id),
      );
      return reply.header('content-disposition', attachment(reference, 'referral')).send(pkg);
    },
  );

  app.get(
    '/referrals/:id/reply-package',
    {
      schema: {
        tags,
        summary: 'The sealed answer to a referral received from a partner instance (audited)',
        description:
          'Carries every answer given so far (accepted, declined with its reason, in progress, completed with its outcome) and their notes.',
        params: IdParams,
        response: responses({ 200: LanternPackage }),
      },
    },
    async (req, reply) => {
      const me = await identities.get();
      const { pkg, reference } = await secured(deps, req, { action: 'referral:inbox' }, (ctx) =>
        exportReplyPackage(ctx, me, req.params.id),
      );
      return reply.header('content-disposition', attachment(reference, 'reply')).send(pkg);
    },
  );

  app.get(
    '/referrals/:id/withdrawal-package',
    {
      schema: {
        tags,
        summary:
          'The sealed withdrawal of a referral sent to a partner instance’s service (audited)',
        description:
          'The partner learns of a withdrawal (by hand, or because consent was withdrawn) only from this package, and erases its copy of the person’s data when it imports it. 409 unless the referral is withdrawn after being sent to a partner. The withdrawal’s note does not travel.',
        params: IdParams,
        response: responses({ 200: LanternPackage }),
      },
    },
    async (req, reply) => {
      const me = await identities.get();
      const { pkg, reference } = await secured(deps, req, { action: 'referral:write' }, (ctx) =>
        exportWithdrawalPackage(ctx, me, req.params.id),
      );
      return reply.header('content-disposition', attachment(reference, 'withdrawal')).send(pkg);
    },
  );

  app.post(
    '/referral-packages',
    {
      schema: {
        tags,
        summary:
          'Import a sealed package from a partner instance (a referral, a reply or a withdrawal)',
        description:
          'One transaction: all or nothing. Refusals (details[0].reason): malformed, unknown_format, unsupported_version, wrong_recipient, unknown_sender, sender_key_mismatch, bad_signature, expired, dated_in_future, decryption_failed (400); replayed (409); unknown_referral (404: a reply or withdrawal for a referral not here). A package that does not fit the referral’s state is a 409 naming from and to.',
        body: PackageImportBody,
        response: responses({ 201: PackageImportResult }),
      },
    },
    async (req, reply) => {
      const me = await identities.get();
      const result = await secured(deps, req, { action: 'referral:package' }, (ctx) =>
        importPackage(ctx, me, req.body),
      );
      return reply.code(201).send(result);
    },
  );
}
