// Injected failures for LINE API endpoints: error statuses (500, 503, 429…), hangs (no answer, for
// client timeouts), connection resets and slow answers. A fault matches by method and path (exact, or
// prefix ending in `*`), fires with a probability, and can be limited to a number of hits. Phase
// "after" lets the request take effect first and then fails the response — the case retry keys exist for.
import { createRng, type Rng } from "../core/prng";

export type FaultKind = "error" | "hang" | "reset" | "slow";

export type FaultSpec = {
  path: string;
  method?: string;
  kind: FaultKind;
  /** For "error": the status to answer (default 500) and an optional body (default LINE's message). */
  status?: number;
  body?: unknown;
  /** "slow": delay before answering; "hang": how long to hold the connection before dropping it. */
  delayMs?: number;
  probability?: number;
  /** Number of times the fault fires before it removes itself (default: unlimited). */
  count?: number;
  phase?: "before" | "after";
};

export type Fault = Required<Pick<FaultSpec, "path" | "kind" | "probability" | "phase">> &
  Omit<FaultSpec, "path" | "kind" | "probability" | "phase"> & { id: string; hits: number; remaining: number | null };

export class Faults {
  #faults: Fault[] = [];
  #nextId = 1;
  #rng: Rng;

  constructor(seed: number) {
    this.#rng = createRng(seed, "faults");
  }

  add(spec: FaultSpec): Fault {
    const fault: Fault = {
      id: `f${this.#nextId++}`,
      path: spec.path,
      method: spec.method?.toUpperCase(),
      kind: spec.kind,
      status: spec.status,
      body: spec.body,
      delayMs: spec.delayMs,
      probability: spec.probability ?? 1,
      phase: spec.phase ?? "before",
      count: spec.count,
      hits: 0,
      remaining: spec.count ?? null,
    };
    this.#faults.push(fault);
    return fault;
  }

  list(): Fault[] {
    return this.#faults.slice();
  }

  remove(id: string): boolean {
    const before = this.#faults.length;
    this.#faults = this.#faults.filter((f) => f.id !== id);
    return this.#faults.length !== before;
  }

  clear(): void {
    this.#faults = [];
  }

  /** The fault to apply to this request in this phase, if any (consumes one hit). */
  take(method: string, path: string, phase: "before" | "after"): Fault | undefined {
    for (const f of this.#faults) {
      if (f.phase !== phase || (f.method && f.method !== method) || !pathMatches(f.path, path)) continue;
      if (f.probability < 1 && this.#rng.next() >= f.probability) continue;
      f.hits++;
      if (f.remaining !== null) {
        f.remaining--;
        if (f.remaining <= 0) this.remove(f.id);
      }
      return f;
    }
    return undefined;
  }
}

function pathMatches(pattern: string, path: string): boolean {
  return pattern.endsWith("*") ? path.startsWith(pattern.slice(0, -1)) : pattern === path;
}
