import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server.ts';

/** A raw request with the Host header we choose (fetch will not send a foreign Host). */
function send(url: string, options: { method?: string; headers: Record<string, string>; body?: string }) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const request = http.request(url, { method: options.method ?? 'GET', headers: options.headers }, (response) => {
      let body = '';
      response.on('data', (chunk) => {
        body += chunk;
      });
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    });
    request.on('error', reject);
    request.end(options.body);
  });
}

const json = { 'content-type': 'application/json' };
const login = JSON.stringify({ email: 'nurse@demo.clinic', password: 'demo-password-1' });

describe('origin trust without PUBLIC_URL: only the listening address', () => {
  let server: TestServer;
  let port: string;
  beforeAll(async () => {
    server = await startTestServer();
    port = new URL(server.url).port;
  });
  afterAll(async () => server?.close());

  it('refuses a write whose Host and Origin both name a foreign site', async () => {
    const res = await send(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { ...json, host: 'evil.example', origin: 'http://evil.example' },
      body: login,
    });
    expect(res.status).toBe(421);
    expect(JSON.parse(res.body).error.code).toBe('request.unknown_host');
  });

  it('refuses reads for an unknown Host too (DNS rebinding)', async () => {
    const res = await send(`${server.url}/api/patients`, { headers: { host: `rebind.example:${port}` } });
    expect(res.status).toBe(421);
  });

  it('answers the listening address and localhost on its port', async () => {
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`]) {
      const res = await send(`${server.url}/api/auth/login`, {
        method: 'POST',
        headers: { ...json, host, origin: `http://${host}` },
        body: login,
      });
      expect(res.status, host).toBe(200);
    }
  });

  it('refuses an Origin of our host on another port or scheme', async () => {
    for (const origin of [`http://127.0.0.1:1`, `https://127.0.0.1:${port}`]) {
      const res = await send(`${server.url}/api/auth/login`, { method: 'POST', headers: { ...json, origin }, body: login });
      expect(res.status, origin).toBe(403);
      expect(JSON.parse(res.body).error.code).toBe('auth.csrf_rejected');
    }
  });
});

describe('origin trust with PUBLIC_URL: only it', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ env: { PUBLIC_URL: 'https://clinic.example.org' } });
  });
  afterAll(async () => server?.close());

  it('answers the public host and refuses the listening address', async () => {
    const ok = await send(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { ...json, host: 'clinic.example.org', origin: 'https://clinic.example.org' },
      body: login,
    });
    expect(ok.status).toBe(200);
    const direct = await send(`${server.url}/api/me`, { headers: {} });
    expect(direct.status).toBe(421);
  });

  it("answers a load balancer's health probe on the listening address", async () => {
    const probe = await send(`${server.url}/api/health`, { headers: {} });
    expect(probe.status).toBe(200);
  });

  it('refuses the public host with an http Origin', async () => {
    const res = await send(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { ...json, host: 'clinic.example.org', origin: 'http://clinic.example.org' },
      body: login,
    });
    expect(res.status).toBe(403);
  });
});
