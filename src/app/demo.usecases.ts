import { DEMO_CLINICS, DEMO_ORGANIZATION, DEMO_USERS } from '../domain/demo/demo-organization.ts';
import { buildDemoPatients } from '../domain/demo/demo-patients.ts';
import { insertUserAccount } from './admin.usecases.ts';
import type { Deps } from './deps.ts';
import { seedDemoLedger } from './ledger/ledger-demo.usecases.ts';

/** Demo accounts end in this domain; a server not in demo mode refuses them at sign-in. */
export const DEMO_EMAIL_DOMAIN = '@demo.clinic';

/** Idle logout for the demo clinics (shared tablets); a clinic setting, not a clinical number. */
const DEMO_IDLE_TIMEOUT_MIN = 15;

/**
 * Seeds an empty database with the demo organization: two clinics, one user per role, 30 synthetic patients.
 * Returns false (and changes nothing) when an organization already exists.
 */
export async function seedDemo(deps: Deps): Promise<boolean> {
  const { organization, patients } = deps.repos;
  if (await organization.findOrganization()) return false;
  const at = deps.clock();
  const organizationId = deps.newId();
  await organization.insertOrganization({ id: organizationId, name: DEMO_ORGANIZATION.name, at });
  const clinicIds = [deps.newId(), deps.newId()] as const;
  for (const [index, clinic] of DEMO_CLINICS.entries()) {
    await organization.insertClinic({
      ...clinic,
      hours: clinic.hours.map((h) => ({ ...h })),
      id: clinicIds[index]!,
      organizationId,
      settings: { idleTimeoutMin: DEMO_IDLE_TIMEOUT_MIN, requireTotpForPhysiciansAndAdmins: false },
      at,
    });
  }
  const demoPatients = buildDemoPatients({ todayIso: at.toISOString().slice(0, 10), clinicIds });
  const userIds = new Map<string, string>();
  for (const user of DEMO_USERS) {
    const roles = user.roles.map((r) => ({ clinicId: clinicIds[r.clinicIndex], role: r.role }));
    userIds.set(user.email, await insertUserAccount({ ...user, organizationId, roles }, deps));
  }
  const registeredBy = userIds.get('frontdesk@demo.clinic')!;
  const patientIds = demoPatients.map(() => deps.newId());
  for (const [index, patient] of demoPatients.entries()) {
    const id = patientIds[index]!;
    await patients.insert({ id, organizationId, homeClinicId: patient.homeClinicId, record: patient.record, createdBy: registeredBy, at });
    await deps.repos.audit.append({
      clinicId: patient.homeClinicId,
      at: at.toISOString(),
      actorId: registeredBy,
      actorRole: 'front_desk',
      patientId: id,
      action: 'create',
      resource: `patient/${id}/v1`,
      requestId: 'seed-demo',
    });
  }
  for (const user of DEMO_USERS) {
    if (user.patientIndex !== null) await patients.linkUser(patientIds[user.patientIndex]!, userIds.get(user.email)!);
  }
  await seedDemoLedger(deps, { organizationId, clinicIds, patientIds, userIdByEmail: userIds });
  return true;
}
