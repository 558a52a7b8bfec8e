import { fileURLToPath } from 'node:url';

/**
 * The package root, found relative to this module. It works from source (src/paths.ts) and from the built
 * bundle (dist/ketaclinic.mjs) alike, because both sit one folder below the root.
 */
export const PACKAGE_ROOT = fileURLToPath(new URL('../', import.meta.url));

export const MIGRATIONS_DIR = `${PACKAGE_ROOT}src/db/migrations`;
export const WEB_DIST_DIR = `${PACKAGE_ROOT}web/dist`;
