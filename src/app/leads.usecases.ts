import type { LeadRow } from '../db/repositories/leads.repository.ts';
import { type Actor, type ClinicPermission, findClinicRole } from '../domain/access/permissions.ts';
import type { NewPatientInput } from '../domain/patients/patient-input.ts';
import { recordPatientAccess } from './audit.usecases.ts';
import { leadAlreadyConverted, leadStatusLocked } from './candidacy.errors.ts';
import type { Deps, RequestContext } from './deps.ts';
import { forbidden, noActiveClinic, notFound } from './errors.ts';
import { createPatient } from './patients.usecases.ts';

type LeadWithOutcome = LeadRow & { outcome: 'worth_discussing' | 'likely_not_suitable' };

const toSummary = (lead: LeadWithOutcome) => ({
  id: lead.id,
  createdAt: lead.createdAt,
  contact: lead.contact,
  status: lead.status,
  outcome: lead.outcome,
  patientId: lead.patientId,
});

/** Loads a lead the actor may see in its clinic (else 404, no existence leak) and checks `permission` (else 403). */
async function loadLead(id: string, permission: ClinicPermission, action: string, actor: Actor, deps: Deps) {
  const lead = await deps.repos.leads.findLead(id);
  const readRole = lead ? findClinicRole(actor, 'lead.read', lead.clinicId) : null;
  if (!lead || !readRole) throw notFound('lead');
  const role = findClinicRole(actor, permission, lead.clinicId);
  if (!role) throw forbidden(action);
  return { lead, role };
}

/** Self-check leads of the active clinic, newest first: contact, status and outcome, never the answers (issue 4, item 2). */
export async function listLeads(status: LeadRow['status'] | undefined, ctx: RequestContext, deps: Deps) {
  const clinicId = ctx.actor.activeClinicId;
  if (!clinicId) throw noActiveClinic();
  const role = findClinicRole(ctx.actor, 'lead.read', clinicId);
  if (!role) throw forbidden('read self-check requests');
  const leads = await deps.repos.leads.listLeads(clinicId, status);
  await recordPatientAccess({ clinicId, patientId: null, role, action: 'search', resource: 'leads' }, ctx, deps);
  return leads.map(toSummary);
}

/**
 * One lead. The health answers and the assessment with its fired rules are loaded only for clinicians; the front
 * desk and admins get contact details and the outcome. The read is audited as access to a prospective patient's data.
 */
export async function getLead(id: string, ctx: RequestContext, deps: Deps) {
  const { lead, role } = await loadLead(id, 'lead.read', 'read self-check requests', ctx.actor, deps);
  const healthRole = findClinicRole(ctx.actor, 'lead.read_health', lead.clinicId);
  const submission = healthRole ? await deps.repos.leads.findSubmission(lead.submissionId) : undefined;
  await recordPatientAccess(
    { clinicId: lead.clinicId, patientId: null, role: healthRole ?? role, action: 'read', resource: `lead/${lead.id}` },
    ctx,
    deps,
  );
  return {
    ...toSummary(lead),
    ...(submission ? { health: { answers: submission.answers, assessment: submission.assessment } } : {}),
  };
}

/** Front desk bookkeeping: the person was called back, or the request is closed. A converted lead keeps its status. */
export async function updateLeadStatus(id: string, status: 'contacted' | 'closed', ctx: RequestContext, deps: Deps) {
  const { lead } = await loadLead(id, 'lead.update', 'update self-check requests', ctx.actor, deps);
  if (lead.status === 'converted') throw leadStatusLocked();
  await deps.repos.leads.updateLeadStatus(lead.id, status);
  return toSummary({ ...lead, status });
}

/**
 * Registers the person as a patient through createPatient (same checks, MRN uniqueness and audit) and links the
 * lead. A second conversion answers 409; the patient is created before the link, so a lost race leaves one extra
 * unlinked record the front desk can see, never a lead pointing at two patients.
 */
export async function convertLead(id: string, input: Pick<NewPatientInput, 'demographics'>, ctx: RequestContext, deps: Deps) {
  const { lead } = await loadLead(id, 'lead.update', 'convert self-check requests', ctx.actor, deps);
  if (lead.patientId) throw leadAlreadyConverted();
  const patient = await createPatient({ demographics: input.demographics, homeClinicId: lead.clinicId }, ctx, deps);
  if (!(await deps.repos.leads.markConverted(lead.id, patient.id))) throw leadAlreadyConverted();
  return { patientId: patient.id };
}
