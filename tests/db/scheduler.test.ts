import { sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import * as auditRoute from "@/app/api/audit/route";
import * as channelRoute from "@/app/api/channels/[key]/route";
import * as draftRoute from "@/app/api/drafts/[id]/route";
import * as draftsRoute from "@/app/api/drafts/route";
import * as confirmRoute from "@/app/api/schedules/[id]/confirm/route";
import * as schedulesRoute from "@/app/api/schedules/route";
import { openDatabase, type Db } from "@/db/client";
import { DEFAULT_CHANNEL_SLUG } from "@/db/queries/channels";
import { claimDueSchedules } from "@/db/queries/schedules";
import { getSend } from "@/db/queries/sends";
import { wallTime } from "@/lib/campaigns/recurrence";
import { schedulerTask } from "@/lib/campaigns/scheduler";
import { lineClientsFor } from "@/lib/channel/credentials";
import { startBackgroundRunner } from "@/lib/platform/background/runner";
import { getRuntime } from "@/lib/runtime/runtime";
import { createSend } from "@/lib/sends/create-send";
import { startSendRunner } from "@/lib/sends/runner";
import { engine } from "../helpers/test-db";
import { patchSchedule, readSchedule, schedule, startScheduleWorld, text, type ScheduleWorld } from "../helpers/schedules";

// A scheduled send starts at its time, once, on any number of instances; is checked again then; is
// marked late when the console starts it late, and asks a person when it is later than the grace.

let w: ScheduleWorld;
let runner: { stop(): Promise<void> } | undefined;
beforeAll(async () => {
  w = await startScheduleWorld();
});
afterAll(async () => w.cleanup());
afterEach(async () => {
  await runner?.stop();
  runner = undefined;
});

const GRACE = 30 * 60_000;
const rt = () => getRuntime();

async function scheduler(o: { workerId?: string; graceMs?: number; now?: () => number; db?: Db; batch?: number } = {}) {
  const { db, line } = await rt();
  const task = schedulerTask({
    db: o.db ?? db,
    clients: o.db ? lineClientsFor(o.db) : line,
    graceMs: o.graceMs ?? GRACE,
    workerId: o.workerId ?? "a",
    now: o.now,
    batch: o.batch,
  });
  // A round leaves its starts running; the tests look once they have ended.
  const tick = async () => {
    const n = await task.tick();
    await task.idle();
    return n;
  };
  return { ...task, tick };
}

/** The clock comes to a schedule: its time is `agoMs` ago (the anchor of a recurrence moves with it unless given). */
async function comeDue(id: string, agoMs = 0, at?: string) {
  const runAt = at ? sql`${at}::timestamptz` : sql`now() - ${`${agoMs} milliseconds`}::interval`;
  await (await rt()).db.execute(sql`update schedules set run_at = ${runAt}, anchor_at = ${runAt} where id = ${id}`);
}

async function sendsOf(scheduleId: string) {
  const res = await (
    await rt()
  ).db.execute(sql`select id, client_key, author_label, campaign_id, created_at from sends where schedule_id = ${scheduleId} order by created_at`);
  return (res as unknown as { rows: Array<{ id: string; client_key: string; author_label: string; campaign_id: string }> }).rows;
}

async function auditOf(action: string, target: string) {
  const items = (await w.admin.call(auditRoute.GET, "GET", `/api/audit?action=${action}&limit=200`)).json.items as Array<{
    target: string;
    actorLabel: string;
    details: Record<string, unknown>;
  }>;
  return items.filter((i) => i.target === target);
}

async function pushesTo(userId: string) {
  const log = (await w.control("GET", "/__fake/requests?path=/v2/bot/message/push&limit=1000")) as {
    requests: Array<{ body: { to: string }; status: number }>;
  };
  return log.requests.filter((r) => r.body.to === userId);
}

async function sendAll() {
  const { handle, line } = await rt();
  runner = startSendRunner({ handle, clients: line, idleMs: 20 });
}

async function settled(sendId: string) {
  const { db, firstChannelId } = await rt();
  for (let i = 0; i < 400; i++) {
    const s = await getSend(db, { channelId: firstChannelId, id: sendId });
    if (s && ["sent", "failed", "partially_sent"].includes(s.send.status)) return s.send.status;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`send ${sendId} did not settle`);
}

describe("starting scheduled sends", () => {
  it("starts a due send once, as its author's send in its campaign; LINE gets it once; it can no longer be changed", async () => {
    const to = w.friends[1]!;
    const made = (await schedule(w.operator, { kind: "push", request: { to, ...text("Your table is ready at 19:00") } })).json.schedule;
    await comeDue(made.id);
    const a = await scheduler();
    expect(await a.tick()).toBe(1);
    expect(await a.tick()).toBe(0);
    const s = (await readSchedule(w.viewer, made.id)).json.schedule;
    expect(s).toMatchObject({ status: "started", runCount: 1, late: false, error: null, lastSendId: expect.any(String) });
    const sends = await sendsOf(made.id);
    expect(sends).toEqual([
      expect.objectContaining({
        id: s.lastSendId,
        author_label: "otto <otto@example.com>",
        campaign_id: made.campaignId,
        client_key: `schedule:${made.id}:${Date.parse(s.runAt)}`,
      }),
    ]);
    const [started] = await auditOf("schedule.started", made.id);
    expect(started).toMatchObject({ actorLabel: "scheduler", details: { sendId: s.lastSendId, late: false } });
    await sendAll();
    expect(await settled(s.lastSendId)).toBe("sent");
    expect((await pushesTo(to)).filter((r) => r.status === 200)).toHaveLength(1);
    const edit = await patchSchedule(w.operator, made.id, { version: s.version, title: "later" });
    expect([edit.status, edit.json.code]).toEqual([409, "schedule_started"]);
  });

  it("starts each of 30 sends due at once exactly once with two schedulers ticking together", async () => {
    const ids: string[] = [];
    for (let i = 0; i < 30; i++)
      ids.push((await schedule(w.operator, { kind: "push", request: { to: w.friends[i % 20], ...text(`Reminder ${i}`) } })).json.schedule.id);
    for (const id of ids) await comeDue(id);
    // On PostgreSQL the second scheduler is another instance's: its own connections to the same database.
    const other = engine() === "postgres" ? await openDatabase({ kind: "postgres", url: process.env.DATABASE_URL!, migrate: false }) : undefined;
    try {
      const a = await scheduler({ workerId: "a", batch: 4 });
      const b = await scheduler({ workerId: "b", batch: 4, db: other?.db });
      for (let round = 0; round < 20; round++) {
        const taken = await Promise.all([a.tick(), b.tick(), a.tick(), b.tick()]);
        if (taken.every((n) => n === 0)) break;
      }
    } finally {
      await other?.close();
    }
    const per = await Promise.all(ids.map(sendsOf));
    expect(per.map((s) => s.length)).toEqual(ids.map(() => 1));
    const states = await Promise.all(ids.map(async (id) => (await readSchedule(w.viewer, id)).json.schedule));
    expect(states.every((s) => s.status === "started" && s.runCount === 1)).toBe(true);
    await sendAll();
    for (const s of per) await settled(s[0]!.id);
    const { db } = await rt();
    const lineRequests = await db.execute(
      sql`select count(distinct c.retry_key)::int as n from send_chunks c join sends s on s.id = c.send_id where s.schedule_id in (${sql.join(
        ids.map((id) => sql`${id}`),
        sql`, `,
      )})`,
    );
    expect((lineRequests as unknown as { rows: Array<{ n: number }> }).rows[0]!.n).toBe(30);
  });

  it("records the send a start made before it died, and sends nothing again", async () => {
    const made = (await schedule(w.operator, { kind: "broadcast", request: text("Flash sale") })).json.schedule;
    await comeDue(made.id);
    const { db, firstChannelId } = await rt();
    // Another instance leased it, stored the send, and died before recording it: its lease runs out.
    const [claimed] = await claimDueSchedules(db, { worker: "dead", limit: 10, leaseMs: 1 });
    expect(claimed!.id).toBe(made.id);
    const { send } = await createSend(db, {
      channelId: firstChannelId,
      kind: "broadcast",
      body: { ...text("Flash sale"), retryKey: `schedule:${made.id}:${claimed!.runAt.getTime()}` } as never,
      actor: { kind: "apiKey", id: "x", name: "x", role: "operator", consoleRole: "operator", channelIds: [firstChannelId] },
      scheduleId: made.id,
    });
    await new Promise((r) => setTimeout(r, 20));
    await (await scheduler()).tick();
    expect((await readSchedule(w.viewer, made.id)).json.schedule).toMatchObject({ status: "started", lastSendId: send.id, runCount: 1 });
    expect(await sendsOf(made.id)).toHaveLength(1);
  });

  it("starts a send found late but within the grace, marked late", async () => {
    const made = (await schedule(w.operator, { kind: "broadcast", request: text("Good morning") })).json.schedule;
    await comeDue(made.id, 5 * 60_000);
    await (await scheduler()).tick();
    const s = (await readSchedule(w.viewer, made.id)).json.schedule;
    expect(s).toMatchObject({ status: "started", late: true });
    expect(s.lastLateMs).toBeGreaterThanOrEqual(5 * 60_000);
    expect((await auditOf("schedule.started", made.id))[0]!.details).toMatchObject({ late: true });
  });

  it("asks a person about a send later than the grace; sending it then starts it, late", async () => {
    const made = (await schedule(w.operator, { kind: "broadcast", request: text("Weekend brunch") })).json.schedule;
    const other = (await schedule(w.operator, { kind: "broadcast", request: text("Weekend dinner") })).json.schedule;
    await comeDue(made.id, 2 * 3_600_000);
    await comeDue(other.id, 2 * 3_600_000);
    await (await scheduler()).tick();
    const waiting = (await readSchedule(w.viewer, made.id)).json.schedule;
    expect(waiting).toMatchObject({ status: "needs_confirmation", lastSendId: null, error: { code: "schedule_missed" } });
    expect(await sendsOf(made.id)).toHaveLength(0);
    expect(await auditOf("schedule.missed", made.id)).toHaveLength(1);
    const upcoming = (await w.viewer.call(schedulesRoute.GET, "GET", "/api/schedules?limit=200")).json.items.map((s: { id: string }) => s.id);
    expect(upcoming).toContain(made.id);

    const confirm = (client: typeof w.operator, id: string, action: string) =>
      client.call(confirmRoute.POST, "POST", `/api/schedules/${id}/confirm`, { params: { id }, body: { action } });
    expect((await confirm(w.viewer, made.id, "send")).status).toBe(403);
    const sent = await confirm(w.operator, made.id, "send");
    expect(sent.status).toBe(200);
    expect(sent.json.schedule).toMatchObject({ status: "started", late: true, runCount: 1 });
    expect(await sendsOf(made.id)).toHaveLength(1);
    expect((await confirm(w.operator, made.id, "send")).json.code).toBe("schedule_not_waiting");
    expect((await auditOf("schedule.confirmed", made.id))[0]).toMatchObject({ actorLabel: "otto <otto@example.com>", details: { action: "send" } });

    const dropped = await confirm(w.operator, other.id, "cancel");
    expect(dropped.json.schedule.status).toBe("cancelled");
    expect(await sendsOf(other.id)).toHaveLength(0);
  });
});

describe("recurring sends", () => {
  it("keeps 09:00 in London across the change to summer time, and ends after its last day", async () => {
    const made = (await schedule(w.operator, { kind: "broadcast", request: text("Daily deal"), timeZone: "Europe/London", repeat: "daily" })).json.schedule;
    // The first start on 28 March 2026, the day before the clocks went forward; the console's clock is moved along.
    await comeDue(made.id, 0, "2026-03-28T09:00:00Z");
    await (await rt()).db.execute(sql`update schedules set repeat_until = '2026-03-29T12:00:00Z' where id = ${made.id}`);
    let clock = Date.parse("2026-03-28T09:00:01Z");
    const s = await scheduler({ graceMs: Number.MAX_SAFE_INTEGER, now: () => clock });
    await s.tick();
    const afterFirst = (await readSchedule(w.viewer, made.id)).json.schedule;
    expect(afterFirst).toMatchObject({ status: "scheduled", runCount: 1, runAt: "2026-03-29T08:00:00.000Z" });
    expect(wallTime(new Date(afterFirst.runAt), "Europe/London")).toMatchObject({ hour: 9, minute: 0 });
    clock = Date.parse("2026-03-29T08:00:01Z");
    await s.tick();
    expect((await readSchedule(w.viewer, made.id)).json.schedule).toMatchObject({ status: "finished", runCount: 2 });
    const sends = await sendsOf(made.id);
    expect(new Set(sends.map((x) => x.client_key)).size).toBe(2);
  });

  it("sends a monthly send of the 31st on the last day of February, then on 31 March", async () => {
    const made = (await schedule(w.operator, { kind: "broadcast", request: text("Month-end report"), repeat: "monthly" })).json.schedule;
    await comeDue(made.id, 0, "2026-01-31T01:00:00Z"); // 10:00 in Tokyo
    let clock = Date.parse("2026-01-31T01:00:01Z");
    const s = await scheduler({ graceMs: Number.MAX_SAFE_INTEGER, now: () => clock });
    await s.tick();
    expect((await readSchedule(w.viewer, made.id)).json.schedule.runAt).toBe("2026-02-28T01:00:00.000Z");
    clock = Date.parse("2026-02-28T01:00:01Z");
    await s.tick();
    expect((await readSchedule(w.viewer, made.id)).json.schedule).toMatchObject({ runAt: "2026-03-31T01:00:00.000Z", runCount: 2 });
  });
});

describe("checking a send again at its time", () => {
  it("records a recurring send whose draft was deleted as failed this time, and keeps the next", async () => {
    const draft = await w.operator.call(draftsRoute.POST, "POST", "/api/drafts", { body: { kind: "broadcast", title: "Tips", body: text("Tip of the week") } });
    const made = (await schedule(w.operator, { kind: "broadcast", draftId: draft.json.id, repeat: "weekly" })).json.schedule;
    await w.operator.call(draftRoute.DELETE, "DELETE", `/api/drafts/${draft.json.id}`, { params: { id: draft.json.id } });
    await comeDue(made.id);
    const before = Date.now();
    await (await scheduler()).tick();
    const s = (await readSchedule(w.viewer, made.id)).json.schedule;
    expect(s).toMatchObject({ status: "scheduled", runCount: 0, error: { code: "draft_not_found" } });
    expect(Date.parse(s.runAt) - before).toBeGreaterThan(6 * 86_400_000);
    expect(await sendsOf(made.id)).toHaveLength(0);
    expect((await auditOf("schedule.failed", made.id))[0]!.details).toMatchObject({ code: "draft_not_found" });
  });

  it("refuses a multicast that no longer fits in the month's quota", async () => {
    const made = (await schedule(w.operator, { kind: "multicast", request: { to: w.friends.slice(0, 3), ...text("Members' preview") } })).json.schedule;
    const quota = (await w.control("GET", "/__fake/quota")) as { monthlyQuota: number; totalUsage: number };
    await w.control("PATCH", "/__fake/quota", { totalUsage: quota.monthlyQuota - 2 });
    try {
      await comeDue(made.id);
      await (await scheduler()).tick();
    } finally {
      await w.control("PATCH", "/__fake/quota", { totalUsage: quota.totalUsage });
    }
    expect((await readSchedule(w.viewer, made.id)).json.schedule).toMatchObject({ status: "failed", error: { code: "quota_exceeded" } });
    expect(await sendsOf(made.id)).toHaveLength(0);
  });

  it("refuses a one-off send of a channel archived meanwhile", async () => {
    const made = (await schedule(w.operator, { kind: "broadcast", request: text("Closing down sale") })).json.schedule;
    const archive = (archived: boolean) =>
      w.admin.call(channelRoute.PATCH, "PATCH", `/api/channels/${DEFAULT_CHANNEL_SLUG}`, { params: { key: DEFAULT_CHANNEL_SLUG }, body: { archived } });
    expect((await archive(true)).status).toBe(200);
    try {
      await comeDue(made.id);
      await (await scheduler()).tick();
    } finally {
      await archive(false);
    }
    expect((await readSchedule(w.viewer, made.id)).json.schedule).toMatchObject({ status: "failed", error: { code: "channel_archived" } });
    expect(await sendsOf(made.id)).toHaveLength(0);
  });
});

describe("waking at the time", () => {
  it("wakes the background runner when a send comes due, without waiting for its next round", async () => {
    const made = (await schedule(w.operator, { kind: "broadcast", request: text("On the dot") })).json.schedule;
    const { handle, db } = await rt();
    await db.execute(sql`update schedules set run_at = now() + interval '700 milliseconds' where id = ${made.id}`);
    const dueAt = Date.parse((await readSchedule(w.viewer, made.id)).json.schedule.runAt);
    // A runner that would otherwise look only every 20 s: only the scheduler's timer can start it on time.
    runner = startBackgroundRunner({ handle, tasks: [await scheduler()], idleMs: 20_000 });
    let s = (await readSchedule(w.viewer, made.id)).json.schedule;
    for (let i = 0; i < 200 && s.status === "scheduled"; i++) {
      await new Promise((r) => setTimeout(r, 25));
      s = (await readSchedule(w.viewer, made.id)).json.schedule;
    }
    expect(s.status).toBe("started");
    expect(Date.parse(s.lastStartedAt)).toBeGreaterThanOrEqual(dueAt);
    expect(s.late).toBe(false);
  });
});
