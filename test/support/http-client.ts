/** A tiny cookie-keeping HTTP client for API tests: real HTTP, same-origin writes like a browser. */
export interface ApiResponse<T = Record<string, unknown>> {
  status: number;
  body: T;
  headers: Headers;
}

export function createClient(baseUrl: string) {
  let cookies = new Map<string, string>();
  const request = async <T = Record<string, unknown>>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ) => {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: {
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(method !== 'GET' ? { origin: baseUrl } : {}),
        ...(cookies.size > 0 ? { cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join('; ') } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const [name, value] = pair!.split('=');
      if (/max-age=0/i.test(line) || value === '') cookies.delete(name!);
      else cookies.set(name!, value!);
    }
    const text = await response.text();
    // Reports answer CSV or PDF: only a JSON answer is parsed.
    const isJson = /json/.test(response.headers.get('content-type') ?? 'application/json');
    const parsed = text ? (isJson ? JSON.parse(text) : text) : {};
    return { status: response.status, body: parsed as T, headers: response.headers } satisfies ApiResponse<T>;
  };
  return {
    get: <T = Record<string, unknown>>(path: string) => request<T>('GET', path),
    post: <T = Record<string, unknown>>(path: string, body?: unknown, headers?: Record<string, string>) =>
      request<T>('POST', path, body, headers),
    put: <T = Record<string, unknown>>(path: string, body?: unknown) => request<T>('PUT', path, body),
    patch: <T = Record<string, unknown>>(path: string, body?: unknown) => request<T>('PATCH', path, body),
    request,
    async login(email: string, password = 'demo-password-1') {
      return request('POST', '/api/auth/login', { email, password });
    },
    resetCookies() {
      cookies = new Map();
    },
  };
}

export type TestClient = ReturnType<typeof createClient>;
