import { describe, expect, it } from 'vitest';
import type { Me, Role } from '../auth/auth.api.ts';
import { listVisibleChartTabs } from './chart-tabs.ts';
import type { PatientView } from './patients.api.ts';

const patient = { id: 'patient-1', version: 1, homeClinicId: 'clinic-1', access: 'full' } as PatientView;

function meWith(roles: Role[], patientId: string | null = null): Me {
  return {
    user: { id: 'user-1', email: 'someone@example.org', name: 'Someone', totpEnabled: false },
    organization: { id: 'org-1', name: 'Org' },
    clinics: [{ id: 'clinic-1', name: 'Clinic', timeZone: 'America/Denver', roles }],
    activeClinicId: roles.length > 0 ? 'clinic-1' : null,
    patientId,
    idleTimeoutMin: 15,
    totpSetupRequired: false,
  };
}

const keysFor = (me: Me) => listVisibleChartTabs(me, patient).map((tab) => tab.key);

describe('listVisibleChartTabs', () => {
  it('gives a nurse the record, its editing, dosing, evaluation, consent and its history, but not the access log', () => {
    expect(keysFor(meWith(['nurse']))).toEqual(['overview', 'edit', 'dosing', 'evaluation', 'consent', 'history']);
  });

  it('gives an admin the access log and no editing', () => {
    expect(keysFor(meWith(['admin']))).toEqual(['overview', 'history', 'access-log']);
  });

  it('shows a patient who opened their own chart their consents and who looked at it', () => {
    expect(keysFor(meWith([], 'patient-1'))).toEqual(['overview', 'consent', 'access-log']);
  });

  it("does not treat a staff member's own patient account as access to another patient's log", () => {
    expect(keysFor(meWith(['nurse'], 'patient-2'))).toEqual(['overview', 'edit', 'dosing', 'evaluation', 'consent', 'history']);
  });
});
