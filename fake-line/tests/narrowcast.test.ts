import type { messagingApi } from "@line/bot-sdk";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { FriendJson, FriendsJson, InboxJson } from "./helpers/control-types";
import { expectedRecipients, narrowcastAndWait, recipientsOf } from "./helpers/narrowcast";
import { httpError, startTestFake, waitFor, type TestFake } from "./helpers/start-fake";

const text: messagingApi.Message[] = [{ type: "text", text: "Weekend offer" }];
const ISO_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

describe("narrowcast", () => {
  let t: TestFake;
  let friends: FriendJson[];
  let following: string[];

  beforeAll(async () => {
    // Many narrowcasts in one file: lift LINE's 60/hour so the tests are about narrowcast itself.
    t = await startTestFake({ friends: 1500, monthlyQuota: "none", rateLimits: { narrowcast: { limit: 1000, windowMs: 3_600_000 } } });
    friends = (await t.control.get<FriendsJson>("/__fake/friends")).users;
    following = friends.filter((f) => f.status === "following").map((f) => f.userId);
  });
  afterAll(() => t.close());
  beforeEach(() => t.control.patch("/__fake/config", { monthlyQuota: "none", narrowcastPhaseMs: 60 }));

  it("moves waiting → sending → succeeded and reaches every friend who has not blocked the account", async () => {
    // Long phases driven by the fake clock: every phase is observed deterministically.
    await t.control.patch("/__fake/config", { narrowcastPhaseMs: 60_000 });
    const { httpResponse, body } = await t.api.narrowcastWithHttpInfo({ messages: text });
    expect(httpResponse.status).toBe(202);
    expect(body).toEqual({});
    const requestId = httpResponse.headers.get("x-line-request-id") ?? "";
    const progress = () => t.api.getNarrowcastProgress(requestId) as Promise<unknown> as Promise<Record<string, string | number>>;
    const waiting = await progress();
    expect(Object.keys(waiting)).toEqual(["phase", "acceptedTime"]);
    expect(waiting.phase).toBe("waiting");
    await t.control.post("/__fake/clock/advance", { ms: 90_000 });
    const sending = await progress();
    expect(sending).toMatchObject({ phase: "sending", targetCount: following.length, failureCount: 0 });
    // Halfway through sending (plus the few real milliseconds the test itself takes).
    expect(sending.successCount).toBeGreaterThanOrEqual(Math.floor(following.length / 2));
    expect(sending.successCount).toBeLessThan(Math.floor(following.length * 0.51));
    // Inboxes fill up progressively: exactly the recipients counted so far have received it.
    expect((await t.control.get<{ deliveredTo: string[] }>(`/__fake/sends/${requestId}`)).deliveredTo).toHaveLength(Number(sending.successCount));
    await t.control.post("/__fake/clock/advance", { ms: 30_000 });
    const done = await progress();
    expect(done).toMatchObject({ phase: "succeeded", successCount: following.length, failureCount: 0, targetCount: following.length });
    expect(done.acceptedTime).toMatch(ISO_RE);
    expect(Date.parse(String(done.completedTime)) - Date.parse(String(done.acceptedTime))).toBe(120_000);
    expect(new Set(await recipientsOf(t, requestId))).toEqual(new Set(following));
    const blocked = friends.find((f) => f.status === "blocked");
    expect((await t.control.get<InboxJson>(`/__fake/inbox/${blocked?.userId}`)).entries).toHaveLength(0);
    const inbox = await t.control.get<InboxJson>(`/__fake/inbox/${following.at(-1)}`);
    expect(inbox.entries.at(-1)).toMatchObject({ requestId, kind: "narrowcast", messages: [{ message: text[0] }] });
  });

  it("counts friends who block the account during sending as failures", async () => {
    await t.control.patch("/__fake/config", { narrowcastPhaseMs: 60_000 });
    const { httpResponse } = await t.api.narrowcastWithHttpInfo({ messages: text });
    const requestId = httpResponse.headers.get("x-line-request-id") ?? "";
    const last = following.at(-1) ?? "";
    await t.control.post(`/__fake/friends/${last}/block`);
    await t.control.post("/__fake/clock/advance", { ms: 120_000 });
    const done = await t.api.getNarrowcastProgress(requestId);
    expect(done).toMatchObject({ phase: "succeeded", targetCount: following.length, successCount: following.length - 1, failureCount: 1 });
    await t.control.post(`/__fake/friends/${last}/unblock`);
  });

  it("applies a demographic filter; unknown attributes never match and friendship duration counts", async () => {
    const filter: messagingApi.DemographicFilter = {
      type: "operator",
      and: [
        { type: "gender", oneOf: ["female"] } as messagingApi.GenderDemographicFilter,
        { type: "age", gte: "age_20", lt: "age_40" } as messagingApi.AgeDemographicFilter,
        { type: "appType", oneOf: ["ios", "android"] } as messagingApi.AppTypeDemographicFilter,
        {
          type: "operator",
          not: { type: "subscriptionPeriod", lt: "day_7" } as messagingApi.SubscriptionPeriodDemographicFilter,
        } as messagingApi.OperatorDemographicFilter,
      ],
    } as messagingApi.OperatorDemographicFilter;
    const { requestId, progress } = await narrowcastAndWait(t, { messages: text, filter: { demographic: filter } });
    const expected = expectedRecipients(friends, { gender: ["female"], ageGte: 20, ageLt: 40, appTypes: ["ios", "android"], minDays: 7 });
    expect(expected.length).toBeGreaterThan(50);
    expect(progress).toMatchObject({ phase: "succeeded", targetCount: expected.length, successCount: expected.length });
    expect(new Set(await recipientsOf(t, requestId))).toEqual(new Set(expected));
  });

  it("does not send to users of unknown gender under `not`, and excludes Thai users under 20", async () => {
    const notMale = await narrowcastAndWait(t, {
      messages: text,
      filter: { demographic: { type: "operator", not: { type: "gender", oneOf: ["male"] } } as messagingApi.OperatorDemographicFilter },
    });
    expect(new Set(await recipientsOf(t, notMale.requestId))).toEqual(new Set(expectedRecipients(friends, { gender: ["female"] })));

    const young = await narrowcastAndWait(t, { messages: text, filter: { demographic: { type: "age", lt: "age_20" } as messagingApi.AgeDemographicFilter } });
    const youngIds = new Set(await recipientsOf(t, young.requestId));
    const thaiMinors = friends.filter((f) => f.status === "following" && f.thaiMinor);
    expect(thaiMinors.length).toBeGreaterThan(0);
    for (const f of thaiMinors) expect(youngIds.has(f.userId)).toBe(false);
    expect(youngIds).toEqual(new Set(expectedRecipients(friends, { ageLt: 20 })));
  });

  it("filters by area codes", async () => {
    const areas = ["jp_13", "tw_01", "th_01", "id_04"];
    const { requestId } = await narrowcastAndWait(t, {
      messages: text,
      filter: { demographic: { type: "area", oneOf: areas } as messagingApi.AreaDemographicFilter },
    });
    expect(new Set(await recipientsOf(t, requestId))).toEqual(new Set(expectedRecipients(friends, { areas })));
  });

  it("sends to a random subset of limit.max recipients", async () => {
    const { requestId, progress } = await narrowcastAndWait(t, { messages: text, limit: { max: 37 } });
    expect(progress).toMatchObject({ phase: "succeeded", targetCount: 37, successCount: 37 });
    const got = await recipientsOf(t, requestId);
    expect(got).toHaveLength(37);
    for (const id of got) expect(following).toContain(id);
    expect(got).not.toEqual(following.slice(0, 37));
  });

  it("sends to the rest with a `not redelivery` recipient", async () => {
    const first = await narrowcastAndWait(t, { messages: text, limit: { max: 100 } });
    const firstIds = new Set(await recipientsOf(t, first.requestId));
    const rest = await narrowcastAndWait(t, {
      messages: text,
      recipient: {
        type: "operator",
        not: { type: "redelivery", requestId: first.requestId } as messagingApi.RedeliveryRecipient,
      } as messagingApi.OperatorRecipient,
    });
    expect(new Set(await recipientsOf(t, rest.requestId))).toEqual(new Set(following.filter((id) => !firstIds.has(id))));
    const err = await httpError(
      t.api.narrowcast({
        messages: text,
        recipient: { type: "redelivery", requestId: "0d9c6c8e-1111-4a4a-9b9b-000000000000" } as messagingApi.RedeliveryRecipient,
      }),
    );
    expect(err.json).toEqual({ message: "Invalid request id: 0d9c6c8e-1111-4a4a-9b9b-000000000000" });
  });

  it("caps at the remaining quota with upToRemainingQuota, or fails with errorCode 5 when partial delivery is forbidden", async () => {
    await t.control.patch("/__fake/quota", { monthlyQuota: 1000, totalUsage: 900 });
    const partial = await narrowcastAndWait(t, { messages: text, limit: { upToRemainingQuota: true } });
    expect(partial.progress).toMatchObject({ phase: "succeeded", targetCount: 100, successCount: 100 });
    expect(await t.api.getMessageQuotaConsumption()).toEqual({ totalUsage: 1000 });

    await t.control.patch("/__fake/quota", { totalUsage: 900 });
    const forbidden = await narrowcastAndWait(t, { messages: text, limit: { upToRemainingQuota: true, forbidPartialDelivery: true } });
    expect(forbidden.progress).toMatchObject({
      phase: "failed",
      errorCode: 5,
      failedDescription: "Delivery was canceled to avoid delivering to only part of the audience",
    });
    expect(forbidden.progress).not.toHaveProperty("successCount");
    expect(await t.api.getMessageQuotaConsumption()).toEqual({ totalUsage: 900 });
  });

  it("answers 429 when the monthly quota is used up", async () => {
    await t.control.patch("/__fake/quota", { monthlyQuota: 1000, totalUsage: 1000 });
    const err = await httpError(t.api.narrowcast({ messages: text }));
    expect(err.status).toBe(429);
    expect(err.json).toEqual({ message: "You have reached your monthly limit." });
  });

  it("accepts, then fails with errorCode 2 when attributes leave fewer than 50 recipients", async () => {
    const { progress } = await narrowcastAndWait(t, {
      messages: text,
      filter: {
        demographic: {
          type: "operator",
          and: [
            { type: "area", oneOf: ["jp_47"] },
            { type: "age", gte: "age_65" },
          ],
        } as messagingApi.OperatorDemographicFilter,
      },
    });
    expect(progress).toMatchObject({
      phase: "failed",
      errorCode: 2,
      failedDescription: "There are not enough recipients",
      successCount: 0,
      failureCount: 0,
      targetCount: 0,
    });
    expect(typeof progress.completedTime).toBe("string");
  });

  it("sends to an uploaded audience of any size but fails with errorCode 4 on a small retargeting audience", async () => {
    const members = following.slice(0, 10);
    const upload = await t.audience.createAudienceGroup({ description: "VIP", audiences: members.map((id) => ({ id })) });
    const notReady = await httpError(
      t.api.narrowcast({ messages: text, recipient: { type: "audience", audienceGroupId: upload.audienceGroupId } as messagingApi.AudienceRecipient }),
    );
    expect(notReady.json).toEqual({ message: `Invalid audience group id: ${upload.audienceGroupId}` });
    await waitFor(async () => (await t.audience.getAudienceData(upload.audienceGroupId ?? 0)).audienceGroup?.status === "READY");
    const vip = await narrowcastAndWait(t, {
      messages: text,
      recipient: { type: "audience", audienceGroupId: upload.audienceGroupId } as messagingApi.AudienceRecipient,
    });
    expect(vip.progress).toMatchObject({ phase: "succeeded", targetCount: 10 });
    expect(new Set(await recipientsOf(t, vip.requestId))).toEqual(new Set(members));

    const small = await narrowcastAndWait(t, { messages: text, limit: { max: 60 } });
    const imp = await t.audience.createImpBasedAudienceGroup({ description: "saw it", requestId: small.requestId });
    await waitFor(async () => (await t.audience.getAudienceData(imp.audienceGroupId ?? 0)).audienceGroup?.status === "READY");
    const failed = await narrowcastAndWait(t, {
      messages: text,
      recipient: { type: "audience", audienceGroupId: imp.audienceGroupId } as messagingApi.AudienceRecipient,
    });
    expect(failed.progress).toMatchObject({ phase: "failed", errorCode: 4 });
  });

  it("reports unknown request ids as 404 and malformed ones as 400", async () => {
    const unknown = await httpError(t.api.getNarrowcastProgress("0d9c6c8e-1111-4a4a-9b9b-000000000000"));
    expect(unknown.status).toBe(404);
    expect(unknown.json).toEqual({ message: "Not found" });
    expect((await httpError(t.api.getNarrowcastProgress("nope"))).status).toBe(400);
  });
});

describe("narrowcast on a small account", () => {
  let t: TestFake;
  beforeAll(async () => {
    t = await startTestFake({ friends: 80 });
  });
  afterAll(() => t.close());

  it("refuses attribute filters with 403 when the target reach is under 100", async () => {
    const err = await httpError(
      t.api.narrowcast({ messages: text, filter: { demographic: { type: "gender", oneOf: ["male"] } as messagingApi.GenderDemographicFilter } }),
    );
    expect(err.status).toBe(403);
    expect(err.json).toEqual({ message: "Your account does not have enough friends" });
    const { progress } = await narrowcastAndWait(t, { messages: text });
    expect(progress.phase).toBe("succeeded");
  });
});
