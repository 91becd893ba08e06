import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { ErrorBody, FieldIssue } from '../../shared/api/errors.ts';
import { AppError } from './app-error.ts';

function send(reply: FastifyReply, e: AppError): void {
  const body: ErrorBody = { error: { code: e.code, message: e.message } };
  if (e.details !== undefined) body.error.details = e.details;
  void reply.code(e.status).type('application/json').send(body);
}

/** `/person/givenName` → `person.givenName`; unknown keys are named in full. */
function issuePaths(
  validation: { instancePath: string; params: Record<string, unknown>; message?: string }[],
): FieldIssue[] {
  return validation.flatMap((v) => {
    const base = v.instancePath.split('/').filter(Boolean).join('.');
    const keys = v.params.keys;
    if (Array.isArray(keys) && keys.length > 0) {
      return keys.map((k) => ({
        path: base ? `${base}.${String(k)}` : String(k),
        message: 'is not a known field',
      }));
    }
    return [{ path: base, message: v.message ?? 'is invalid' }];
  });
}

// PostgreSQL errors that callers can cause; everything else is a 500.
const PG_CONFLICT = '23505';
// Raised by 0015_merged_cases_read_only.sql: a write about a case that was merged into another.
const PG_MERGED_CASE = 'LN409';

/**
 * The one place where errors become HTTP responses. Unknown errors are logged (without request
 * bodies) and answered with a bare 500 that leaks nothing.
 */
export function installErrorHandling(
  app: FastifyInstance,
  options: { notFound?: (req: FastifyRequest, reply: FastifyReply) => unknown } = {},
): void {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    if (err instanceof AppError) return send(reply, err);
    if (hasZodFastifySchemaValidationErrors(err)) {
      const issues = issuePaths(err.validation);
      const where = err.validationContext === 'body' ? '' : `${err.validationContext ?? ''}.`;
      return send(reply, AppError.invalid(issues.map((i) => ({ ...i, path: where + i.path }))));
    }
    if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      return send(reply, new AppError('body_too_large', 'The request body is too large.'));
    }
    if (err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
      return send(
        reply,
        new AppError('unsupported_media_type', 'Send the body as application/json.'),
      );
    }
    if (err.code === 'FST_ERR_CTP_EMPTY_JSON_BODY') {
      return send(reply, new AppError('malformed_json', 'The request body is empty.'));
    }
    if ((err as { code?: string }).code === PG_CONFLICT) {
      return send(reply, new AppError('conflict', 'A record with this value already exists.'));
    }
    if ((err as { code?: string }).code === PG_MERGED_CASE) {
      return send(
        reply,
        new AppError(
          'conflict',
          'This case was merged into another case and is read-only: work on the kept case.',
          { reason: 'case_merged' },
        ),
      );
    }
    if (err.statusCode === 429) {
      return send(reply, new AppError('too_many_requests', 'Too many requests. Try again later.'));
    }
    // The message is left out: a database error can quote the value that failed (`invalid input
    // syntax for type …: "<value>"`), and values may be personal data. Type, code and frames
    // locate the fault.
    const frames = err.stack?.split('\n').slice(1).join('\n');
    req.log.error({ err: { type: err.name, code: err.code, frames } }, 'request failed');
    return send(reply, new AppError('internal', 'Something went wrong on our side.'));
  });
  // Fastify allows one not-found handler per prefix: the web app's fallback, when served, wraps this one.
  app.setNotFoundHandler(options.notFound ?? sendNotFound);
}

/** The API's JSON 404 for a URL that matches no route. */
export function sendNotFound(req: FastifyRequest, reply: FastifyReply): void {
  send(
    reply,
    new AppError('not_found', `No such endpoint: ${req.method} ${req.url.split('?')[0]}`),
  );
}
