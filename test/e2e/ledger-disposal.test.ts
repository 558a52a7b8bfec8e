import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserHarness, RESULTS_DIR, signIn, startBrowserHarness } from '../support/browser.ts';
import { createClient } from '../support/http-client.ts';

/**
 * Issue 5, browser test: a nurse records a destruction (DEA Form 41) signed by two witnesses, then a theft (DEA Form
 * 106). The entries list names both witnesses; the count screen lists the DEA notice and Form 106 tasks with the due
 * dates the server computed. Runs the built web app against the real API.
 */

const LOT = 'E2E-DISPOSE-1';
const DAY_MS = 24 * 60 * 60 * 1000;

async function chooseOption(page: Page, label: string, option: string | RegExp) {
  await page.getByRole('combobox', { name: label, exact: true }).click();
  await page.getByRole('option', { name: option }).click();
}

/** The same text the loss-task panel shows for a due date (the browser's locale and zone). */
function formatInBrowser(page: Page, iso: string): Promise<string> {
  return page.evaluate((value) => new Date(value).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' }), iso);
}

describe('controlled-substance destruction and theft in the browser', () => {
  let harness: BrowserHarness;
  let registrationId: string;

  beforeAll(async () => {
    harness = await startBrowserHarness();
    // Setup through the API: a registration (BE7654329 passes the DEA check digit: 7+5+3 + 2*(6+4+2) = 39),
    // a safe and a receipt of four 10 mL vials.
    const admin = createClient(harness.server.url);
    await admin.login('admin@demo.clinic');
    const created = await admin.post<{ id: string }>('/api/ledger/registrations', {
      deaNumber: 'BE7654329',
      registrantName: 'Demo Pain Clinic Disposal E2E',
      address: '3 Test Street, Springfield',
      expiresOn: '2099-03-31',
    });
    expect(created.status).toBe(201);
    registrationId = created.body.id;
    const safe = await admin.post<{ id: string }>(`/api/ledger/registrations/${registrationId}/locations`, { name: 'Safe D' });
    expect(safe.status).toBe(201);
    const receipt = await admin.post(`/api/ledger/registrations/${registrationId}/transactions`, {
      kind: 'receipt',
      locationId: safe.body.id,
      productId: 'ketamine-10-mg-ml',
      lotNumber: LOT,
      expiresOn: '2099-06-30',
      containerVolumeMl: 10,
      containers: 4,
      supplier: { name: 'Acme Pharma Supply', address: '2 Warehouse Road, Springfield', deaNumber: 'PS1234563' },
      invoiceNumber: 'INV-E2E-DISPOSE',
      receivedOn: new Date().toISOString().slice(0, 10),
    });
    expect(receipt.status).toBe(201);
  });

  afterAll(async () => harness?.close());

  const at = (path: string) => `${harness.server.url}${path}?registration=${encodeURIComponent(registrationId)}`;
  const sealedVials = (count: number) => new RegExp(`^Sealed · .* lot ${LOT} · Safe D \\(${count} vials\\)$`);

  it('records a destruction with two witnesses and a theft whose reporting tasks are due', async () => {
    const page = await harness.context.newPage();
    await signIn(page, harness.server.url, 'nurse@demo.clinic');

    // Destruction of one sealed vial, witnessed by the physician and the administrator.
    await page.goto(at('/ledger/new/destruction'));
    await chooseOption(page, 'Source', sealedVials(4));
    await page.getByRole('textbox', { name: /^Amount destroyed/ }).fill('1');
    await chooseOption(page, 'Amount destroyed unit', 'containers');
    await page.getByLabel('Method of destruction').fill('Chemical denaturing kit');
    await page.getByLabel('Place of destruction').fill('Clinic pharmacy room');
    const witnesses = page.getByRole('group', { name: 'Witnesses' });
    await witnesses.getByLabel('Witness 1 email').fill('physician@demo.clinic');
    await witnesses.getByLabel('Witness 1 password').fill('demo-password-1');
    await witnesses.getByLabel('Witness 2 email').fill('admin@demo.clinic');
    await witnesses.getByLabel('Witness 2 password').fill('demo-password-1');
    await page.getByRole('button', { name: 'Record destruction' }).click();
    await expect(page.getByTestId('posted-entries').textContent()).resolves.toMatch(/Entry #\d+: Destruction/);
    await expect(witnesses.getByLabel('Witness 1 password').inputValue()).resolves.toBe('');
    await expect(witnesses.getByLabel('Witness 2 password').inputValue()).resolves.toBe('');

    // Theft of another sealed vial, discovered an hour ago (the browser's local time, as the input takes it).
    await page.goto(at('/ledger/new/loss'));
    await chooseOption(page, 'Source', sealedVials(3));
    await page.getByRole('textbox', { name: /^Amount lost/ }).fill('1');
    await chooseOption(page, 'Amount lost unit', 'containers');
    await page.getByRole('radio', { name: 'Theft' }).check();
    const anHourAgo = await page.evaluate(() => {
      const d = new Date(Date.now() - 60 * 60 * 1000);
      return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
    });
    await page.getByLabel('Discovered at').fill(anHourAgo);
    await page.getByLabel('What happened').fill('Vial missing from Safe D at the shift count');
    await page.getByRole('button', { name: 'Record loss or theft' }).click();
    await expect(page.getByTestId('posted-entries').textContent()).resolves.toMatch(/Entry #\d+: Loss or theft/);

    // The entries list names both witnesses of the destruction.
    await page.goto(at('/ledger/reports'));
    const destruction = page.getByTestId('ledger-entry').filter({ hasText: 'Destruction' });
    await expect(destruction.textContent()).resolves.toMatch(/Nico Nurse.*witnessed by .*Physician.* and .*Admin/);
    await expect(page.getByTestId('ledger-entry').filter({ hasText: 'Loss or theft' }).count()).resolves.toBe(1);

    // The count screen lists both reporting tasks with the due dates the server set.
    const answer = await page.request.get(`${harness.server.url}/api/ledger/registrations/${registrationId}/tasks`);
    expect(answer.status()).toBe(200);
    const tasks = (await answer.json()) as { items: { task: string; dueAt: string }[] };
    const dueOf = (kind: string) => tasks.items.find((t) => t.task === kind)?.dueAt ?? '';
    const noticeDue = dueOf('dea_notice_1_business_day');
    const form106Due = dueOf('form_106_45_days');
    const discovered = Date.parse(new Date(Date.now() - 60 * 60 * 1000).toISOString());
    expect(Date.parse(noticeDue) - discovered).toBeGreaterThan(0);
    expect(Date.parse(noticeDue) - discovered).toBeLessThan(5 * DAY_MS);
    expect(Date.parse(form106Due) - discovered).toBeGreaterThan(44 * DAY_MS);
    expect(Date.parse(form106Due) - discovered).toBeLessThan(47 * DAY_MS);

    await page.goto(at('/ledger/count'));
    const lossTasks = page.getByTestId('loss-task');
    await lossTasks.first().waitFor();
    await expect(lossTasks.count()).resolves.toBe(2);
    const notice = lossTasks.filter({ hasText: /Notify the DEA/ });
    await expect(notice.textContent()).resolves.toContain(`due ${await formatInBrowser(page, noticeDue)}`);
    await expect(notice.textContent()).resolves.toMatch(/Theft of 1 container/);
    const form106 = lossTasks.filter({ hasText: /Form 106/ });
    await expect(form106.textContent()).resolves.toContain(`due ${await formatInBrowser(page, form106Due)}`);
    await page.screenshot({ path: join(RESULTS_DIR, 'ledger-disposal-tasks.png'), fullPage: true });
    await page.close();
  });
});
