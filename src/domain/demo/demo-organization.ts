/**
 * The demo organization, its two clinics and its users. Everything here is synthetic: 555-01xx phone numbers are
 * reserved for fiction (NANP), the street names say so, and the passwords are public. `--demo` only.
 */

export interface DemoOpeningHours {
  /** 0 = Sunday ... 6 = Saturday, in the clinic's own time zone (same shape as the clinics table). */
  readonly day: 0 | 1 | 2 | 3 | 4 | 5 | 6;
  /** Local time HH:MM, 24-hour. */
  readonly opens: string;
  readonly closes: string;
}

export interface DemoClinic {
  readonly name: string;
  readonly address: string;
  readonly phone: string;
  /** IANA time zone. */
  readonly timeZone: string;
  /** One row per open weekday; a day without a row is closed. */
  readonly hours: readonly DemoOpeningHours[];
}

export type DemoStaffRole = 'admin' | 'physician' | 'nurse' | 'front_desk';

export interface DemoUser {
  readonly email: string;
  readonly name: string;
  readonly password: string;
  /** Staff roles per clinic, by index into DEMO_CLINICS. */
  readonly roles: readonly { readonly clinicIndex: 0 | 1; readonly role: DemoStaffRole }[];
  /** Index into buildDemoPatients() for the patient login; null for staff. */
  readonly patientIndex: number | null;
}

export const DEMO_PASSWORD = 'demo-password-1';

export const DEMO_ORGANIZATION = { name: 'KetaClinic Demo Health' } as const;

// Weekday hours modelled on a clinic page in shared/seeds (001: Mon-Thu 7am-4:30pm, Fri 8am-12pm).
const WEEKDAY_HOURS: readonly DemoOpeningHours[] = [
  { day: 1, opens: '07:00', closes: '16:30' },
  { day: 2, opens: '07:00', closes: '16:30' },
  { day: 3, opens: '07:00', closes: '16:30' },
  { day: 4, opens: '07:00', closes: '16:30' },
  { day: 5, opens: '08:00', closes: '12:00' },
];

export const DEMO_CLINICS: readonly [DemoClinic, DemoClinic] = [
  {
    name: 'Front Range Ketamine Clinic (demo)',
    address: '100 Example Street, Suite 200, Denver, CO 80203',
    phone: '(303) 555-0100',
    timeZone: 'America/Denver',
    hours: WEEKDAY_HOURS,
  },
  {
    name: 'Lakeshore Ketamine Clinic (demo)',
    address: '200 Sample Avenue, Floor 3, Chicago, IL 60601',
    phone: '(312) 555-0100',
    timeZone: 'America/Chicago',
    hours: [
      { day: 1, opens: '08:00', closes: '17:00' },
      { day: 2, opens: '08:00', closes: '17:00' },
      { day: 3, opens: '08:00', closes: '17:00' },
      { day: 4, opens: '08:00', closes: '17:00' },
      { day: 5, opens: '08:00', closes: '12:00' },
      { day: 6, opens: '09:00', closes: '13:00' },
    ],
  },
];

const inBothClinics = (role: DemoStaffRole) =>
  [
    { clinicIndex: 0, role },
    { clinicIndex: 1, role },
  ] as const;

export const DEMO_USERS: readonly DemoUser[] = [
  { email: 'admin@demo.clinic', name: 'Alex Admin (demo)', password: DEMO_PASSWORD, roles: inBothClinics('admin'), patientIndex: null },
  {
    email: 'physician@demo.clinic',
    name: 'Dr. Parker Physician (demo)',
    password: DEMO_PASSWORD,
    roles: inBothClinics('physician'),
    patientIndex: null,
  },
  { email: 'nurse@demo.clinic', name: 'Nico Nurse (demo)', password: DEMO_PASSWORD, roles: inBothClinics('nurse'), patientIndex: null },
  {
    email: 'frontdesk@demo.clinic',
    name: 'Frankie Frontdesk (demo)',
    password: DEMO_PASSWORD,
    roles: inBothClinics('front_desk'),
    patientIndex: null,
  },
  // The patient login is linked to demo patient 0 (CRPS of the left lower limb); the name matches that record
  // (names come from a fixed seed, and a test keeps the two in step).
  { email: 'patient@demo.clinic', name: 'Maria Lindqvist', password: DEMO_PASSWORD, roles: [], patientIndex: 0 },
];
