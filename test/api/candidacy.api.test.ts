import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../src/db/database.ts';
import { createClient, type TestClient } from '../support/http-client.ts';
import { ENGINES } from '../support/test-database.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

type ErrorBody = { error: { code: string; details: { issues?: { path: string; code?: string }[] } } };
type Lead = { id: string; status: string; outcome: string; patientId: string | null; contact: { name: string }; health?: unknown };
type Result = { route: string; verdict: string; fired: { rule: string; overridden?: unknown }[] };
type Evaluation = {
  id: string;
  patientVersion: number;
  results: Result[];
  instruments: { phq9?: { total: number; item9: number } };
  signature: null | { results: Result[]; reevaluationDue: string; signedBy: { name: string } };
  stale: boolean;
  staleReasons: string[];
};

/** Answers with nothing that stops any route (not clinical data). */
const cleanAnswers = () => ({
  ageYears: 44,
  painDurationMonths: 18,
  diagnoses: [{ kind: 'group', group: 'crps' }],
  treatmentsTried: [{ category: 'opioids', result: 'partial' }],
  interference: { dailyActivity0to10: 7, sleep0to10: 8 },
  painSpreadingOrOutOfProportion: 'yes',
  exclusions: {
    pregnancy: 'no',
    psychosisNotControlled: 'no',
    highBloodPressureNotControlled: 'no',
    heartDiseaseNotControlled: 'no',
    liverDisease: 'no',
    glaucomaOrRaisedIntracranialPressure: 'no',
    substanceUse: 'no',
    ketamineAllergy: 'no',
  },
});
const pregnantAnswers = () => ({ ...cleanAnswers(), exclusions: { ...cleanAnswers().exclusions, pregnancy: 'yes' } });
const contact = (name: string) => ({ name, phone: '555-0142', preferredTimes: 'mornings', consentToContact: true });

const findings = (overrides: Record<string, unknown> = {}) => ({
  evaluatedOn: '2026-11-20',
  vitals: { systolicMmHg: 120, diastolicMmHg: 80 },
  psychiatricScreen: { activePsychosis: false },
  substanceUseScreen: { activeSud: false },
  cardiovascular: { poorlyControlled: false, aneurysmOrAvm: false, intracerebralHaemorrhageHistory: false },
  raisedIcpOrIop: false,
  cystitis: false,
  ...overrides,
});
const phq9 = (item9: number) => ({ phq9_1: 1, phq9_2: 1, phq9_3: 0, phq9_4: 2, phq9_5: 0, phq9_6: 1, phq9_7: 0, phq9_8: 0, phq9_9: item9 });
const ALL_ROUTES = ['iv', 'in', 'oral', 'sl', 'sc', 'im', 'topical', 'esketamine_in'];

describe.each(ENGINES)('candidacy API on %s', (engine) => {
  let server: TestServer;
  const as: Record<'admin' | 'physician' | 'nurse' | 'frontdesk' | 'anonymous', TestClient> = {} as never;
  let clinicId: string;
  let counter = 0;
  const newPatient = async (clinical?: unknown) => {
    const demographics = {
      mrn: `CAND-${engine}-${++counter}`,
      givenName: 'Cand',
      familyName: 'Idate',
      birthDate: '1980-02-03',
      sex: 'female',
    };
    const created = await as.nurse.post<{ id: string; version: number }>('/api/patients', {
      demographics,
      ...(clinical ? { clinical } : {}),
    });
    expect(created.status).toBe(201);
    return created.body.id;
  };
  const leadsOf = async (client: TestClient) => (await client.get<{ items: Lead[] }>('/api/leads')).body.items;
  const submissionCount = async () => {
    const rows = rowsOf<{ n: number }>(await server.deps.db.execute(sql`select count(*)::int as n from self_check_submissions`));
    return Number(rows[0]?.n);
  };

  beforeAll(async () => {
    server = await startTestServer({ engine });
    for (const name of ['admin', 'physician', 'nurse', 'frontdesk', 'anonymous'] as const) {
      as[name] = createClient(server.url);
      if (name !== 'anonymous') expect((await as[name].login(`${name}@demo.clinic`)).status).toBe(200);
    }
    clinicId = (await as.nurse.get<{ activeClinicId: string }>('/api/me')).body.activeClinicId;
  });
  afterAll(async () => server?.close());

  describe('public self-check', () => {
    it('lists clinics without sign-in, with name, phone and time zone only', async () => {
      const res = await as.anonymous.get<{ items: Record<string, unknown>[] }>('/api/public/clinics');
      expect(res.status).toBe(200);
      const clinic = res.body.items.find((c) => c.id === clinicId)!;
      expect(Object.keys(clinic).sort()).toEqual(['id', 'name', 'phone', 'timeZone']);
    });

    it('answers likely not suitable for a pregnancy, with the reason, and echoes no answers', async () => {
      const res = await as.anonymous.post<Record<string, unknown> & { assessment: { outcome: string; reasons: string[] } }>(
        '/api/self-check',
        { clinicId, answers: pregnantAnswers() },
      );
      expect(res.status).toBe(201);
      expect(res.body.assessment.outcome).toBe('likely_not_suitable');
      expect(res.body.assessment.reasons[0]).toMatch(/pregnan/);
      expect(res.body.consultationRequested).toBe(false);
      expect(Object.keys(res.body).sort()).toEqual(['assessment', 'consultationRequested']);
      expect(Object.keys(res.body.assessment).sort()).toEqual(['outcome', 'reasons', 'routesToDiscuss']);
    });

    it('refuses incomplete answers with field paths and saves nothing', async () => {
      const before = await submissionCount();
      const answers = cleanAnswers() as { exclusions: Record<string, unknown> };
      delete answers.exclusions.pregnancy;
      const res = await as.anonymous.post<ErrorBody>('/api/self-check', { clinicId, answers, contact: contact('Incomplete Person') });
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('validation.failed');
      expect(res.body.error.details.issues?.map((i) => i.path)).toContain('body.answers.exclusions.pregnancy');
      expect(await submissionCount()).toBe(before);
    });

    it('needs a phone or an email to raise a lead, and saves nothing without one', async () => {
      const before = await submissionCount();
      const res = await as.anonymous.post<ErrorBody>('/api/self-check', {
        clinicId,
        answers: cleanAnswers(),
        contact: { name: 'No Way To Reach', consentToContact: true },
      });
      expect(res.status).toBe(400);
      expect(res.body.error.details.issues?.[0]?.path).toBe('contact.phone');
      expect(await submissionCount()).toBe(before);
    });

    it('raises a lead the front desk sees without health answers, and the nurse sees with them (audited)', async () => {
      const res = await as.anonymous.post('/api/self-check', { clinicId, answers: pregnantAnswers(), contact: contact('Lead Person') });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ consultationRequested: true });
      const listed = (await leadsOf(as.frontdesk)).find((l) => l.contact.name === 'Lead Person')!;
      expect(listed).toMatchObject({ status: 'new', outcome: 'likely_not_suitable', patientId: null });
      expect(listed).not.toHaveProperty('health');
      for (const client of [as.frontdesk, as.admin]) {
        const read = await client.get<Lead>(`/api/leads/${listed.id}`);
        expect(read.status).toBe(200);
        expect(read.body.health).toBeUndefined();
        expect(JSON.stringify(read.body)).not.toContain('pregnan');
      }
      const nurse = await as.nurse.get<
        Lead & { health: { answers: { exclusions: { pregnancy: string } }; assessment: { fired: { rule: string }[] } } }
      >(`/api/leads/${listed.id}`);
      expect(nurse.body.health.answers.exclusions.pregnancy).toBe('yes');
      expect(nurse.body.health.assessment.fired.map((f) => f.rule)).toContain('pregnancy.pregnant');
      const resource = `lead/${listed.id}`;
      const audit = rowsOf<{ n: number }>(
        await server.deps.db.execute(sql`select count(*)::int as n from audit_log where resource = ${resource}`),
      );
      expect(Number(audit[0]?.n)).toBe(3);
      const searches = rowsOf<{ n: number }>(
        await server.deps.db.execute(sql`select count(*)::int as n from audit_log where resource = 'leads' and action = 'search'`),
      );
      expect(Number(searches[0]?.n)).toBeGreaterThan(0);
    });

    it('raises no lead without consent to contact', async () => {
      const before = (await leadsOf(as.nurse)).length;
      const res = await as.anonymous.post('/api/self-check', {
        clinicId,
        answers: cleanAnswers(),
        contact: { ...contact('No Consent'), consentToContact: false },
      });
      expect(res.body).toMatchObject({ consultationRequested: false });
      expect((await leadsOf(as.nurse)).length).toBe(before);
    });

    it('marks a lead contacted, converts it once into a patient, and keeps the converted status', async () => {
      await as.anonymous.post('/api/self-check', { clinicId, answers: cleanAnswers(), contact: contact('Convert Person') });
      const lead = (await leadsOf(as.frontdesk)).find((l) => l.contact.name === 'Convert Person')!;
      expect((await as.frontdesk.patch<Lead>(`/api/leads/${lead.id}`, { status: 'contacted' })).body.status).toBe('contacted');
      expect((await as.frontdesk.get<{ items: Lead[] }>('/api/leads?status=contacted')).body.items.map((l) => l.id)).toContain(lead.id);
      const demographics = { mrn: `LEAD-${engine}`, givenName: 'Convert', familyName: 'Person', birthDate: '1979-05-06', sex: 'male' };
      const converted = await as.frontdesk.post<{ patientId: string }>(`/api/leads/${lead.id}/convert`, { demographics });
      expect(converted.status).toBe(201);
      const after = await as.frontdesk.get<Lead>(`/api/leads/${lead.id}`);
      expect(after.body).toMatchObject({ status: 'converted', patientId: converted.body.patientId });
      expect((await as.frontdesk.get(`/api/patients/${converted.body.patientId}`)).status).toBe(200);
      const again = await as.frontdesk.post<ErrorBody>(`/api/leads/${lead.id}/convert`, {
        demographics: { ...demographics, mrn: `LEAD2-${engine}` },
      });
      expect(again.status).toBe(409);
      expect(again.body.error.code).toBe('lead.already_converted');
      expect((await as.frontdesk.patch(`/api/leads/${lead.id}`, { status: 'closed' })).status).toBe(409);
    });
  });

  describe('clinician evaluation', () => {
    it('stores a verdict per route on the current record version, audited', async () => {
      const patientId = await newPatient();
      const res = await as.nurse.post<Evaluation>(`/api/patients/${patientId}/evaluations`, { findings: findings({ cystitis: true }) });
      expect(res.status).toBe(201);
      expect(res.body.patientVersion).toBe(1);
      expect(res.body.results.map((r) => r.route)).toEqual(ALL_ROUTES);
      expect(res.body.results.every((r) => r.verdict === 'not_eligible')).toBe(true);
      expect(res.body.signature).toBeNull();
      const list = await as.physician.get<{ items: Evaluation[] }>(`/api/patients/${patientId}/evaluations`);
      expect(list.body.items.map((e) => e.id)).toEqual([res.body.id]);
      expect((await as.frontdesk.get(`/api/patients/${patientId}/evaluations`)).status).toBe(404);
    });

    it('opens a safety task when PHQ-9 item 9 is above 0, and none when it is 0', async () => {
      const patientId = await newPatient();
      const calm = await as.nurse.post<Evaluation>(`/api/patients/${patientId}/evaluations`, { findings: findings(), phq9: phq9(0) });
      expect(calm.body.instruments.phq9).toMatchObject({ total: 5, item9: 0 });
      expect(
        (await as.nurse.get<{ items: { patientId: string }[] }>('/api/tasks')).body.items.filter((t) => t.patientId === patientId),
      ).toEqual([]);
      const res = await as.nurse.post<Evaluation>(`/api/patients/${patientId}/evaluations`, { findings: findings(), phq9: phq9(1) });
      expect(res.body.instruments.phq9).toMatchObject({ total: 6, item9: 1 });
      const tasks = (await as.nurse.get<{ items: { id: string; patientId: string; kind: string; completedAt: null }[] }>('/api/tasks')).body
        .items;
      const task = tasks.find((t) => t.patientId === patientId)!;
      expect(task).toMatchObject({ kind: 'phq9_item9', completedAt: null });
      const done = await as.physician.post<{ completedAt: string; note: string }>(`/api/tasks/${task.id}/complete`, {
        note: 'Called, safety plan made.',
      });
      expect(done.status).toBe(200);
      expect(done.body.note).toBe('Called, safety plan made.');
      expect((await as.physician.post(`/api/tasks/${task.id}/complete`, { note: 'again' })).status).toBe(409);
    });

    it('refuses an incomplete PHQ-9 with field paths and stores nothing', async () => {
      const patientId = await newPatient();
      const { phq9_9: _, ...partial } = phq9(1);
      const res = await as.nurse.post<ErrorBody>(`/api/patients/${patientId}/evaluations`, { findings: findings(), phq9: partial });
      expect(res.status).toBe(400);
      expect(res.body.error.details.issues?.map((i) => i.path)).toEqual(['phq9.phq9_9']);
      expect((await as.nurse.get<{ items: unknown[] }>(`/api/patients/${patientId}/evaluations`)).body.items).toEqual([]);
    });

    it('signs with a relative override and justification: eligible with cautions, due again in 12 months', async () => {
      const patientId = await newPatient();
      const evaluation = (
        await as.nurse.post<Evaluation>(`/api/patients/${patientId}/evaluations`, { findings: findings({ cystitis: true }) })
      ).body;
      const overrides = ALL_ROUTES.map((route) => ({ route, rule: 'urinary.cystitis', justification: 'Urology reviewed: quiescent.' }));
      const signed = await as.physician.post<Evaluation>(`/api/patients/${patientId}/evaluations/${evaluation.id}/sign`, {
        overrides,
        note: 'ok',
      });
      expect(signed.status).toBe(200);
      const iv = signed.body.signature!.results.find((r) => r.route === 'iv')!;
      expect(iv.verdict).toBe('eligible_with_cautions');
      expect(iv.fired[0]?.overridden).toBeDefined();
      expect(signed.body.results.find((r) => r.route === 'iv')!.verdict).toBe('not_eligible');
      const year = Number(signed.body.signature!.reevaluationDue.slice(0, 4));
      expect(year).toBe(new Date().getUTCFullYear() + 1);
      const twice = await as.physician.post<ErrorBody>(`/api/patients/${patientId}/evaluations/${evaluation.id}/sign`, { overrides: [] });
      expect(twice.status).toBe(409);
      expect(twice.body.error.code).toBe('evaluation.already_signed');
    });

    it("sets the re-evaluation date from the clinic's interval", async () => {
      const clinic = (await as.admin.get<{ items: { id: string; settings: Record<string, unknown> }[] }>('/api/clinics')).body.items.find(
        (c) => c.id === clinicId,
      )!;
      const setMonths = (settings: Record<string, unknown>) => as.admin.patch(`/api/clinics/${clinicId}`, { settings });
      expect((await setMonths({ ...clinic.settings, reevaluationMonths: 6 })).status).toBe(200);
      try {
        const patientId = await newPatient();
        const evaluation = (await as.nurse.post<Evaluation>(`/api/patients/${patientId}/evaluations`, { findings: findings() })).body;
        const signed = await as.physician.post<Evaluation>(`/api/patients/${patientId}/evaluations/${evaluation.id}/sign`, {
          overrides: [],
        });
        const now = new Date();
        const expected = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 6, 1));
        expect(signed.body.signature!.reevaluationDue.slice(0, 7)).toBe(expected.toISOString().slice(0, 7));
        expect(signed.body.signature!.signedBy.name).not.toBe('');
      } finally {
        await setMonths(clinic.settings);
      }
    });

    it('refuses to override an absolute contraindication, and a relative one without justification', async () => {
      const patientId = await newPatient();
      const evaluation = (
        await as.nurse.post<Evaluation>(`/api/patients/${patientId}/evaluations`, { findings: findings({ cystitis: true }) })
      ).body;
      const sign = (overrides: unknown[]) =>
        as.physician.post<ErrorBody>(`/api/patients/${patientId}/evaluations/${evaluation.id}/sign`, { overrides });
      const absolute = await sign([{ route: 'iv', rule: 'cardiovascular.poorly_controlled', justification: 'Cardiology says fine.' }]);
      expect(absolute.status).toBe(400);
      expect(absolute.body.error.code).toBe('screening.absolute_contraindication');
      expect(absolute.body.error.details.issues?.[0]?.path).toBe('overrides.0.rule');
      const blank = await sign([{ route: 'iv', rule: 'urinary.cystitis', justification: '  ' }]);
      expect(blank.status).toBe(400);
      expect(blank.body.error.code).toBe('screening.override_justification_required');
      expect((await as.nurse.post(`/api/patients/${patientId}/evaluations/${evaluation.id}/sign`, { overrides: [] })).status).toBe(403);
      const list = await as.physician.get<{ items: Evaluation[] }>(`/api/patients/${patientId}/evaluations`);
      expect(list.body.items[0]?.signature).toBeNull();
    });

    it('turns stale when a benzodiazepine added to the record fires a rule that did not fire before', async () => {
      const patientId = await newPatient();
      await as.nurse.post<Evaluation>(`/api/patients/${patientId}/evaluations`, { findings: findings() });
      const fresh = (await as.nurse.get<{ items: Evaluation[] }>(`/api/patients/${patientId}/evaluations`)).body.items[0]!;
      expect(fresh).toMatchObject({ stale: false, staleReasons: [] });
      const medication = {
        ingredient: 'lorazepam',
        strength: { value: 1, unit: 'mg' },
        form: 'tablet',
        route: 'oral',
        timesPerDay: 1,
        prn: false,
        startDate: '2026-01-01',
      };
      const patched = await as.nurse.patch(`/api/patients/${patientId}`, { baseVersion: 1, clinical: { medications: [medication] } });
      expect(patched.status).toBe(200);
      const stale = (await as.nurse.get<{ items: Evaluation[] }>(`/api/patients/${patientId}/evaluations`)).body.items[0]!;
      expect(stale.stale).toBe(true);
      expect(stale.staleReasons.join(' ')).toContain('medication.benzodiazepine');
    });
  });

  it.each(['self_check_submissions', 'evaluations', 'evaluation_signatures'])(
    'refuses update, delete and truncate on %s',
    async (table) => {
      const t = sql.identifier(table);
      const column = sql.identifier(table === 'evaluation_signatures' ? 'note' : 'rule_set_version');
      await expect(server.deps.db.execute(sql`update ${t} set ${column} = ${'changed'}`)).rejects.toThrow();
      await expect(server.deps.db.execute(sql`delete from ${t}`)).rejects.toThrow();
      await expect(server.deps.db.execute(sql`truncate ${t}`)).rejects.toThrow();
    },
  );

  it('throttles a burst of self-checks from one address (per server)', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) statuses.push((await as.anonymous.post('/api/self-check', { clinicId, answers: cleanAnswers() })).status);
    expect(statuses).toContain(429);
    const res = await as.anonymous.post<ErrorBody>('/api/self-check', { clinicId, answers: cleanAnswers() });
    expect(res.body.error.code).toBe('self_check.throttled');
  });
});
