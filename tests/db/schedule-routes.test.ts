import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as auditRoute from "@/app/api/audit/route";
import * as draftsRoute from "@/app/api/drafts/route";
import * as cancelRoute from "@/app/api/schedules/[id]/cancel/route";
import * as schedulesRoute from "@/app/api/schedules/route";
import * as warningsRoute from "@/app/api/schedules/warnings/route";
import * as segmentsRoute from "@/app/api/segments/route";
import { getCampaign } from "@/db/queries/campaigns";
import { getRuntime } from "@/lib/runtime/runtime";
import { inMs, patchSchedule, readSchedule, schedule, startScheduleWorld, text, type ScheduleWorld } from "../helpers/schedules";

// Scheduling a send through the API: checked when scheduled as sending would check it, listed, changed
// with the version it was read at, cancelled until it starts, every step in the audit log.

let w: ScheduleWorld;
beforeAll(async () => {
  w = await startScheduleWorld();
});
afterAll(async () => w.cleanup());

const audit = async (action: string) =>
  (await w.admin.call(auditRoute.GET, "GET", `/api/audit?action=${action}`)).json.items as Array<{
    actorLabel: string;
    target: string;
    details: Record<string, unknown>;
  }>;

describe("scheduling a send", () => {
  it("answers 201 with the schedule, a campaign named after it, and the warnings of its time; audited", async () => {
    const runAt = inMs(2 * 3_600_000);
    const res = await schedule(w.operator, { kind: "push", request: { to: w.friends[0], ...text("Spring sale starts now 🌸 everything 20% off") }, runAt });
    expect(res.status).toBe(201);
    const s = res.json.schedule;
    expect(s).toMatchObject({
      kind: "push",
      status: "scheduled",
      title: "Spring sale starts now 🌸 everything 20% off",
      runAt: new Date(runAt).toISOString(),
      timeZone: "Asia/Tokyo",
      repeat: "none",
      repeatUntil: null,
      draftId: null,
      runCount: 0,
      lastSendId: null,
      late: false,
      version: 1,
      author: { kind: "user", label: "otto <otto@example.com>" },
    });
    expect(s.request).toEqual({ to: w.friends[0], ...text("Spring sale starts now 🌸 everything 20% off") });
    expect(res.json.warnings.zones.map((z: { zone: string }) => z.zone)).toEqual(["Asia/Taipei", "Asia/Tokyo", "Asia/Bangkok"]);
    const { db, firstChannelId } = await getRuntime();
    expect(await getCampaign(db, { channelId: firstChannelId, id: s.campaignId })).toMatchObject({ kind: "single", name: s.title });
    const [entry] = await audit("schedule.created");
    expect(entry).toMatchObject({ actorLabel: "otto <otto@example.com>", target: s.id, details: { kind: "push", runAt: s.runAt, repeat: "none" } });
  });

  it("is for operators: a viewer may list and read schedules but not make them", async () => {
    const refused = await schedule(w.viewer, { kind: "broadcast", request: text("hello") });
    expect(refused.status).toBe(403);
    const made = await schedule(w.operator, { kind: "broadcast", request: text("for the viewer"), title: "Viewer check" });
    expect((await readSchedule(w.viewer, made.json.schedule.id)).json.schedule.title).toBe("Viewer check");
    expect((await w.viewer.call(schedulesRoute.GET, "GET", "/api/schedules")).status).toBe(200);
    expect(
      (await w.viewer.call(cancelRoute.POST, "POST", `/api/schedules/${made.json.schedule.id}/cancel`, { params: { id: made.json.schedule.id } })).status,
    ).toBe(403);
  });

  it("refuses a send that sending would refuse, LINE-style, and a time not ahead", async () => {
    const bad = await schedule(w.operator, { kind: "push", request: { to: "nobody", messages: [{ type: "text", text: "" }] } });
    expect(bad.status).toBe(400);
    expect(bad.json.details.map((d: { property: string }) => d.property).sort()).toEqual(["request.messages[0].text", "request.to"]);
    const past = await schedule(w.operator, { kind: "broadcast", request: text("late"), runAt: new Date(Date.now() - 60_000).toISOString() });
    expect([past.status, past.json.details[0]]).toEqual([400, expect.objectContaining({ property: "runAt", key: "validation.scheduleTooSoon" })]);
    const far = await schedule(w.operator, { kind: "broadcast", request: text("far"), runAt: inMs(400 * 86_400_000) });
    expect(far.json.details[0]).toMatchObject({ property: "runAt", key: "validation.scheduleTooFar" });
    const zone = await schedule(w.operator, { kind: "broadcast", request: text("where"), timeZone: "Asia/Atlantis" });
    expect(zone.json.details[0]).toMatchObject({ property: "timeZone", key: "validation.timeZone" });
    const noSegment = await schedule(w.operator, { kind: "multicast", request: { segmentId: crypto.randomUUID(), ...text("vip") } });
    expect([noSegment.status, noSegment.json.details[0].property]).toEqual([400, "segmentId"]);
    const narrowcast = await schedule(w.operator, {
      kind: "narrowcast",
      request: { ...text("x"), filter: { demographic: { type: "age", gte: "age_40", lt: "age_20" } } },
    });
    expect(narrowcast.status).toBe(400);
    expect(narrowcast.json.details[0].property).toMatch(/^request\.filter/);
    const missingDraft = await schedule(w.operator, { kind: "broadcast", draftId: crypto.randomUUID(), repeat: "weekly" });
    expect(missingDraft.json.details[0]).toMatchObject({ property: "draftId", key: "validation.draftNotFound" });
    const before = (await w.admin.call(schedulesRoute.GET, "GET", "/api/schedules?status=all&limit=200")).json.items.length;
    expect(before).toBe(2); // only the two good ones above
  });

  it("schedules a multicast to a segment (resolved at its time) and a weekly send from a saved draft", async () => {
    await w.knownFriends(3);
    const segment = await w.operator.call(segmentsRoute.POST, "POST", "/api/segments", { body: { name: "Everyone", filter: {} } });
    expect(segment.status).toBe(201);
    const toSegment = await schedule(w.operator, { kind: "multicast", request: { segmentId: segment.json.id, ...text("for the segment") } });
    expect(toSegment.json).toMatchObject({ schedule: { request: { segmentId: segment.json.id } } });
    const draft = await w.operator.call(draftsRoute.POST, "POST", "/api/drafts", {
      body: { kind: "broadcast", title: "Weekly news", body: text("This week…") },
    });
    const weekly = await schedule(w.operator, { kind: "broadcast", draftId: draft.json.id, repeat: "weekly", repeatUntil: inMs(60 * 86_400_000) });
    expect(weekly.status).toBe(201);
    expect(weekly.json.schedule).toMatchObject({ draftId: draft.json.id, request: null, repeat: "weekly", title: "This week…" });
    const { db, firstChannelId } = await getRuntime();
    expect((await getCampaign(db, { channelId: firstChannelId, id: weekly.json.schedule.campaignId }))?.kind).toBe("recurring");
    const wrongKind = await schedule(w.operator, { kind: "push", draftId: draft.json.id });
    expect(wrongKind.json.details[0]).toMatchObject({ property: "draftId", key: "validation.draftKind" });
  });

  it("lists upcoming sends soonest first, a page at a time, and cancelled ones under past", async () => {
    const soon = await schedule(w.operator, { kind: "broadcast", request: text("soonest"), runAt: inMs(60_000) });
    const page1 = (await w.viewer.call(schedulesRoute.GET, "GET", "/api/schedules?limit=2")).json;
    expect(page1.items[0].id).toBe(soon.json.schedule.id);
    expect(page1.items).toHaveLength(2);
    const page2 = (await w.viewer.call(schedulesRoute.GET, "GET", `/api/schedules?limit=200&cursor=${page1.nextCursor}`)).json;
    const all = [...page1.items, ...page2.items];
    expect(all.map((s: { runAt: string }) => s.runAt)).toEqual(all.map((s: { runAt: string }) => s.runAt).sort());
    expect(new Set(all.map((s: { id: string }) => s.id)).size).toBe(all.length);
    await w.operator.call(cancelRoute.POST, "POST", `/api/schedules/${soon.json.schedule.id}/cancel`, { params: { id: soon.json.schedule.id } });
    const past = (await w.viewer.call(schedulesRoute.GET, "GET", "/api/schedules?status=past")).json.items;
    expect(past.map((s: { id: string; status: string }) => [s.id, s.status])).toEqual([[soon.json.schedule.id, "cancelled"]]);
    expect((await w.viewer.call(schedulesRoute.GET, "GET", "/api/schedules?cursor=nonsense")).status).toBe(400);
  });
});

describe("changing a scheduled send", () => {
  it("changes time, message and title with the version read; audited with what changed", async () => {
    const made = (await schedule(w.operator, { kind: "broadcast", request: text("first words"), title: "Autumn" })).json.schedule;
    const runAt = inMs(5 * 3_600_000);
    const res = await patchSchedule(w.admin, made.id, { version: 1, runAt, request: text("better words"), title: "Autumn sale" });
    expect(res.status).toBe(200);
    expect(res.json.schedule).toMatchObject({ version: 2, runAt: new Date(runAt).toISOString(), title: "Autumn sale", request: text("better words") });
    expect(res.json.warnings.zones).toHaveLength(3);
    const { db, firstChannelId } = await getRuntime();
    expect((await getCampaign(db, { channelId: firstChannelId, id: made.campaignId }))?.name).toBe("Autumn sale");
    const [entry] = await audit("schedule.changed");
    expect(entry!.actorLabel).toBe("Aiko Admin <aiko@example.com>");
    expect(entry!.details.changes).toMatchObject({
      runAt: { from: made.runAt, to: new Date(runAt).toISOString() },
      title: { from: "Autumn", to: "Autumn sale" },
      request: { messages: ["text"] },
    });
  });

  it("refuses a change made to an older version (409 schedule_changed), and a bad one (400)", async () => {
    const made = (await schedule(w.operator, { kind: "broadcast", request: text("v1") })).json.schedule;
    expect((await patchSchedule(w.operator, made.id, { version: 1, title: "first" })).status).toBe(200);
    const stale = await patchSchedule(w.admin, made.id, { version: 1, title: "second" });
    expect([stale.status, stale.json.code]).toEqual([409, "schedule_changed"]);
    const bad = await patchSchedule(w.operator, made.id, { version: 2, request: { messages: [] } });
    expect([bad.status, bad.json.details[0].property]).toEqual([400, "request.messages"]);
    const untilWithout = await patchSchedule(w.operator, made.id, { version: 2, repeatUntil: inMs(86_400_000 * 3) });
    expect(untilWithout.json.details[0].key).toBe("validation.repeatUntilWithoutRepeat");
    expect((await readSchedule(w.operator, made.id)).json.schedule).toMatchObject({ version: 2, title: "first", request: text("v1") });
  });

  it("cancels until it starts; a cancelled one can be neither changed nor cancelled again (409 schedule_started)", async () => {
    const made = (await schedule(w.operator, { kind: "broadcast", request: text("never") })).json.schedule;
    const cancel = () => w.operator.call(cancelRoute.POST, "POST", `/api/schedules/${made.id}/cancel`, { params: { id: made.id } });
    const res = await cancel();
    expect([res.status, res.json.schedule.status]).toEqual([200, "cancelled"]);
    expect((await cancel()).json.code).toBe("schedule_started");
    const edit = await patchSchedule(w.operator, made.id, { version: res.json.schedule.version, title: "too late" });
    expect([edit.status, edit.json.code]).toEqual([409, "schedule_started"]);
    expect((await audit("schedule.cancelled")).some((e) => e.target === made.id)).toBe(true);
    expect((await readSchedule(w.operator, crypto.randomUUID())).status).toBe(404);
  });
});

describe("quiet hours and holidays", () => {
  const warnings = async (at: string) => (await w.viewer.call(warningsRoute.GET, "GET", `/api/schedules/warnings?at=${encodeURIComponent(at)}`)).json;

  it("warns of 23:00 in Tokyo as night there (and in Taipei, 22:00), not in Bangkok (21:00)", async () => {
    const res = await warnings("2027-06-15T23:00:00+09:00");
    expect(res.zones.map((z: { country: string; local: string; quiet: boolean }) => [z.country, z.local, z.quiet])).toEqual([
      ["TW", "2027-06-15T22:00:00", true],
      ["JP", "2027-06-15T23:00:00", true],
      ["TH", "2027-06-15T21:00:00", false],
    ]);
    // The fake's friends live in Japan, Taiwan and Thailand: LINE's demographics name the likely zone.
    expect(["Asia/Taipei", "Asia/Tokyo", "Asia/Bangkok"]).toContain(res.likelyZone);
  });

  it("names New Year's Day 2027 in Japan as a public holiday", async () => {
    const jp = (await warnings("2027-01-01T10:00:00+09:00")).zones.find((z: { country: string }) => z.country === "JP");
    expect(jp).toMatchObject({ quiet: false, holiday: { name: expect.stringMatching(/new year/i), localName: "元日" } });
    expect((await warnings("2027-01-05T10:00:00+09:00")).zones.every((z: { holiday: unknown }) => z.holiday === null)).toBe(true);
  });

  it("answers the same warnings when a send is scheduled at such a time", async () => {
    const next = nextNewYear();
    const res = await schedule(w.operator, { kind: "broadcast", request: text("あけましておめでとう"), runAt: next });
    const jp = res.json.warnings.zones.find((z: { country: string }) => z.country === "JP");
    expect(jp.holiday.localName).toBe("元日");
  });
});

// 1 January 10:00 in Tokyo next year: always within the year ahead.
function nextNewYear() {
  return `${new Date().getUTCFullYear() + 1}-01-01T10:00:00+09:00`;
}
