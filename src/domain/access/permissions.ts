/**
 * Who may do what (issue 2, item 4). Staff act through roles held per clinic; a patient only on their own
 * record. Pure: the use cases pass the actor and the patient's home clinic.
 */
export type StaffRole = 'admin' | 'physician' | 'nurse' | 'front_desk';
export type Role = StaffRole | 'patient';

export type PatientPermission =
  | 'patient.read_demographics'
  | 'patient.read_clinical'
  | 'patient.create'
  | 'patient.update_demographics'
  | 'patient.update_clinical'
  | 'patient.read_access_log'
  | 'patient.invite_portal'
  | 'consent.read'
  | 'consent.sign'
  | 'consent.attest'
  | 'consent.withdraw'
  | 'evaluation.read'
  | 'evaluation.create'
  | 'evaluation.sign';

export interface Actor {
  userId: string;
  name: string;
  organizationId: string;
  /** Staff roles by clinic id. */
  rolesByClinic: ReadonlyMap<string, readonly StaffRole[]>;
  activeClinicId: string | null;
  /** Set when this user is a patient with a portal account. */
  patientId: string | null;
}

/** Staff roles allowed each permission; admins see demographics (to run audits) but never clinical content. */
export const STAFF_PERMISSIONS: Record<PatientPermission, readonly StaffRole[]> = {
  'patient.read_demographics': ['admin', 'physician', 'nurse', 'front_desk'],
  'patient.read_clinical': ['physician', 'nurse'],
  'patient.create': ['physician', 'nurse', 'front_desk'],
  'patient.update_demographics': ['physician', 'nurse', 'front_desk'],
  'patient.update_clinical': ['physician', 'nurse'],
  'patient.read_access_log': ['admin'],
  // The staff who register and meet the patient hand out the portal link; never admins, who would otherwise
  // have a path to a clinical record (an account they opened themselves).
  'patient.invite_portal': ['physician', 'nurse', 'front_desk'],
  // Consent (issue 4, item 4): the front desk checks status and hands the clinic tablet to a present patient;
  // attesting the discussion and recording a withdrawal are clinical acts. Admins manage templates only.
  'consent.read': ['physician', 'nurse', 'front_desk'],
  'consent.sign': ['physician', 'nurse', 'front_desk'],
  'consent.attest': ['physician', 'nurse'],
  'consent.withdraw': ['physician', 'nurse'],
  // Candidacy (issue 4, item 3): nurses and physicians evaluate; only a physician signs (and overrides).
  'evaluation.read': ['physician', 'nurse'],
  'evaluation.create': ['physician', 'nurse'],
  'evaluation.sign': ['physician'],
};

/** What a patient may do on their own record. */
const SELF_PERMISSIONS: ReadonlySet<PatientPermission> = new Set([
  'patient.read_demographics',
  'patient.read_clinical',
  'patient.read_access_log',
  'consent.read',
  'consent.sign',
  'consent.withdraw',
]);

/**
 * The role under which the actor may exercise a permission on a patient of `clinicId`, or null when denied.
 * The most clinical role wins so the audit trail records the capacity the data was seen in.
 */
export function findGrantingRole(
  actor: Actor,
  permission: PatientPermission,
  target: { clinicId: string; patientId?: string | undefined },
): Role | null {
  if (actor.patientId !== null && target.patientId === actor.patientId) return SELF_PERMISSIONS.has(permission) ? 'patient' : null;
  const held = actor.rolesByClinic.get(target.clinicId) ?? [];
  for (const role of ['physician', 'nurse', 'front_desk', 'admin'] as const) {
    if (held.includes(role) && STAFF_PERMISSIONS[permission].includes(role)) return role;
  }
  return null;
}

/** True when the actor holds `role` in at least one clinic (admin screens are organization-wide). */
export function holdsRoleAnywhere(actor: Actor, role: StaffRole): boolean {
  for (const roles of actor.rolesByClinic.values()) if (roles.includes(role)) return true;
  return false;
}

/** Clinic-level actions of the pharmacology core (issue 3, item 9): not tied to one patient record. */
export type ClinicPermission =
  | 'pk.simulate'
  | 'dose.check'
  | 'drug_library.read'
  | 'drug_library.draft'
  | 'drug_library.approve'
  | 'consent_template.read'
  | 'consent_template.write'
  | 'lead.read'
  | 'lead.read_health'
  | 'lead.update'
  | 'safety_task.read'
  | 'safety_task.complete'
  | 'ledger.read'
  | 'ledger.read_patient_log'
  | 'ledger.register'
  | 'ledger.receive'
  | 'ledger.administer'
  | 'ledger.dispense'
  | 'ledger.dispose'
  | 'ledger.correct'
  | 'ledger.count';

/** Drafts are an admin's task; approval is clinical (a physician, never the draft's author: checked by the use case). */
export const CLINIC_PERMISSIONS: Record<ClinicPermission, readonly StaffRole[]> = {
  'pk.simulate': ['physician', 'nurse'],
  'dose.check': ['physician', 'nurse'],
  'drug_library.read': ['admin', 'physician', 'nurse'],
  'drug_library.draft': ['admin'],
  'drug_library.approve': ['physician'],
  'consent_template.read': ['admin', 'physician', 'nurse', 'front_desk'],
  'consent_template.write': ['admin'],
  // Self-check leads (issue 4, item 2): the front desk calls people back; what they told us about their health is
  // for clinicians only. Admins see the list (contact and outcome) to run the clinic, never the answers.
  'lead.read': ['admin', 'physician', 'nurse', 'front_desk'],
  'lead.read_health': ['physician', 'nurse'],
  'lead.update': ['physician', 'nurse', 'front_desk'],
  // PHQ-9 item 9 safety tasks (DOMAIN.md 8) are clinical follow-up.
  'safety_task.read': ['physician', 'nurse'],
  'safety_task.complete': ['physician', 'nurse'],
  // The Schedule III ledger (issue 5; DOMAIN.md 10). Admins (clinic managers) receive, move, count and report stock
  // and manage registrations, but administration, waste and dispensing are clinical acts, and the administration and
  // dispensing log names patients, so admins never read it.
  'ledger.read': ['admin', 'physician', 'nurse'],
  'ledger.read_patient_log': ['physician', 'nurse'],
  'ledger.register': ['admin'],
  'ledger.receive': ['admin', 'physician', 'nurse'],
  'ledger.administer': ['physician', 'nurse'],
  'ledger.dispense': ['physician', 'nurse'],
  'ledger.dispose': ['admin', 'physician', 'nurse'],
  'ledger.correct': ['admin', 'physician', 'nurse'],
  'ledger.count': ['admin', 'physician', 'nurse'],
};

/** The staff role under which the actor may take a clinic-level action in `clinicId`, or null when denied. */
export function findClinicRole(actor: Actor, permission: ClinicPermission, clinicId: string): StaffRole | null {
  const held = actor.rolesByClinic.get(clinicId) ?? [];
  for (const role of ['physician', 'nurse', 'admin', 'front_desk'] as const) {
    if (held.includes(role) && CLINIC_PERMISSIONS[permission].includes(role)) return role;
  }
  return null;
}
