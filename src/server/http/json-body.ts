import type { FastifyInstance } from 'fastify';
import { AppError } from './app-error.ts';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Replaces the JSON body parser: invalid UTF-8 is refused (instead of silently becoming U+FFFD),
 * malformed JSON gets `malformed_json`, and `__proto__`/`constructor` keys are refused.
 * Only application/json is accepted: a cross-site HTML form cannot send it (CSRF defence in depth).
 */
export function installJsonBodyParser(app: FastifyInstance): void {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_req, body, done) => {
    const buf = body as Buffer;
    if (buf.length === 0) return done(null, undefined);
    let text: string;
    try {
      text = utf8.decode(buf);
    } catch {
      return done(new AppError('invalid_encoding', 'The request body is not valid UTF-8.'));
    }
    try {
      done(
        null,
        JSON.parse(text, (key, value: unknown) => {
          if (key === '__proto__' || key === 'constructor') throw new SyntaxError('forbidden key');
          return value;
        }),
      );
    } catch {
      done(new AppError('malformed_json', 'The request body is not valid JSON.'));
    }
  });
}
