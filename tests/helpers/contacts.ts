import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { lastAllocatedEventId } from "@/db/queries/friends-projection";
import { getProjectionPosition } from "@/db/queries/jobs";
import { storeDeliveries } from "@/db/queries/webhook";
import type { FakeLine } from "@/fake-line/server";
import { createFriendsProjection, FRIENDS_PROJECTION } from "@/lib/contacts/friends-projection";
import { contactJobs } from "@/lib/contacts/jobs";
import { mediaJobs } from "@/lib/media/jobs";
import { jobRegistry } from "@/lib/platform/background/job-registry";
import { segmentJobs } from "@/lib/segments/jobs";
import type { LineRates } from "@/lib/line/rates";
import { ulid } from "@/lib/platform/ids";
import { createJobWorker, type JobHandler } from "@/lib/platform/background/job-worker";
import { createLineClients } from "@/lib/line/clients";
import type { MediaStorageOptions } from "@/lib/media/media-store";
import { toEventRow } from "@/lib/events/types/columns";

type Json = Record<string, unknown>;

/** Store events as webhook intake does (one delivery), so the projection reads them like real ones. */
export async function storeEvents(db: Db, channelId: number, events: Json[]) {
  const now = new Date();
  await storeDeliveries(db, {
    deliveries: [
      {
        id: ulid(),
        channelId,
        receivedAt: now,
        statusCode: 200,
        signature: "valid",
        reason: null,
        reasonDetail: null,
        destination: "U0",
        isVerify: false,
        body: "{}",
        bodyBytes: 2,
        bodyTruncated: false,
        userAgent: null,
        events: events.map((e) => toEventRow(e as never, now)),
      },
    ],
  });
}

/** Run the friends projection until it has read every event stored so far. */
export async function projectAll(db: Db, projection = createFriendsProjection({ db })) {
  for (let i = 0; i < 200; i++) {
    await projection.tick();
    if ((await getProjectionPosition(db, { name: FRIENDS_PROJECTION })) >= (await lastAllocatedEventId(db))) return projection;
    await sleep(60);
  }
  throw new Error("the projection did not catch up");
}

export function fakeHandlers(fake: FakeLine, options: { rates?: Partial<LineRates>; storage?: Partial<MediaStorageOptions> } = {}): Record<string, JobHandler> {
  const clients = createLineClients({ accessToken: fake.channelAccessToken, apiBaseUrl: fake.url, dataApiBaseUrl: fake.url });
  const line = { clients: () => clients, rates: options.rates };
  const storage = () => ({ storage: "database" as const, dir: ".tmp/media-test", maxBytes: 50 * 1024 * 1024, ...options.storage });
  // Every job of friends, chats, media and segments, as the runtime registers them.
  return jobRegistry([contactJobs(line), mediaJobs({ ...line, storage }), segmentJobs(line)]).handlers;
}

/**
 * Run background jobs until none is due within `horizonMs` (jobs that asked to come back later — a
 * rate window, LINE's 202 — are waited for), or `until` holds.
 */
export async function runJobs(
  db: Db,
  handlers: Record<string, JobHandler>,
  opts: { horizonMs?: number; timeoutMs?: number; until?: () => Promise<boolean> } = {},
) {
  const worker = createJobWorker({ db, handlers, maxInFlight: 8, workerId: "test" });
  const deadline = Date.now() + (opts.timeoutMs ?? 20_000);
  const kinds = Object.keys(handlers);
  for (;;) {
    await worker.tick();
    await worker.drain();
    if (opts.until && (await opts.until())) return;
    const soon = await db.execute(sql`
      select count(*)::int as n from jobs where done_at is null and failed_at is null
        and kind in (${sql.join(
          kinds.map((k) => sql`${k}`),
          sql`, `,
        )})
        and run_at < now() + ${`${opts.horizonMs ?? 10_000} milliseconds`}::interval`);
    if (!opts.until && Number((soon as unknown as { rows: Array<{ n: number }> }).rows[0]!.n) === 0) return;
    if (Date.now() > deadline) throw new Error("jobs did not settle in time");
    await sleep(25);
  }
}

export async function control<T = Json>(fake: FakeLine, method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${fake.url}${path}`, {
    method,
    headers: { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return (res.status === 204 ? null : await res.json()) as T;
}

/** Make a fake user act and store the webhook events it produced. */
export async function act(fake: FakeLine, db: Db, channelId: number, path: string, body?: unknown) {
  const res = await control<{ events: Json[] }>(fake, "POST", path, body ?? {});
  await storeEvents(db, channelId, res.events);
  return res.events;
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
