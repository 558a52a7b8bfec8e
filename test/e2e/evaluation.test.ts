import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDemoPatients } from '../../src/domain/demo/demo-patients.ts';
import { type EvaluationInput, evaluateCandidacy } from '../../src/domain/screening/index.ts';
import { type BrowserHarness, openChartBySearch, RESULTS_DIR, signIn, startBrowserHarness } from '../support/browser.ts';

/**
 * DAY.md 16:00: a nurse enters an evaluation with a blood pressure of 180/110 mmHg (the clinic's uncontrolled
 * hypertension limit, a relative rule) and PHQ-9 item 9 above 0; IV reads "Not eligible" naming the rule and a
 * safety task is created. The physician then signs with an override justification for that rule on IV, and IV
 * reads "Eligible with cautions". Runs the built web app (`npx vite build` first) against the real API.
 */

const HYPERTENSION_RULE = 'blood_pressure.uncontrolled_hypertension';
const SYSTOLIC = 180;
const DIASTOLIC = 110;
const JUSTIFICATION = 'Repeat reading 150/95 mmHg after rest; treating physician present, arterial line monitoring.';

/**
 * A demo patient of the first clinic for whom, with this blood pressure and nothing else found, the hypertension
 * rule is the only stop on IV (so the override alone turns IV eligible); the engine decides, not a hard-coded MRN.
 */
function pickDemoPatientStoppedOnlyByHypertension() {
  const todayIso = new Date().toISOString().slice(0, 10);
  const findings = {
    evaluatedOn: todayIso,
    vitals: { systolicMmHg: SYSTOLIC, diastolicMmHg: DIASTOLIC },
    psychiatricScreen: { activePsychosis: false },
    substanceUseScreen: { activeSud: false },
    cardiovascular: { poorlyControlled: false, aneurysmOrAvm: false, intracerebralHaemorrhageHistory: false },
    raisedIcpOrIop: false,
    cystitis: false,
  };
  const patients = buildDemoPatients({ todayIso, clinicIds: ['first', 'second'] });
  const chosen = patients.find((p) => {
    if (p.homeClinicIndex !== 0) return false;
    const input: EvaluationInput = { patient: p.record, evaluation: findings };
    const before = evaluateCandidacy(input, { route: 'iv' });
    const after = evaluateCandidacy(input, {
      route: 'iv',
      overrides: [{ rule: HYPERTENSION_RULE, by: 'physician', justification: JUSTIFICATION }],
    });
    return before.fired.some((f) => f.rule === HYPERTENSION_RULE) && after.verdict === 'eligible_with_cautions';
  });
  if (!chosen) throw new Error('the demo data has no first-clinic patient stopped on IV only by the hypertension rule');
  return chosen.record.demographics;
}

async function openEvaluationTab(page: Page, baseUrl: string, email: string, patient: { familyName: string; mrn: string }) {
  await signIn(page, baseUrl, email);
  await openChartBySearch(page, patient);
  await page.getByRole('tab', { name: 'Evaluation' }).click();
  await page.getByRole('heading', { name: 'New evaluation' }).waitFor();
}

/** The IV card of the (one, open) evaluation. */
const ivCard = (page: Page) => page.getByRole('region', { name: 'Route IV infusion' });

describe('evaluation with a relative stop, a PHQ-9 safety answer and a physician override', () => {
  let harness: BrowserHarness;
  const patient = pickDemoPatientStoppedOnlyByHypertension();

  beforeAll(async () => {
    harness = await startBrowserHarness();
  });

  afterAll(async () => harness?.close());

  it('shows the nurse IV not eligible with the hypertension rule named, and the safety task notice', async () => {
    const page = await harness.context.newPage();
    page.setDefaultTimeout(15_000);
    await openEvaluationTab(page, harness.server.url, 'nurse@demo.clinic', patient);
    await page.getByText('No evaluation yet.').waitFor();

    await page.getByLabel('Systolic (mmHg)').fill(String(SYSTOLIC));
    await page.getByLabel('Diastolic (mmHg)').fill(String(DIASTOLIC));
    await page.getByLabel('Heart rate (bpm)').fill('84');
    const phq9 = page.getByRole('group', { name: 'PHQ-9 (answer every item, or none)' });
    const items = phq9.getByRole('radiogroup');
    await expect(items.count()).resolves.toBe(9);
    for (let i = 0; i < 8; i++) {
      await items.nth(i).getByRole('radio', { name: 'Several days', exact: true }).check();
    }
    await phq9
      .getByRole('radiogroup', { name: '9. Thoughts of being better off dead or of self-harm' })
      .getByRole('radio', { name: 'Several days', exact: true })
      .check();
    // The notice shows while typing, before anything is saved.
    await page.getByRole('alert').filter({ hasText: 'Item 9: thoughts of self-harm' }).waitFor();
    await page.getByRole('button', { name: 'Evaluate' }).click();

    await page.getByRole('alert').filter({ hasText: 'A safety task was created for a clinician.' }).waitFor();
    await page.getByText('Open safety task: PHQ-9 item 9 above 0').waitFor();
    const iv = ivCard(page);
    await iv.waitFor();
    await expect(iv.getByText('Not eligible', { exact: true }).isVisible()).resolves.toBe(true);
    await expect(iv.getByText(HYPERTENSION_RULE, { exact: true }).isVisible()).resolves.toBe(true);
    await expect(iv.textContent()).resolves.toContain(`Blood pressure ${SYSTOLIC}/${DIASTOLIC} mmHg is at or above the clinic limit`);
    await expect(page.getByText('Awaiting signature', { exact: true }).isVisible()).resolves.toBe(true);
    // A nurse does not sign.
    await expect(page.getByRole('button', { name: 'Sign decision' }).count()).resolves.toBe(0);
    await page.close();
  });

  it('lets the physician override the hypertension rule on IV and sign: IV eligible with cautions, signed', async () => {
    await harness.context.clearCookies();
    const page = await harness.context.newPage();
    page.setDefaultTimeout(15_000);
    await openEvaluationTab(page, harness.server.url, 'physician@demo.clinic', patient);

    const signForm = page.getByRole('region', { name: 'Sign decision' });
    await signForm.waitFor();
    await expect(ivCard(page).getByText('Not eligible', { exact: true }).isVisible()).resolves.toBe(true);
    await signForm.getByLabel(`IV infusion: override ${HYPERTENSION_RULE} (optional)`).fill(JUSTIFICATION);
    await signForm.getByRole('button', { name: 'Sign decision' }).click();

    await page.getByText('Signed', { exact: true }).waitFor();
    await signForm.waitFor({ state: 'detached' });
    const iv = ivCard(page);
    await iv.getByText('Eligible with cautions', { exact: true }).waitFor();
    await expect(iv.getByText('overridden', { exact: true }).isVisible()).resolves.toBe(true);
    await expect(iv.getByText('Not eligible', { exact: true }).count()).resolves.toBe(0);
    await expect(page.getByText(`Override, IV infusion, ${HYPERTENSION_RULE}: ${JUSTIFICATION}`).isVisible()).resolves.toBe(true);
    // The safety task stays open until a clinician records what was done.
    await page.getByText('Open safety task: PHQ-9 item 9 above 0').waitFor();
    await page.screenshot({ path: join(RESULTS_DIR, 'evaluation.png'), fullPage: true });
    await page.close();
  });
});
