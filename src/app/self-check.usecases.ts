import type { LeadContact } from '../db/schema/index.ts';
import { assessSelfCheck, CANDIDACY_RULE_SET_VERSION, type SelfCheckAnswers } from '../domain/screening/index.ts';
import { clinicNotFound, leadContactRequired, selfCheckThrottled } from './candidacy.errors.ts';
import { type Deps, inTransaction } from './deps.ts';
import type { SelfCheckThrottle } from './self-check-throttle.ts';

export interface SelfCheckInput {
  clinicId: string;
  answers: SelfCheckAnswers;
  contact?: (LeadContact & { consentToContact: boolean }) | undefined;
}

/** The clinics a person may address the public self-check to: name, phone and time zone only. */
export async function listPublicClinics(deps: Deps) {
  const organization = await deps.repos.organization.findOrganization();
  if (!organization) return [];
  const clinics = await deps.repos.organization.listClinics(organization.id);
  return clinics.map((c) => ({ id: c.id, name: c.name, phone: c.phone, timeZone: c.timeZone }));
}

/**
 * Assesses a public self-check (issue 4, item 2) and stores it; a lead is raised only when the person asks to be
 * contacted, consents to it and gives a phone or an email. The answer is the plain-language assessment only:
 * never the health answers, the fired rule ids or the DN4 score.
 */
export async function submitSelfCheck(input: SelfCheckInput, request: { ip: string }, throttle: SelfCheckThrottle, deps: Deps) {
  const now = deps.clock();
  const retryAfterS = throttle.take(request.ip, now.getTime());
  if (retryAfterS > 0) throw selfCheckThrottled(retryAfterS);
  const organization = await deps.repos.organization.findOrganization();
  const clinic = await deps.repos.organization.findClinic(input.clinicId);
  if (!clinic || clinic.organizationId !== organization?.id) throw clinicNotFound();
  const wantsContact = input.contact?.consentToContact === true;
  if (wantsContact && !input.contact?.phone && !input.contact?.email) throw leadContactRequired();
  const assessment = assessSelfCheck(input.answers);
  const submissionId = deps.newId();
  await inTransaction(deps, async (repos) => {
    await repos.leads.insertSubmission({
      id: submissionId,
      clinicId: clinic.id,
      submittedAt: now,
      answers: input.answers,
      assessment,
      ruleSetVersion: CANDIDACY_RULE_SET_VERSION,
    });
    if (!wantsContact || !input.contact) return;
    const { consentToContact, ...contact } = input.contact;
    await repos.leads.insertLead({
      id: deps.newId(),
      clinicId: clinic.id,
      submissionId,
      createdAt: now,
      contact,
      consentToContact,
      status: 'new',
      patientId: null,
    });
  });
  return {
    assessment: { outcome: assessment.outcome, reasons: [...assessment.reasons], routesToDiscuss: [...assessment.routesToDiscuss] },
    consultationRequested: wantsContact,
  };
}
