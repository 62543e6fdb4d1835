// The log of LINE API requests the fake received, for tests and the demo UI: bounded (oldest dropped),
// bearer tokens masked to their last 4 characters, long bodies truncated.
import { RingBuffer } from "../core/ring-buffer";

export type LoggedRequest = {
  requestId: string;
  time: string;
  method: string;
  path: string;
  query: Record<string, string>;
  headers: Record<string, string>;
  body: unknown;
  bodyTruncated: boolean;
  status: number;
  response: unknown;
  durationMs: number;
};

export type RequestFilter = { path?: string; method?: string; since?: number; status?: number; limit?: number };

export class RequestLog {
  #entries: RingBuffer<LoggedRequest>;

  constructor(limit: number) {
    this.#entries = new RingBuffer(limit);
  }

  add(entry: LoggedRequest): void {
    this.#entries.push(entry);
  }

  setLimit(limit: number): void {
    this.#entries.setCapacity(limit);
  }

  list(filter: RequestFilter = {}): LoggedRequest[] {
    let out = this.#entries.toArray();
    if (filter.path) {
      const p = filter.path;
      out = out.filter((e) => (p.endsWith("*") ? e.path.startsWith(p.slice(0, -1)) : e.path === p));
    }
    if (filter.method) out = out.filter((e) => e.method === filter.method?.toUpperCase());
    if (filter.status !== undefined) out = out.filter((e) => e.status === filter.status);
    if (filter.since !== undefined) out = out.filter((e) => Date.parse(e.time) >= (filter.since as number));
    if (filter.limit !== undefined) out = out.slice(-filter.limit);
    return out;
  }

  get dropped(): number {
    return this.#entries.dropped;
  }

  clear(): void {
    this.#entries.clear();
  }
}

export function maskHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    const v = Array.isArray(value) ? value.join(", ") : value;
    out[name] = name === "authorization" ? maskBearer(v) : v;
  }
  return out;
}

export function loggedBody(raw: Buffer, limit: number): { body: unknown; truncated: boolean } {
  if (raw.length === 0) return { body: null, truncated: false };
  if (raw.length > limit) return { body: raw.subarray(0, limit).toString("utf8"), truncated: true };
  const text = raw.toString("utf8");
  try {
    return { body: JSON.parse(text), truncated: false };
  } catch {
    return { body: text, truncated: false };
  }
}

function maskBearer(value: string): string {
  const m = /^(Bearer\s+)(.*)$/i.exec(value);
  const token = m ? (m[2] ?? "") : value;
  const masked = token.length <= 4 ? "****" : `${"*".repeat(Math.min(8, token.length - 4))}${token.slice(-4)}`;
  return m ? `${m[1]}${masked}` : masked;
}
