import { type ChainBreak, findFirstChainBreak } from '../domain/audit/audit-chain.ts';
import { chainHashHex } from './chain-hash.ts';
import type { Deps, Repositories, RequestContext } from './deps.ts';

export interface PatientAuditEvent {
  clinicId: string;
  patientId: string | null;
  role: string;
  action: PatientAuditAction | AccountAuditAction;
  resource: string;
}
type PatientAuditAction = 'read' | 'search' | 'create' | 'update' | 'read_versions' | 'read_access_log';
/** Changes to who may sign in and in which capacity: accounts, roles, clinic memberships, portal invitations. */
export type AccountAuditAction =
  | 'account.create'
  | 'account.rename'
  | 'account.deactivate'
  | 'account.reactivate'
  | 'account.roles_change'
  | 'portal.invite'
  | 'portal.accept';

/** Appends one audit entry (inside the caller's transaction when given its repositories). */
export async function recordPatientAccess(event: PatientAuditEvent, ctx: RequestContext, deps: Deps, repos: Repositories = deps.repos) {
  await repos.audit.append({
    clinicId: event.clinicId,
    at: deps.clock().toISOString(),
    actorId: ctx.actor.userId,
    actorRole: event.role,
    patientId: event.patientId,
    action: event.action,
    resource: event.resource,
    requestId: ctx.requestId,
  });
}

/** An account change (by an admin) in one clinic's audit chain; no patient is involved. */
export async function recordAccountChange(
  event: { clinicId: string; action: AccountAuditAction; resource: string },
  ctx: RequestContext,
  deps: Deps,
  repos: Repositories,
) {
  await recordPatientAccess({ ...event, patientId: null, role: 'admin' }, ctx, deps, repos);
}

export interface AuditVerification {
  ok: boolean;
  clinics: { clinicId: string; entries: number; headSeq: number | null }[];
  firstBreak: ChainBreak | null;
}

/** Recomputes every clinic's chain page by page and compares its end with the recorded head. */
export async function verifyAuditTrail(deps: Deps): Promise<AuditVerification> {
  const clinics: AuditVerification['clinics'] = [];
  for (const clinicId of await deps.repos.audit.listClinicIds()) {
    const entries = [];
    for (let afterSeq = 0; ; ) {
      const page = await deps.repos.audit.listChainPage(clinicId, afterSeq, 5000);
      entries.push(...page);
      if (page.length < 5000) break;
      afterSeq = page.at(-1)!.seq;
    }
    const head = await deps.repos.audit.findHead(clinicId);
    const firstBreak = findFirstChainBreak(entries, head, chainHashHex);
    clinics.push({ clinicId, entries: entries.length, headSeq: head?.seq ?? null });
    if (firstBreak) return { ok: false, clinics, firstBreak: { ...firstBreak, clinicId } };
  }
  return { ok: true, clinics, firstBreak: null };
}
