// The minimal entry and the plugin's own path skip adapters and plugins we do not use (about 0.2 s of start-up).

import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import { betterAuth } from 'better-auth/minimal';
import { twoFactor } from 'better-auth/plugins/two-factor';
import type { Database } from '../../db/database.ts';
import { account, rateLimit, session, twoFactor as twoFactorTable, user, verification } from '../../db/schema/index.ts';

export interface AuthLibraryOptions {
  db: Database;
  secret: string;
  /** Origin users reach us at (cookies, TOTP issuer). */
  baseUrl: string;
  loginAttemptsPerMin: number;
}

/** Header carrying the client IP (as Fastify resolved it) into better-auth's per-IP login throttle. */
export const CLIENT_IP_HEADER = 'x-ketaclinic-client-ip';

/**
 * better-auth does password hashing (scrypt), database sessions, TOTP and login throttling. Its router is not
 * exposed: our routes under /api/auth call it in-process, so every public route has our own zod schemas.
 */
export function createAuthLibrary(options: AuthLibraryOptions) {
  return betterAuth({
    appName: 'KetaClinic',
    secret: options.secret,
    baseURL: options.baseUrl,
    basePath: '/api/auth',
    database: drizzleAdapter(options.db, {
      provider: 'pg',
      schema: { user, session, account, verification, twoFactor: twoFactorTable, rateLimit },
    }),
    emailAndPassword: { enabled: true, disableSignUp: true, minPasswordLength: 12, maxPasswordLength: 128 },
    session: {
      expiresIn: 60 * 60 * 12,
      updateAge: 60 * 60,
      additionalFields: { lastActiveAt: { type: 'date', required: false, input: false } },
    },
    user: {
      additionalFields: {
        organizationId: { type: 'string', required: true, input: false },
        active: { type: 'boolean', required: false, defaultValue: true, input: false },
        activeClinicId: { type: 'string', required: false, input: false },
      },
    },
    rateLimit: {
      enabled: true,
      storage: 'database',
      window: 60,
      max: 600,
      customRules: { '/sign-in/email': { window: 60, max: options.loginAttemptsPerMin } },
    },
    advanced: {
      cookiePrefix: 'ketaclinic',
      ipAddress: { ipAddressHeaders: [CLIENT_IP_HEADER] },
      defaultCookieAttributes: { sameSite: 'lax', httpOnly: true },
      database: { generateId: () => crypto.randomUUID() },
    },
    plugins: [twoFactor({ issuer: 'KetaClinic' })],
    logger: { disabled: true },
    telemetry: { enabled: false },
  });
}

export type AuthLibrary = ReturnType<typeof createAuthLibrary>;
