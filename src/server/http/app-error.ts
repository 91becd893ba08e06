import type { ErrorCode, FieldIssue } from '../../shared/api/errors.ts';
import { ERROR_STATUS } from '../../shared/api/errors.ts';

/**
 * The one error type services throw. `message` is safe to show to the caller: it must never
 * contain personal data (names, dates of birth, contacts) — name the field, not its value.
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: unknown;

  constructor(code: ErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }

  /** A missing record and another organisation's record look exactly alike. */
  static notFound(what = 'record'): AppError {
    return new AppError('not_found', `The ${what} does not exist or you cannot see it.`);
  }

  static invalid(issues: FieldIssue[]): AppError {
    const fields = issues.map((i) => i.path || '(body)').join(', ');
    return new AppError('validation_failed', `Invalid value for: ${fields}`, issues);
  }
}
