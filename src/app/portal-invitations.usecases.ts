import crypto from 'node:crypto';
import { findGrantingRole } from '../domain/access/permissions.ts';
import { recordPatientAccess } from './audit.usecases.ts';
import { type Deps, inTransaction, type RequestContext } from './deps.ts';
import { forbidden, hasSqlState, notFound } from './errors.ts';
import {
  emailTaken,
  invitationExpired,
  invitationNotFound,
  invitationUsed,
  invitationVerificationFailed,
  patientAlreadyLinked,
} from './portal.errors.ts';

/**
 * How long a portal link stays valid. Clinic policy, not a clinical figure: long enough for a patient to open
 * it at home after the visit, short enough that a forwarded or overheard link soon stops working.
 */
export const PORTAL_INVITATION_HOURS = 72;

const hashToken = (token: string) => crypto.createHash('sha256').update(token, 'utf8').digest();

/** The patient, if the actor may invite them: 404 when they may not even see the patient, 403 when only that. */
async function loadInvitable(patientId: string, ctx: RequestContext, deps: Deps) {
  const head = await deps.repos.patients.findHead(patientId);
  const target = head && { clinicId: head.homeClinicId };
  if (
    !head ||
    !target ||
    head.organizationId !== ctx.actor.organizationId ||
    !findGrantingRole(ctx.actor, 'patient.read_demographics', target)
  )
    throw notFound('patient');
  const role = findGrantingRole(ctx.actor, 'patient.invite_portal', target);
  if (!role) throw forbidden('invite a patient to the portal');
  return { head, role };
}

/**
 * Staff of the patient's clinic (not admins) create a one-time link for the patient to open their portal
 * account with a password of their own. The token is returned once (shown to the staff member until email is
 * configured); only its hash is stored. Audited on the patient.
 */
export async function invitePatientToPortal(patientId: string, ctx: RequestContext, deps: Deps) {
  const { head, role } = await loadInvitable(patientId, ctx, deps);
  if (head.userId) throw patientAlreadyLinked();
  const token = crypto.randomBytes(32).toString('base64url');
  const now = deps.clock();
  const expiresAt = new Date(now.getTime() + PORTAL_INVITATION_HOURS * 3_600_000);
  const id = deps.newId();
  await inTransaction(deps, async (repos) => {
    await repos.portalInvitations.insert({
      id,
      tokenHash: hashToken(token),
      patientId,
      clinicId: head.homeClinicId,
      createdBy: ctx.actor.userId,
      createdAt: now,
      expiresAt,
    });
    const event = { clinicId: head.homeClinicId, patientId, role, action: 'portal.invite', resource: `portal_invitation/${id}` } as const;
    await recordPatientAccess(event, ctx, deps, repos);
  });
  return { id, token, expiresAt };
}

/** The invitations of a patient (who invited, when, used or not), for staff who may invite. */
export async function listPortalInvitations(patientId: string, ctx: RequestContext, deps: Deps) {
  const { head, role } = await loadInvitable(patientId, ctx, deps);
  const rows = await deps.repos.portalInvitations.listForPatient(patientId);
  return {
    hasAccount: head.userId !== null,
    items: rows.map((r) => ({ id: r.id, createdAt: r.createdAt, expiresAt: r.expiresAt, acceptedAt: r.acceptedAt })),
  };
}

async function findOpenInvitation(token: string, deps: Deps) {
  const invitation = await deps.repos.portalInvitations.findByTokenHash(hashToken(token));
  if (!invitation) throw invitationNotFound();
  if (invitation.acceptedAt) throw invitationUsed();
  if (invitation.expiresAt.getTime() <= deps.clock().getTime()) throw invitationExpired();
  return invitation;
}

/** What the link's page shows before the patient chooses a password: the clinic and until when it is valid. */
export async function describePortalInvitation(token: string, deps: Deps) {
  const invitation = await findOpenInvitation(token, deps);
  const clinic = await deps.repos.organization.findClinic(invitation.clinicId);
  return { clinicName: clinic?.name ?? '', expiresAt: invitation.expiresAt };
}

/**
 * The patient opens their account: the date of birth on record confirms it is them, the password is theirs.
 * The account, its link to the record, the invitation's use and the audit entry land in one transaction; the
 * claim is one guarded UPDATE, so two parallel acceptances open one account.
 */
export async function acceptPortalInvitation(
  token: string,
  input: { email: string; password: string; birthDate: string },
  requestId: string,
  deps: Deps,
) {
  const invitation = await findOpenInvitation(token, deps);
  const patient = await deps.repos.patients.findCurrent(invitation.patientId);
  if (!patient) throw invitationNotFound();
  if (patient.record.demographics.birthDate !== input.birthDate) throw invitationVerificationFailed();
  if (patient.userId) throw patientAlreadyLinked();
  const email = input.email.toLowerCase();
  if (await deps.repos.organization.findUserByEmail(email)) throw emailTaken();
  const passwordHash = await (await deps.auth.$context).password.hash(input.password);
  const userId = deps.newId();
  const { givenName, familyName } = patient.record.demographics;
  try {
    await inTransaction(deps, async (repos) => {
      const at = deps.clock();
      const name = `${givenName} ${familyName}`;
      await repos.organization.insertUser({ id: userId, email, name, organizationId: patient.organizationId, passwordHash, at });
      if (!(await repos.portalInvitations.claim(invitation.id, userId, at))) throw invitationUsed();
      await repos.patients.linkUser(patient.id, userId);
      const event = {
        clinicId: invitation.clinicId,
        patientId: patient.id,
        role: 'patient',
        action: 'portal.accept',
        resource: `user/${userId}`,
      } as const;
      const actor = {
        userId,
        name,
        organizationId: patient.organizationId,
        rolesByClinic: new Map(),
        activeClinicId: null,
        patientId: patient.id,
      };
      await recordPatientAccess(event, { actor, requestId }, deps, repos);
    });
  } catch (error) {
    // A parallel acceptance took the email or linked the record first (unique indexes).
    if (hasSqlState(error, '23505')) throw (await deps.repos.organization.findUserByEmail(email)) ? emailTaken() : patientAlreadyLinked();
    throw error;
  }
  return { email };
}
