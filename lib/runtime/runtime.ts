import os from "node:os";
import path from "node:path";
import { openDatabase, type DatabaseHandle, type Db } from "@/db/client";
import { DatabaseLockedError } from "@/db/pglite-lock";
import { ensureDefaultChannel, listActiveChannelIds, listChannels } from "@/db/queries/channels";
import { refreshBotProfile } from "@/lib/channel/bot-profile";
import { ensureDemoChannels } from "@/lib/demo/demo-channels";
import { ensureDemoRichMenu } from "@/lib/demo/demo-rich-menu";
import { createAuth, type Auth } from "@/lib/auth/auth";
import { ensureEnvAdmin } from "@/lib/auth/env-admin";
import { authHousekeepingTask } from "@/lib/auth/housekeeping";
import { abTestTask } from "@/lib/campaigns/ab-test-job";
import { statisticsTask } from "@/lib/campaigns/statistics-job";
import { scheduleContactSyncs } from "@/lib/contacts/followers-sync";
import { friendsProjectionTask } from "@/lib/contacts/friends-projection";
import { contactJobs } from "@/lib/contacts/jobs";
import { env, type Env } from "@/lib/env.js";
import { channelForWebhook, lineClientsFor } from "@/lib/channel/credentials";
import type { ClientsFor } from "@/lib/line/clients";
import { mediaJobs } from "@/lib/media/jobs";
import { mediaStorageFromEnv } from "@/lib/media/media-store";
import { jobRegistry } from "@/lib/platform/background/job-registry";
import { createJobWorker } from "@/lib/platform/background/job-worker";
import { pgliteUpkeepTask } from "@/lib/platform/background/pglite-upkeep";
import { startBackgroundRunner, type BackgroundTask } from "@/lib/platform/background/runner";
import { createLiveHub, type LiveHub } from "@/lib/platform/live/hub";
import { ensureDemoDestination } from "@/lib/relay/demo-destination";
import { retentionPolicyFromEnv } from "@/lib/retention/policy";
import { retentionTask, type RetentionTask } from "@/lib/retention/retention-task";
import { startRelayForwarder } from "@/lib/relay/forwarder";
import { segmentJobs } from "@/lib/segments/jobs";
import { sendingTasks } from "@/lib/sends/runner";
import { schedulerTask } from "@/lib/campaigns/scheduler";
import { linkRunTask } from "@/lib/rich-menus/link-worker";
import { createWebhookIntake, type WebhookIntake } from "@/lib/webhook/intake";
import { fillRuntimeSlot } from "./current";
import { log } from "@/lib/platform/log";

// What the server process is made of, built once in a stated order and stopped in reverse:
//   database (opened, migrated, the channel row) → auth → webhook intake → live hub → background work → relay
// instrumentation.ts starts it when the server starts (with background work); everything else asks
// getRuntime(). Tests and scripts that call route handlers get one without background work.

export interface Runtime {
  handle: DatabaseHandle;
  db: Db;
  /** The first channel (the environment's): what the console served before channels could be added. */
  firstChannelId: number;
  /** LINE as one channel's bot. */
  line: ClientsFor;
  auth: Auth;
  intake: WebhookIntake;
  live: LiveHub;
  /** This instance's background loop (scheduled sends, sending, narrowcast progress, jobs, projections, retention, upkeep), if started. */
  background: (ReturnType<typeof startBackgroundRunner> & { retention: RetentionTask }) | null;
  /** This instance's relay forwarder, if started (with background work). */
  relay: ReturnType<typeof startRelayForwarder> | null;
  /** Ends open live streams, finishes the background work under way, writes pending timings, closes the database. */
  stop(): Promise<void>;
}

/** The process's runtime, built on first use (without background work when the server did not start it). */
export function getRuntime(): Promise<Runtime> {
  return fillRuntimeSlot(() => createRuntime({ background: false }));
}

/** At server start-up (instrumentation.ts): the runtime with background work, and the first admin from the environment. */
export function startRuntime(): Promise<Runtime> {
  return fillRuntimeSlot(async () => {
    const runtime = await createRuntime({ background: true });
    await ensureEnvAdmin(runtime.db);
    const demoBot = env().DEMO_ECHO_BOT_URL;
    if (env().DEMO_MODE && demoBot) await ensureDemoDestination(runtime.db, { channelId: runtime.firstChannelId, url: demoBot });
    // The first channel's bot as LINE describes it (name, picture) for the switcher: waited for in demo
    // mode (the fake is local), in the background otherwise. Then the demo's second account.
    const profile = refreshBotProfile(runtime.db, {
      channelId: runtime.firstChannelId,
      clients: runtime.line,
      currentName: await firstChannelName(runtime.db),
    });
    if (env().DEMO_MODE) {
      await profile;
      await ensureDemoChannels(runtime.db);
      await ensureDemoRichMenu(runtime.db, { channelId: runtime.firstChannelId, line: { channelId: runtime.firstChannelId, clients: runtime.line } });
    }
    return runtime;
  });
}

async function createRuntime(options: { background: boolean }): Promise<Runtime> {
  // Nothing in `next build` may open the database: a build worker that did would keep a PGlite data
  // directory locked while the server starts on it (CI's end-to-end run failed so).
  if (process.env.NEXT_PHASE === "phase-production-build")
    throw new Error("The database is not opened during `next build`: read the request (headers()) first");
  const e = env();
  const handle = await openConfiguredDatabase(e);
  // What has been built, to take down in reverse — also when a later step of building fails.
  const built: Array<[name: string, stop: () => Promise<void> | void]> = [["database", () => handle.close()]];
  const stop = once(async () => {
    for (const [name, step] of built.reverse())
      await Promise.resolve()
        .then(step)
        .catch((err: unknown) => log().error({ scope: "runtime", part: name, err }, "stopping failed"));
  });
  try {
    const db = handle.db;
    const firstChannelId = await ensureDefaultChannel(db, { lineChannelId: e.LINE_CHANNEL_ID ?? null });
    const line = lineClientsFor(db);
    const auth = createAuth(db);
    const intake = createWebhookIntake({
      db,
      priorityDb: handle.priorityDb,
      // Two writes: one being written while the next gathers (see createGroupCommit's `outstanding`).
      // On PGlite the second waits on the database thread, ready to start the moment the first ends.
      writeConcurrency: 2,
      channel: (channelId) => channelForWebhook(db, channelId),
    });
    // The handler latencies of the last second are written before the database closes.
    built.push(["webhook timings", () => intake.close()]);
    const live = await createLiveHub(handle);
    built.push(["live hub", () => live.close()]);
    const background = options.background ? await startBackground(handle, { clients: line, firstChannelId }, () => intake.active()) : null;
    // Jobs under way finish (or give their lease back) before the database closes.
    if (background) built.push(["background work", () => background.stop()]);
    // Relay has a loop of its own: it forwards within milliseconds of the write, never behind other work.
    const relay = options.background
      ? startRelayForwarder({
          handle,
          channelSecret: async (channelId) => (await channelForWebhook(db, channelId))?.secret ?? null,
          allowPrivate: e.relayAllowPrivate,
          retryWindowMs: e.RELAY_RETRY_HOURS * 3_600_000,
          onlyInstance: handle.kind === "pglite",
        })
      : null;
    if (relay) built.push(["relay", () => relay.stop()]);
    return { handle, db, firstChannelId, line, auth, intake, live, background, relay, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}

// This instance's share of the background work. Every task claims its work with a lease in the
// database, so any number of instances run the same loop without doing anything twice.
async function startBackground(handle: DatabaseHandle, o: { clients: ClientsFor; firstChannelId: number }, webhookBusy: () => boolean) {
  const { clients } = o;
  const db = handle.db;
  const e = env();
  const line = { clients };
  const jobs = jobRegistry([contactJobs(line), mediaJobs({ ...line, storage: mediaStorageFromEnv }), segmentJobs(line)]);
  // Two lanes: media and audiences never queue behind a follower sync's profile backlog.
  const normal = createJobWorker({ db, handlers: jobs.normal });
  const urgent = createJobWorker({ db, handlers: jobs.urgent, maxInFlight: 4, workerId: `${os.hostname()}:${process.pid}:jobs-priority` });
  // What is older than its RETAIN_* period goes, in batches sized to leave the webhook its database.
  const retention = retentionTask(db, {
    channelIds: () => listActiveChannelIds(db),
    policy: retentionPolicyFromEnv(),
    mediaDir: e.MEDIA_DIR,
    busy: webhookBusy,
  });
  const tasks: BackgroundTask[] = [
    // First in each round: a send it starts is then taken by the sending task in the same round.
    schedulerTask({ db, clients, graceMs: e.SCHEDULE_LATE_GRACE_MINUTES * 60_000 }),
    ...sendingTasks({ db, clients }),
    statisticsTask({ db, clients }),
    abTestTask({ db, clients }),
    linkRunTask({ db, clients }),
    friendsProjectionTask(db, { busy: webhookBusy }),
    { name: "jobs", tick: normal.tick, full: () => normal.busy >= 8, drain: normal.drain },
    { name: "jobs-priority", tick: urgent.tick, full: () => urgent.busy >= 4, drain: urgent.drain },
    authHousekeepingTask(db),
    retention,
    // PostgreSQL has autovacuum; PGlite has nothing else to keep its statistics and tables in shape.
    ...(handle.kind === "pglite" ? [pgliteUpkeepTask(db, { busy: webhookBusy })] : []),
  ];
  // Each channel's friends are listed from LINE once a day (a channel added later is scheduled when added).
  for (const channelId of await listActiveChannelIds(db)) if (channelId !== o.firstChannelId || e.lineConfigured) await scheduleContactSyncs(db, { channelId });
  return { ...startBackgroundRunner({ handle, tasks, yieldTo: webhookBusy }), retention };
}

// The database of the environment, opened and migrated; a failure says which database it was (never
// with the credentials of a connection string).
async function openConfiguredDatabase(e: Env): Promise<DatabaseHandle> {
  try {
    return e.DATABASE_URL ? await openDatabase({ kind: "postgres", url: e.DATABASE_URL }) : await openDatabase({ kind: "pglite", dataDir: e.PGLITE_DATA_DIR });
  } catch (err) {
    // Its message says it all: which directory, which process, what to do.
    if (err instanceof DatabaseLockedError) throw err;
    const where = e.DATABASE_URL ? `PostgreSQL at ${postgresAddress(e.DATABASE_URL)}` : `PGlite in ${path.resolve(e.PGLITE_DATA_DIR)}`;
    throw new Error(`The database (${where}) could not be opened: ${errorText(err)}`, { cause: err });
  }
}

function postgresAddress(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname}:${u.port || 5432}${u.pathname}`;
  } catch {
    return "DATABASE_URL";
  }
}

// Node's connection errors to "localhost" are AggregateErrors (one per address tried) with no message.
function errorText(err: unknown): string {
  const e = err as Error & { code?: string; errors?: unknown[] };
  return e.message || e.errors?.map(errorText).join("; ") || e.code || String(err);
}

async function firstChannelName(db: Db): Promise<string> {
  return (await listChannels(db))[0]?.name ?? "";
}

function once(fn: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | undefined;
  return () => (running ??= fn());
}
