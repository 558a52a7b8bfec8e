import { describe, expect, it } from 'vitest';
import { type Actor, findGrantingRole, holdsRoleAnywhere, type PatientPermission, type Role, type StaffRole } from './permissions.ts';

// Semantics: issue 2, item 4 (front desk sees demographics, nurses chart, physicians sign, admins manage and see
// no clinical content, a patient sees only their own record, staff see only their clinics).

const CLINIC_A = 'clinic-a';
const CLINIC_B = 'clinic-b';

const actorWith = (roles: Record<string, StaffRole[]>, patientId: string | null = null): Actor => ({
  userId: 'user-1',
  name: 'Test User',
  organizationId: 'org-1',
  rolesByClinic: new Map(Object.entries(roles)),
  activeClinicId: Object.keys(roles)[0] ?? null,
  patientId,
});

const ALL_PERMISSIONS: PatientPermission[] = [
  'patient.read_demographics',
  'patient.read_clinical',
  'patient.create',
  'patient.update_demographics',
  'patient.update_clinical',
  'patient.read_access_log',
  'consent.read',
  'consent.sign',
  'consent.attest',
  'consent.withdraw',
  'evaluation.read',
  'evaluation.create',
  'evaluation.sign',
];

type Expected = Record<PatientPermission, Role | null>;

describe('findGrantingRole for a single staff role in the patient clinic', () => {
  const table: [StaffRole, Expected][] = [
    [
      'admin',
      {
        'patient.read_demographics': 'admin',
        'patient.read_clinical': null,
        'patient.create': null,
        'patient.update_demographics': null,
        'patient.update_clinical': null,
        'patient.read_access_log': 'admin',
        'patient.invite_portal': null,
        'consent.read': null,
        'consent.sign': null,
        'consent.attest': null,
        'consent.withdraw': null,
        'evaluation.read': null,
        'evaluation.create': null,
        'evaluation.sign': null,
      },
    ],
    [
      'physician',
      {
        'patient.read_demographics': 'physician',
        'patient.read_clinical': 'physician',
        'patient.create': 'physician',
        'patient.update_demographics': 'physician',
        'patient.update_clinical': 'physician',
        'patient.read_access_log': null,
        'patient.invite_portal': 'physician',
        'consent.read': 'physician',
        'consent.sign': 'physician',
        'consent.attest': 'physician',
        'consent.withdraw': 'physician',
        'evaluation.read': 'physician',
        'evaluation.create': 'physician',
        'evaluation.sign': 'physician',
      },
    ],
    [
      'nurse',
      {
        'patient.read_demographics': 'nurse',
        'patient.read_clinical': 'nurse',
        'patient.create': 'nurse',
        'patient.update_demographics': 'nurse',
        'patient.update_clinical': 'nurse',
        'patient.read_access_log': null,
        'patient.invite_portal': 'nurse',
        'consent.read': 'nurse',
        'consent.sign': 'nurse',
        'consent.attest': 'nurse',
        'consent.withdraw': 'nurse',
        'evaluation.read': 'nurse',
        'evaluation.create': 'nurse',
        'evaluation.sign': null,
      },
    ],
    [
      'front_desk',
      {
        'patient.read_demographics': 'front_desk',
        'patient.read_clinical': null,
        'patient.create': 'front_desk',
        'patient.update_demographics': 'front_desk',
        'patient.update_clinical': null,
        'patient.read_access_log': null,
        'patient.invite_portal': 'front_desk',
        'consent.read': 'front_desk',
        'consent.sign': 'front_desk',
        'consent.attest': null,
        'consent.withdraw': null,
        'evaluation.read': null,
        'evaluation.create': null,
        'evaluation.sign': null,
      },
    ],
  ];

  for (const [role, expected] of table) {
    it.each(ALL_PERMISSIONS)(`${role}: %s answers the expected granting role`, (permission) => {
      const actor = actorWith({ [CLINIC_A]: [role] });
      expect(findGrantingRole(actor, permission, { clinicId: CLINIC_A, patientId: 'p-1' })).toBe(expected[permission]);
    });
  }
});

describe('findGrantingRole when the actor holds several roles', () => {
  it.each<[string, StaffRole[], PatientPermission, Role | null]>([
    ['admin + front desk read demographics as front desk', ['admin', 'front_desk'], 'patient.read_demographics', 'front_desk'],
    ['front desk + nurse read demographics as nurse', ['front_desk', 'nurse'], 'patient.read_demographics', 'nurse'],
    ['nurse + physician read clinical as physician', ['nurse', 'physician'], 'patient.read_clinical', 'physician'],
    ['admin + physician read clinical as physician', ['admin', 'physician'], 'patient.read_clinical', 'physician'],
    ['admin + nurse read the access log as admin', ['nurse', 'admin'], 'patient.read_access_log', 'admin'],
    ['admin + front desk still cannot read clinical', ['admin', 'front_desk'], 'patient.read_clinical', null],
    ['admin + front desk may create (as front desk)', ['admin', 'front_desk'], 'patient.create', 'front_desk'],
  ])('%s', (_label, roles, permission, expected) => {
    const actor = actorWith({ [CLINIC_A]: roles });
    expect(findGrantingRole(actor, permission, { clinicId: CLINIC_A, patientId: 'p-1' })).toBe(expected);
  });

  it('does not depend on the order roles are stored in', () => {
    const forward = actorWith({ [CLINIC_A]: ['front_desk', 'nurse', 'physician', 'admin'] });
    const backward = actorWith({ [CLINIC_A]: ['admin', 'physician', 'nurse', 'front_desk'] });
    for (const permission of ALL_PERMISSIONS) {
      expect(findGrantingRole(forward, permission, { clinicId: CLINIC_A })).toBe(
        findGrantingRole(backward, permission, { clinicId: CLINIC_A }),
      );
    }
  });
});

describe('findGrantingRole across clinics', () => {
  it.each(ALL_PERMISSIONS)('grants nothing for %s in a clinic where the actor has no role', (permission) => {
    const actor = actorWith({ [CLINIC_A]: ['physician', 'nurse', 'front_desk', 'admin'] });
    expect(findGrantingRole(actor, permission, { clinicId: CLINIC_B, patientId: 'p-1' })).toBeNull();
  });

  it('uses the roles held in the target clinic, not those held elsewhere', () => {
    const actor = actorWith({ [CLINIC_A]: ['physician'], [CLINIC_B]: ['front_desk'] });
    expect(findGrantingRole(actor, 'patient.read_clinical', { clinicId: CLINIC_A })).toBe('physician');
    expect(findGrantingRole(actor, 'patient.read_clinical', { clinicId: CLINIC_B })).toBeNull();
    expect(findGrantingRole(actor, 'patient.read_demographics', { clinicId: CLINIC_B })).toBe('front_desk');
  });

  it('treats an empty role list for a clinic as no role', () => {
    const actor = actorWith({ [CLINIC_A]: [] });
    expect(findGrantingRole(actor, 'patient.read_demographics', { clinicId: CLINIC_A })).toBeNull();
  });
});

describe('findGrantingRole for a patient', () => {
  const patient = actorWith({}, 'p-self');

  it.each<[PatientPermission, Role | null]>([
    ['patient.read_demographics', 'patient'],
    ['patient.read_clinical', 'patient'],
    ['patient.read_access_log', 'patient'],
    ['patient.create', null],
    ['patient.update_demographics', null],
    ['patient.update_clinical', null],
    ['consent.read', 'patient'],
    ['consent.sign', 'patient'],
    ['consent.withdraw', 'patient'],
    ['consent.attest', null],
  ])('on their own record, %s gives %s', (permission, expected) => {
    expect(findGrantingRole(patient, permission, { clinicId: CLINIC_A, patientId: 'p-self' })).toBe(expected);
  });

  it.each(ALL_PERMISSIONS)('on another patient, %s is denied', (permission) => {
    expect(findGrantingRole(patient, permission, { clinicId: CLINIC_A, patientId: 'p-other' })).toBeNull();
  });

  it('is denied a clinic-level permission with no patient id', () => {
    expect(findGrantingRole(patient, 'patient.read_demographics', { clinicId: CLINIC_A })).toBeNull();
  });

  it('keeps staff roles for other patients when the patient is also staff', () => {
    const staffPatient = actorWith({ [CLINIC_A]: ['nurse'] }, 'p-self');
    expect(findGrantingRole(staffPatient, 'patient.update_clinical', { clinicId: CLINIC_A, patientId: 'p-other' })).toBe('nurse');
  });
});

describe('holdsRoleAnywhere', () => {
  it.each<[string, Record<string, StaffRole[]>, StaffRole, boolean]>([
    ['admin in one of two clinics', { [CLINIC_A]: ['nurse'], [CLINIC_B]: ['admin'] }, 'admin', true],
    ['admin in no clinic', { [CLINIC_A]: ['nurse'], [CLINIC_B]: ['physician', 'front_desk'] }, 'admin', false],
    ['no clinics at all', {}, 'admin', false],
    ['front desk alongside other roles', { [CLINIC_A]: ['admin', 'front_desk'] }, 'front_desk', true],
    ['an empty role list', { [CLINIC_A]: [] }, 'nurse', false],
  ])('%s', (_label, roles, role, expected) => {
    expect(holdsRoleAnywhere(actorWith(roles), role)).toBe(expected);
  });

  it('is false for a patient without staff roles', () => {
    expect(holdsRoleAnywhere(actorWith({}, 'p-self'), 'admin')).toBe(false);
  });
});
