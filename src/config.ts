import { z } from 'zod';

/** The only reader of process.env. Every key: schema, default, one-line doc (README "Configuration"). */
const envSchema = z.object({
  /** HTTP port. */
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** Interface to listen on; 0.0.0.0 to serve the clinic's network. */
  HOST: z.string().default('127.0.0.1'),
  /** Folder of the embedded database (PGlite), used when DATABASE_URL is not set. */
  DATA_DIR: z.string().default('./data'),
  /** postgres://user@host:port/db switches to a PostgreSQL server. */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  /** Size of the pg connection pool (PostgreSQL only). */
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  /** The address users reach the app at; its origin is trusted for cookie-authenticated writes. */
  PUBLIC_URL: z.url().optional(),
  /** Signs session cookies; when unset a random secret is generated once and kept in the database. */
  AUTH_SECRET: z.string().min(32).optional(),
  /** Trust X-Forwarded-* from a reverse proxy (TLS terminator); cookies become Secure behind https. */
  TRUST_PROXY: z.stringbool().default(false),
  /** Sign-in attempts allowed per client IP per minute before 429. */
  LOGIN_ATTEMPTS_PER_MIN: z.coerce.number().int().min(1).max(1000).default(5),
  /** pino level. */
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type Config = z.infer<typeof envSchema>;

export class ConfigError extends Error {}

/** Parses the environment; a bad value stops the start with a message naming the key. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  // An empty variable means "not set" (e.g. DATABASE_URL= in a compose file keeps the embedded database).
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return parsed.data;
}
