import type { ComponentType } from 'react';
import type { Me, Role } from '../auth/auth.api.ts';
import { EvaluationTab } from '../candidacy/components/evaluation-tab.tsx';
import { ConsentTab } from '../consent/components/consent-tab.tsx';
import { CONSENT_TAB_ROLES } from '../consent/consent-roles.ts';
import { DosingTab } from '../pharmacology/components/dosing-tab.tsx';
import { AccessLogTab } from './components/access-log-tab.tsx';
import { EditTab } from './components/edit-tab.tsx';
import { HistoryTab } from './components/history-tab.tsx';
import { OverviewTab } from './components/overview-tab.tsx';
import { PATIENT_EDIT_ROLES } from './patient-roles.ts';
import type { PatientView } from './patients.api.ts';

export interface ChartTabProps {
  patient: PatientView;
  me: Me;
}

/**
 * The patient chart's tabs. A feature adds its tab here (evaluation, plan, sessions, outcomes, consent);
 * the chart page only renders what this list allows. `roles` are the user's roles in the active clinic, plus
 * `patient` when the chart is the user's own.
 */
export interface ChartTab {
  key: string;
  label: string;
  roles: readonly Role[];
  component: ComponentType<ChartTabProps>;
}

export const chartTabs: readonly ChartTab[] = [
  { key: 'overview', label: 'Overview', roles: ['physician', 'nurse', 'front_desk', 'admin', 'patient'], component: OverviewTab },
  { key: 'edit', label: 'Edit', roles: PATIENT_EDIT_ROLES, component: EditTab },
  { key: 'dosing', label: 'Dosing', roles: ['physician', 'nurse'], component: DosingTab },
  { key: 'evaluation', label: 'Evaluation', roles: ['physician', 'nurse'], component: EvaluationTab },
  { key: 'consent', label: 'Consent', roles: CONSENT_TAB_ROLES, component: ConsentTab },
  { key: 'history', label: 'History', roles: ['physician', 'nurse', 'front_desk', 'admin'], component: HistoryTab },
  { key: 'access-log', label: 'Access log', roles: ['admin', 'patient'], component: AccessLogTab },
];

/** The tabs this user may open on this chart, in registry order. */
export function listVisibleChartTabs(me: Me, patient: PatientView, tabs: readonly ChartTab[] = chartTabs): ChartTab[] {
  const clinicRoles = me.clinics.find((clinic) => clinic.id === me.activeClinicId)?.roles ?? [];
  const roles: Role[] = me.patientId === patient.id ? [...clinicRoles, 'patient'] : clinicRoles;
  return tabs.filter((tab) => tab.roles.some((role) => roles.includes(role)));
}
