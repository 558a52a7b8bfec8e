import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { startTestServer, type TestServer } from './test-server.ts';

/** Debian's Chromium, headless, with nothing that reaches for the network (the machines have none). */
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const RESULTS_DIR = join(process.cwd(), 'test-results');

export interface BrowserHarness {
  server: TestServer;
  context: BrowserContext;
  close(): Promise<void>;
}

/** The demo server (built web app + API) and a fresh Chromium profile at a 1280 px workstation size. */
export async function startBrowserHarness(): Promise<BrowserHarness> {
  const server = await startTestServer({ demo: true });
  const userDataDir = await mkdtemp(join(tmpdir(), 'ketaclinic-e2e-'));
  await mkdir(RESULTS_DIR, { recursive: true });
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
    viewport: { width: 1280, height: 800 },
  });
  return {
    server,
    context,
    close: async () => {
      await context.close();
      await server.close();
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Signs in from the start page and waits until the sign-in form has gone. */
export async function signIn(page: Page, baseUrl: string, email: string, password = 'demo-password-1') {
  await page.goto(baseUrl);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  const submit = page.getByRole('button', { name: 'Sign in' });
  await submit.click();
  await submit.waitFor({ state: 'detached' });
}

/** Finds a patient from the list's search box and opens the chart. */
export async function openChartBySearch(page: Page, patient: { familyName: string; mrn: string }) {
  await page.getByRole('heading', { name: 'Patients' }).waitFor();
  await page.getByLabel('Search patients').fill(patient.familyName);
  await page.getByRole('row').filter({ hasText: patient.mrn }).getByRole('link').click();
  await page.getByTestId('chart-mrn').waitFor();
}
