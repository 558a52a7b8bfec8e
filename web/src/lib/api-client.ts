/**
 * The one way the web app talks to the server (docs/api.md). Every call goes through `requestJson`, which
 * sends the session cookie, turns an error answer into an `ApiError` and reports a lost session (401).
 */

export interface FieldIssue {
  path: string;
  message: string;
}

export interface ApiErrorBody {
  code: string;
  message: string;
  details?: Record<string, unknown>;
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: Record<string, unknown> | undefined;

  constructor(status: number, body: ApiErrorBody) {
    super(body.message);
    this.name = 'ApiError';
    this.status = status;
    this.code = body.code;
    this.details = body.details;
  }

  /** Field-level problems from a 400 answer (`details.issues`), paths joined with dots. */
  get fieldIssues(): FieldIssue[] {
    const issues = this.details?.issues;
    if (!Array.isArray(issues)) return [];
    return issues.flatMap((issue: unknown) => {
      if (typeof issue !== 'object' || issue === null) return [];
      const { path, message } = issue as { path?: unknown; message?: unknown };
      const joined = Array.isArray(path) ? path.join('.') : typeof path === 'string' ? path : '';
      return [{ path: joined, message: typeof message === 'string' ? message : 'Invalid value' }];
    });
  }
}

type UnauthorizedListener = () => void;
let onUnauthorized: UnauthorizedListener = () => {};

/** 401 answers that mean "this password or code is wrong", a form error: the session (if any) is still fine. */
const CREDENTIAL_ERROR_CODES = new Set(['auth.invalid_credentials', 'auth.invalid_totp']);

/** Registers what happens when a call answers 401 because the session is gone: the app returns to sign-in. */
export function setUnauthorizedListener(listener: UnauthorizedListener): void {
  onUnauthorized = listener;
}

interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  query?: Record<string, string | number | undefined>;
  /** Cancels the request (a newer one replaced it); the promise rejects with the AbortError. */
  signal?: AbortSignal;
}

export async function requestJson<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const { method = 'GET', body, query, signal } = options;
  const url = new URL(path, window.location.origin);
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== '') url.searchParams.set(key, String(value));
  }
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      credentials: 'same-origin',
      headers: body === undefined ? { accept: 'application/json' } : { accept: 'application/json', 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal,
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiError(0, { code: 'network.unreachable', message: 'The server cannot be reached. Check the connection and try again.' });
  }
  if (!response.ok) {
    const error = new ApiError(response.status, await readErrorBody(response));
    if (error.status === 401 && !CREDENTIAL_ERROR_CODES.has(error.code)) onUnauthorized();
    throw error;
  }
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

async function readErrorBody(response: Response): Promise<ApiErrorBody> {
  try {
    const parsed = (await response.json()) as { error?: ApiErrorBody };
    if (parsed.error?.code) return parsed.error;
  } catch {
    // Not JSON (a proxy error page, for example): fall through to a generic message.
  }
  return { code: `http.${response.status}`, message: `The server answered ${response.status} ${response.statusText}.` };
}

export function isApiError(error: unknown, status?: number): error is ApiError {
  return error instanceof ApiError && (status === undefined || error.status === status);
}

/** A sentence for the user, whatever was thrown. */
export function describeError(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return error instanceof Error ? error.message : 'Something went wrong.';
}
