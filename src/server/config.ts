import { DEFAULT_MIN_CELL } from '../shared/api/insights.schema.ts';

/** Settings read from the environment (documented in README.md, "Configuration"). */
export interface Config {
  host: string;
  port: number;
  dataDir: string;
  databaseUrl: string | undefined;
  masterKey: string | undefined;
  secureCookies: boolean;
  trustProxy: boolean;
  bodyLimit: number;
  logLevel: string;
  poolSize: number;
  /** Notifications (docs/notifications.md): SMTP, links, webhooks and the worker's pace. */
  notify: NotifyConfig;
  /** The data hub (docs/hub.md): the privacy budget (ε, δ) of each source. */
  hub: { budget: { epsilon: number; delta: number } };
  /** Understand (docs/insights.md): counts below this are sent suppressed (LANTERN_INSIGHTS_MIN_CELL). */
  insights: { minCell: number };
}

export interface NotifyConfig {
  smtpUrl: string | undefined;
  mailFrom: string | undefined;
  publicUrl: string | undefined;
  webhookAllowPrivate: boolean;
  timeoutMs: number;
  intervalMs: number;
}

function notifyConfig(env: NodeJS.ProcessEnv): NotifyConfig {
  const smtpUrl = env.LANTERN_SMTP_URL || undefined;
  const mailFrom = env.LANTERN_MAIL_FROM || undefined;
  const publicUrl = env.LANTERN_PUBLIC_URL || undefined;
  if (smtpUrl && !/^smtps?:\/\/[^/]/.test(smtpUrl)) {
    throw new Error('LANTERN_SMTP_URL must be an smtp:// or smtps:// URL');
  }
  if (smtpUrl && !mailFrom) throw new Error('LANTERN_MAIL_FROM is required with LANTERN_SMTP_URL');
  if (publicUrl && !/^https?:\/\/[^/]/.test(publicUrl)) {
    throw new Error('LANTERN_PUBLIC_URL must be an http:// or https:// URL');
  }
  return {
    smtpUrl,
    mailFrom,
    publicUrl,
    webhookAllowPrivate: bool(env.LANTERN_WEBHOOK_ALLOW_PRIVATE),
    timeoutMs: int(env.LANTERN_NOTIFY_TIMEOUT_MS, 10_000, 'LANTERN_NOTIFY_TIMEOUT_MS'),
    intervalMs: int(env.LANTERN_NOTIFY_INTERVAL_MS, 5_000, 'LANTERN_NOTIFY_INTERVAL_MS'),
  };
}

const int = (v: string | undefined, fallback: number, name: string): number => {
  if (v === undefined || v === '') return fallback;
  const n = Number(v);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`${name} must be a positive whole number`);
  return n;
};

/** A number in (0, max]; the hub's budget (docs/hub.md). */
const budgetNumber = (v: string | undefined, fallback: number, max: number, name: string) => {
  if (v === undefined || v === '') return fallback;
  const n = Number(v);
  if (!Number.isFinite(n) || n <= 0 || n > max)
    throw new Error(`${name} must be a number above 0 and at most ${max}`);
  return n;
};

const bool = (v: string | undefined): boolean => v === '1' || v?.toLowerCase() === 'true';

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    host: env.LANTERN_HOST ?? '127.0.0.1',
    port: int(env.LANTERN_PORT ?? env.PORT, 8080, 'LANTERN_PORT'),
    dataDir: env.LANTERN_DATA_DIR ?? './data',
    databaseUrl: env.DATABASE_URL || undefined,
    masterKey: env.LANTERN_MASTER_KEY || undefined,
    secureCookies: bool(env.LANTERN_SECURE_COOKIES),
    trustProxy: bool(env.LANTERN_TRUST_PROXY),
    bodyLimit: int(env.LANTERN_BODY_LIMIT, 1_048_576, 'LANTERN_BODY_LIMIT'),
    logLevel: env.LANTERN_LOG_LEVEL ?? 'info',
    poolSize: int(env.LANTERN_DB_POOL, 10, 'LANTERN_DB_POOL'),
    notify: notifyConfig(env),
    hub: {
      budget: {
        epsilon: budgetNumber(env.LANTERN_HUB_EPSILON, 10, 1000, 'LANTERN_HUB_EPSILON'),
        delta: budgetNumber(env.LANTERN_HUB_DELTA, 1e-5, 0.01, 'LANTERN_HUB_DELTA'),
      },
    },
    insights: {
      minCell: int(env.LANTERN_INSIGHTS_MIN_CELL, DEFAULT_MIN_CELL, 'LANTERN_INSIGHTS_MIN_CELL'),
    },
  };
}
