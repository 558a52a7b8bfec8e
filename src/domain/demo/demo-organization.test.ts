import { describe, expect, it } from 'vitest';
import { DEMO_CLINICS, DEMO_ORGANIZATION, DEMO_PASSWORD, DEMO_USERS } from './demo-organization.ts';
import { buildDemoPatients } from './demo-patients.ts';

const userByEmail = (email: string) => DEMO_USERS.find((user) => user.email === email);

describe('demo organization and clinics', () => {
  it('names the organization', () => {
    expect(DEMO_ORGANIZATION.name.length).toBeGreaterThan(0);
  });

  it('has two clinics in different, valid IANA time zones', () => {
    expect(DEMO_CLINICS.map((clinic) => clinic.timeZone)).toEqual(['America/Denver', 'America/Chicago']);
    // Intl throws a RangeError for an unknown time zone.
    for (const clinic of DEMO_CLINICS) expect(() => new Intl.DateTimeFormat('en-US', { timeZone: clinic.timeZone })).not.toThrow();
  });

  it('gives each clinic a fictional 555-01xx phone and well-formed opening hours', () => {
    for (const clinic of DEMO_CLINICS) {
      expect(clinic.phone).toMatch(/^\(\d{3}\) 555-01\d{2}$/);
      const days = clinic.hours.map((row) => row.day);
      expect(new Set(days).size).toBe(days.length);
      for (const row of clinic.hours) {
        expect(row.opens).toMatch(/^([01]\d|2[0-3]):[0-5]\d$/);
        expect(row.closes).toMatch(/^([01]\d|2[0-3]):[0-5]\d$/);
        expect(row.opens < row.closes).toBe(true);
      }
      expect(days).not.toContain(0);
    }
  });
});

describe('demo users', () => {
  it('has the five documented logins, all with the demo password', () => {
    expect(DEMO_USERS.map((user) => user.email).sort()).toEqual([
      'admin@demo.clinic',
      'frontdesk@demo.clinic',
      'nurse@demo.clinic',
      'patient@demo.clinic',
      'physician@demo.clinic',
    ]);
    for (const user of DEMO_USERS) expect(user.password).toBe(DEMO_PASSWORD);
    expect(DEMO_PASSWORD).toBe('demo-password-1');
  });

  it.each([
    ['admin@demo.clinic', 'admin'],
    ['physician@demo.clinic', 'physician'],
    ['nurse@demo.clinic', 'nurse'],
    ['frontdesk@demo.clinic', 'front_desk'],
  ])('gives %s the %s role in both clinics and no patient link', (email, role) => {
    const user = userByEmail(email);
    expect(user?.roles).toEqual([
      { clinicIndex: 0, role },
      { clinicIndex: 1, role },
    ]);
    expect(user?.patientIndex).toBeNull();
  });

  it('links the patient login to an existing demo patient and gives it no staff role', () => {
    const user = userByEmail('patient@demo.clinic');
    expect(user?.roles).toEqual([]);
    const patients = buildDemoPatients({ todayIso: '2026-03-15', clinicIds: ['a', 'b'] });
    expect(user?.patientIndex).toBe(0);
    const linked = patients[user?.patientIndex ?? -1]?.record.demographics;
    expect(linked && `${linked.givenName} ${linked.familyName}`).toBe(user?.name);
  });
});
