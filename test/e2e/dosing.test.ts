import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDemoPatients } from '../../src/domain/demo/demo-patients.ts';
import { type BrowserHarness, openChartBySearch, RESULTS_DIR, signIn, startBrowserHarness } from '../support/browser.ts';

/**
 * DAY.md 08:00: the nurse at chair 3 opens the patient's Dosing tab, programs 0.5 mg/kg/h over 4 h from the
 * 10 mg/mL vial, sees the verdict, the pump rate and the predicted curve; a slip to 3.5 mg/kg/h is refused.
 * Runs the built web app (`npx vite build` first) against the real API with the demo data.
 */

/** A demo patient of the first clinic with a recorded weight (names and MRNs do not depend on the date). */
function pickDemoPatientWithWeight() {
  const patients = buildDemoPatients({ todayIso: new Date().toISOString().slice(0, 10), clinicIds: ['first', 'second'] });
  const chosen = patients.find((p) => p.homeClinicIndex === 0 && p.record.clinical.weights.length > 0);
  if (!chosen) throw new Error('the demo data has no weighed patient in the first clinic');
  return chosen.record.demographics;
}

async function openDosingTab(page: Page, baseUrl: string, patient: { familyName: string; mrn: string }) {
  await signIn(page, baseUrl, 'nurse@demo.clinic');
  await openChartBySearch(page, patient);
  await page.getByRole('tab', { name: 'Dosing' }).click();
}

async function chooseOption(page: Page, label: string, option: string) {
  await page.getByRole('combobox', { name: label, exact: true }).click();
  await page.getByRole('option', { name: option }).click();
}

/** Profile and product from the clinic's library, then one infusion row with the given rate over 240 min. */
async function enterInfusion(page: Page, rate: string) {
  await chooseOption(page, 'Profile', 'Pain clinic IV infusion (infusion chairs)');
  await chooseOption(page, 'Product', 'Ketamine HCl injection 10 mg/mL vial');
  await page.getByRole('button', { name: 'Add infusion' }).click();
  const row = page.getByTestId('regimen-row').first();
  await row.getByLabel('Start (min)').fill('0');
  await row.getByLabel('End (min)').fill('240');
  await row.getByLabel('Rate').fill(rate);
  return row;
}

describe('nurse programs an infusion on the Dosing tab', () => {
  let harness: BrowserHarness;
  const patient = pickDemoPatientWithWeight();

  beforeAll(async () => {
    harness = await startBrowserHarness();
  });

  afterAll(async () => harness?.close());

  it('shows the verdict, the pump rate and the curve for 0.5 mg/kg/h, and refuses 3.5 mg/kg/h', async () => {
    const page = await harness.context.newPage();
    await openDosingTab(page, harness.server.url, patient);
    await expect(page.getByLabel('Weight (kg)').inputValue()).resolves.not.toBe('');
    const row = await enterInfusion(page, '0.5 mg/kg/h');

    const verdict = row.getByTestId('dose-verdict');
    await expect.poll(() => verdict.getAttribute('data-verdict'), { timeout: 15_000 }).toMatch(/^(ok|soft)$/);
    await expect(row.getByTestId('dose-volume').textContent()).resolves.toMatch(/Pump rate: [\d.]+ mL\/h/);
    const curve = page.locator('[data-testid="pk-chart"] path.recharts-line-curve');
    await curve.first().waitFor({ timeout: 15_000 });
    await expect(curve.first().getAttribute('d')).resolves.toMatch(/^M[\d.]+/);
    await expect(page.getByTestId('pk-chart-cmax').textContent()).resolves.toMatch(/^Cmax \d+(\.\d+)? ng\/mL at /);
    await expect(page.getByTestId('summary-cmax').textContent()).resolves.toMatch(/ng\/mL/);
    await page.screenshot({ path: join(RESULTS_DIR, 'dosing.png'), fullPage: true });

    await row.getByLabel('Rate').fill('3.5 mg/kg/h');
    await expect.poll(() => verdict.getAttribute('data-verdict'), { timeout: 15_000 }).toBe('hard');
    await expect(verdict.textContent()).resolves.toContain('Refused');
    await expect(verdict.textContent()).resolves.toMatch(/Rate 3\.5 mg\/kg\/h above the hard maximum 1\.5 mg\/kg\/h/);
    await page.screenshot({ path: join(RESULTS_DIR, 'dosing-refused.png'), fullPage: true });
    await page.close();
  });

  it('fits a phone-width screen', async () => {
    await harness.context.clearCookies();
    const page = await harness.context.newPage();
    await page.setViewportSize({ width: 390, height: 844 });
    await openDosingTab(page, harness.server.url, patient);
    const row = await enterInfusion(page, '0.5 mg/kg/h');
    await expect.poll(() => row.getByTestId('dose-verdict').getAttribute('data-verdict'), { timeout: 15_000 }).toMatch(/^(ok|soft)$/);
    await page.locator('[data-testid="pk-chart"] path.recharts-line-curve').first().waitFor({ timeout: 15_000 });
    const pageWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(pageWidth).toBeLessThanOrEqual(390);
    await page.screenshot({ path: join(RESULTS_DIR, 'dosing-phone.png'), fullPage: true });
    await page.close();
  });
});
