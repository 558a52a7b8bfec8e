/** The one application error: a dotted code, an HTTP status, a safe message (no patient data) and details. */
export class AppError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const unauthenticated = () => new AppError('auth.unauthenticated', 401, 'Sign in to continue.');
export const invalidCredentials = () => new AppError('auth.invalid_credentials', 401, 'Email or password is wrong.');
export const throttled = (retryAfterS: number) =>
  new AppError('auth.throttled', 429, 'Too many sign-in attempts. Wait and try again.', { retryAfterS });
export const totpRequired = () =>
  new AppError('auth.totp_setup_required', 403, 'This clinic requires a second factor (TOTP) for your role. Set it up first.');
export const forbidden = (action: string) => new AppError('auth.forbidden', 403, `Your role does not allow this action: ${action}.`);
export const noActiveClinic = () => new AppError('auth.no_active_clinic', 403, 'Choose a clinic first.');
export const notFound = (resource: string) => new AppError(`${resource}.not_found`, 404, `No ${resource.replace('_', ' ')} with that id.`);
export const validationFailed = (issues: { path: string; message: string }[]) =>
  new AppError('validation.failed', 400, 'Some fields are not valid.', { issues });
export const versionConflict = (currentVersion: number) =>
  new AppError('patient.version_conflict', 409, 'The record changed since you loaded it. Reload to see the current version.', {
    currentVersion,
  });
export const conflict = (code: string, message: string) => new AppError(code, 409, message);

/** True when a database error (pg or PGlite, possibly wrapped by drizzle in `cause`) has the given SQLSTATE. */
export function hasSqlState(error: unknown, sqlState: string): boolean {
  for (let e: unknown = error; e && typeof e === 'object'; e = (e as { cause?: unknown }).cause) {
    if ((e as { code?: unknown }).code === sqlState) return true;
  }
  return false;
}
