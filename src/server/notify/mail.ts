import nodemailer from 'nodemailer';
import type { Transporter } from 'nodemailer';
import type { DeliveryEventType } from './events.ts';
import type { SendResult } from './http-send.ts';

export interface MailSettings {
  /** smtp://user:pass@host:587 (STARTTLS when offered) or smtps://host:465 (TLS from the start). */
  smtpUrl: string;
  /** The From address, e.g. "Lantern <lantern@example.org>". */
  from: string;
  /** Base URL of the web app for links (LANTERN_PUBLIC_URL); no link when absent. */
  publicUrl?: string | undefined;
}

export interface MailMessage {
  subject: string;
  text: string;
  html: string;
}

// English only: users have no stored language yet (docs/notifications.md). The web app builds
// its in-app text from the same event codes with its own catalogues.
const SUMMARY: Record<DeliveryEventType, { sender: string; receiver: string }> = {
  'referral.sent': {
    sender: 'was sent',
    receiver: 'was sent to your organisation and awaits an answer',
  },
  'referral.accepted': { sender: 'was accepted', receiver: 'was accepted' },
  'referral.declined': { sender: 'was declined', receiver: 'was declined' },
  'referral.started': { sender: 'is now in progress', receiver: 'is now in progress' },
  'referral.completed': { sender: 'was completed', receiver: 'was completed' },
  'referral.withdrawn': {
    sender: 'was withdrawn',
    receiver: 'was withdrawn by the referring organisation',
  },
  'referral.expired': {
    sender: 'expired without an answer',
    receiver: 'expired without an answer from your organisation',
  },
  'referral.message': {
    sender: 'has a new message from the provider',
    receiver: 'has a new message from the referring organisation',
  },
  'webhook.ping': { sender: 'test', receiver: 'test' },
};

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The e-mail about one event: the event and the referral's reference, and a link to the
 * referral when the public URL is known. Never personal data: the person's details are read in
 * Lantern after signing in, not in a mailbox.
 */
export function composeEventMail(
  e: { type: DeliveryEventType; subjectId: string; reference: string },
  side: 'sender' | 'receiver',
  publicUrl?: string,
): MailMessage {
  const what = SUMMARY[e.type][side];
  const sentence = `Referral ${e.reference} ${what}.`;
  // The receiver opens it in its inbox; the sender on the referral's own page (the web app's routes).
  const page = side === 'receiver' ? 'referrals/inbox' : 'referrals';
  const link = publicUrl
    ? `${publicUrl.replace(/\/+$/, '')}/${page}/${encodeURIComponent(e.subjectId)}`
    : null;
  const footer =
    'You receive this message because of your role in your organisation on Lantern. ' +
    'Sign in to Lantern to see the referral; e-mails never contain personal details.';
  const text = [
    sentence,
    '',
    link ? `Open it in Lantern: ${link}` : 'Open it in Lantern.',
    '',
    footer,
  ].join('\n');
  const html = [
    '<!doctype html><html><body style="font-family: sans-serif">',
    `<p>${escapeHtml(sentence)}</p>`,
    link
      ? `<p><a href="${escapeHtml(link)}">Open referral ${escapeHtml(e.reference)} in Lantern</a></p>`
      : '',
    `<p style="color:#555;font-size:smaller">${escapeHtml(footer)}</p>`,
    '</body></html>',
  ].join('');
  return { subject: `[Lantern] Referral ${e.reference} ${what}`, text, html };
}

/** Sends e-mail over SMTP with nodemailer, each message bounded by `timeoutMs`. */
export class Mailer {
  readonly #transport: Transporter;
  readonly #from: string;
  readonly #timeoutMs: number;

  constructor(settings: MailSettings, timeoutMs: number) {
    this.#from = settings.from;
    this.#timeoutMs = timeoutMs;
    this.#transport = nodemailer.createTransport({
      url: settings.smtpUrl,
      connectionTimeout: timeoutMs,
      greetingTimeout: timeoutMs,
      socketTimeout: timeoutMs,
    });
  }

  async send(to: string, m: MailMessage): Promise<SendResult> {
    const started = performance.now();
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('timeout')), this.#timeoutMs);
    });
    try {
      await Promise.race([
        this.#transport.sendMail({
          from: this.#from,
          to,
          subject: m.subject,
          text: m.text,
          html: m.html,
        }),
        timeout,
      ]);
      return {
        ok: true,
        statusCode: null,
        error: null,
        durationMs: Math.round(performance.now() - started),
      };
    } catch (err) {
      return {
        ok: false,
        statusCode: smtpCode(err),
        error: describeSmtpError(err, this.#timeoutMs),
        durationMs: Math.round(performance.now() - started),
      };
    } finally {
      clearTimeout(timer);
    }
  }

  close(): void {
    this.#transport.close();
  }
}

const smtpCode = (err: unknown): number | null => {
  const code = (err as { responseCode?: unknown }).responseCode;
  return typeof code === 'number' ? code : null;
};

/** Codes only: SMTP replies can quote the recipient address. */
function describeSmtpError(err: unknown, timeoutMs: number): string {
  if (err instanceof Error && err.message === 'timeout') return `timeout after ${timeoutMs} ms`;
  const e = err as { code?: unknown; responseCode?: unknown };
  if (typeof e.responseCode === 'number') return `SMTP ${e.responseCode}`;
  if (typeof e.code === 'string') return `SMTP error ${e.code}`;
  return 'SMTP error';
}
