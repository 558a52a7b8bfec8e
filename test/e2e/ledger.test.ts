import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDemoPatients } from '../../src/domain/demo/demo-patients.ts';
import { type BrowserHarness, RESULTS_DIR, signIn, startBrowserHarness } from '../support/browser.ts';
import { createClient } from '../support/http-client.ts';

/**
 * Issue 5, browser test: a nurse receives a shipment, records administrations (the first opens a vial, the second
 * draws from the opened vial), wastes the remainder with a physician as witness (a wrong password is refused next to
 * the witness panel), and runs a count with a physician as second counter. Runs the built web app against the real API.
 */

const LOT = 'E2E-LOT-1';
const PRODUCT = 'Ketamine HCl injection 10 mg/mL vial';

/** A demo patient of the first clinic (names and MRNs do not depend on the date). */
function pickDemoPatient() {
  const patients = buildDemoPatients({ todayIso: new Date().toISOString().slice(0, 10), clinicIds: ['first', 'second'] });
  const chosen = patients.find((p) => p.homeClinicIndex === 0);
  if (!chosen) throw new Error('the demo data has no patient in the first clinic');
  return chosen.record.demographics;
}

async function chooseOption(page: Page, label: string, option: string | RegExp) {
  await page.getByRole('combobox', { name: label, exact: true }).click();
  await page.getByRole('option', { name: option }).click();
}

/** The stock table row of our lot in one storage location, sealed or opened. */
function lotRow(page: Page, table: 'Sealed stock' | 'Opened containers', location: string): Locator {
  return page
    .getByRole('table', { name: `${table} in ${location}` })
    .getByRole('row')
    .filter({ hasText: LOT });
}

describe('controlled-substance ledger in the browser', () => {
  let harness: BrowserHarness;
  let registrationId: string;
  const patient = pickDemoPatient();

  beforeAll(async () => {
    harness = await startBrowserHarness();
    // The DEA registration is the administrator's setup (its number passes the DEA check digit: 1+3+5 + 2*(2+4+6) = 33).
    const admin = createClient(harness.server.url);
    await admin.login('admin@demo.clinic');
    const created = await admin.post<{ id: string }>('/api/ledger/registrations', {
      deaNumber: 'BD1234563',
      registrantName: 'Demo Pain Clinic E2E',
      address: '1 Test Street, Springfield',
      expiresOn: '2099-03-31',
    });
    expect(created.status).toBe(201);
    registrationId = created.body.id;
  });

  afterAll(async () => harness?.close());

  const at = (path: string) => `${harness.server.url}${path}?registration=${encodeURIComponent(registrationId)}`;

  it('an administrator adds a storage location on the stock page', async () => {
    const page = await harness.context.newPage();
    await signIn(page, harness.server.url, 'admin@demo.clinic');
    await page.goto(at('/ledger'));
    await expect(page.getByTestId('registration-line').textContent()).resolves.toContain('DEA BD1234563');
    await page.getByLabel('New storage location').fill('Safe A');
    await page.getByRole('button', { name: 'Add location' }).click();
    await page.getByRole('heading', { name: 'Safe A' }).waitFor();
    await expect(page.getByLabel('Stock in Safe A').textContent()).resolves.toContain('Empty.');
    await page.close();
  });

  it('a nurse receives, administers from an opened vial, wastes the remainder with a witness and counts', async () => {
    await harness.context.clearCookies();
    const page = await harness.context.newPage();
    await signIn(page, harness.server.url, 'nurse@demo.clinic');
    await page.getByRole('link', { name: 'Controlled substances' }).click();
    await page.getByRole('heading', { name: 'Controlled substances' }).waitFor();

    // Receipt: 3 vials of 10 mL into Safe A.
    await page.goto(at('/ledger/new/receipt'));
    await chooseOption(page, 'Product', PRODUCT);
    await chooseOption(page, 'Storage location', 'Safe A');
    await page.getByLabel('Lot number').fill(LOT);
    await page.getByLabel('Lot expiry').fill('2099-06-30');
    await page.getByLabel('Containers received').fill('3');
    await page.getByLabel('Container volume (mL)').fill('10');
    await page.getByLabel('Supplier name').fill('Acme Pharma Supply');
    await page.getByLabel('Supplier address').fill('2 Warehouse Road, Springfield');
    await page.getByLabel('Supplier DEA number').fill('PS1234563');
    await page.getByLabel('Invoice number').fill('INV-E2E-1');
    await page.getByRole('button', { name: 'Record receipt' }).click();
    await expect(page.getByTestId('posted-entries').textContent()).resolves.toMatch(/Entry #\d+: Receipt/);

    await page.goto(at('/ledger'));
    await expect(lotRow(page, 'Sealed stock', 'Safe A').textContent()).resolves.toContain('3 vials');

    // First administration opens a vial (2 mL given), the second draws 3 mL from that opened vial.
    await page.goto(at('/ledger/new/administration'));
    await page.getByRole('combobox', { name: 'Patient', exact: true }).fill(patient.familyName);
    await page.getByRole('option', { name: new RegExp(patient.mrn) }).click();
    await chooseOption(page, 'Source', new RegExp(`^Open a new vial from .* lot ${LOT} · Safe A \\(3 vials\\)$`));
    await page.getByRole('textbox', { name: /^Administered amount/ }).fill('2');
    await page.getByRole('button', { name: 'Record administration' }).click();
    await expect(page.getByTestId('posted-entries').textContent()).resolves.toContain('Administration');

    await page.getByRole('combobox', { name: 'Patient', exact: true }).fill(patient.familyName);
    await page.getByRole('option', { name: new RegExp(patient.mrn) }).click();
    await chooseOption(page, 'Source', new RegExp(`^Opened vial · .* lot ${LOT} · 8 mL left · Safe A$`));
    await page.getByRole('textbox', { name: /^Administered amount/ }).fill('3');
    await page.getByRole('button', { name: 'Record administration' }).click();
    await expect.poll(() => page.getByTestId('posted-entries').textContent()).toContain('Administration');

    await page.goto(at('/ledger'));
    await expect(lotRow(page, 'Opened containers', 'Safe A').textContent()).resolves.toMatch(/5 mL · 50 mg/);
    await expect(lotRow(page, 'Sealed stock', 'Safe A').textContent()).resolves.toContain('2 vials');

    // Waste the 5 mL left, witnessed by the physician: a wrong password first is refused beside the witness panel.
    await page.goto(at('/ledger/new/waste'));
    await chooseOption(page, 'Opened container', new RegExp(`lot ${LOT} · 5 mL left`));
    await page.getByRole('textbox', { name: /^Wasted amount/ }).fill('5');
    await page.getByLabel('Reason').fill('Remainder after the infusion');
    const witness = page.getByRole('group', { name: 'Witness' });
    await witness.getByLabel('Witness email').fill('physician@demo.clinic');
    await witness.getByLabel('Witness password').fill('not-the-password');
    await page.getByRole('button', { name: 'Record waste' }).click();
    await expect(witness.getByTestId('witness-error').textContent()).resolves.toMatch(/Witness not accepted/);
    await expect(witness.getByLabel('Witness password').inputValue()).resolves.toBe('');
    await witness.getByLabel('Witness password').fill('demo-password-1');
    await page.getByRole('button', { name: 'Record waste' }).click();
    await expect(page.getByTestId('posted-entries').textContent()).resolves.toContain('Waste');
    await expect(witness.getByLabel('Witness password').inputValue()).resolves.toBe('');

    await page.goto(at('/ledger'));
    await expect(lotRow(page, 'Sealed stock', 'Safe A').textContent()).resolves.toContain('2 vials');
    await expect(page.getByRole('table', { name: 'Opened containers in Safe A' }).count()).resolves.toBe(0);
    await page.screenshot({ path: join(RESULTS_DIR, 'ledger-stock.png'), fullPage: true });

    // The entries list names the witness and shows the chain head.
    await page.goto(at('/ledger/reports'));
    const wasteEntry = page.getByTestId('ledger-entry').filter({ hasText: 'Waste' });
    await expect(wasteEntry.textContent()).resolves.toMatch(/witnessed by .*Physician/i);
    await expect(page.getByTestId('chain-head').textContent()).resolves.toMatch(/^Chain head: #\d+ [0-9a-f]{12}…$/);
    // The receipts CSV is a plain link; it names the lot and the supplier's DEA number.
    await chooseOption(page, 'Report', 'Receipts');
    const csvHref = await page.getByRole('link', { name: 'Download CSV' }).getAttribute('href');
    expect(csvHref).toMatch(/\/reports\/receipts\?from=\d{4}-\d{2}-\d{2}&to=\d{4}-\d{2}-\d{2}&format=csv$/);
    const csv = await page.request.get(`${harness.server.url}${csvHref}`);
    expect(csv.status()).toBe(200);
    const csvText = await csv.text();
    expect(csvText).toContain(LOT);
    expect(csvText).toContain('PS1234563');

    // Count: one sealed vial is missing; the physician is the second counter.
    await page.goto(at('/ledger/count'));
    const lines = page.getByTestId('count-line');
    await lines.first().waitFor();
    await expect(lines.count()).resolves.toBe(1);
    await expect(lines.first().getByTestId('book-balance').textContent()).resolves.toBe('2 vials');
    await page.getByLabel(`Sealed containers counted: ${PRODUCT}, lot ${LOT}, Safe A`).fill('1');
    const counter = page.getByRole('group', { name: 'Second counter' });
    await counter.getByLabel('Second counter email').fill('physician@demo.clinic');
    await counter.getByLabel('Second counter password').fill('demo-password-1');
    await page.getByRole('button', { name: 'Save count' }).click();
    const result = page.getByTestId('count-result');
    await expect(result.textContent()).resolves.toMatch(/Shift count saved.*1 difference/);
    await expect(result.getByRole('row').filter({ hasText: LOT }).textContent()).resolves.toContain('-10 mL');

    // The difference is open until someone acts on it.
    const discrepancy = page.getByTestId('discrepancy').filter({ hasText: LOT });
    await expect(discrepancy.textContent()).resolves.toMatch(/-10 mL\s*open/);
    await discrepancy.getByLabel('Action note').fill('Checking the delivery and the sharps bin');
    await discrepancy.getByRole('button', { name: 'Record action' }).click();
    await expect.poll(() => discrepancy.textContent()).toMatch(/investigating.*Investigating by Nico Nurse/);
    await page.screenshot({ path: join(RESULTS_DIR, 'ledger-count.png'), fullPage: true });
    await page.close();
  });

  it('fits a phone-width screen', async () => {
    await harness.context.clearCookies();
    const page = await harness.context.newPage();
    await page.setViewportSize({ width: 390, height: 844 });
    await signIn(page, harness.server.url, 'nurse@demo.clinic');
    for (const path of ['/ledger', '/ledger/new/administration', '/ledger/count', '/ledger/reports']) {
      await page.goto(at(path));
      await page.getByTestId('registration-line').waitFor();
      const pageWidth = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(pageWidth, path).toBeLessThanOrEqual(390);
    }
    await page.screenshot({ path: join(RESULTS_DIR, 'ledger-phone.png'), fullPage: true });
    await page.close();
  });
});
