import { getDatabase } from "@/db/instance";
import { scheduleContactSyncs } from "@/lib/contacts/followers-sync";
import { friendsProjectionTask } from "@/lib/contacts/friends-projection";
import { createJobWorker } from "@/lib/jobs/job-worker";
import { jobHandlers } from "@/lib/jobs/handlers";
import { env } from "@/lib/env.js";
import { lineClients } from "@/lib/line/clients";
import { sendingTasks } from "@/lib/sending/runner";
import { startBackgroundRunner, type BackgroundTask } from "./runner";

const g = globalThis as typeof globalThis & { __oaBackground?: Promise<ReturnType<typeof startBackgroundRunner>> };

/** This instance's background runner, started once at server start-up (instrumentation.ts). */
export function ensureBackgroundRunner() {
  g.__oaBackground ??= getDatabase().then(async ({ handle, channelId }) => {
    const tasks: BackgroundTask[] = [];
    if (env().lineConfigured) tasks.push(...sendingTasks({ db: handle.db, clients: lineClients }));
    tasks.push(friendsProjectionTask(handle.db));
    if (env().lineConfigured) await scheduleContactSyncs(handle.db, { channelId });
    const jobs = createJobWorker({ db: handle.db, handlers: jobHandlers });
    tasks.push({ name: "jobs", tick: jobs.tick, full: () => jobs.busy >= 8, drain: jobs.drain });
    const runner = startBackgroundRunner({ handle, tasks });
    const stop = () => void runner.stop();
    process.once("SIGTERM", stop);
    process.once("SIGINT", stop);
    return runner;
  });
  return g.__oaBackground;
}
