import { createHash } from 'node:crypto';
import type { ConsentTemplateRow } from '../db/repositories/consent.repository.ts';
import { findGrantingRole } from '../domain/access/permissions.ts';
import { hashConsentText } from '../domain/consent/consent-record.ts';
import { DEFAULT_CONSENT_TEMPLATES } from '../domain/consent/default-templates.ts';
import { consentTemplateNotFound, consentVersionTaken } from './consent.errors.ts';
import type { Deps, Repositories, RequestContext } from './deps.ts';
import { requireClinicRole } from './drug-library.usecases.ts';
import { forbidden, noActiveClinic } from './errors.ts';
import { isUniqueViolation } from './pharmacology.errors.ts';

export const sha256Hex = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

export interface ConsentTemplateView extends ConsentTemplateRow {
  textSha256: string;
  isCurrent: boolean;
}

/**
 * A clinic's consent template versions; a clinic with none gets the shipped defaults as version 1 (seeded on
 * first use, idempotent, created_by null).
 */
export async function loadClinicTemplates(clinicId: string, deps: Deps, repos: Repositories = deps.repos): Promise<ConsentTemplateView[]> {
  let rows = await repos.consent.listTemplates(clinicId);
  if (rows.length === 0) {
    const createdAt = deps.clock();
    await repos.consent.insertTemplates(
      DEFAULT_CONSENT_TEMPLATES.map((t) => ({ clinicId, ...t, version: 1, materialChange: true, createdBy: null, createdAt })),
      { ignoreExisting: true },
    );
    rows = await repos.consent.listTemplates(clinicId);
  }
  const highest = new Map<string, number>();
  for (const r of rows) highest.set(r.templateId, Math.max(highest.get(r.templateId) ?? 0, r.version));
  return rows.map((r) => ({ ...r, textSha256: hashConsentText(r.body, sha256Hex), isCurrent: highest.get(r.templateId) === r.version }));
}

/** Every template version of the clinic: staff of the active clinic, a patient their home clinic's. */
export async function listConsentTemplates(ctx: RequestContext, deps: Deps) {
  const { actor } = ctx;
  if (actor.patientId) {
    const head = await deps.repos.patients.findHead(actor.patientId);
    if (!head || !findGrantingRole(actor, 'consent.read', { clinicId: head.homeClinicId, patientId: head.id })) {
      throw forbidden('read consent templates');
    }
    return loadClinicTemplates(head.homeClinicId, deps);
  }
  if (!actor.activeClinicId) throw noActiveClinic();
  const { clinicId } = requireClinicRole(ctx, 'consent_template.read', 'read consent templates');
  return loadClinicTemplates(clinicId, deps);
}

/**
 * Stores a new version of an existing template (admins); it becomes current at once. `materialChange` decides
 * whether patients who signed an earlier version must sign again (needsReconsent).
 */
export async function createConsentTemplateVersion(
  templateId: string,
  input: { title: string; body: string; materialChange: boolean },
  ctx: RequestContext,
  deps: Deps,
): Promise<ConsentTemplateView> {
  const { clinicId } = requireClinicRole(ctx, 'consent_template.write', 'write consent templates');
  const versions = (await loadClinicTemplates(clinicId, deps)).filter((t) => t.templateId === templateId);
  const latest = versions[0];
  if (!latest) throw consentTemplateNotFound();
  const row = {
    templateId,
    version: latest.version + 1,
    routeGroup: latest.routeGroup,
    title: input.title,
    body: input.body,
    materialChange: input.materialChange,
    createdAt: deps.clock(),
  };
  try {
    await deps.repos.consent.insertTemplates([{ ...row, clinicId, createdBy: ctx.actor.userId }], { ignoreExisting: false });
  } catch (error) {
    throw isUniqueViolation(error) ? consentVersionTaken() : error;
  }
  return {
    ...row,
    createdBy: { id: ctx.actor.userId, name: ctx.actor.name },
    textSha256: hashConsentText(row.body, sha256Hex),
    isCurrent: true,
  };
}
