import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDemoPatients } from '../../src/domain/demo/demo-patients.ts';
import { type BrowserHarness, openChartBySearch, RESULTS_DIR, signIn, startBrowserHarness } from '../support/browser.ts';

/**
 * A nurse on a clinic workstation (1280 px) and on a phone (390 px): sign in, find a patient, open the chart.
 * Runs the built web app (`npx vite build` first) against the real API with the demo data.
 */

/** A demo patient of the first clinic with a medication still being taken (names and MRNs do not depend on the date). */
function pickDemoPatientWithMedication() {
  const todayIso = new Date().toISOString().slice(0, 10);
  const patients = buildDemoPatients({ todayIso, clinicIds: ['first', 'second'] });
  const chosen = patients.find(
    (p) => p.homeClinicIndex === 0 && p.record.clinical.medications.some((m) => !m.stopDate || m.stopDate >= todayIso),
  );
  if (!chosen) throw new Error('the demo data has no patient with an active medication in the first clinic');
  const medication = chosen.record.clinical.medications.find((m) => !m.stopDate || m.stopDate >= todayIso)!;
  return { ...chosen.record.demographics, ingredient: medication.ingredient };
}

/** The demo patient whose pain summary was "copied from a referral letter" with a script tag in it. */
function pickDemoPatientWithMarkup() {
  const patients = buildDemoPatients({ todayIso: new Date().toISOString().slice(0, 10), clinicIds: ['first', 'second'] });
  const chosen = patients.find((p) => p.record.clinical.painHistory?.summary?.includes('<script>'));
  if (!chosen) throw new Error('the demo data has no patient with markup in a note');
  return { ...chosen.record.demographics, homeClinicIndex: chosen.homeClinicIndex, summary: chosen.record.clinical.painHistory!.summary! };
}

describe('nurse opens a chart', () => {
  let harness: BrowserHarness;
  const patient = pickDemoPatientWithMedication();

  beforeAll(async () => {
    harness = await startBrowserHarness();
  });

  afterAll(async () => harness?.close());

  it('finds the patient by name and shows their MRN and an active medication', async () => {
    const page = await harness.context.newPage();
    await signIn(page, harness.server.url, 'nurse@demo.clinic');
    await openChartBySearch(page, patient);

    await expect(page.getByTestId('chart-mrn').textContent()).resolves.toBe(patient.mrn);
    const medications = page.getByTestId('active-medication');
    await expect(medications.filter({ hasText: patient.ingredient }).count()).resolves.toBeGreaterThan(0);
    await page.screenshot({ path: join(RESULTS_DIR, 'nurse-chart.png'), fullPage: true });
    await page.close();
  });

  it('shows the same chart at phone width with the navigation behind the burger', async () => {
    await harness.context.clearCookies();
    const page = await harness.context.newPage();
    await page.setViewportSize({ width: 390, height: 844 });
    await signIn(page, harness.server.url, 'nurse@demo.clinic');
    await openChartBySearch(page, patient);

    await expect(page.getByTestId('chart-mrn').textContent()).resolves.toBe(patient.mrn);
    await expect(page.getByRole('button', { name: 'Open navigation' }).isVisible()).resolves.toBe(true);
    const pageWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(pageWidth).toBeLessThanOrEqual(390);
    await page.screenshot({ path: join(RESULTS_DIR, 'nurse-chart-phone.png'), fullPage: true });
    await page.close();
  });

  it('switches clinic and shows markup typed into a note as inert text', async () => {
    const marked = pickDemoPatientWithMarkup();
    await harness.context.clearCookies();
    const page = await harness.context.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await signIn(page, harness.server.url, 'nurse@demo.clinic');
    await page.getByRole('heading', { name: 'Patients' }).waitFor();
    const switcher = page.getByRole('combobox', { name: 'Active clinic' });
    const clinicNames = await page.getByRole('option', { includeHidden: true }).allTextContents();
    await switcher.click();
    await page.getByRole('option').nth(marked.homeClinicIndex).click();
    await expect.poll(() => switcher.inputValue()).toBe(clinicNames[marked.homeClinicIndex]);
    await openChartBySearch(page, marked);

    await page.getByText(marked.summary, { exact: true }).waitFor();
    expect(dialogs).toEqual([]);
    await expect(page.locator('script:not([src])').count()).resolves.toBe(0);
    await page.close();
  });
});
