import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, type TestClient } from '../support/http-client.ts';
import { ENGINES } from '../support/test-database.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

type ErrorBody = { error: { code: string; message: string; details: { issues?: { path: string }[] } } };
type OpenApi = { paths: Record<string, Record<string, unknown>> };

/** Every route of the OpenAPI document, with its path parameters filled by `value`. */
async function listRoutes(client: TestClient, value: string) {
  const spec = (await client.get<OpenApi>('/api/openapi.json')).body;
  return Object.entries(spec.paths).flatMap(([path, methods]) =>
    Object.keys(methods).map((method) => ({ method: method.toUpperCase(), path: path.replace(/\{[^}]+\}/g, value) })),
  );
}

describe.each(ENGINES)('hostile input on %s', (engine) => {
  let server: TestServer;
  let physician: TestClient;
  // A built web app is served, as in production: its app-shell fallback must not hide the router's errors.
  const webDistDir = fs.mkdtempSync(path.join(os.tmpdir(), 'keta-web-'));
  fs.writeFileSync(path.join(webDistDir, 'index.html'), '<!doctype html><title>KetaClinic</title>');
  beforeAll(async () => {
    server = await startTestServer({ engine, webDistDir });
    physician = createClient(server.url);
    await physician.login('physician@demo.clinic');
  });
  afterAll(async () => {
    await server?.close();
    fs.rmSync(webDistDir, { recursive: true, force: true });
  });

  it('refuses a NUL in a body string with 400 validation.failed naming the field', async () => {
    const res = await physician.post<ErrorBody>('/api/patients', {
      demographics: { mrn: 'NUL-1', givenName: 'A\u0000', familyName: 'B', birthDate: '1980-01-01', sex: 'female' },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation.failed');
    expect(res.body.error.details.issues?.map((i) => i.path)).toEqual(['body.demographics.givenName']);
  });

  it('refuses %00 in a path or query with 400, before sign-in is even checked', async () => {
    const anonymous = createClient(server.url);
    for (const path of ['/api/patients/ab%00cd', '/api/patients?query=x%00', '/api/public/clinics?x=%00']) {
      const res = await anonymous.get<ErrorBody>(path);
      expect(res.status, path).toBe(400);
      expect(res.body.error.code).toBe('validation.failed');
    }
  });

  it("answers Fastify's own URL errors in our envelope without echoing the URL", async () => {
    const badEncoding = await physician.get<ErrorBody>('/api/patients/Smith%E0%A4%A');
    expect(badEncoding.status).toBe(400);
    expect(badEncoding.body.error.code).toBe('request.bad_url');
    const longParam = await physician.get<ErrorBody>(`/api/patients/Smith${'a'.repeat(200)}`);
    expect(longParam.status).toBe(414);
    expect(longParam.body.error.code).toBe('request.uri_too_long');
    const unknown = await physician.get<ErrorBody>('/api/no-such-area/Smith');
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('route.not_found');
    for (const res of [badEncoding, longParam, unknown]) expect(JSON.stringify(res.body)).not.toContain('Smith');
    const page = await fetch(`${server.url}/patients/some-patient`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>KetaClinic</title>');
    const missingAsset = await physician.get<ErrorBody>('/assets/index-old.js');
    expect(missingAsset.status).toBe(404);
  });

  it('never answers 5xx to a NUL in any route, path or body', async () => {
    const routes = await listRoutes(physician, 'id%00');
    expect(routes.length).toBeGreaterThan(40);
    const statuses = new Map<string, number>();
    for (const { method, path } of routes) {
      const body = method === 'GET' || method === 'DELETE' ? undefined : { name: 'x\u0000', note: '\u0000' };
      const res = await physician.request(method, path, body);
      statuses.set(`${method} ${path}`, res.status);
      const clean = path.replaceAll('id%00', 'id-1');
      if (body) statuses.set(`${method} ${clean} (body)`, (await physician.request(method, clean, body)).status);
    }
    const failures = [...statuses].filter(([, status]) => status >= 500);
    expect(failures).toEqual([]);
  });
});
