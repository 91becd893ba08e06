import type { FastifyInstance } from 'fastify';

// OWASP Secure Headers Project. The web app loads only its own scripts; nothing is framed.
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'self'",
].join('; ');

export function installSecurityHeaders(app: FastifyInstance): void {
  app.addHook('onSend', async (req, reply, payload) => {
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'no-referrer');
    reply.header('x-frame-options', 'DENY');
    reply.header('cross-origin-opener-policy', 'same-origin');
    if (req.url.startsWith('/api/')) {
      // Personal data must not linger in browser or proxy caches.
      reply.header('cache-control', 'no-store');
      if (!req.url.startsWith('/api/v1/docs'))
        reply.header('content-security-policy', "default-src 'none'; frame-ancestors 'none'");
    } else {
      reply.header('content-security-policy', CSP);
    }
    return payload;
  });
}
