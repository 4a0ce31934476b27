/**
 * The console's HTTP client: JSON in and out, the session's CSRF token on every change, and
 * problem+json turned into an ApiError that forms can show field by field.
 */
export interface FieldProblem {
  path: string;
  message: string;
  file?: string;
  field?: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string | undefined,
    readonly errors: FieldProblem[],
    readonly type: string,
    readonly retryAfter: number | null,
  ) {
    super(detail ?? title);
  }
}

let csrfToken: string | null = null;
export const setCsrfToken = (token: string | null) => {
  csrfToken = token;
};

/** Called when any request answers 401 (the session ended): the console shows sign-in. */
let onUnauthenticated: (() => void) | null = null;
export const setOnUnauthenticated = (fn: (() => void) | null) => {
  onUnauthenticated = fn;
};

async function problemOf(res: Response): Promise<ApiError> {
  let body: Record<string, unknown> = {};
  try {
    body = (await res.json()) as Record<string, unknown>;
  } catch {
    /* not JSON */
  }
  const retry = Number(res.headers.get('retry-after'));
  return new ApiError(
    res.status,
    typeof body.title === 'string' ? body.title : res.statusText || `HTTP ${res.status}`,
    typeof body.detail === 'string' ? body.detail : undefined,
    Array.isArray(body.errors) ? (body.errors as FieldProblem[]) : [],
    typeof body.type === 'string' ? body.type : '',
    Number.isFinite(retry) && retry > 0 ? retry : null,
  );
}

export interface RequestOptions {
  method?: string;
  body?: unknown;
  /** Raw body (a file): sent as is. */
  raw?: Blob | ArrayBuffer;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

/** A request to the API; resolves with the response (ok), throws ApiError otherwise. */
export async function request(url: string, options: RequestOptions = {}): Promise<Response> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && method !== 'HEAD' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  const res = await fetch(url, {
    method,
    headers,
    credentials: 'same-origin',
    signal: options.signal,
    body: options.raw ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
  });
  if (!res.ok) {
    const err = await problemOf(res);
    if (res.status === 401 && !url.endsWith('/api/auth/sign-in')) onUnauthenticated?.();
    throw err;
  }
  return res;
}

export async function getJson<T>(url: string, signal?: AbortSignal): Promise<T> {
  return (await (await request(url, { signal })).json()) as T;
}

export async function sendJson<T>(url: string, method: string, body?: unknown, headers?: Record<string, string>): Promise<T> {
  const res = await request(url, { method, body, headers });
  if (res.status === 204) return undefined as T;
  return (await res.json()) as T;
}
