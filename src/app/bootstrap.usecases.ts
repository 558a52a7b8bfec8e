import { randomBytes } from 'node:crypto';
import type { Repositories } from './deps.ts';

/**
 * The secret that signs session cookies: AUTH_SECRET when configured, otherwise generated once and kept in the
 * database, so every app server on the same database agrees and restarts keep users signed in.
 */
export async function resolveAuthSecret(repos: Repositories, configured: string | undefined, clock: () => Date): Promise<string> {
  if (configured) return configured;
  const stored = await repos.organization.readInstanceSetting('auth_secret');
  if (stored) return stored;
  await repos.organization.writeInstanceSettingOnce('auth_secret', randomBytes(32).toString('base64url'), clock());
  return (await repos.organization.readInstanceSetting('auth_secret'))!;
}
