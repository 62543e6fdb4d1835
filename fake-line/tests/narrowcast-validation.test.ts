import type { messagingApi } from "@line/bot-sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FriendsJson } from "./helpers/control-types";
import { httpError, startTestFake, waitFor, type TestFake } from "./helpers/start-fake";

const messages: messagingApi.Message[] = [{ type: "text", text: "x" }];
const audience = (id: number) => ({ type: "audience", audienceGroupId: id });

describe("narrowcast request validation", () => {
  let t: TestFake;
  beforeAll(async () => {
    t = await startTestFake({ friends: 300 });
  });
  afterAll(() => t.close());

  const details = async (body: Record<string, unknown>) => (await httpError(t.api.narrowcast({ messages, ...body } as messagingApi.NarrowcastRequest))).json;

  it("requires exactly one of and / or / not on operators, with non-empty arrays", async () => {
    expect(await details({ recipient: { type: "operator", and: [audience(1)], or: [audience(2)] } })).toEqual({
      message: "The request body has 1 error(s)",
      details: [{ message: "Exactly one of and, or, not must be specified", property: "recipient" }],
    });
    expect((await details({ recipient: { type: "operator" } })).details).toEqual([
      { message: "Exactly one of and, or, not must be specified", property: "recipient" },
    ]);
    expect((await details({ filter: { demographic: { type: "operator", and: [] } } })).details).toEqual([
      { message: "May not be empty", property: "filter.demographic.and" },
    ]);
  });

  it("allows at most 10 audience and redelivery objects, nested anywhere", async () => {
    const eleven = {
      type: "operator",
      or: [
        ...Array.from({ length: 6 }, (_, i) => audience(i + 1)),
        { type: "operator", and: Array.from({ length: 5 }, (_, i) => ({ type: "redelivery", requestId: `r${i}` })) },
      ],
    };
    expect((await details({ recipient: eleven })).details).toEqual([
      { message: "The number of audience and redelivery objects must be 10 or less", property: "recipient" },
    ]);
  });

  it("allows at most 10 demographic filter objects", async () => {
    const eleven = { type: "operator", or: Array.from({ length: 11 }, () => ({ type: "gender", oneOf: ["male"] })) };
    expect((await details({ filter: { demographic: eleven } })).details).toEqual([
      { message: "The number of demographic filter objects must be 10 or less", property: "filter.demographic" },
    ]);
  });

  it("requires gte < lt and known enum values", async () => {
    const bad = await details({
      filter: {
        demographic: {
          type: "operator",
          and: [
            { type: "age", gte: "age_40", lt: "age_20" },
            { type: "age", gte: "age_21" },
            { type: "subscriptionPeriod" },
            { type: "area", oneOf: ["jp_13", "jp_48"] },
            { type: "gender", oneOf: ["unknown"] },
            { type: "appType", oneOf: ["others"] },
            { type: "hobby", oneOf: ["golf"] },
          ],
        },
      },
    });
    expect(bad.details?.map((d) => d.property)).toEqual([
      "filter.demographic.and[0]",
      "filter.demographic.and[1].gte",
      "filter.demographic.and[2]",
      "filter.demographic.and[3].oneOf[1]",
      "filter.demographic.and[4].oneOf[0]",
      "filter.demographic.and[5].oneOf[0]",
      "filter.demographic.and[6].type",
    ]);
    expect(bad.details?.[0]?.message).toBe("gte must be less than lt");
  });

  it("allows forbidPartialDelivery only together with upToRemainingQuota, and limit.max ≥ 1", async () => {
    expect((await details({ limit: { max: 10, forbidPartialDelivery: true } })).details).toEqual([
      { message: "Can be set to true only when upToRemainingQuota is true", property: "limit.forbidPartialDelivery" },
    ]);
    expect((await details({ limit: { max: 0 } })).details).toEqual([{ message: "Must be greater than or equal to 1", property: "limit.max" }]);
  });

  it("rejects audiences that do not exist", async () => {
    expect(await details({ recipient: audience(42) })).toEqual({ message: "Invalid audience group id: 42" });
  });

  it("accepts LINE's documented example request once its audience and request id exist", async () => {
    const first = await t.api.narrowcastWithHttpInfo({ messages, limit: { max: 120 } });
    const firstId = first.httpResponse.headers.get("x-line-request-id") ?? "";
    await t.control.post("/__fake/narrowcasts/finish");
    const friends = await t.control.get<FriendsJson>("/__fake/friends?status=following");
    const upload = await t.audience.createAudienceGroup({ description: "example", audiences: friends.users.map((u) => ({ id: u.userId })) });
    await waitFor(async () => (await t.audience.getAudienceData(upload.audienceGroupId ?? 0)).audienceGroup?.status === "READY");
    const { httpResponse, body } = await t.api.narrowcastWithHttpInfo({
      messages,
      recipient: { type: "operator", and: [audience(upload.audienceGroupId ?? 0), { type: "operator", not: { type: "redelivery", requestId: firstId } }] },
      filter: {
        demographic: {
          type: "operator",
          and: [
            { type: "gender", oneOf: ["female"] },
            { type: "age", gte: "age_20", lt: "age_40" },
            { type: "area", oneOf: ["jp_13", "jp_27"] },
            { type: "appType", oneOf: ["ios", "android"] },
            { type: "operator", not: { type: "subscriptionPeriod", lt: "day_7" } },
          ],
        },
      },
      limit: { max: 1000, upToRemainingQuota: true, forbidPartialDelivery: true },
      notificationDisabled: false,
    } as messagingApi.NarrowcastRequest);
    expect(httpResponse.status).toBe(202);
    expect(body).toEqual({});
  });
});
