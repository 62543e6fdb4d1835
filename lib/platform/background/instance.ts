import os from "node:os";
import { getDatabase } from "@/db/instance";
import { scheduleContactSyncs } from "@/lib/contacts/followers-sync";
import { PRIORITY_JOB_KINDS } from "@/lib/contacts/job-kinds";
import { friendsProjectionTask } from "@/lib/contacts/friends-projection";
import { createJobWorker } from "@/lib/platform/background/job-worker";
import { jobHandlers } from "@/lib/jobs/handlers";
import { env } from "@/lib/env.js";
import { lineClients } from "@/lib/line/clients";
import { sendingTasks } from "@/lib/sends/runner";
import { atShutdown } from "@/lib/platform/server/shutdown";
import { webhookActive } from "@/lib/webhook/activity";
import { pgliteUpkeepTask } from "./pglite-upkeep";
import { startBackgroundRunner, type BackgroundTask } from "./runner";

const g = globalThis as typeof globalThis & { __oaBackground?: Promise<ReturnType<typeof startBackgroundRunner>> };

/** This instance's background runner, started once at server start-up (instrumentation.ts). */
export function ensureBackgroundRunner() {
  g.__oaBackground ??= getDatabase().then(async ({ handle, channelId }) => {
    const tasks: BackgroundTask[] = [];
    if (env().lineConfigured) tasks.push(...sendingTasks({ db: handle.db, clients: lineClients }));
    tasks.push(friendsProjectionTask(handle.db, { busy: () => webhookActive() }));
    if (env().lineConfigured) await scheduleContactSyncs(handle.db, { channelId });
    // Two lanes: media and audiences never queue behind a follower sync's profile backlog.
    const lane = (priority: boolean) => Object.fromEntries(Object.entries(jobHandlers).filter(([kind]) => PRIORITY_JOB_KINDS.includes(kind) === priority));
    const jobs = createJobWorker({ db: handle.db, handlers: lane(false) });
    const urgent = createJobWorker({ db: handle.db, handlers: lane(true), maxInFlight: 4, workerId: `${os.hostname()}:${process.pid}:jobs-priority` });
    tasks.push({ name: "jobs", tick: jobs.tick, full: () => jobs.busy >= 8, drain: jobs.drain });
    tasks.push({ name: "jobs-priority", tick: urgent.tick, full: () => urgent.busy >= 4, drain: urgent.drain });
    // PostgreSQL has autovacuum; PGlite has nothing else to keep its statistics and tables in shape.
    if (handle.kind === "pglite") tasks.push(pgliteUpkeepTask(handle.db, { busy: () => webhookActive() }));
    const runner = startBackgroundRunner({ handle, tasks, yieldTo: () => webhookActive() });
    // Jobs under way finish (or give their lease back) before the database closes.
    atShutdown("background runner", 10, () => runner.stop());
    return runner;
  });
  return g.__oaBackground;
}
