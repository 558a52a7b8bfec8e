import type { ConsentSignatureRow } from '../db/repositories/consent.repository.ts';
import { type Actor, findGrantingRole, type PatientPermission, type Role } from '../domain/access/permissions.ts';
import { hashConsentRecord, hashConsentText, type RouteGroup, type SignerCapacity } from '../domain/consent/consent-record.ts';
import { recordPatientAccess } from './audit.usecases.ts';
import {
  consentAlreadyAttested,
  consentNotFound,
  consentTemplateNotCurrent,
  consentTemplateNotFound,
  consentTextMismatch,
} from './consent.errors.ts';
import { loadRouteConsents } from './consent-status.usecases.ts';
import { loadClinicTemplates, sha256Hex } from './consent-templates.usecases.ts';
import { type Deps, inTransaction, type RequestContext } from './deps.ts';
import { forbidden, notFound } from './errors.ts';

export interface SignConsentInput {
  templateId: string;
  version: number;
  textSha256: string;
  signerName: string;
  signerCapacity: SignerCapacity;
  representativeRelationship?: string | undefined;
  signature: string;
}

/**
 * The patient's head and the role under which the actor may use `permission` on their consents. A patient the
 * actor may not even see answers 404 (no existence leak); a visible patient without the permission 403.
 */
async function authorize(patientId: string, permission: PatientPermission, action: string, actor: Actor, deps: Deps) {
  const head = await deps.repos.patients.findHead(patientId);
  const target = head && { clinicId: head.homeClinicId, patientId: head.id };
  if (!head || !target || head.organizationId !== actor.organizationId) throw notFound('patient');
  const role = findGrantingRole(actor, permission, target);
  if (role) return { head, role };
  if (permission === 'consent.read' || !findGrantingRole(actor, 'patient.read_demographics', target)) throw notFound('patient');
  throw forbidden(action);
}

const audit = (head: { id: string; homeClinicId: string }, role: Role, action: 'read' | 'create', resource: string) => ({
  clinicId: head.homeClinicId,
  patientId: head.id,
  role,
  action,
  resource,
});

/** Status per route group (current, reconsent_required, missing, withdrawn) and the history (issue 4, item 4). */
export async function getPatientConsents(patientId: string, ctx: RequestContext, deps: Deps) {
  const { head, role } = await authorize(patientId, 'consent.read', 'read consents', ctx.actor, deps);
  const { routes, signatures, withdrawals } = await loadRouteConsents(head, deps);
  const attestations = await deps.repos.consent.listAttestations(signatures.map((s) => s.id));
  await recordPatientAccess(audit(head, role, 'read', `patient/${head.id}/consents`), ctx, deps);
  const history = signatures.map((s) => ({
    id: s.id,
    templateId: s.templateId,
    version: s.version,
    routeGroup: s.routeGroup,
    signerName: s.signerName,
    signerCapacity: s.signerCapacity,
    signedAt: s.signedAt,
    signedVia: s.signedVia,
    attested: attestations.some((a) => a.signatureId === s.id),
  }));
  const withdrawalHistory = withdrawals.map((w) => ({ id: w.id, routeGroup: w.routeGroup, withdrawnAt: w.withdrawnAt, reason: w.reason }));
  return { routes, signatures: history, withdrawals: withdrawalHistory };
}

/** Recomputes the record hash from the stored fields (a mismatch shows tampering outside the triggers). */
const recomputeRecordHash = (s: ConsentSignatureRow) =>
  hashConsentRecord(
    {
      templateId: s.templateId,
      templateVersion: s.version,
      textSha256: s.textSha256,
      patientId: s.patientId,
      signerName: s.signerName,
      signerCapacity: s.signerCapacity,
      representativeRelationship: s.representativeRelationship,
      signedAtIso: s.signedAt.toISOString(),
      signatureSha256: s.signatureSha256,
    },
    sha256Hex,
  );

async function toRecordView(s: ConsentSignatureRow, deps: Deps) {
  const template = await deps.repos.consent.findTemplateVersion(s.clinicId, s.templateId, s.version);
  const attestations = await deps.repos.consent.listAttestations([s.id]);
  return {
    id: s.id,
    patientId: s.patientId,
    templateId: s.templateId,
    version: s.version,
    routeGroup: s.routeGroup,
    title: template?.title ?? '',
    text: template?.body ?? '',
    textSha256: s.textSha256,
    signerName: s.signerName,
    signerCapacity: s.signerCapacity,
    representativeRelationship: s.representativeRelationship,
    signature: s.signature,
    signatureSha256: s.signatureSha256,
    signedAt: s.signedAt,
    ip: s.ip,
    signedVia: s.signedVia,
    recordSha256: s.recordSha256,
    recordHashValid: recomputeRecordHash(s) === s.recordSha256 && hashConsentText(template?.body ?? '', sha256Hex) === s.textSha256,
    attestations: attestations.map((a) => ({ clinician: a.clinician, attestedAt: a.attestedAt, note: a.note })),
  };
}

/**
 * Signs the current version of a template: the patient in the portal, or staff on a clinic tablet for a present
 * patient or legal representative. An older version answers 409 `consent.template_not_current`.
 */
export async function signConsent(patientId: string, input: SignConsentInput & { ip: string }, ctx: RequestContext, deps: Deps) {
  const { head, role } = await authorize(patientId, 'consent.sign', 'sign consents', ctx.actor, deps);
  const versions = (await loadClinicTemplates(head.homeClinicId, deps)).filter((t) => t.templateId === input.templateId);
  const current = versions.find((t) => t.isCurrent);
  if (!current) throw consentTemplateNotFound();
  if (input.version !== current.version) throw consentTemplateNotCurrent(current.version);
  if (input.textSha256 !== current.textSha256) throw consentTextMismatch();
  const signedAt = deps.clock();
  const signerName = input.signerName.normalize('NFC').trim();
  const relationship =
    input.signerCapacity === 'legal_representative' ? (input.representativeRelationship?.normalize('NFC').trim() ?? null) : null;
  const signatureSha256 = sha256Hex(input.signature);
  const recordSha256 = hashConsentRecord(
    {
      templateId: current.templateId,
      templateVersion: current.version,
      textSha256: current.textSha256,
      patientId: head.id,
      signerName,
      signerCapacity: input.signerCapacity,
      representativeRelationship: relationship,
      signedAtIso: signedAt.toISOString(),
      signatureSha256,
    },
    sha256Hex,
  );
  const row: ConsentSignatureRow = {
    id: deps.newId(),
    clinicId: head.homeClinicId,
    patientId: head.id,
    templateId: current.templateId,
    version: current.version,
    routeGroup: current.routeGroup,
    textSha256: current.textSha256,
    signerName,
    signerCapacity: input.signerCapacity,
    representativeRelationship: relationship,
    signature: input.signature,
    signatureSha256,
    signedAt,
    ip: input.ip,
    recordSha256,
    signedVia: role === 'patient' ? 'portal' : 'tablet',
    recordedBy: ctx.actor.userId,
  };
  await inTransaction(deps, async (repos) => {
    await repos.consent.insertSignature(row);
    await recordPatientAccess(audit(head, role, 'create', `consent/${row.id}`), ctx, deps, repos);
  });
  return toRecordView(row, deps);
}

/** One signed consent as its printable copy: text, signer, time, IP, hashes, attestations. */
export async function getConsentRecord(patientId: string, signatureId: string, ctx: RequestContext, deps: Deps) {
  const { head, role } = await authorize(patientId, 'consent.read', 'read consents', ctx.actor, deps);
  const row = await deps.repos.consent.findSignature(head.id, signatureId);
  if (!row) throw consentNotFound();
  await recordPatientAccess(audit(head, role, 'read', `consent/${row.id}`), ctx, deps);
  return toRecordView(row, deps);
}

/** A physician or nurse attests that the consent discussion took place (once per signature). */
export async function attestConsent(
  patientId: string,
  signatureId: string,
  input: { note?: string | undefined },
  ctx: RequestContext,
  deps: Deps,
) {
  const { head, role } = await authorize(patientId, 'consent.attest', 'attest consent discussions', ctx.actor, deps);
  const row = await deps.repos.consent.findSignature(head.id, signatureId);
  if (!row) throw consentNotFound();
  await inTransaction(deps, async (repos) => {
    if ((await repos.consent.listAttestations([row.id])).length > 0) throw consentAlreadyAttested();
    await repos.consent.insertAttestation({
      id: deps.newId(),
      signatureId: row.id,
      clinicianId: ctx.actor.userId,
      attestedAt: deps.clock(),
      note: input.note ?? null,
    });
    await recordPatientAccess(audit(head, role, 'create', `consent/${row.id}/attestation`), ctx, deps, repos);
  });
  return toRecordView(row, deps);
}

/** Records a withdrawal for a route group: the status turns `withdrawn` and blocks sessions until a new signature. */
export async function withdrawConsent(
  patientId: string,
  input: { routeGroup: RouteGroup; reason: string },
  ctx: RequestContext,
  deps: Deps,
) {
  const { head, role } = await authorize(patientId, 'consent.withdraw', 'withdraw consents', ctx.actor, deps);
  const withdrawal = {
    id: deps.newId(),
    patientId: head.id,
    routeGroup: input.routeGroup,
    withdrawnAt: deps.clock(),
    recordedBy: ctx.actor.userId,
    reason: input.reason,
  };
  await inTransaction(deps, async (repos) => {
    await repos.consent.insertWithdrawal(withdrawal);
    await recordPatientAccess(audit(head, role, 'create', `consent-withdrawal/${withdrawal.id}`), ctx, deps, repos);
  });
  return { id: withdrawal.id, routeGroup: withdrawal.routeGroup, withdrawnAt: withdrawal.withdrawnAt, reason: withdrawal.reason };
}
