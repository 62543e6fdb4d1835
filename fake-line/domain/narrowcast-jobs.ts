// Narrowcast jobs, keyed by the request id of the narrowcast. A job waits one phase ("waiting":
// filtering), then either fails (errorCode decided when it was accepted) or sends for one more phase
// ("sending": recipients receive it progressively) and succeeds. State is settled from the clock on
// every read and by timers, so inboxes fill up even if nobody polls the progress endpoint.
import { DAY } from "../core/jst";
import type { Platform } from "../platform";
import type { DeliveredMessage } from "./inboxes";
import type { SendRecord } from "./send-log";

export type NarrowcastFailure = { errorCode: 1 | 2 | 3 | 4 | 5; description: string; withCounts: boolean };

export type NarrowcastJob = {
  requestId: string;
  acceptedAt: number;
  waitingEnd: number;
  sendingEnd: number;
  messages: DeliveredMessage[];
  notificationDisabled: boolean;
  /** Final recipients, after filters and limit. */
  recipients: string[];
  /** Quota units reserved for this job (released as it delivers). */
  reserved: number;
  failure: NarrowcastFailure | null;
  delivered: number;
  successCount: number;
  failureCount: number;
  completedAt: number | null;
  record: SendRecord | null;
};

export const FAILURE_DESCRIPTIONS: Record<NarrowcastFailure["errorCode"], string> = {
  1: "An internal error occurred",
  2: "There are not enough recipients",
  3: "The request conflicts with a request that has already been accepted",
  4: "An audience with less than 50 recipients is included",
  5: "Delivery was canceled to avoid delivering to only part of the audience",
};

const KEEP_DAYS = 14;
const MAX_JOBS = 5000;

export class NarrowcastJobs {
  #jobs = new Map<string, NarrowcastJob>();
  #timers = new Set<NodeJS.Timeout>();

  constructor(private readonly platform: Platform) {}

  accept(job: NarrowcastJob): void {
    this.#jobs.set(job.requestId, job);
    if (this.#jobs.size > MAX_JOBS) {
      const oldest = this.#jobs.keys().next().value;
      if (oldest !== undefined) this.#jobs.delete(oldest);
    }
    const phase = job.sendingEnd - job.waitingEnd;
    const steps = [job.waitingEnd - job.acceptedAt];
    for (let i = 1; i <= 5; i++) steps.push(job.waitingEnd - job.acceptedAt + (phase * i) / 5);
    for (const fakeMs of steps) this.#arm(job, fakeMs);
  }

  get(requestId: string): NarrowcastJob | undefined {
    const job = this.#jobs.get(requestId);
    if (!job) return undefined;
    const now = this.platform.clock.now();
    if (now - job.acceptedAt > KEEP_DAYS * DAY) return undefined;
    this.#settle(job, now);
    return job;
  }

  all(): NarrowcastJob[] {
    const now = this.platform.clock.now();
    for (const job of this.#jobs.values()) this.#settle(job, now);
    return [...this.#jobs.values()];
  }

  /** Control API: complete every pending job now. */
  finishAll(): number {
    const now = this.platform.clock.now();
    let finished = 0;
    for (const job of this.#jobs.values()) {
      if (job.completedAt !== null) continue;
      job.waitingEnd = Math.min(job.waitingEnd, now);
      job.sendingEnd = Math.min(job.sendingEnd, now);
      this.#settle(job, now);
      finished++;
    }
    return finished;
  }

  close(): void {
    for (const t of this.#timers) clearTimeout(t);
    this.#timers.clear();
  }

  #arm(job: NarrowcastJob, fakeMs: number): void {
    const timer = setTimeout(() => {
      this.#timers.delete(timer);
      this.#settle(job, this.platform.clock.now());
    }, this.platform.clock.toRealMs(fakeMs));
    timer.unref();
    this.#timers.add(timer);
  }

  #settle(job: NarrowcastJob, now: number): void {
    if (job.completedAt !== null || now < job.waitingEnd) return;
    const p = this.platform;
    if (job.failure) {
      p.quota.settle(0, job.reserved);
      job.reserved = 0;
      job.completedAt = job.waitingEnd;
      return;
    }
    if (!job.record) {
      job.record = { requestId: job.requestId, kind: "narrowcast", at: job.waitingEnd, deliveredTo: [], notDelivered: 0, messages: job.messages };
      p.sends.add(job.record);
      p.trackedSends.track(job.record, null);
    }
    const span = job.sendingEnd - job.waitingEnd;
    const fraction = span <= 0 ? 1 : Math.min(1, (now - job.waitingEnd) / span);
    const upTo = fraction >= 1 ? job.recipients.length : Math.floor(job.recipients.length * fraction);
    let success = 0;
    let failure = 0;
    const entry = {
      requestId: job.requestId,
      kind: "narrowcast" as const,
      messages: job.messages,
      notificationDisabled: job.notificationDisabled,
      sentAt: new Date(now).toISOString(),
    };
    for (; job.delivered < upTo; job.delivered++) {
      const userId = job.recipients[job.delivered] as string;
      // Users who blocked the account after the job was accepted count as failures.
      if (p.world.isFollowing(userId)) {
        p.inboxes.add(userId, entry);
        job.record.deliveredTo.push(userId);
        success++;
      } else {
        failure++;
      }
    }
    job.successCount += success;
    job.failureCount += failure;
    job.record.notDelivered += failure;
    p.quota.settle(success, failure);
    job.reserved -= success + failure;
    p.sends.countDelivered("narrowcast", now, success);
    if (fraction >= 1) job.completedAt = Math.max(job.sendingEnd, job.waitingEnd);
  }
}

export function progressBody(job: NarrowcastJob, now: number): Record<string, unknown> {
  const acceptedTime = new Date(job.acceptedAt).toISOString();
  if (now < job.waitingEnd && job.completedAt === null) return { phase: "waiting", acceptedTime };
  const counts = { successCount: job.successCount, failureCount: job.failureCount, targetCount: job.recipients.length };
  if (job.failure) {
    return {
      phase: "failed",
      ...(job.failure.withCounts ? { successCount: 0, failureCount: 0, targetCount: 0 } : {}),
      failedDescription: job.failure.description,
      errorCode: job.failure.errorCode,
      acceptedTime,
      completedTime: new Date(job.completedAt ?? job.waitingEnd).toISOString(),
    };
  }
  if (job.completedAt === null) return { phase: "sending", ...counts, acceptedTime };
  return { phase: "succeeded", ...counts, acceptedTime, completedTime: new Date(job.completedAt).toISOString() };
}
