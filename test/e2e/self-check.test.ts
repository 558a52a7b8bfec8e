import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserHarness, RESULTS_DIR, signIn, startBrowserHarness } from '../support/browser.ts';

/**
 * DAY.md 07:30: a visitor does the public self-check without signing in, says she is pregnant, is told ketamine is
 * likely not suitable and why, and asks for a consultation; the front desk then sees the request's contact details
 * and a note to route it to a clinician, never the health answers. Runs the built web app (`npx vite build` first).
 */

const VISITOR = { name: 'Paula Visitor', phone: '+1 555 0100' };

async function answer(page: Page, question: string, choice: string) {
  await page.getByRole('radiogroup', { name: question }).getByRole('radio', { name: choice, exact: true }).check();
}

async function next(page: Page) {
  await page.getByRole('button', { name: 'Next' }).click();
}

/** Walks the five steps answering "pregnant: yes" and "no" to every other health question. */
async function completeSelfCheckWithPregnancy(page: Page, baseUrl: string) {
  await page.goto(`${baseUrl}/sign-in`);
  await page.getByRole('link', { name: 'New patient? Check whether ketamine treatment might suit you' }).click();
  await page.getByRole('combobox', { name: 'Which clinic would you like to visit?' }).click();
  await page.getByRole('option').first().click();
  await next(page);

  // Skipping a required answer shows the error on the field, and the step does not advance.
  await next(page);
  await expect(page.getByText('Tell us how many months you have had this pain').isVisible()).resolves.toBe(true);
  await page.getByLabel('How many months have you had this pain?').fill('18');
  await page.getByLabel('Complex regional pain syndrome (CRPS)').check();
  await next(page);

  await next(page);
  await page.getByLabel('How much does the pain get in the way of daily activities?').fill('7');
  await page.getByLabel('How much does the pain get in the way of sleep?').fill('6');
  await answer(page, 'Burning', 'Yes');
  await answer(page, 'Has the pain spread beyond where it started, or does it feel much stronger than the injury would explain?', 'Yes');
  await next(page);

  await answer(page, 'Are you pregnant, or could you be?', 'Yes');
  for (const question of [
    'Do you have psychosis (for example hearing voices) that is not under control?',
    'Is your blood pressure high and not under control?',
    'Do you have heart disease that is not under control?',
    'Has a doctor told you that you have liver disease?',
    'Do you have glaucoma or raised pressure inside the head?',
    'Have you had a problem with alcohol or drugs?',
    'Are you allergic to ketamine or esketamine?',
  ]) {
    await answer(page, question, 'No');
  }
  await page.getByRole('button', { name: 'See the result' }).click();
  await page.getByText('Request a consultation', { exact: true }).first().waitFor();
}

describe('public self-check and the front desk', () => {
  let harness: BrowserHarness;

  beforeAll(async () => {
    harness = await startBrowserHarness();
  });

  afterAll(async () => harness?.close());

  it('tells a pregnant visitor ketamine is likely not suitable and why, and takes her consultation request', async () => {
    const page = await harness.context.newPage();
    await completeSelfCheckWithPregnancy(page, harness.server.url);
    const result = page.getByRole('status').filter({ hasText: 'Likely not suitable' });
    await expect(result.textContent()).resolves.toContain('You told us you are pregnant.');
    await expect(page.getByText(/DN4/).count()).resolves.toBe(0);

    await page.getByLabel('Your name').fill(VISITOR.name);
    await page.getByLabel('Phone').fill(VISITOR.phone);
    await page.getByLabel('You may contact me and keep my answers for a clinician').check();
    await page.getByRole('button', { name: 'Request a consultation' }).click();
    await page.getByText('Request sent').waitFor();
    await page.screenshot({ path: join(RESULTS_DIR, 'self-check.png'), fullPage: true });
    await page.close();
  });

  it('shows the front desk the contact details and the routing note, not the health answers', async () => {
    const page = await harness.context.newPage();
    await signIn(page, harness.server.url, 'frontdesk@demo.clinic');
    await page.getByRole('link', { name: 'Requests' }).click();
    const row = page.getByRole('row').filter({ hasText: VISITOR.name });
    await expect(row.textContent()).resolves.toContain(VISITOR.phone);
    await expect(row.textContent()).resolves.toContain('Route to a clinician');
    await row.getByRole('button', { name: VISITOR.name }).click();
    const detail = page.getByRole('region', { name: 'Consultation request' });
    await expect(detail.textContent()).resolves.toContain(`Phone: ${VISITOR.phone}`);
    await page.getByText('Health answers are visible to clinicians only').waitFor();
    const text = (await page.textContent('body')) ?? '';
    expect(text).not.toMatch(/pregnan/i);
    await page.screenshot({ path: join(RESULTS_DIR, 'self-check-leads.png'), fullPage: true });
    await page.close();
  });

  it('fits a phone-width screen', async () => {
    await harness.context.clearCookies();
    const page = await harness.context.newPage();
    await page.setViewportSize({ width: 390, height: 844 });
    await completeSelfCheckWithPregnancy(page, harness.server.url);
    await page.getByRole('status').filter({ hasText: 'Likely not suitable' }).waitFor();
    const pageWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(pageWidth).toBeLessThanOrEqual(390);
    await page.screenshot({ path: join(RESULTS_DIR, 'self-check-phone.png'), fullPage: true });
    await page.close();
  });
});
