// How query functions reach the API. In the browser that is fetch(); during a server render the same
// query functions run against the route handlers in-process (see server-api.ts), so there is one code
// path for validation, errors and serialisation.

export type ApiFetch = (path: string, init?: { signal?: AbortSignal }) => Promise<Response>;

export const browserFetch: ApiFetch = (path, init) => fetch(path, { signal: init?.signal, headers: { accept: "application/json" } });

export interface ApiErrorDetail {
  property: string;
  message: string;
}

/** An error answer from our API: `{code, message, details?}` plus the HTTP status. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: ApiErrorDetail[],
  ) {
    super(message);
    this.name = "ApiError";
  }
}

export async function getJson<T>(api: ApiFetch, path: string, signal?: AbortSignal): Promise<T> {
  const res = await api(path, { signal });
  const body: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    const e = (body ?? {}) as { code?: string; message?: string; details?: ApiErrorDetail[] };
    throw new ApiError(res.status, e.code ?? "http_error", e.message ?? `HTTP ${res.status}`, e.details);
  }
  return body as T;
}

export function withSearch(path: string, search: URLSearchParams): string {
  const qs = search.toString();
  return qs ? `${path}?${qs}` : path;
}
