import { request as httpRequest } from 'node:http';
import type { IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP } from 'node:net';
import { guardedLookup, isPrivateAddress, PrivateAddressError } from './url-policy.ts';
import type { UrlPolicy } from './url-policy.ts';

export interface SendResult {
  ok: boolean;
  statusCode: number | null;
  /** A short description of our own making; never the receiver's response body. */
  error: string | null;
  durationMs: number;
}

/** Largest response body read (then discarded): a receiver cannot make us buffer megabytes. */
const MAX_RESPONSE_BYTES = 64 * 1024;

/**
 * POSTs `body` to `url` once. The whole attempt (DNS, connection, TLS, response headers and
 * body) is bounded by `timeoutMs` through an AbortController, so a receiver that accepts the
 * connection and then never answers cannot stall the worker. Redirects are not followed (a
 * 3xx is a failure): following one would let a receiver steer us to another host.
 */
export function postJson(
  url: string,
  headers: Record<string, string>,
  body: string,
  o: { timeoutMs: number; policy: UrlPolicy; now?: () => number },
): Promise<SendResult> {
  const now = o.now ?? (() => performance.now());
  const started = now();
  const done = (statusCode: number | null, error: string | null): SendResult => ({
    ok: error === null && statusCode !== null && statusCode >= 200 && statusCode < 300,
    statusCode,
    error,
    durationMs: Math.max(0, Math.round(now() - started)),
  });
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return Promise.resolve(done(null, 'invalid URL'));
  }
  const host = target.hostname.replace(/^\[(.*)\]$/, '$1');
  if (!o.policy.allowPrivate && isIP(host) && isPrivateAddress(host)) {
    return Promise.resolve(done(null, new PrivateAddressError().message));
  }
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), o.timeoutMs);
  const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise<SendResult>((resolve) => {
    let settled = false;
    const finish = (r: SendResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(r);
    };
    const req = send(
      target,
      {
        method: 'POST',
        headers: {
          ...headers,
          'content-type': 'application/json',
          'content-length': String(Buffer.byteLength(body)),
          'user-agent': 'Lantern-Webhooks/1',
        },
        lookup: guardedLookup(o.policy),
        signal: controller.signal,
        // No connection reuse: each attempt stands alone and leaves no socket behind.
        agent: false,
      },
      (res: IncomingMessage) => {
        let read = 0;
        res.on('data', (chunk: Buffer) => {
          read += chunk.length;
          if (read > MAX_RESPONSE_BYTES) res.destroy();
        });
        res.on('error', () => finish(done(res.statusCode ?? null, null)));
        res.on('close', () => finish(done(res.statusCode ?? null, statusError(res.statusCode))));
        res.on('end', () => finish(done(res.statusCode ?? null, statusError(res.statusCode))));
      },
    );
    req.on('error', (err: NodeJS.ErrnoException) => {
      finish(
        done(null, controller.signal.aborted ? `timeout after ${o.timeoutMs} ms` : describe(err)),
      );
    });
    req.end(body);
  });
}

const statusError = (code: number | undefined): string | null =>
  code !== undefined && code >= 200 && code < 300 ? null : `HTTP ${code ?? '?'}`;

/** The error's code and class only: messages may quote hosts or data we did not write. */
function describe(err: NodeJS.ErrnoException): string {
  if (err instanceof PrivateAddressError) return err.message;
  if (err.code) return `network error ${err.code}`;
  return 'network error';
}
