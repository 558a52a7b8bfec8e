import type { ScreeningRoute, Verdict } from '../../../../src/domain/screening/index.ts';

/** How evaluation verdicts and routes read on screen. */
export const VERDICT_LABELS: Record<Verdict, { label: string; color: string }> = {
  eligible: { label: 'Eligible', color: 'teal' },
  eligible_with_cautions: { label: 'Eligible with cautions', color: 'yellow' },
  not_eligible: { label: 'Not eligible', color: 'red' },
};

export const ROUTE_LABELS: Record<ScreeningRoute, string> = {
  iv: 'IV infusion',
  in: 'Intranasal ketamine',
  oral: 'Oral',
  sl: 'Sublingual',
  sc: 'Subcutaneous',
  im: 'Intramuscular',
  topical: 'Topical',
  esketamine_in: 'Esketamine nasal spray',
};
