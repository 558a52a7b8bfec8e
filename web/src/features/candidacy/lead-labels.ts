import { IconInbox } from '@tabler/icons-react';
import type { Role } from '../auth/auth.api.ts';
import type { LeadStatus, SelfCheckOutcome } from './candidacy.api.ts';

/** Who sees what on /leads: the list for the desk and clinicians; health answers for clinicians only (server-checked). */
export const LEAD_ROLES: readonly Role[] = ['front_desk', 'nurse', 'physician', 'admin'];
export const LEAD_HEALTH_ROLES: readonly Role[] = ['nurse', 'physician'];
export const LEAD_CONVERT_ROLES: readonly Role[] = ['front_desk', 'nurse', 'physician'];

export const LEAD_STATUS_LABELS: Record<LeadStatus, string> = {
  new: 'New',
  contacted: 'Contacted',
  closed: 'Closed',
  converted: 'Registered',
};

export const OUTCOME_LABELS: Record<SelfCheckOutcome, { label: string; color: string }> = {
  worth_discussing: { label: 'Worth discussing', color: 'teal' },
  likely_not_suitable: { label: 'Likely not suitable', color: 'orange' },
};

export const SEVERITY_COLORS: Record<string, string> = { absolute: 'red', relative: 'orange', caution: 'yellow' };

/** "Ana Maria Lopez" -> given "Ana Maria", family "Lopez": a prefill the desk checks, not a rule. */
export function splitName(name: string): { givenName: string; familyName: string } {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  if (parts.length < 2) return { givenName: parts[0] ?? '', familyName: '' };
  return { givenName: parts.slice(0, -1).join(' '), familyName: parts.at(-1) ?? '' };
}

/** The navigation entry for /leads (nav-items.ts). */
export const LEADS_NAV_ITEM = { label: 'Requests', to: '/leads', icon: IconInbox } as const;
