import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as linksRoute from "@/app/api/rich-menus/[id]/links/route";
import * as runRoute from "@/app/api/rich-menus/link-runs/[id]/route";
import * as resumeRoute from "@/app/api/rich-menus/link-runs/[id]/resume/route";
import * as runsRoute from "@/app/api/rich-menus/link-runs/route";
import * as unlinksRoute from "@/app/api/rich-menus/unlinks/route";
import * as segmentsRoute from "@/app/api/segments/route";
import { applyFriendChanges } from "@/db/queries/friends-projection";
import { listLinkBatches } from "@/db/queries/rich-menu-link-runs";
import { createLinkWorker } from "@/lib/rich-menus/link-worker";
import { getRuntime } from "@/lib/runtime/runtime";
import { menuBody, postback, publishedMenu } from "../helpers/rich-menus";
import { startScheduleWorld, type ScheduleWorld } from "../helpers/schedules";

// Linking a menu to many friends: the audience fixed when the run is made (a segment evaluated then) in
// batches of 500, sent by workers that share the queue, retried through LINE's failures, resumable —
// and in the end each friend linked, none sent twice but the batch whose answer was lost.

let w: ScheduleWorld;
let menu: { id: string; lineRichMenuId: string };
let segmentId: string;
const FRIENDS = 5_000;
const userIds = Array.from({ length: FRIENDS }, (_, i) => `U${i.toString(16).padStart(32, "0")}`);

beforeAll(async () => {
  w = await startScheduleWorld();
  const { db, firstChannelId } = await getRuntime();
  const now = new Date();
  await applyFriendChanges(
    db,
    userIds.map((userId) => ({ channelId: firstChannelId, userId, firstSeen: now, lastActive: now, status: "friend", statusAt: now, followed: true })),
  );
  segmentId = (await w.operator.call(segmentsRoute.POST, "POST", "/api/segments", { body: { name: "Everyone", filter: {} } })).json.id;
  menu = await publishedMenu(w.operator, menuBody([postback("links")], { name: "For everyone" }));
}, 120_000);
afterAll(async () => w.cleanup());

const fakeLinks = async () => (await w.control("GET", "/__fake/richmenus/links")) as { links: Record<string, string>; operations: Record<string, number> };
const run = async (id: string) => (await w.viewer.call(runRoute.GET, "GET", `/api/rich-menus/link-runs/${id}`, { params: { id } })).json.run;

/** Two workers ticking side by side (as two instances would) until the run has nothing pending. */
async function work(runId: string, o: { callTimeoutMs?: number; maxAttempts?: number } = {}) {
  const { db, line } = await getRuntime();
  const workers = ["instance-a", "instance-b"].map((workerId) =>
    createLinkWorker({ db, clients: line, workerId, backoffMs: 20, callTimeoutMs: o.callTimeoutMs ?? 5_000, maxAttempts: o.maxAttempts ?? 4 }),
  );
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    await Promise.all(workers.map((x) => x.tick()));
    await new Promise((r) => setTimeout(r, 10));
    if ((await run(runId)).status !== "running" && workers.every((x) => x.busy === 0)) break;
  }
  await Promise.all(workers.map((x) => x.drain()));
  return run(runId);
}

describe("link runs", () => {
  it("refuses bad targets with reasons, making no run", async () => {
    const post = (body: unknown) => w.operator.call(linksRoute.POST, "POST", `/api/rich-menus/${menu.id}/links`, { params: { id: menu.id }, body });
    const badId = await post({ target: { kind: "friends", userIds: ["U123", userIds[0]] } });
    expect([badId.status, badId.json.details[0].property]).toEqual([400, "target.userIds[0]"]);
    const tooMany = await post({ target: { kind: "friends", userIds: [...userIds, "U" + "f".repeat(32)] } });
    expect([tooMany.status, tooMany.json.details[0].property]).toEqual([400, "target.userIds"]);
    const noSegment = await post({ target: { kind: "segment", segmentId: "nope" } });
    expect([noSegment.status, noSegment.json.details[0].property]).toEqual([400, "target.segmentId"]);
    const viewer = await w.viewer.call(linksRoute.POST, "POST", `/api/rich-menus/${menu.id}/links`, {
      params: { id: menu.id },
      body: { target: { kind: "friends", userIds: [userIds[0]] } },
    });
    expect(viewer.status).toBe(403);
    expect((await w.viewer.call(runsRoute.GET, "GET", "/api/rich-menus/link-runs")).json.runs).toEqual([]);
  });

  it("links a 5,000-friend segment through lost answers, a hang and a refusal: resumed, each friend linked, only the lost batch repeated", async () => {
    const path = "/v2/bot/richmenu/bulk/link";
    // In the order requests meet them: a batch applied whose answer is lost (500 after), a hang past the
    // worker's timeout, a reset connection, and a refusal that fails one batch at once (a 400 is not retried).
    await w.control("POST", "/__fake/faults", { path, method: "POST", kind: "error", status: 500, phase: "after", count: 1 });
    await w.control("POST", "/__fake/faults", { path, method: "POST", kind: "hang", delayMs: 3_000, count: 1 });
    await w.control("POST", "/__fake/faults", { path, method: "POST", kind: "reset", count: 1 });
    await w.control("POST", "/__fake/faults", { path, method: "POST", kind: "error", status: 400, count: 1 });
    const res = await w.operator.call(linksRoute.POST, "POST", `/api/rich-menus/${menu.id}/links`, {
      params: { id: menu.id },
      body: { target: { kind: "segment", segmentId } },
    });
    expect(res.status).toBe(202);
    expect(res.json.run).toMatchObject({
      action: "link",
      richMenuId: menu.id,
      status: "running",
      total: FRIENDS,
      done: 0,
      target: { kind: "segment", segmentId, segmentName: "Everyone" },
    });
    const runId = res.json.run.id;

    // Each friend in exactly one batch of at most 500, fixed now.
    const batches = await listLinkBatches((await getRuntime()).db, { runId });
    expect(batches.map((b) => b.userIds.length)).toEqual(Array(10).fill(500));
    const inBatches = batches.flatMap((b) => b.userIds);
    expect(new Set(inBatches).size).toBe(FRIENDS);
    expect(new Set(inBatches)).toEqual(new Set(userIds));

    const failed = await work(runId, { callTimeoutMs: 1_000 });
    expect(failed).toMatchObject({ status: "failed", total: FRIENDS, done: FRIENDS - 500, failed: 500 });
    expect(failed.error).toMatchObject({ status: 400 });
    // Every fault met a request (a hang and a reset log no status): ten batches, three of them again.
    const log = (await w.control("GET", `/__fake/requests?path=${path}&limit=1000`)) as { requests: Array<{ status: number }> };
    expect(log.requests.map((r) => r.status).sort()).toEqual([0, 0, ...Array(9).fill(202), 400, 500]);
    await w.control("DELETE", "/__fake/faults");

    const resumed = await w.operator.call(resumeRoute.POST, "POST", `/api/rich-menus/link-runs/${runId}/resume`, { params: { id: runId } });
    expect(resumed.json.run).toMatchObject({ status: "running", failed: 0 });
    const done = await work(runId);
    expect(done).toMatchObject({ status: "done", done: FRIENDS, failed: 0, error: null });
    expect(done.finishedAt).not.toBeNull();

    const { links, operations } = await fakeLinks();
    for (const u of userIds) expect(links[u]).toBe(menu.lineRichMenuId);
    // Only the batch whose answer was lost went twice (linking again is harmless); no one else did.
    const twice = userIds.filter((u) => operations[u] === 2);
    expect(twice).toHaveLength(500);
    expect(batches.some((b) => b.userIds.every((u) => twice.includes(u)))).toBe(true);
    expect(userIds.filter((u) => operations[u] !== 1 && operations[u] !== 2)).toEqual([]);
    expect((await w.viewer.call(runsRoute.GET, "GET", `/api/rich-menus/link-runs?richMenuId=${menu.id}`)).json.runs.map((r: { id: string }) => r.id)).toEqual([
      runId,
    ]);
  }, 120_000);

  it("two workers at once never send a batch twice (unlinking the same 5,000)", async () => {
    const before = (await fakeLinks()).operations;
    await w.control("DELETE", "/__fake/requests");
    const res = await w.operator.call(unlinksRoute.POST, "POST", "/api/rich-menus/unlinks", { body: { target: { kind: "friends", userIds } } });
    expect(res.status).toBe(202);
    const done = await work(res.json.run.id);
    expect(done).toMatchObject({ status: "done", done: FRIENDS });
    const requests = (await w.control("GET", "/__fake/requests?path=/v2/bot/richmenu/bulk/unlink&limit=1000")) as {
      requests: Array<{ body: { userIds: string[] } }>;
    };
    const sent = requests.requests.flatMap((r) => r.body.userIds);
    expect(sent).toHaveLength(FRIENDS);
    expect(new Set(sent).size).toBe(FRIENDS);
    const { links } = await fakeLinks();
    expect(userIds.filter((u) => links[u])).toEqual([]);
    expect((await fakeLinks()).operations).toEqual(before);
  }, 120_000);
});
