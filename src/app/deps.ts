import type { Logger } from 'pino';
import type { Database } from '../db/database.ts';
import { createAuditRepository } from '../db/repositories/audit.repository.ts';
import { createAuthSessionsRepository } from '../db/repositories/auth-sessions.repository.ts';
import { createConsentRepository } from '../db/repositories/consent.repository.ts';
import { createDrugLibraryRepository } from '../db/repositories/drug-library.repository.ts';
import { createEvaluationsRepository } from '../db/repositories/evaluations.repository.ts';
import { createLeadsRepository } from '../db/repositories/leads.repository.ts';
import { createLedgerRepository } from '../db/repositories/ledger.repository.ts';
import { createLedgerCountsRepository } from '../db/repositories/ledger-counts.repository.ts';
import { createOrganizationRepository } from '../db/repositories/organization.repository.ts';
import { createPatientsRepository } from '../db/repositories/patients.repository.ts';
import { createPortalInvitationsRepository } from '../db/repositories/portal-invitations.repository.ts';
import type { Actor } from '../domain/access/permissions.ts';
import type { AuthLibrary } from './auth/auth-library.ts';

export function createRepositories(db: Database) {
  return {
    audit: createAuditRepository(db),
    consent: createConsentRepository(db),
    drugLibrary: createDrugLibraryRepository(db),
    evaluations: createEvaluationsRepository(db),
    leads: createLeadsRepository(db),
    ledger: createLedgerRepository(db),
    ledgerCounts: createLedgerCountsRepository(db),
    organization: createOrganizationRepository(db),
    patients: createPatientsRepository(db),
    portalInvitations: createPortalInvitationsRepository(db),
    authSessions: createAuthSessionsRepository(db),
  };
}
export type Repositories = ReturnType<typeof createRepositories>;

/** Everything a use case needs, built once per server; clock and ids are injected so tests are deterministic. */
export interface Deps {
  db: Database;
  repos: Repositories;
  auth: AuthLibrary;
  clock: () => Date;
  newId: () => string;
  logger: Logger;
  /** Demo mode seeds the demo clinic and is the only mode that accepts the public demo accounts. */
  demoMode: boolean;
}

/** The acting user and the request, passed to every use case. */
export interface RequestContext {
  actor: Actor;
  requestId: string;
}

/** Runs `work` in one transaction with repositories bound to it: all of it lands, or none of it. */
export function inTransaction<T>(deps: Deps, work: (repos: Repositories) => Promise<T>): Promise<T> {
  return deps.db.transaction((tx) => work(createRepositories(tx as unknown as Database)));
}
