import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_DRUG_LIBRARY } from '../../src/domain/pharmacology/index.ts';
import { createClient, type TestClient } from '../support/http-client.ts';
import { ENGINES } from '../support/test-database.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

/**
 * Every route of ours x every role -> expected status (issue 2, item 4). Semantics: src/domain/access/permissions.ts.
 * A denied read answers 404 (no existence leak), a denied action 403, no session 401. The target patient is the
 * demo patient linked to patient@demo.clinic, so the patient role acts on their own record here; cross-patient and
 * cross-clinic cases follow the table.
 */
type RoleName = 'admin' | 'physician' | 'nurse' | 'front_desk' | 'patient' | 'anonymous';
type Status = 200 | 201 | 401 | 403 | 404 | 409;

const ROLES: readonly RoleName[] = ['admin', 'physician', 'nurse', 'front_desk', 'patient', 'anonymous'];
const EMAILS: Record<Exclude<RoleName, 'anonymous'>, string> = {
  admin: 'admin@demo.clinic',
  physician: 'physician@demo.clinic',
  nurse: 'nurse@demo.clinic',
  front_desk: 'frontdesk@demo.clinic',
  patient: 'patient@demo.clinic',
};

const LEDGER_READ = { admin: 200, physician: 200, nurse: 200, front_desk: 404, patient: 404, anonymous: 401 } as const;
const LEDGER_ADMIN_ONLY = { admin: 201, physician: 403, nurse: 403, front_desk: 404, patient: 404, anonymous: 401 } as const;
const LEDGER_WRITE_BY_STAFF = { admin: 201, physician: 201, nurse: 201, front_desk: 404, patient: 404, anonymous: 401 } as const;
const LEDGER_CLINICAL_READ = { admin: 403, physician: 200, nurse: 200, front_desk: 404, patient: 404, anonymous: 401 } as const;
const LEDGER_CLINICAL = { admin: 403, physician: 201, nurse: 201, front_desk: 404, patient: 404, anonymous: 401 } as const;

const MATRIX = {
  'GET /api/patients': { admin: 200, physician: 200, nurse: 200, front_desk: 200, patient: 200, anonymous: 401 },
  'POST /api/patients': { admin: 403, physician: 201, nurse: 201, front_desk: 201, patient: 403, anonymous: 401 },
  'GET /api/patients/:id': { admin: 200, physician: 200, nurse: 200, front_desk: 200, patient: 200, anonymous: 401 },
  'PATCH /api/patients/:id (demographics)': { admin: 403, physician: 200, nurse: 200, front_desk: 200, patient: 403, anonymous: 401 },
  'PATCH /api/patients/:id (clinical)': { admin: 403, physician: 200, nurse: 200, front_desk: 403, patient: 403, anonymous: 401 },
  'GET /api/patients/:id/versions': { admin: 200, physician: 200, nurse: 200, front_desk: 200, patient: 200, anonymous: 401 },
  'POST /api/patients/:id/portal-invitations': { admin: 403, physician: 409, nurse: 409, front_desk: 409, patient: 404, anonymous: 401 },
  'GET /api/patients/:id/portal-invitations': { admin: 403, physician: 200, nurse: 200, front_desk: 200, patient: 404, anonymous: 401 },
  'GET /api/portal-invitations/:token': { admin: 404, physician: 404, nurse: 404, front_desk: 404, patient: 404, anonymous: 404 },
  'POST /api/portal-invitations/:token/accept': { admin: 404, physician: 404, nurse: 404, front_desk: 404, patient: 404, anonymous: 404 },
  'GET /api/patients/:id/access-log': { admin: 200, physician: 403, nurse: 403, front_desk: 403, patient: 200, anonymous: 401 },
  'GET /api/clinics': { admin: 200, physician: 200, nurse: 200, front_desk: 200, patient: 200, anonymous: 401 },
  'POST /api/clinics': { admin: 201, physician: 403, nurse: 403, front_desk: 403, patient: 403, anonymous: 401 },
  'PATCH /api/clinics/:id': { admin: 200, physician: 403, nurse: 403, front_desk: 403, patient: 403, anonymous: 401 },
  'GET /api/users': { admin: 200, physician: 403, nurse: 403, front_desk: 403, patient: 403, anonymous: 401 },
  'POST /api/users': { admin: 201, physician: 403, nurse: 403, front_desk: 403, patient: 403, anonymous: 401 },
  'PATCH /api/users/:id': { admin: 200, physician: 403, nurse: 403, front_desk: 403, patient: 403, anonymous: 401 },
  'GET /api/me': { admin: 200, physician: 200, nurse: 200, front_desk: 200, patient: 200, anonymous: 401 },
  // The patient holds no staff role in any clinic, so the clinic is not theirs to choose: 404 like any unknown clinic.
  'PUT /api/me/active-clinic': { admin: 200, physician: 200, nurse: 200, front_desk: 200, patient: 404, anonymous: 401 },
  'GET /api/pk/models': { admin: 200, physician: 200, nurse: 200, front_desk: 200, patient: 200, anonymous: 401 },
  'POST /api/pk/simulate': { admin: 403, physician: 200, nurse: 200, front_desk: 403, patient: 403, anonymous: 401 },
  'POST /api/pk/plan': { admin: 403, physician: 200, nurse: 200, front_desk: 403, patient: 403, anonymous: 401 },
  'POST /api/dose/check': { admin: 403, physician: 200, nurse: 200, front_desk: 403, patient: 403, anonymous: 401 },
  'GET /api/drug-library': { admin: 200, physician: 200, nurse: 200, front_desk: 403, patient: 403, anonymous: 401 },
  'GET /api/drug-library/versions': { admin: 200, physician: 200, nurse: 200, front_desk: 403, patient: 403, anonymous: 401 },
  'POST /api/drug-library/drafts': { admin: 201, physician: 403, nurse: 403, front_desk: 403, patient: 403, anonymous: 401 },
  // Each row approves a fresh draft written by the admin (a physician may not approve their own).
  'POST /api/drug-library/versions/:version/approve': {
    admin: 403,
    physician: 200,
    nurse: 403,
    front_desk: 403,
    patient: 403,
    anonymous: 401,
  },
  // Consent (issue 4, item 4). Templates: every signed-in user reads, admins write versions. A patient's consents:
  // admins manage templates but never see a patient's consents (a denied read answers 404).
  'GET /api/consent-templates': { admin: 200, physician: 200, nurse: 200, front_desk: 200, patient: 200, anonymous: 401 },
  'POST /api/consent-templates/:templateId/versions': {
    admin: 201,
    physician: 403,
    nurse: 403,
    front_desk: 403,
    patient: 403,
    anonymous: 401,
  },
  'GET /api/patients/:id/consents': { admin: 404, physician: 200, nurse: 200, front_desk: 200, patient: 200, anonymous: 401 },
  'POST /api/patients/:id/consents': { admin: 403, physician: 201, nurse: 201, front_desk: 201, patient: 201, anonymous: 401 },
  'GET /api/patients/:id/consents/:signatureId': { admin: 404, physician: 200, nurse: 200, front_desk: 200, patient: 200, anonymous: 401 },
  // Each row attests a fresh signature (a signature is attested once).
  'POST /api/patients/:id/consents/:signatureId/attestations': {
    admin: 403,
    physician: 201,
    nurse: 201,
    front_desk: 403,
    patient: 403,
    anonymous: 401,
  },
  'POST /api/patients/:id/consent-withdrawals': { admin: 403, physician: 201, nurse: 201, front_desk: 403, patient: 201, anonymous: 401 },
  // Candidacy (issue 4, items 2 and 3). The self-check is public; leads are for the clinic's staff (health answers
  // for clinicians only, in candidacy.api.test.ts); evaluations are staff-only clinical reads; only physicians sign.
  'GET /api/public/clinics': { admin: 200, physician: 200, nurse: 200, front_desk: 200, patient: 200, anonymous: 200 },
  'POST /api/self-check': { admin: 201, physician: 201, nurse: 201, front_desk: 201, patient: 201, anonymous: 201 },
  'GET /api/leads': { admin: 200, physician: 200, nurse: 200, front_desk: 200, patient: 403, anonymous: 401 },
  'GET /api/leads/:id': { admin: 200, physician: 200, nurse: 200, front_desk: 200, patient: 404, anonymous: 401 },
  'PATCH /api/leads/:id': { admin: 403, physician: 200, nurse: 200, front_desk: 200, patient: 404, anonymous: 401 },
  'POST /api/leads/:id/convert': { admin: 403, physician: 201, nurse: 201, front_desk: 201, patient: 404, anonymous: 401 },
  'POST /api/patients/:id/evaluations': { admin: 403, physician: 201, nurse: 201, front_desk: 403, patient: 403, anonymous: 401 },
  'GET /api/patients/:id/evaluations': { admin: 404, physician: 200, nurse: 200, front_desk: 404, patient: 404, anonymous: 401 },
  'POST /api/patients/:id/evaluations/:evaluationId/sign': {
    admin: 403,
    physician: 200,
    nurse: 403,
    front_desk: 403,
    patient: 403,
    anonymous: 401,
  },
  'GET /api/tasks': { admin: 403, physician: 200, nurse: 200, front_desk: 403, patient: 403, anonymous: 401 },
  'POST /api/tasks/:id/complete': { admin: 404, physician: 200, nurse: 200, front_desk: 404, patient: 404, anonymous: 401 },
  // Controlled-substance ledger (issue 5). Registrations belong to a clinic: a role without ledger.read there is told
  // the registration does not exist (404); admins manage registrations and stock but never administer.
  'GET /api/ledger/registrations': { admin: 200, physician: 200, nurse: 200, front_desk: 403, patient: 403, anonymous: 401 },
  'POST /api/ledger/registrations': { admin: 201, physician: 403, nurse: 403, front_desk: 403, patient: 403, anonymous: 401 },
  'POST /api/ledger/registrations/:registrationId/renewals': LEDGER_ADMIN_ONLY,
  'POST /api/ledger/registrations/:registrationId/locations': LEDGER_ADMIN_ONLY,
  'GET /api/ledger/registrations/:registrationId/stock': LEDGER_READ,
  'POST /api/ledger/registrations/:registrationId/transactions (receipt)': LEDGER_WRITE_BY_STAFF,
  'POST /api/ledger/registrations/:registrationId/transactions (administration)': LEDGER_CLINICAL,
  'GET /api/ledger/registrations/:registrationId/entries': LEDGER_READ,
  'GET /api/ledger/registrations/:registrationId/prescribers': LEDGER_CLINICAL_READ,
  'POST /api/ledger/registrations/:registrationId/counts': LEDGER_WRITE_BY_STAFF,
  'GET /api/ledger/registrations/:registrationId/counts': LEDGER_READ,
  'GET /api/ledger/registrations/:registrationId/counts/:entryId': LEDGER_READ,
  'GET /api/ledger/registrations/:registrationId/discrepancies': LEDGER_READ,
  'POST /api/ledger/registrations/:registrationId/discrepancies/:countEntryId/:lineNo/actions': LEDGER_WRITE_BY_STAFF,
  'GET /api/ledger/registrations/:registrationId/tasks': LEDGER_READ,
  'POST /api/ledger/registrations/:registrationId/tasks/:lossEntryId/:task/completion': LEDGER_WRITE_BY_STAFF,
  'GET /api/ledger/registrations/:registrationId/reconciliation': LEDGER_READ,
  'GET /api/ledger/registrations/:registrationId/reports/:report (receipts)': LEDGER_READ,
  // The administration and dispensing log names patients (21 CFR 1304.22(c)): clinical roles only.
  'GET /api/ledger/registrations/:registrationId/reports/:report (administration-dispensing)': LEDGER_CLINICAL_READ,
} as const satisfies Record<string, Record<RoleName, Status>>;

type RouteKey = keyof typeof MATRIX;

interface Fixture {
  patientId: string;
  clinicId: string;
  userId: string;
  currentVersion: () => Promise<number>;
  unique: () => string;
  newDraftVersion: () => Promise<number>;
  /** The current IV consent template's sign-request body (version and text hash as served now). */
  consentBody: () => Promise<Record<string, unknown>>;
  /** A fresh signature of the target patient, signed by a nurse on the tablet. */
  newSignatureId: () => Promise<string>;
  /** A fresh self-check lead of the target clinic (written through the repository: the public route is throttled). */
  newLeadId: () => Promise<string>;
  /** A fresh unsigned evaluation of the target patient, by a nurse. */
  newEvaluationId: () => Promise<string>;
  /** A fresh open safety task (an evaluation with PHQ-9 item 9 above 0). */
  newTaskId: () => Promise<string>;
  /** A DEA registration of the target clinic with a safe holding 10 mL ketamine vials (lot `ledgerLotId`). */
  ledger: { registrationId: string; locationId: string; lotId: string };
  /** A DEA number with a valid check digit, different at each call. */
  newDeaNumber: () => string;
  /** A body counting every bucket of the matrix safe, one sealed container short when `short`, with a second counter. */
  countBody: (short?: boolean) => Promise<Record<string, unknown>>;
  /** A fresh count entry (by a nurse), with a discrepancy on line 1 when `short`. */
  newCountId: (short?: boolean) => Promise<string>;
  /** A fresh reportable theft of one sealed container, by a nurse. */
  newLossId: () => Promise<string>;
}

type Call = { method: 'GET' | 'POST' | 'PATCH' | 'PUT'; path: string; body?: unknown };

const clinicInput = (name: string) => ({
  name,
  address: '1 Test Way',
  phone: '555-0199',
  timeZone: 'America/Denver',
  hours: [{ day: 1, opens: '09:00', closes: '17:00' }],
  settings: { idleTimeoutMin: 30, requireTotpForPhysiciansAndAdmins: false },
});

const pkSimulation = {
  modelId: 'kamp-2020',
  weightKg: 70,
  regimen: { drug: 'ketamine', events: [{ type: 'bolus', atMin: 0, route: 'iv', dose: '0.3 mg/kg' }] },
  untilMin: 60,
  stepMin: 1,
};
const doseCheck = { productId: 'ketamine-10-mg-ml', profileId: 'pain-clinic-iv', weightKg: 70, dose: '0.3 mg/kg' };

const demographics = (mrn: string) => ({ mrn, givenName: 'Matrix', familyName: 'Case', birthDate: '1975-04-05', sex: 'male' });

const CALLS: Record<RouteKey, (f: Fixture) => Promise<Call>> = {
  'GET /api/patients': async () => ({ method: 'GET', path: '/api/patients' }),
  'POST /api/patients': async (f) => ({ method: 'POST', path: '/api/patients', body: { demographics: demographics(f.unique()) } }),
  'GET /api/patients/:id': async (f) => ({ method: 'GET', path: `/api/patients/${f.patientId}` }),
  'PATCH /api/patients/:id (demographics)': async (f) => ({
    method: 'PATCH',
    path: `/api/patients/${f.patientId}`,
    body: { baseVersion: await f.currentVersion(), demographics: { phone: '555-0123' } },
  }),
  'PATCH /api/patients/:id (clinical)': async (f) => ({
    method: 'PATCH',
    path: `/api/patients/${f.patientId}`,
    body: { baseVersion: await f.currentVersion(), clinical: { heights: [{ measuredOn: '2026-10-01', heightCm: 171 }] } },
  }),
  'GET /api/patients/:id/versions': async (f) => ({ method: 'GET', path: `/api/patients/${f.patientId}/versions` }),
  // The demo patient already has a portal account: staff who may invite are told so (409).
  'POST /api/patients/:id/portal-invitations': async (f) => ({ method: 'POST', path: `/api/patients/${f.patientId}/portal-invitations` }),
  'GET /api/patients/:id/portal-invitations': async (f) => ({ method: 'GET', path: `/api/patients/${f.patientId}/portal-invitations` }),
  'GET /api/portal-invitations/:token': async () => ({ method: 'GET', path: `/api/portal-invitations/${'x'.repeat(43)}` }),
  'POST /api/portal-invitations/:token/accept': async () => ({
    method: 'POST',
    path: `/api/portal-invitations/${'x'.repeat(43)}/accept`,
    body: { email: 'nobody@portal.test', password: 'a-long-enough-password', birthDate: '1980-01-01' },
  }),
  'GET /api/patients/:id/access-log': async (f) => ({ method: 'GET', path: `/api/patients/${f.patientId}/access-log` }),
  'GET /api/clinics': async () => ({ method: 'GET', path: '/api/clinics' }),
  'POST /api/clinics': async (f) => ({ method: 'POST', path: '/api/clinics', body: clinicInput(`Matrix ${f.unique()}`) }),
  'PATCH /api/clinics/:id': async (f) => ({ method: 'PATCH', path: `/api/clinics/${f.clinicId}`, body: { phone: '(303) 555-0101' } }),
  'GET /api/users': async () => ({ method: 'GET', path: '/api/users' }),
  'POST /api/users': async (f) => ({
    method: 'POST',
    path: '/api/users',
    body: { email: `${f.unique()}@matrix.test`, name: 'Matrix User', password: 'matrix-password-1', roles: [] },
  }),
  'PATCH /api/users/:id': async (f) => ({ method: 'PATCH', path: `/api/users/${f.userId}`, body: { name: `Renamed ${f.unique()}` } }),
  'GET /api/me': async () => ({ method: 'GET', path: '/api/me' }),
  'PUT /api/me/active-clinic': async (f) => ({ method: 'PUT', path: '/api/me/active-clinic', body: { clinicId: f.clinicId } }),
  'GET /api/pk/models': async () => ({ method: 'GET', path: '/api/pk/models' }),
  'POST /api/pk/simulate': async (f) => ({ method: 'POST', path: '/api/pk/simulate', body: { ...pkSimulation, patientId: f.patientId } }),
  'POST /api/pk/plan': async (f) => ({
    method: 'POST',
    path: '/api/pk/plan',
    body: {
      modelId: 'kamp-2020',
      patientId: f.patientId,
      targetNgPerMl: 150,
      durationMin: 120,
      productId: 'ketamine-10-mg-ml',
      profileId: 'pain-clinic-iv',
    },
  }),
  'POST /api/dose/check': async (f) => ({ method: 'POST', path: '/api/dose/check', body: { ...doseCheck, patientId: f.patientId } }),
  'GET /api/drug-library': async () => ({ method: 'GET', path: '/api/drug-library' }),
  'GET /api/drug-library/versions': async () => ({ method: 'GET', path: '/api/drug-library/versions' }),
  'POST /api/drug-library/drafts': async () => ({
    method: 'POST',
    path: '/api/drug-library/drafts',
    body: { library: DEFAULT_DRUG_LIBRARY },
  }),
  'POST /api/drug-library/versions/:version/approve': async (f) => ({
    method: 'POST',
    path: `/api/drug-library/versions/${await f.newDraftVersion()}/approve`,
    body: {},
  }),
  'GET /api/consent-templates': async () => ({ method: 'GET', path: '/api/consent-templates' }),
  'POST /api/consent-templates/:templateId/versions': async (f) => ({
    method: 'POST',
    path: '/api/consent-templates/im-sc/versions',
    body: { title: 'IM or SC ketamine', body: `Editorial ${f.unique()}`, materialChange: false },
  }),
  'GET /api/patients/:id/consents': async (f) => ({ method: 'GET', path: `/api/patients/${f.patientId}/consents` }),
  'POST /api/patients/:id/consents': async (f) => ({
    method: 'POST',
    path: `/api/patients/${f.patientId}/consents`,
    body: await f.consentBody(),
  }),
  'GET /api/patients/:id/consents/:signatureId': async (f) => ({
    method: 'GET',
    path: `/api/patients/${f.patientId}/consents/${await f.newSignatureId()}`,
  }),
  'POST /api/patients/:id/consents/:signatureId/attestations': async (f) => ({
    method: 'POST',
    path: `/api/patients/${f.patientId}/consents/${await f.newSignatureId()}/attestations`,
    body: {},
  }),
  'POST /api/patients/:id/consent-withdrawals': async (f) => ({
    method: 'POST',
    path: `/api/patients/${f.patientId}/consent-withdrawals`,
    body: { routeGroup: 'im_sc', reason: 'Matrix withdrawal' },
  }),
  'GET /api/public/clinics': async () => ({ method: 'GET', path: '/api/public/clinics' }),
  'POST /api/self-check': async (f) => ({ method: 'POST', path: '/api/self-check', body: { clinicId: f.clinicId, answers: SELF_CHECK } }),
  'GET /api/leads': async () => ({ method: 'GET', path: '/api/leads' }),
  'GET /api/leads/:id': async (f) => ({ method: 'GET', path: `/api/leads/${await f.newLeadId()}` }),
  'PATCH /api/leads/:id': async (f) => ({ method: 'PATCH', path: `/api/leads/${await f.newLeadId()}`, body: { status: 'contacted' } }),
  'POST /api/leads/:id/convert': async (f) => ({
    method: 'POST',
    path: `/api/leads/${await f.newLeadId()}/convert`,
    body: { demographics: demographics(f.unique()) },
  }),
  'POST /api/patients/:id/evaluations': async (f) => ({
    method: 'POST',
    path: `/api/patients/${f.patientId}/evaluations`,
    body: { findings: EVALUATION_FINDINGS },
  }),
  'GET /api/patients/:id/evaluations': async (f) => ({ method: 'GET', path: `/api/patients/${f.patientId}/evaluations` }),
  'POST /api/patients/:id/evaluations/:evaluationId/sign': async (f) => ({
    method: 'POST',
    path: `/api/patients/${f.patientId}/evaluations/${await f.newEvaluationId()}/sign`,
    body: { overrides: [] },
  }),
  'GET /api/tasks': async () => ({ method: 'GET', path: '/api/tasks' }),
  'GET /api/ledger/registrations': async () => ({ method: 'GET', path: '/api/ledger/registrations' }),
  'POST /api/ledger/registrations': async (f) => ({
    method: 'POST',
    path: '/api/ledger/registrations',
    body: { deaNumber: f.newDeaNumber(), registrantName: 'Matrix Registrant', address: '1 Matrix Way', expiresOn: '2099-01-01' },
  }),
  'POST /api/ledger/registrations/:registrationId/renewals': async (f) => ({
    method: 'POST',
    path: `/api/ledger/registrations/${f.ledger.registrationId}/renewals`,
    body: { expiresOn: '2099-06-01' },
  }),
  'POST /api/ledger/registrations/:registrationId/locations': async (f) => ({
    method: 'POST',
    path: `/api/ledger/registrations/${f.ledger.registrationId}/locations`,
    body: { name: `Safe ${f.unique()}` },
  }),
  'GET /api/ledger/registrations/:registrationId/stock': async (f) => ({
    method: 'GET',
    path: `/api/ledger/registrations/${f.ledger.registrationId}/stock`,
  }),
  'POST /api/ledger/registrations/:registrationId/transactions (receipt)': async (f) => ({
    method: 'POST',
    path: `/api/ledger/registrations/${f.ledger.registrationId}/transactions`,
    body: ledgerReceipt(f.ledger.locationId, 1),
  }),
  'POST /api/ledger/registrations/:registrationId/transactions (administration)': async (f) => ({
    method: 'POST',
    path: `/api/ledger/registrations/${f.ledger.registrationId}/transactions`,
    body: {
      kind: 'administration',
      patientId: f.patientId,
      source: { lotId: f.ledger.lotId, locationId: f.ledger.locationId },
      administered: { value: 10, unit: 'mL' },
    },
  }),
  'GET /api/ledger/registrations/:registrationId/entries': async (f) => ({
    method: 'GET',
    path: `/api/ledger/registrations/${f.ledger.registrationId}/entries`,
  }),
  'GET /api/ledger/registrations/:registrationId/prescribers': async (f) => ({
    method: 'GET',
    path: `/api/ledger/registrations/${f.ledger.registrationId}/prescribers`,
  }),
  'POST /api/ledger/registrations/:registrationId/counts': async (f) => ({
    method: 'POST',
    path: `/api/ledger/registrations/${f.ledger.registrationId}/counts`,
    body: await f.countBody(),
  }),
  'GET /api/ledger/registrations/:registrationId/counts': async (f) => ({
    method: 'GET',
    path: `/api/ledger/registrations/${f.ledger.registrationId}/counts`,
  }),
  'GET /api/ledger/registrations/:registrationId/counts/:entryId': async (f) => ({
    method: 'GET',
    path: `/api/ledger/registrations/${f.ledger.registrationId}/counts/${await f.newCountId()}`,
  }),
  'GET /api/ledger/registrations/:registrationId/discrepancies': async (f) => ({
    method: 'GET',
    path: `/api/ledger/registrations/${f.ledger.registrationId}/discrepancies`,
  }),
  'POST /api/ledger/registrations/:registrationId/discrepancies/:countEntryId/:lineNo/actions': async (f) => ({
    method: 'POST',
    path: `/api/ledger/registrations/${f.ledger.registrationId}/discrepancies/${await f.newCountId(true)}/1/actions`,
    body: { action: 'investigating', note: 'Matrix: checking the safe log' },
  }),
  'GET /api/ledger/registrations/:registrationId/tasks': async (f) => ({
    method: 'GET',
    path: `/api/ledger/registrations/${f.ledger.registrationId}/tasks`,
  }),
  'POST /api/ledger/registrations/:registrationId/tasks/:lossEntryId/:task/completion': async (f) => ({
    method: 'POST',
    path: `/api/ledger/registrations/${f.ledger.registrationId}/tasks/${await f.newLossId()}/dea_notice_1_business_day/completion`,
    body: { note: 'Matrix: faxed to the field division' },
  }),
  'GET /api/ledger/registrations/:registrationId/reconciliation': async (f) => ({
    method: 'GET',
    path: `/api/ledger/registrations/${f.ledger.registrationId}/reconciliation?from=2026-01-01T00:00:00Z&to=2099-01-01T00:00:00Z`,
  }),
  'GET /api/ledger/registrations/:registrationId/reports/:report (receipts)': async (f) => ({
    method: 'GET',
    path: `/api/ledger/registrations/${f.ledger.registrationId}/reports/receipts?format=csv`,
  }),
  'GET /api/ledger/registrations/:registrationId/reports/:report (administration-dispensing)': async (f) => ({
    method: 'GET',
    path: `/api/ledger/registrations/${f.ledger.registrationId}/reports/administration-dispensing?format=csv`,
  }),
  'POST /api/tasks/:id/complete': async (f) => ({
    method: 'POST',
    path: `/api/tasks/${await f.newTaskId()}/complete`,
    body: { note: 'Matrix follow-up' },
  }),
};

/** A DEA number: two letters, six digits and the check digit (d1+d3+d5 + 2*(d2+d4+d6)) mod 10. */
function validDeaNumber(prefix: string, n: number): string {
  const digits = String(n).padStart(6, '0').split('').map(Number);
  const check = (digits[0]! + digits[2]! + digits[4]! + 2 * (digits[1]! + digits[3]! + digits[5]!)) % 10;
  return `${prefix}${digits.join('')}${check}`;
}

const ledgerReceipt = (locationId: string, containers: number) => ({
  kind: 'receipt',
  locationId,
  productId: 'ketamine-10-mg-ml',
  lotNumber: 'MATRIX-1',
  expiresOn: '2099-12-31',
  containerVolumeMl: 10,
  containers,
  supplier: { name: 'Matrix Supplier', address: '2 Depot Way', deaNumber: validDeaNumber('RM', 123456) },
  invoiceNumber: 'MX-1',
  receivedOn: new Date().toISOString().slice(0, 10),
});

const SIGNATURE_PNG =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

const SELF_CHECK = {
  painDurationMonths: 12,
  diagnoses: [],
  treatmentsTried: [],
  interference: { dailyActivity0to10: 5, sleep0to10: 5 },
  painSpreadingOrOutOfProportion: 'no',
  exclusions: {
    pregnancy: 'not_applicable',
    psychosisNotControlled: 'no',
    highBloodPressureNotControlled: 'no',
    heartDiseaseNotControlled: 'no',
    liverDisease: 'no',
    glaucomaOrRaisedIntracranialPressure: 'no',
    substanceUse: 'no',
    ketamineAllergy: 'no',
  },
};
const EVALUATION_FINDINGS = {
  evaluatedOn: '2026-11-20',
  vitals: { systolicMmHg: 120, diastolicMmHg: 80 },
  psychiatricScreen: { activePsychosis: false },
  substanceUseScreen: { activeSud: false },
  cardiovascular: { poorlyControlled: false, aneurysmOrAvm: false, intracerebralHaemorrhageHistory: false },
  raisedIcpOrIop: false,
  cystitis: false,
};
const PHQ9_ITEM9 = { phq9_1: 0, phq9_2: 0, phq9_3: 0, phq9_4: 0, phq9_5: 0, phq9_6: 0, phq9_7: 0, phq9_8: 0, phq9_9: 1 };

const ROWS = (Object.keys(MATRIX) as RouteKey[]).flatMap((route) =>
  ROLES.map((role) => ({ route, role, expected: MATRIX[route][role] as Status })),
);

describe.each(ENGINES)('authorization matrix on %s', (engine) => {
  let server: TestServer;
  const clients = new Map<RoleName, TestClient>();
  let fixture: Fixture;
  let counter = 0;

  beforeAll(async () => {
    server = await startTestServer({ engine });
    for (const role of ROLES) {
      const client = createClient(server.url);
      if (role !== 'anonymous') expect((await client.login(EMAILS[role])).status).toBe(200);
      clients.set(role, client);
    }
    const me = await clients.get('patient')!.get<{ patientId: string; activeClinicId: string }>('/api/me');
    const target = await clients.get('admin')!.post<{ id: string }>('/api/users', {
      email: `target-${engine}@matrix.test`,
      name: 'Target',
      password: 'matrix-password-1',
      roles: [],
    });
    expect(target.status).toBe(201);
    const deaPrefix = engine === 'pglite' ? 'BX' : 'BY';
    const registration = await clients.get('admin')!.post<{ id: string }>('/api/ledger/registrations', {
      deaNumber: validDeaNumber(deaPrefix, 900000),
      registrantName: 'Matrix Clinic',
      address: '1 Matrix Way',
      expiresOn: '2099-12-31',
    });
    expect(registration.status).toBe(201);
    const registrationId = registration.body.id;
    const safe = await clients
      .get('admin')!
      .post<{ id: string }>(`/api/ledger/registrations/${registrationId}/locations`, { name: 'Matrix safe' });
    const receipt = await clients
      .get('nurse')!
      .post(`/api/ledger/registrations/${registrationId}/transactions`, ledgerReceipt(safe.body.id, 60));
    expect(receipt.status).toBe(201);
    const stock = await clients.get('nurse')!.get<{ lots: { id: string }[] }>(`/api/ledger/registrations/${registrationId}/stock`);
    // A nurse of the target clinic who counts second and witnesses, so any signed-in role can be the first person.
    const secondCounter = { email: `second-${engine}@matrix.test`, password: 'matrix-password-1' };
    const secondCounterUser = await clients.get('admin')!.post('/api/users', {
      ...secondCounter,
      name: 'Second Counter',
      roles: [{ clinicId: me.body.activeClinicId, role: 'nurse' }],
    });
    expect(secondCounterUser.status).toBe(201);
    type Balance = { lotId: string; locationId: string; containerId: string | null; amount: { containers: number; ml: number } };
    const countBody = async (short = false) => {
      const current = await clients.get('nurse')!.get<{ balances: Balance[] }>(`/api/ledger/registrations/${registrationId}/stock`);
      const here = current.body.balances.filter((b) => b.locationId === safe.body.id);
      return {
        countKind: 'shift',
        locationId: safe.body.id,
        secondCounter,
        lines: here.map((b, index) =>
          b.containerId === null
            ? {
                lotId: b.lotId,
                locationId: b.locationId,
                containerId: null,
                countedContainers: b.amount.containers - (short && index === 0 ? 1 : 0),
              }
            : { lotId: b.lotId, locationId: b.locationId, containerId: b.containerId, countedMl: b.amount.ml },
        ),
      };
    };
    let deaCounter = 0;
    fixture = {
      countBody,
      newCountId: async (short = false) => {
        const counted = await clients
          .get('nurse')!
          .post<{ entryId: string }>(`/api/ledger/registrations/${registrationId}/counts`, await countBody(short));
        expect(counted.status).toBe(201);
        return counted.body.entryId;
      },
      newLossId: async () => {
        const loss = await clients
          .get('nurse')!
          .post<{ entries: { id: string }[] }>(`/api/ledger/registrations/${registrationId}/transactions`, {
            kind: 'loss',
            source: { lotId: stock.body.lots[0]!.id, locationId: safe.body.id },
            quantity: { value: 1, unit: 'container' },
            lossType: 'theft',
            significant: true,
            discoveredAt: new Date().toISOString(),
            description: 'Matrix: a vial is missing from the safe',
          });
        expect(loss.status).toBe(201);
        return loss.body.entries[0]!.id;
      },
      ledger: { registrationId, locationId: safe.body.id, lotId: stock.body.lots[0]!.id },
      newDeaNumber: () => validDeaNumber(deaPrefix, ++deaCounter),
      patientId: me.body.patientId,
      clinicId: me.body.activeClinicId,
      userId: target.body.id,
      currentVersion: async () => (await server.deps.repos.patients.findHead(me.body.patientId))!.version,
      unique: () => `mx-${engine}-${++counter}`,
      newDraftVersion: async () => {
        const draft = await clients.get('admin')!.post<{ version: number }>('/api/drug-library/drafts', { library: DEFAULT_DRUG_LIBRARY });
        expect(draft.status).toBe(201);
        return draft.body.version;
      },
      consentBody: async () => {
        const list = await clients
          .get('nurse')!
          .get<{ items: { templateId: string; version: number; textSha256: string; isCurrent: boolean }[] }>('/api/consent-templates');
        const t = list.body.items.find((i) => i.templateId === 'iv-infusion-pain' && i.isCurrent)!;
        return {
          templateId: t.templateId,
          version: t.version,
          textSha256: t.textSha256,
          signerName: 'Matrix Signer',
          signerCapacity: 'patient',
          signature: SIGNATURE_PNG,
        };
      },
      newSignatureId: async () => {
        const signed = await clients
          .get('nurse')!
          .post<{ id: string }>(`/api/patients/${me.body.patientId}/consents`, await fixture.consentBody());
        expect(signed.status).toBe(201);
        return signed.body.id;
      },
      newLeadId: async () => {
        const submissionId = `mx-sub-${++counter}`;
        const leadId = `mx-lead-${counter}`;
        const at = new Date();
        const { leads } = server.deps.repos;
        const assessment = { outcome: 'worth_discussing', reasons: [], fired: [], routesToDiscuss: [], ruleSetVersion: 'matrix' } as const;
        await leads.insertSubmission({
          id: submissionId,
          clinicId: me.body.activeClinicId,
          submittedAt: at,
          answers: SELF_CHECK as never,
          assessment,
          ruleSetVersion: 'matrix',
        });
        await leads.insertLead({
          id: leadId,
          clinicId: me.body.activeClinicId,
          submissionId,
          createdAt: at,
          contact: { name: 'Matrix Lead', phone: '555-0100' },
          consentToContact: true,
          status: 'new',
        });
        return leadId;
      },
      newEvaluationId: async () => {
        const created = await clients
          .get('nurse')!
          .post<{ id: string }>(`/api/patients/${me.body.patientId}/evaluations`, { findings: EVALUATION_FINDINGS });
        expect(created.status).toBe(201);
        return created.body.id;
      },
      newTaskId: async () => {
        const created = await clients
          .get('nurse')!
          .post<{ id: string }>(`/api/patients/${me.body.patientId}/evaluations`, { findings: EVALUATION_FINDINGS, phq9: PHQ9_ITEM9 });
        expect(created.status).toBe(201);
        const tasks = await server.deps.repos.evaluations.listTasks([me.body.activeClinicId]);
        return tasks.find((t) => t.sourceId === created.body.id)!.id;
      },
    };
  });
  afterAll(async () => server?.close());

  it.each(ROWS)('$route as $role answers $expected', async ({ route, role, expected }) => {
    const call = await CALLS[route](fixture);
    const versionBefore = await fixture.currentVersion();
    const response = await clients.get(role)!.request(call.method, call.path, call.body);
    expect(response.status).toBe(expected);
    if (expected === 401) expect(response.body).toMatchObject({ error: { code: 'auth.unauthenticated' } });
    if (expected === 403) expect((response.body as { error: { code: string } }).error.code).toMatch(/^auth\./);
    if (route.startsWith('PATCH /api/patients')) {
      // A refused change leaves the record at its version; an allowed one adds exactly one.
      expect(await fixture.currentVersion()).toBe(expected === 200 ? versionBefore + 1 : versionBefore);
    }
  });

  it('covers every route the server declares (the OpenAPI document)', async () => {
    const openapi = await clients.get('anonymous')!.get<{ paths: Record<string, Record<string, unknown>> }>('/api/openapi.json');
    const declared = Object.entries(openapi.body.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((method) => `${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`),
    );
    const covered = new Set(Object.keys(MATRIX).map((route) => route.replace(/ \(.*\)$/, '')));
    const public_ = new Set(['GET /api/health', 'POST /api/auth/login', 'POST /api/auth/login/totp', 'POST /api/auth/logout']);
    const totpSetup = new Set(['POST /api/me/totp/enable', 'POST /api/me/totp/confirm']); // per-user, in auth.api.test.ts
    expect(declared.filter((route) => !covered.has(route) && !public_.has(route) && !totpSetup.has(route))).toEqual([]);
  });

  it('never sends clinical content to admins or front desk', async () => {
    for (const role of ['admin', 'front_desk'] as const) {
      const read = await clients
        .get(role)!
        .get<{ access: string; clinical?: unknown; derived?: unknown }>(`/api/patients/${fixture.patientId}`);
      expect(read.body).toMatchObject({ access: 'demographics' });
      expect(read.body.clinical).toBeUndefined();
      expect(read.body.derived).toBeUndefined();
    }
    const nurse = await clients.get('nurse')!.get<{ access: string; clinical?: unknown }>(`/api/patients/${fixture.patientId}`);
    expect(nurse.body.access).toBe('full');
    expect(nurse.body.clinical).toBeDefined();
  });

  it('lists only the own record to the patient', async () => {
    const list = await clients.get('patient')!.get<{ items: { id: string }[]; total: number }>('/api/patients');
    expect(list.body.items.map((p) => p.id)).toEqual([fixture.patientId]);
    expect(list.body.total).toBe(1);
  });

  describe('a patient and another patient record', () => {
    let otherId: string;
    beforeAll(async () => {
      const list = await clients.get('nurse')!.get<{ items: { id: string }[] }>('/api/patients?pageSize=50');
      otherId = list.body.items.find((p) => p.id !== fixture.patientId)!.id;
      expect(otherId).toBeDefined();
    });

    it.each([
      ['GET', ''],
      ['GET', '/versions'],
      ['GET', '/access-log'],
    ] as const)('%s /api/patients/:other%s answers 404 patient.not_found', async (method, suffix) => {
      const response = await clients.get('patient')!.request(method, `/api/patients/${otherId}${suffix}`);
      expect(response).toMatchObject({ status: 404, body: { error: { code: 'patient.not_found' } } });
    });

    it('PATCH on another patient answers 404 and changes nothing', async () => {
      const before = (await server.deps.repos.patients.findHead(otherId))!.version;
      const response = await clients
        .get('patient')!
        .patch(`/api/patients/${otherId}`, { baseVersion: before, demographics: { phone: '1' } });
      expect(response.status).toBe(404);
      expect((await server.deps.repos.patients.findHead(otherId))!.version).toBe(before);
    });

    it('answers 404 for an id that does not exist, like for a record the patient may not see', async () => {
      const missing = await clients.get('patient')!.get('/api/patients/does-not-exist');
      const foreign = await clients.get('patient')!.get(`/api/patients/${otherId}`);
      expect(missing.status).toBe(404);
      expect(missing.body).toEqual(foreign.body);
    });
  });

  describe('staff and a clinic they do not belong to', () => {
    let thirdClinicId: string;
    let foreignPatientId: string;

    beforeAll(async () => {
      const admin = clients.get('admin')!;
      const clinic = await admin.post<{ id: string }>('/api/clinics', clinicInput(`Third clinic ${engine}`));
      expect(clinic.status).toBe(201);
      thirdClinicId = clinic.body.id;
      const email = `third-nurse-${engine}@matrix.test`;
      const staff = await admin.post('/api/users', {
        email,
        name: 'Third Clinic Nurse',
        password: 'matrix-password-1',
        roles: [{ clinicId: thirdClinicId, role: 'nurse' }],
      });
      expect(staff.status).toBe(201);
      const thirdNurse = createClient(server.url);
      expect((await thirdNurse.login(email, 'matrix-password-1')).status).toBe(200);
      const created = await thirdNurse.post<{ id: string; homeClinicId: string }>('/api/patients', {
        demographics: demographics(`third-${engine}`),
      });
      expect(created.status).toBe(201);
      expect(created.body.homeClinicId).toBe(thirdClinicId);
      foreignPatientId = created.body.id;
    });

    it.each(['nurse', 'physician', 'front_desk', 'admin'] as const)('%s of the demo clinics gets 404 reading it', async (role) => {
      const client = clients.get(role)!;
      for (const suffix of ['', '/versions', '/access-log']) {
        const response = await client.get(`/api/patients/${foreignPatientId}${suffix}`);
        expect(response).toMatchObject({ status: 404, body: { error: { code: 'patient.not_found' } } });
      }
    });

    it('demo nurse gets 404 changing it, and the record keeps version 1', async () => {
      const response = await clients.get('nurse')!.patch(`/api/patients/${foreignPatientId}`, {
        baseVersion: 1,
        clinical: { heights: [{ measuredOn: '2026-10-01', heightCm: 180 }] },
      });
      expect(response.status).toBe(404);
      expect((await server.deps.repos.patients.findHead(foreignPatientId))!.version).toBe(1);
    });

    it('demo nurse cannot register a patient there (403) nor make it the active clinic (404)', async () => {
      const nurse = clients.get('nurse')!;
      const create = await nurse.post('/api/patients', { demographics: demographics(`intrude-${engine}`), homeClinicId: thirdClinicId });
      expect(create).toMatchObject({ status: 403, body: { error: { code: 'auth.forbidden' } } });
      const switched = await nurse.put('/api/me/active-clinic', { clinicId: thirdClinicId });
      expect(switched).toMatchObject({ status: 404, body: { error: { code: 'clinic.not_found' } } });
    });

    it('demo nurse does not see it in search nor the clinic in the clinic list', async () => {
      const nurse = clients.get('nurse')!;
      const search = await nurse.get<{ items: { id: string }[] }>(`/api/patients?query=third-${engine}`);
      expect(search.body.items).toEqual([]);
      const clinics = await nurse.get<{ items: { id: string }[] }>('/api/clinics');
      expect(clinics.body.items.map((c) => c.id)).not.toContain(thirdClinicId);
    });
  });
});
