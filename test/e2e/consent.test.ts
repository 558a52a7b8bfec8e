import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserHarness, RESULTS_DIR, signIn, startBrowserHarness } from '../support/browser.ts';

/**
 * Issue 4, item 4: the patient signs a consent in the portal (typed name, a signature drawn with the mouse) and
 * sees the signed copy with its record hash. Runs the built web app (`npx vite build` first) against the real API.
 */

/** Draws a zig-zag stroke across the signature pad with the mouse. */
async function drawSignature(page: Page) {
  const pad = page.getByTestId('signature-pad');
  await pad.scrollIntoViewIfNeeded();
  const box = await pad.boundingBox();
  if (!box) throw new Error('the signature pad is not visible');
  await page.mouse.move(box.x + 20, box.y + box.height / 2);
  await page.mouse.down();
  for (let i = 1; i <= 12; i++) {
    await page.mouse.move(box.x + 20 + i * ((box.width - 40) / 12), box.y + (i % 2 === 0 ? 0.3 : 0.7) * box.height, { steps: 3 });
  }
  await page.mouse.up();
}

async function signAsPatient(page: Page, baseUrl: string) {
  await signIn(page, baseUrl, 'patient@demo.clinic');
  await page.getByRole('link', { name: 'My consents' }).click();
  const route = page.getByTestId('consent-route-iv_infusion');
  await expect(route.textContent()).resolves.toContain('Not signed');
  await route.getByRole('button', { name: 'Read and sign' }).click();
  await expect(page.getByTestId('consent-text').textContent()).resolves.toContain('LEGAL REVIEW');
  const sign = page.getByRole('button', { name: 'Sign consent' });
  await page.getByLabel('Full name of the person signing').fill('Portal Patient');
  await expect(sign.isDisabled()).resolves.toBe(true);
  await drawSignature(page);
  await sign.click();
  const copy = page.getByTestId('consent-copy');
  await copy.waitFor({ timeout: 15_000 });
  return copy;
}

describe('a patient signs a consent in the portal', () => {
  let harness: BrowserHarness;
  let patientPath = '';

  beforeAll(async () => {
    harness = await startBrowserHarness();
  });

  afterAll(async () => harness?.close());

  it('types the name, draws a signature, signs, and sees the print view with the record hash', async () => {
    const page = await harness.context.newPage();
    page.setDefaultTimeout(10_000);
    const copy = await signAsPatient(page, harness.server.url);
    await expect(page.getByTestId('record-hash').textContent()).resolves.toMatch(/^[0-9a-f]{64}$/);
    await expect(copy.textContent()).resolves.toContain('Portal Patient');
    await expect(copy.textContent()).resolves.toContain('Record hash verified');
    await expect(copy.textContent()).resolves.toContain('Not yet');
    await expect(page.getByRole('button', { name: 'Print' }).isVisible()).resolves.toBe(true);
    await expect(page.getByRole('button', { name: 'Attest discussion' }).count()).resolves.toBe(0);
    const signature = await copy.getByRole('img', { name: /Signature of/ }).getAttribute('src');
    expect(signature).toMatch(/^data:image\/png;base64,/);
    await page.screenshot({ path: join(RESULTS_DIR, 'consent.png'), fullPage: true });

    patientPath = new URL(page.url()).pathname;
    await page.getByRole('button', { name: 'Back to consents' }).click();
    await expect(page.getByTestId('consent-route-iv_infusion').textContent()).resolves.toContain('Current');
    await page.close();
  });

  it('lets a nurse open the signed copy on the chart at phone width and attest the discussion', async () => {
    expect(patientPath).toMatch(/^\/patients\/[^/]+\/consent$/);
    await harness.context.clearCookies();
    const page = await harness.context.newPage();
    page.setDefaultTimeout(10_000);
    await page.setViewportSize({ width: 390, height: 844 });
    await signIn(page, harness.server.url, 'nurse@demo.clinic');
    await page.goto(`${harness.server.url}${patientPath}`);
    const route = page.getByTestId('consent-route-iv_infusion');
    await expect(route.textContent()).resolves.toContain('Current');
    await route.getByRole('button', { name: 'Signed copy' }).click();
    const copy = page.getByTestId('consent-copy');
    await copy.waitFor();
    await page.getByRole('button', { name: 'Attest discussion' }).click();
    await expect
      .poll(() => copy.textContent(), { timeout: 15_000 })
      .toMatch(/Discussion attested.*Nurse|Discussion attested[^N]*\w+ \w+, /);
    await expect(page.getByRole('button', { name: 'Attest discussion' }).count()).resolves.toBe(0);
    await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(390);
    await page.screenshot({ path: join(RESULTS_DIR, 'consent-390.png'), fullPage: true });
    await page.close();
  });
});
