import os from 'node:os';
import type { FastifyInstance } from 'fastify';
import { hostRefused, originRefused } from './http.errors.ts';

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const WILDCARD_ADDRESSES = new Set(['0.0.0.0', '::']);
const LOOPBACK_ADDRESSES = new Set(['127.0.0.1', '::1']);
/** A load balancer's health probe names the backend's own address; the answer ("ok") reveals nothing. */
const ANY_HOST_PATHS = new Set(['/api/health']);

/** `host:port` as a Host header names it (IPv6 in brackets; the scheme's default port left out). */
const hostOf = (address: string, port: number) => {
  const name = address.includes(':') ? `[${address}]` : address;
  return port === 80 || port === 443 ? name : `${name}:${port}`;
};

/** Host names a listening server answers to: the bound address, with localhost for loopback and every interface for a wildcard. */
export function listeningHosts(addresses: readonly (string | { address: string; port: number })[]): Set<string> {
  const hosts = new Set<string>();
  for (const bound of addresses) {
    if (typeof bound === 'string') continue; // a Unix socket has no host name
    const { address, port } = bound;
    const names = WILDCARD_ADDRESSES.has(address)
      ? [...Object.values(os.networkInterfaces()).flatMap((list) => (list ?? []).map((i) => i.address)), 'localhost', os.hostname()]
      : LOOPBACK_ADDRESSES.has(address)
        ? [address, 'localhost']
        : [address];
    for (const name of names) hosts.add(hostOf(name, port).toLowerCase());
  }
  return hosts;
}

/** The Host header without the scheme's default port, lower-cased. */
const normalizeHost = (host: string) => host.toLowerCase().replace(/:(80|443)$/, '');

/**
 * Origin trust. With PUBLIC_URL set only its host is ours; without it, only the address the server listens on
 * (never whatever the Host header claims: `Host: evil.example` with a matching Origin must not pass). A request
 * for any other Host is refused (DNS rebinding). An unsafe request must come from a trusted origin (Origin, or
 * Referer when a browser omits Origin); a write with a cookie and neither header is refused. SameSite=Lax cookies
 * are the second layer; non-browser clients without cookies are unaffected.
 */
export function registerOriginCheck(app: FastifyInstance, publicUrl: string | undefined) {
  let trusted: Set<string> | undefined;
  // Computed on the first request, once the server listens (the port may be chosen by the system).
  const trustedHosts = () => {
    if (trusted) return trusted;
    const hosts = publicUrl ? new Set([normalizeHost(new URL(publicUrl).host)]) : listeningHosts(app.addresses());
    if (app.addresses().length > 0 || publicUrl) trusted = hosts;
    return hosts.size > 0 ? hosts : new Set(['localhost']);
  };
  app.addHook('onRequest', async (request) => {
    const hosts = trustedHosts();
    const isProbe = request.method === 'GET' && ANY_HOST_PATHS.has(request.url);
    if (!isProbe && !hosts.has(normalizeHost(request.host))) throw hostRefused();
    if (!UNSAFE_METHODS.has(request.method)) return;
    const protocol = publicUrl ? new URL(publicUrl).protocol.replace(':', '') : request.protocol;
    const origin = request.headers.origin ?? originOf(request.headers.referer);
    const hasCookie = typeof request.headers.cookie === 'string' && request.headers.cookie.length > 0;
    if (origin === undefined ? hasCookie : !isTrustedOrigin(origin, protocol, hosts)) throw originRefused();
  });
}

function isTrustedOrigin(origin: string, protocol: string, hosts: Set<string>): boolean {
  try {
    const url = new URL(origin);
    return url.protocol === `${protocol}:` && hosts.has(normalizeHost(url.host));
  } catch {
    return false;
  }
}

function originOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}
