import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FriendJson, FriendsJson } from "./helpers/control-types";
import { narrowcastAndWait } from "./helpers/narrowcast";
import { httpError, startTestFake, waitFor, type TestFake } from "./helpers/start-fake";

const DAY = 24 * 60 * 60 * 1000;

describe("insight", () => {
  let t: TestFake;
  let friends: FriendJson[];
  beforeAll(async () => {
    t = await startTestFake({ friends: 500 });
    friends = (await t.control.get<FriendsJson>("/__fake/friends")).users;
  });
  afterAll(() => t.close());

  it("counts followers, targeted reach and blocks as of a past day", async () => {
    const yesterday = jst(Date.now() - DAY);
    const res = await t.insight.getNumberOfFollowers(yesterday);
    const endOfYesterday = Date.parse(`${yesterday.slice(0, 4)}-${yesterday.slice(4, 6)}-${yesterday.slice(6)}T23:59:59.999+09:00`);
    const added = friends.filter((f) => f.friendSince !== null && Date.parse(f.friendSince) <= endOfYesterday);
    const blocks = added.filter((f) => f.blockedAt !== null && Date.parse(f.blockedAt) <= endOfYesterday);
    expect(res).toEqual({
      status: "ready",
      followers: added.length,
      targetedReaches: added.filter((f) => f.targetable && !blocks.includes(f)).length,
      blocks: blocks.length,
    });
    expect(await t.insight.getNumberOfFollowers(jst(Date.now()))).toEqual({ status: "unready" });
  });

  it("computes demographics from the friends who have not blocked the account", async () => {
    const demo = await t.insight.getFriendsDemographics();
    const following = friends.filter((f) => f.status === "following");
    expect(demo.available).toBe(true);
    for (const list of [demo.genders, demo.ages, demo.areas, demo.appTypes, demo.subscriptionPeriods]) {
      const total = (list ?? []).reduce((sum, tile) => sum + (tile.percentage ?? 0), 0);
      // Each tile is rounded to 0.1, so the sum is off by at most 0.05 per tile.
      expect(Math.abs(total - 100)).toBeLessThanOrEqual(0.05 * (list ?? []).length + 1e-9);
    }
    const female = following.filter((f) => f.gender === "female").length;
    expect(demo.genders?.find((g) => g.gender === "female")?.percentage).toBe(Math.round((female / following.length) * 1000) / 10);
    expect(demo.areas?.some((a) => a.area === "東京")).toBe(true);
    expect(demo.ages?.map((a) => a.age)).toContain("unknown");
  });

  it("reports interaction statistics for a broadcast by request id", async () => {
    const { httpResponse } = await t.api.broadcastWithHttpInfo({ messages: [{ type: "text", text: "Sale! https://example.com/sale" }] });
    const requestId = httpResponse.headers.get("x-line-request-id") ?? "";
    // Friends open it over the following hours (the fake's default background open rate).
    await t.control.post("/__fake/clock/advance", { ms: DAY });
    const stats = await t.insight.getMessageEvent(requestId);
    expect(stats.overview).toMatchObject({ requestId, delivered: friends.filter((f) => f.status === "following").length });
    expect(stats.overview?.uniqueImpression).toBeGreaterThan(0);
    expect(stats.clicks?.[0]?.url).toBe("https://example.com/sale");
    expect((await httpError(t.insight.getMessageEvent("0d9c6c8e-1111-4a4a-9b9b-000000000000"))).status).toBe(404);
  });
});

describe("audiences", () => {
  let t: TestFake;
  let ids: string[];
  beforeAll(async () => {
    t = await startTestFake({ friends: 300, audienceReadyMs: 60 });
    ids = (await t.control.get<FriendsJson>("/__fake/friends?status=following&limit=120")).users.map((u) => u.userId);
  });
  afterAll(() => t.close());

  it("creates an upload audience that is IN_PROGRESS, then READY with its members", async () => {
    const { httpResponse, body } = await t.audience.createAudienceGroupWithHttpInfo({
      description: "Tokyo VIPs",
      uploadDescription: "first.csv",
      audiences: ids.slice(0, 50).map((id) => ({ id })),
    });
    expect(httpResponse.status).toBe(202);
    expect(body).toMatchObject({ createRoute: "MESSAGING_API", type: "UPLOAD", description: "Tokyo VIPs", permission: "READ_WRITE", isIfaAudience: false });
    const id = body.audienceGroupId ?? 0;
    expect((await t.audience.getAudienceData(id)).audienceGroup?.status).toBe("IN_PROGRESS");
    const ready = await waitFor(async () => {
      const data = await t.audience.getAudienceData(id);
      return data.audienceGroup?.status === "READY" ? data : undefined;
    });
    expect(ready.audienceGroup?.audienceCount).toBe(50);
    expect(ready.jobs?.[0]).toMatchObject({ audienceGroupId: id, description: "first.csv", type: "DIFF_ADD", jobStatus: "FINISHED", audienceCount: 50 });

    await t.audience.addAudienceToAudienceGroup({ audienceGroupId: id, uploadDescription: "more.csv", audiences: ids.slice(40, 100).map((u) => ({ id: u })) });
    await waitFor(async () => (await t.audience.getAudienceData(id)).audienceGroup?.audienceCount === 100);
  });

  it("lists audiences with paging and a status filter, renames and deletes them", async () => {
    for (let i = 0; i < 3; i++) await t.audience.createAudienceGroup({ description: `batch ${i}`, audiences: [{ id: ids[i] ?? "" }] });
    const page = await t.audience.getAudienceGroups(1, undefined, undefined, 2);
    expect(page).toMatchObject({ page: 1, size: 2, hasNextPage: true });
    expect(page.audienceGroups).toHaveLength(2);
    expect((await t.audience.getAudienceGroups(1, "BATCH")).totalCount).toBe(3);
    const inProgress = await t.audience.getAudienceGroups(1, undefined, "IN_PROGRESS");
    expect(inProgress.audienceGroups?.every((a) => a.status === "IN_PROGRESS")).toBe(true);
    const target = page.audienceGroups?.[0]?.audienceGroupId ?? 0;
    await t.audience.updateAudienceGroupDescription(target, { description: "renamed" });
    expect((await t.audience.getAudienceData(target)).audienceGroup?.description).toBe("renamed");
    await t.audience.deleteAudienceGroup(target);
    const gone = await httpError(t.audience.getAudienceData(target));
    expect(gone.status).toBe(400);
    expect(gone.json).toEqual({ message: "audience group not found", details: [{ message: "AUDIENCE_GROUP_NOT_FOUND" }] });
  });

  it("builds click and impression audiences from a narrowcast's request id", async () => {
    const { requestId } = await narrowcastAndWait(t, { messages: [{ type: "text", text: "https://example.com/x" }] });
    await t.control.post("/__fake/clock/advance", { ms: DAY });
    const imp = await t.audience.createImpBasedAudienceGroup({ description: "opened", requestId });
    const click = await t.audience.createClickBasedAudienceGroup({ description: "clicked", requestId });
    expect(imp).toMatchObject({ type: "IMP", requestId });
    expect(click).toMatchObject({ type: "CLICK", requestId });
    await waitFor(async () => (await t.audience.getAudienceData(click.audienceGroupId ?? 0)).audienceGroup?.status === "READY");
    const opened = (await t.audience.getAudienceData(imp.audienceGroupId ?? 0)).audienceGroup?.audienceCount ?? 0;
    const clicked = (await t.audience.getAudienceData(click.audienceGroupId ?? 0)).audienceGroup?.audienceCount ?? 0;
    expect(opened).toBeGreaterThan(clicked);
    expect(clicked).toBeGreaterThan(0);
  });
});

function jst(ms: number): string {
  return new Date(ms + 9 * 3600 * 1000).toISOString().slice(0, 10).replaceAll("-", "");
}
