import { shippedMigrations } from "@/db/client";
import { appliedMigrations, pingDatabase } from "@/db/queries/health";
import { runtimeSlot } from "./current";
import type { Runtime } from "./runtime";

// Readiness (GET /api/health/ready): whether this instance can do its work, for a load balancer to send
// it traffic and an orchestrator to wait for it. Liveness (GET /api/health) is only whether the process
// answers. Public like liveness, so it says which check failed and nothing else: no addresses, no
// error messages, no versions.

export type CheckName = "runtime" | "database" | "migrations" | "background";

export interface Check {
  ok: boolean;
  /** Why not, in a few fixed words ("timed out", "12 of 13 applied", "stopped"). */
  detail?: string;
}

export interface Readiness {
  ok: boolean;
  checks: Record<CheckName, Check>;
  failed: CheckName[];
}

// The database answers within this, or readiness says it does not.
const CHECK_TIMEOUT_MS = 2_000;
// A background loop that has not begun a round for this long is stuck (an idle round comes every second;
// a busy one sends at most a few hundred requests).
const STALLED_AFTER_MS = 5 * 60_000;

export async function readiness(now = Date.now()): Promise<Readiness> {
  const runtime = await startedRuntime();
  const checks: Record<CheckName, Check> = runtime.ok
    ? { runtime: { ok: true }, ...(await databaseChecks(runtime.value)), background: backgroundCheck(runtime.value, now) }
    : { runtime: { ok: false, detail: runtime.detail }, database: notChecked(), migrations: notChecked(), background: notChecked() };
  const failed = (Object.keys(checks) as CheckName[]).filter((name) => !checks[name].ok);
  return { ok: failed.length === 0, checks, failed };
}

// The server's runtime, as instrumentation.ts built it; never one built here (that would open the database
// for a request, which is what a server whose start-up failed used to do on every request).
async function startedRuntime(): Promise<{ ok: true; value: Runtime } | { ok: false; detail: string }> {
  const slot = runtimeSlot();
  if (!slot) return { ok: false, detail: "not started" };
  const settled = await Promise.race([
    slot.then(
      (r) => ({ r }),
      () => null,
    ),
    delay(0).then(() => "pending" as const),
  ]);
  if (settled === "pending") return { ok: false, detail: "starting" };
  if (!settled) return { ok: false, detail: "failed to start" };
  return { ok: true, value: settled.r };
}

async function databaseChecks(runtime: Runtime): Promise<Pick<Record<CheckName, Check>, "database" | "migrations">> {
  // The webhook's lane: it measures whether the database answers, not how long ordinary queries queue.
  const db = runtime.handle.priorityDb;
  const ping = await bounded(pingDatabase(db));
  if ("failed" in ping) return { database: { ok: false, detail: ping.failed }, migrations: notChecked() };
  const applied = await bounded(appliedMigrations(db));
  if ("failed" in applied) return { database: { ok: true }, migrations: { ok: false, detail: applied.failed } };
  const shipped = shippedMigrations();
  const current = applied.value.newest !== null && applied.value.newest >= shipped.newest;
  return { database: { ok: true }, migrations: current ? { ok: true } : { ok: false, detail: `${applied.value.count} of ${shipped.count} applied` } };
}

function backgroundCheck(runtime: Runtime, now: number): Check {
  const loops = [runtime.background, runtime.relay];
  if (loops.some((loop) => loop === null)) return { ok: false, detail: "not started" };
  for (const loop of loops) {
    const { running, lastRoundAt } = loop!.status();
    if (!running) return { ok: false, detail: "stopped" };
    if (now - lastRoundAt > STALLED_AFTER_MS) return { ok: false, detail: `stalled for ${Math.round((now - lastRoundAt) / 1000)} s` };
  }
  return { ok: true };
}

function notChecked(): Check {
  return { ok: false, detail: "not checked" };
}

// The value, or why not: "timed out", or "failed" (the error itself goes to the server's log only).
async function bounded<T>(work: Promise<T>): Promise<{ value: T } | { failed: "timed out" | "failed" }> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<{ failed: "timed out" }>((resolve) => (timer = setTimeout(() => resolve({ failed: "timed out" }), CHECK_TIMEOUT_MS)));
  try {
    return await Promise.race([work.then((value) => ({ value })), late]);
  } catch (err) {
    console.error("[ready] database check:", (err as Error).message);
    return { failed: "failed" };
  } finally {
    clearTimeout(timer);
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
