import { ROUTE_GROUPS, type RouteGroup } from '../domain/consent/consent-record.ts';
import { type ConsentStatus, computeConsentStatus } from '../domain/consent/consent-status.ts';
import { loadClinicTemplates } from './consent-templates.usecases.ts';
import type { Deps } from './deps.ts';

/**
 * The consent status of every route group of a patient, with the rows it was computed from (issue 4, item 4).
 * No authorization and no audit: callers check their own permission and write their own audit entry.
 */
export async function loadRouteConsents(patient: { id: string; homeClinicId: string }, deps: Deps) {
  const templates = await loadClinicTemplates(patient.homeClinicId, deps);
  const signatures = await deps.repos.consent.listSignatures(patient.id);
  const withdrawals = await deps.repos.consent.listWithdrawals(patient.id);
  const routes = ROUTE_GROUPS.flatMap((routeGroup) => {
    const current = templates.find((t) => t.routeGroup === routeGroup && t.isCurrent);
    if (!current) return [];
    const versions = templates.filter((t) => t.templateId === current.templateId);
    const signed = signatures.filter((s) => s.templateId === current.templateId);
    const withdrawn = withdrawals.filter((w) => w.routeGroup === routeGroup);
    const status = computeConsentStatus({ routeGroup, templateVersions: versions, signatures: signed, withdrawals: withdrawn });
    const last = signed[0];
    return [
      {
        routeGroup,
        templateId: current.templateId,
        title: current.title,
        currentVersion: current.version,
        status,
        lastSignature: last ? { id: last.id, version: last.version, signedAt: last.signedAt } : null,
        lastWithdrawal: withdrawn[0] ? { withdrawnAt: withdrawn[0].withdrawnAt, reason: withdrawn[0].reason } : null,
      },
    ];
  });
  return { routes, signatures, withdrawals };
}

/**
 * The gate a session start will call: the consent status of one route group (`missing` when the clinic has no
 * template for it). Only `current` lets a session go ahead (consentAllowsSession).
 */
export async function loadConsentStatus(
  patient: { id: string; homeClinicId: string },
  routeGroup: RouteGroup,
  deps: Deps,
): Promise<ConsentStatus> {
  const { routes } = await loadRouteConsents(patient, deps);
  return routes.find((r) => r.routeGroup === routeGroup)?.status ?? 'missing';
}
