/**
 * The stable error vocabulary of the API. Every error response has the shape
 * `{ "error": { "code", "message", "details" } }`; clients branch on `code`, never on `message`.
 */
export const ERROR_STATUS = {
  validation_failed: 400,
  malformed_json: 400,
  invalid_encoding: 400,
  unauthenticated: 401,
  session_expired: 401,
  invalid_credentials: 401,
  totp_required: 401,
  invalid_totp: 401,
  csrf_failed: 403,
  forbidden: 403,
  password_change_required: 403,
  totp_enrollment_required: 403,
  /** The person has not consented to this purpose (details: purpose, serviceType, reason). */
  consent_required: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  /**
   * The data cannot leave with the stated guarantee (e.g. too few records to reach k): nothing
   * is written (details name the rule and the figures).
   */
  disclosure_check_failed: 422,
  body_too_large: 413,
  unsupported_media_type: 415,
  account_locked: 423,
  too_many_requests: 429,
  internal: 500,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export interface ErrorBody {
  error: { code: ErrorCode; message: string; details?: unknown };
}

/** One field that failed validation; `path` is the JSON path, e.g. `person.givenName`. */
export interface FieldIssue {
  path: string;
  message: string;
}
