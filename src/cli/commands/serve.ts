import { fileURLToPath } from 'node:url';
import { buildApp } from '../../server/app.ts';
import { ensureFirstAdmin } from '../../server/bootstrap.ts';
import { loadConfig } from '../../server/config.ts';
import { createLogger } from '../../server/logger.ts';
import { NotifyWorker } from '../../server/notify/worker.ts';
import { expireDueReferrals } from '../../server/referrals/expiry.ts';
import { openRuntime } from '../../server/runtime.ts';
import { systemClock } from '../../server/shared/clock.ts';
import type { Command } from '../command.ts';
import { UsageError } from '../command.ts';
import { parse } from '../runtime-args.ts';

const WEB_DIR = fileURLToPath(new URL('../../../dist/web/', import.meta.url));

export const serveCommand: Command = {
  path: ['serve'],
  summary: 'Start Lantern (API and web app)',
  usage: 'serve [--port PORT] [--host HOST] [--data DIR]',
  async run(args, io) {
    const { values } = parse(args, {
      port: { type: 'string' },
      host: { type: 'string' },
      data: { type: 'string' },
    });
    const config = loadConfig();
    const port = values.port === undefined ? config.port : Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65_535) {
      throw new UsageError('--port must be a port number');
    }
    const host = values.host ?? config.host;
    const logger = createLogger(config.logLevel);
    const rt = await openRuntime({
      dataDir: values.data ?? config.dataDir,
      databaseUrl: config.databaseUrl,
      masterKey: config.masterKey,
      poolSize: config.poolSize,
    });
    const app = await buildApp({
      db: rt.db,
      keyring: rt.keyring,
      logger,
      webDir: WEB_DIR,
      bodyLimit: config.bodyLimit,
      secureCookies: config.secureCookies,
      trustProxy: config.trustProxy,
      notify: { allowPrivateWebhooks: config.notify.webhookAllowPrivate },
      hub: config.hub,
      insights: config.insights,
    });
    // Notifications: outbox fan-out, webhooks and e-mail, and periodic jobs (addJob).
    const worker = new NotifyWorker({
      db: rt.db,
      keyring: rt.keyring,
      logger,
      timeoutMs: config.notify.timeoutMs,
      allowPrivateWebhooks: config.notify.webhookAllowPrivate,
      mail:
        config.notify.smtpUrl && config.notify.mailFrom
          ? {
              smtpUrl: config.notify.smtpUrl,
              from: config.notify.mailFrom,
              publicUrl: config.notify.publicUrl,
            }
          : undefined,
    });
    // Sent referrals that no one answered in time expire (docs/referrals.md).
    worker.addJob('referral-expiry', () => expireDueReferrals(rt.db, systemClock));
    const first = await ensureFirstAdmin(
      rt.db,
      { keyring: rt.keyring, clock: systemClock },
      { orgName: 'My organisation', email: 'admin@lantern.local' },
    );
    const address = await app.listen({ port, host });
    worker.start(config.notify.intervalMs);
    if (first) {
      io.out(
        [
          '',
          'First start: an administrator account was created. This password is shown only once.',
          `  e-mail:             ${first.email}`,
          `  one-time password:  ${first.oneTimePassword}`,
          'Sign in and choose a new password.',
          '',
        ].join('\n'),
      );
    }
    // Printed last: whoever waits for this line has everything above it.
    io.out(`Lantern is running at ${address} (database: ${rt.db.driver})`);
    const stop = async () => {
      await app.close();
      // Waits for sends under way (each bounded by its time limit) before the database closes.
      await worker.stop();
      await rt.close();
      process.exit(0);
    };
    process.once('SIGINT', () => void stop());
    process.once('SIGTERM', () => void stop());
    return new Promise<number>(() => undefined);
  },
};
