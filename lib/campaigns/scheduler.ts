import os from "node:os";
import type { Db } from "@/db/client";
import { claimDueSchedules, scheduleQueue, type ClaimedSchedule } from "@/db/queries/schedules";
import type { ClientsFor } from "@/lib/line/clients";
import type { BackgroundTask } from "@/lib/platform/background/runner";
import { log } from "@/lib/platform/log";
import { askPerson, startChecks, startSchedule, type StartContext } from "./start-schedule";

// The background task that starts scheduled sends, on every instance: each round it leases what is due
// (FOR UPDATE SKIP LOCKED, so two instances never start the same one) and starts it. The runner looks
// for work every half second; a send due in between would wait for that, so after each round the task
// asks the database when the next one is due and sets a timer to wake the runner at that moment.

export interface SchedulerOptions {
  db: Db;
  clients: ClientsFor;
  /** A start found later than this asks a person instead (SCHEDULE_LATE_GRACE_MINUTES). */
  graceMs: number;
  workerId?: string;
  /** Schedules leased in one round at most. */
  batch?: number;
  /** Starts under way at once on this instance. */
  maxInFlight?: number;
  leaseMs?: number;
  /** The clock next occurrences are counted from (tests move it). */
  now?: () => number;
}

/** Timers further ahead than this are not set: the runner's rounds (and NOTIFYs) come first anyway. */
const MAX_TIMER_MS = 60_000;
/** How long a round waits for the starts it began before letting the other tasks have their turn. */
const ROUND_WAIT_MS = 200;

export function schedulerTask(options: SchedulerOptions): BackgroundTask & { idle(): Promise<void> } {
  const worker = options.workerId ?? `${os.hostname()}:${process.pid}:scheduler:${Math.random().toString(36).slice(2, 8)}`;
  const batch = options.batch ?? 100;
  const maxInFlight = options.maxInFlight ?? 16;
  const leaseMs = options.leaseMs ?? 60_000;
  // Starts under way: a round does not wait for them, so the sending task takes each send at once
  // (a thousand due in the same second would otherwise hold the round until the last was stored).
  const inFlight = new Set<Promise<void>>();
  let wake: (() => void) | undefined;
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;

  function arm(nextInMs: number | null, askedAt: number) {
    clearTimeout(timer);
    timer = undefined;
    if (stopped || nextInMs === null) return;
    // Measured from when the database answered; a millisecond over so the start is due when it looks.
    const delay = nextInMs - (performance.now() - askedAt) + 1;
    if (delay > MAX_TIMER_MS) return;
    timer = setTimeout(() => wake?.(), Math.max(0, delay));
    timer.unref();
  }

  async function tick(): Promise<number> {
    const askedAt = performance.now();
    const queue = await scheduleQueue(options.db);
    arm(queue.nextInMs, askedAt);
    const room = Math.min(batch, maxInFlight - inFlight.size);
    if (!queue.due || room <= 0) return 0;
    const claimed = await claimDueSchedules(options.db, { worker, limit: room, leaseMs });
    const ctx: StartContext = { db: options.db, clients: options.clients, worker, checks: startChecks(options.clients), now: options.now };
    const started = claimed.map((s) => {
      const p: Promise<void> = startOne(ctx, s).finally(() => inFlight.delete(p));
      inFlight.add(p);
      return p;
    });
    // Usually they are stored within milliseconds, and the sending task takes them in this same round;
    // a burst (hundreds due in one second) does not hold the round: its starts go on meanwhile.
    await Promise.race([Promise.all(started), sleep(ROUND_WAIT_MS)]);
    return claimed.length;
  }

  async function startOne(ctx: StartContext, s: ClaimedSchedule) {
    try {
      if (s.lateMs > options.graceMs) await askPerson(ctx, s, s.lateMs);
      else await startSchedule(ctx, s);
    } catch (err) {
      // The lease runs out and the start is tried again (the send's client key keeps it to one send).
      log().error({ scope: "scheduler", scheduleId: s.id, err }, "starting a scheduled send failed unexpectedly");
    }
  }

  return {
    name: "scheduler",
    tick,
    full: () => inFlight.size >= maxInFlight,
    wakeWith(nudge) {
      wake = nudge;
    },
    /** Until the starts under way have ended (tests). */
    async idle() {
      await Promise.all(inFlight);
    },
    async drain() {
      stopped = true;
      clearTimeout(timer);
      await Promise.all(inFlight);
    },
  };
}

function sleep(ms: number) {
  return new Promise<void>((resolve) => setTimeout(resolve, ms).unref());
}
