import type { RouteGroup } from './consent-record.ts';

/**
 * Whether a patient's consent for a route still holds (issue 4, item 4): only a version marked as a material
 * change since the last signed one asks for re-consent; a withdrawal blocks the route until a new signature.
 */
export type ConsentStatus = 'current' | 'reconsent_required' | 'missing' | 'withdrawn';

export interface TemplateVersionFlag {
  version: number;
  materialChange: boolean;
}

/**
 * True when the patient must sign again: never signed, or a material-change version was published after the
 * highest version they signed. Editorial versions (materialChange false) keep an earlier signature valid.
 */
export function needsReconsent(signedVersions: readonly number[], templateVersions: readonly TemplateVersionFlag[]): boolean {
  if (signedVersions.length === 0) return true;
  const lastSigned = Math.max(...signedVersions);
  return templateVersions.some((t) => t.version > lastSigned && t.materialChange);
}

export interface RouteConsentInput {
  routeGroup: RouteGroup;
  templateVersions: readonly TemplateVersionFlag[];
  signatures: readonly { version: number; signedAt: Date }[];
  withdrawals: readonly { withdrawnAt: Date }[];
}

/**
 * The status of one route: `withdrawn` when the latest withdrawal is at or after the latest signature,
 * `missing` without a signature, `reconsent_required` after a material change, else `current`.
 */
export function computeConsentStatus(input: RouteConsentInput): ConsentStatus {
  const lastSignedAt = Math.max(-Infinity, ...input.signatures.map((s) => s.signedAt.getTime()));
  const lastWithdrawnAt = Math.max(-Infinity, ...input.withdrawals.map((w) => w.withdrawnAt.getTime()));
  if (input.withdrawals.length > 0 && lastWithdrawnAt >= lastSignedAt) return 'withdrawn';
  if (input.signatures.length === 0) return 'missing';
  return needsReconsent(
    input.signatures.map((s) => s.version),
    input.templateVersions,
  )
    ? 'reconsent_required'
    : 'current';
}

/** True when a session on this route may go ahead as far as consent goes. */
export function consentAllowsSession(status: ConsentStatus): boolean {
  return status === 'current';
}
