import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orgScope } from '../../src/server/db/database.ts';
import { publishEvent } from '../../src/server/notify/publish.ts';
import { NotifyWorker } from '../../src/server/notify/worker.ts';
import { TestLantern } from '../support/test-app.ts';

interface Mail {
  to: string[];
  raw: string;
}

/** Undoes quoted-printable (RFC 2045 §6.7): soft line breaks and =XX escapes. */
const decodeQuotedPrintable = (s: string) =>
  s
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));

/** An SMTP server on 127.0.0.1 that keeps what it receives. */
function smtpServer(port = 0): Promise<{ server: SMTPServer; port: number; mails: Mail[] }> {
  const mails: Mail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        mails.push({
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: decodeQuotedPrintable(Buffer.concat(chunks).toString('utf8')),
        });
        callback();
      });
    },
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () =>
      resolve({ server, port: (server.server.address() as AddressInfo).port, mails }),
    );
  });
}

const closeSmtp = (s: SMTPServer) => new Promise<void>((r) => s.close(() => r()));

let t: TestLantern;
let orgA: string;
let orgB: string;
let caseReference: string;
const users = {} as Record<string, { id: string; email: string }>;

async function referralSent(reference: string, author: string): Promise<string> {
  const id = randomUUID();
  await t.db.transaction(orgScope(orgA), (tx) =>
    publishEvent(tx, {
      type: 'referral.sent',
      recipients: [
        { orgId: orgA, side: 'sender', userIds: [author] },
        { orgId: orgB, side: 'receiver' },
      ],
      subject: { type: 'referral', id, reference },
      at: t.clock.now(),
    }),
  );
  return id;
}

const emailDeliveries = (subjectId: string) =>
  t.database.superuser(
    `SELECT d.status, d.attempts, d.last_error AS error, d.user_id AS "userId"
       FROM notify_deliveries d JOIN notify_events e ON e.id = d.event_id
      WHERE e.subject_id = $1 AND d.channel = 'email' ORDER BY d.user_id`,
    [subjectId],
  );

beforeAll(async () => {
  t = await TestLantern.start();
  orgA = await t.createOrg('Sender');
  orgB = await t.createOrg('Receiver');
  const author = await t.signIn(orgA, 'caseworker');
  // A real case with a person's name: none of it may reach a mailbox.
  caseReference = (await t.createCase(author)).reference;
  users.author = { id: author.userId, email: '' };
  users.otherCaseworker = await t.createUser(orgA, 'caseworker');
  users.senderSupervisor = await t.createUser(orgA, 'supervisor');
  users.provider = await t.createUser(orgB, 'provider');
  users.receiverSupervisor = await t.createUser(orgB, 'supervisor');
  users.receiverCaseworker = await t.createUser(orgB, 'caseworker');
  users.receiverAdmin = await t.createUser(orgB, 'admin');
  users.disabledProvider = await t.createUser(orgB, 'provider');
  await t.database.superuser('UPDATE users SET disabled = true WHERE id = $1', [
    users.disabledProvider.id,
  ]);
  const [row] = await t.database.superuser('SELECT email FROM users WHERE id = $1', [
    author.userId,
  ]);
  users.author.email = row!.email as string;
});
afterAll(() => t.close());

describe('e-mail notifications', () => {
  it('reach the chosen users over SMTP with the reference and a link, never the person’s data', async () => {
    const smtp = await smtpServer();
    const worker = new NotifyWorker({
      db: t.db,
      keyring: t.keyring,
      clock: t.clock,
      timeoutMs: 2_000,
      mail: {
        smtpUrl: `smtp://127.0.0.1:${smtp.port}`,
        from: 'Lantern <lantern@example.org>',
        publicUrl: 'https://lantern.example.org/',
      },
    });
    try {
      const referralId = await referralSent('R-2026-000123', users.author!.id);
      const tick = await worker.runOnce();
      expect(tick.delivered).toBe(4);
      const to = smtp.mails.flatMap((m) => m.to).sort();
      expect(to).toEqual(
        [
          users.author!.email,
          users.senderSupervisor!.email,
          users.provider!.email,
          users.receiverSupervisor!.email,
        ].sort(),
      );
      for (const m of smtp.mails) {
        expect(m.raw).toContain('R-2026-000123');
        expect(m.raw).toMatch(
          /https:\/\/lantern\.example\.org\/referrals\/(inbox\/)?[0-9a-f-]{36}/,
        );
        for (const secret of ['Amina', 'Okafor', '1998-04-12', caseReference]) {
          expect(m.raw).not.toContain(secret);
        }
      }
      const providerMail = smtp.mails.find((m) => m.to.includes(users.provider!.email))!;
      expect(providerMail.raw).toContain('awaits an answer');
      // each side's link opens its own page: the inbox for the provider, the referral for the author
      expect(providerMail.raw).toContain(
        `https://lantern.example.org/referrals/inbox/${referralId}`,
      );
      const authorMail = smtp.mails.find((m) => m.to.includes(users.author!.email))!;
      expect(authorMail.raw).toContain(`https://lantern.example.org/referrals/${referralId}`);
      expect(providerMail.raw).toContain('text/html');
      expect((await emailDeliveries(referralId)).every((d) => d.status === 'delivered')).toBe(true);
    } finally {
      await worker.stop();
      await closeSmtp(smtp.server);
    }
  });

  it('retries while the SMTP server is down and delivers when it is back: nothing is lost', async () => {
    // A port that was free a moment ago: connections are refused until the server returns.
    const probe = await smtpServer();
    const port = probe.port;
    await closeSmtp(probe.server);
    const worker = new NotifyWorker({
      db: t.db,
      keyring: t.keyring,
      clock: t.clock,
      timeoutMs: 2_000,
      random: () => 0.5,
      mail: { smtpUrl: `smtp://127.0.0.1:${port}`, from: 'lantern@example.org' },
    });
    try {
      const referralId = await referralSent('R-2026-000124', users.author!.id);
      const first = await worker.runOnce();
      expect(first.retrying).toBe(4);
      const waiting = await emailDeliveries(referralId);
      expect(waiting).toHaveLength(4);
      for (const d of waiting) {
        expect(d).toMatchObject({ status: 'pending', attempts: 1 });
        expect(String(d.error)).toMatch(/^SMTP error E[A-Z]+$/);
      }

      const back = await smtpServer(port);
      try {
        t.clock.advance(15_000);
        const second = await worker.runOnce();
        expect(second.delivered).toBe(4);
        expect(back.mails).toHaveLength(4);
        expect((await emailDeliveries(referralId)).map((d) => d.status)).toEqual(
          Array(4).fill('delivered'),
        );
      } finally {
        await closeSmtp(back.server);
      }
    } finally {
      await worker.stop();
    }
  });

  it('are recorded as skipped, not failed, when SMTP is not configured', async () => {
    const worker = new NotifyWorker({ db: t.db, keyring: t.keyring, clock: t.clock });
    try {
      const referralId = await referralSent('R-2026-000125', users.author!.id);
      const tick = await worker.runOnce();
      expect(tick.failed).toBe(0);
      const rows = await emailDeliveries(referralId);
      expect(rows).toHaveLength(4);
      for (const d of rows) {
        expect(d).toMatchObject({ status: 'skipped', attempts: 0, error: 'SMTP not configured' });
      }
    } finally {
      await worker.stop();
    }
  });
});
