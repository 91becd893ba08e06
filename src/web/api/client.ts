import type { ErrorCode } from '../../shared/api/errors.ts';

/** Codes the client adds for failures that never reached the API's error vocabulary. */
export type ClientErrorCode = ErrorCode | 'network' | 'unknown';

/** An API failure, carrying the stable `code` the UI translates (never the server's message). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ClientErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** Session-wide problems any request may report; the session layer decides what to show. */
export type SessionProblem =
  'unauthenticated' | 'session_expired' | 'password_change_required' | 'totp_enrollment_required';

const SESSION_PROBLEMS: ReadonlySet<string> = new Set<SessionProblem>([
  'unauthenticated',
  'session_expired',
  'password_change_required',
  'totp_enrollment_required',
]);

let csrfToken: string | null = null;
let onSessionProblem: ((problem: SessionProblem) => void) | null = null;

/** Remembers the CSRF token from the login or session response; it goes on every write. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Registers the one listener told when a request finds the session gone or restricted. */
export function setSessionProblemListener(listener: ((p: SessionProblem) => void) | null): void {
  onSessionProblem = listener;
}

export interface RequestOptions {
  /** When false, session problems are thrown to the caller only (used by the session probe). */
  reportSessionProblems?: boolean;
  /** Lets the request outlive the page (the quick exit signs out while it leaves). */
  keepalive?: boolean;
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** Sends one JSON request to the Lantern API and returns the parsed body (undefined for 204). */
export async function request<T>(
  method: Method,
  path: string,
  body?: unknown,
  options: RequestOptions = {},
): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken !== null) headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(`/api/v1${path}`, {
      method,
      headers,
      credentials: 'same-origin',
      keepalive: options.keepalive ?? false,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (cause) {
    throw new ApiError(0, 'network', cause instanceof Error ? cause.message : 'network error');
  }
  if (response.ok) {
    if (response.status === 204) return undefined as T;
    return (await response.json()) as T;
  }
  const error = await readError(response);
  if (options.reportSessionProblems !== false && SESSION_PROBLEMS.has(error.code)) {
    onSessionProblem?.(error.code as SessionProblem);
  }
  throw error;
}

async function readError(response: Response): Promise<ApiError> {
  try {
    const parsed = (await response.json()) as {
      error?: { code?: ErrorCode; message?: string; details?: unknown };
    };
    const e = parsed.error;
    if (e?.code) return new ApiError(response.status, e.code, e.message ?? '', e.details);
  } catch {
    // Not JSON (a proxy's error page, for example): fall through to a generic error.
  }
  return new ApiError(response.status, 'unknown', response.statusText);
}
