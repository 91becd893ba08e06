import { readFile } from 'node:fs/promises';
import { Uuid } from '../../shared/api/common.schema.ts';
import { PartnerCreateBody } from '../../shared/api/instances.schema.ts';
import { line } from '../../shared/api/text.ts';
import { SYSTEM } from '../../server/db/database.ts';
import { withSystemExchange } from '../../server/exchange/exchange-context.ts';
import { AppError } from '../../server/http/app-error.ts';
import { cardOf, loadOrCreateIdentityTx, renameInstance } from '../../server/instances/identity.ts';
import { addPartner } from '../../server/instances/partners.service.ts';
import { findOrganisation } from '../../server/organisations/organisations.repo.ts';
import { systemClock } from '../../server/shared/clock.ts';
import type { Command } from '../command.ts';
import { UsageError } from '../command.ts';
import { COMMON_OPTIONS, parse, withRuntime } from '../runtime-args.ts';

/** `lantern instance identity`: this instance's card, created on first use (docs/instances.md). */
export const instanceIdentityCommand: Command = {
  path: ['instance', 'identity'],
  summary: 'Print this instance’s public card and fingerprint (give it to a partner instance)',
  usage: 'instance identity [--name NAME] [--data DIR] [--json]',
  async run(args, io) {
    const { values } = parse(args, { ...COMMON_OPTIONS, name: { type: 'string' } });
    let name: string | undefined;
    if (values.name !== undefined) {
      const parsed = line(200).safeParse(values.name);
      if (!parsed.success || parsed.data === '') {
        throw new UsageError('--name must be 1–200 characters');
      }
      name = parsed.data;
    }
    const card = await withRuntime(values.data, (rt) =>
      rt.db.transaction(SYSTEM, async (tx) => {
        const me = await loadOrCreateIdentityTx(tx, rt.keyring, systemClock.now(), name);
        if (name !== undefined && me.name !== name) {
          await renameInstance(tx, name);
          me.name = name;
        }
        return cardOf(me);
      }),
    );
    if (values.json) {
      io.out(JSON.stringify(card));
    } else {
      io.out(
        [
          `Instance ${card.name} (${card.instanceId})`,
          `Fingerprint: ${card.fingerprint}`,
          'Save the card below as a file for your partner; read the fingerprint to them by phone.',
          JSON.stringify(card, null, 2),
        ].join('\n'),
      );
    }
    return 0;
  },
};

/** `lantern partners add`: trust another instance, once its fingerprint was read aloud. */
export const partnersAddCommand: Command = {
  path: ['partners', 'add'],
  summary: 'Add a partner instance from its card, checking the fingerprint it read aloud',
  usage:
    'partners add --card FILE --fingerprint "12345 …" --org ORG_ID [--name NAME] [--data DIR] [--json]',
  async run(args, io) {
    const { values } = parse(args, {
      ...COMMON_OPTIONS,
      card: { type: 'string' },
      fingerprint: { type: 'string' },
      org: { type: 'string' },
      name: { type: 'string' },
    });
    const org = Uuid.safeParse(values.org);
    if (!org.success) throw new UsageError('--org must be an organisation id (UUID)');
    if (!values.card) throw new UsageError('--card FILE is required (the partner’s card)');
    if (!values.fingerprint) {
      throw new UsageError('--fingerprint is required: the 60 digits the partner read aloud');
    }
    let json: unknown;
    try {
      json = JSON.parse(await readFile(values.card, 'utf8'));
    } catch {
      throw new UsageError(`${values.card} is not a readable JSON card`);
    }
    const body = PartnerCreateBody.safeParse({
      card: json,
      fingerprint: values.fingerprint,
      ...(values.name !== undefined ? { name: values.name } : {}),
    });
    if (!body.success) {
      const fields = body.error.issues.map((i) => i.path.join('.') || '(card)').join(', ');
      throw new UsageError(`invalid ${fields} (is ${values.card} an instance card?)`);
    }
    const partner = await withRuntime(values.data, async (rt) => {
      const me = await rt.db.transaction(SYSTEM, async (tx) => {
        if (!(await findOrganisation(tx, org.data)))
          throw new Error('no organisation with that id');
        return loadOrCreateIdentityTx(tx, rt.keyring, systemClock.now());
      });
      return withSystemExchange(rt.db, rt.keyring, org.data, (ctx) =>
        addPartner(ctx, me, body.data),
      ).catch((e: unknown) => {
        if (e instanceof AppError) {
          const details = Array.isArray(e.details)
            ? (e.details as { path: string; message: string }[])
                .map((d) => `${d.path} ${d.message}`)
                .join('; ')
            : e.message;
          throw new Error(details);
        }
        throw e;
      });
    });
    io.out(
      values.json
        ? JSON.stringify(partner)
        : `Added partner ${partner.name} (${partner.instanceId}), fingerprint verified.`,
    );
    return 0;
  },
};

export const instanceCommands: Command[] = [instanceIdentityCommand, partnersAddCommand];
