import { messagingApi } from "@line/bot-sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { httpError, lineFetch, startTestFake, UUID_RE, type TestFake } from "./helpers/start-fake";

const INVALID_TOKEN = "Authentication failed due to the following reason: invalid token. Confirm that the access token in the authorization header is valid.";

describe("authentication and request ids", () => {
  let t: TestFake;
  beforeAll(async () => {
    t = await startTestFake();
  });
  afterAll(() => t.close());

  it("rejects a request without a bearer token with LINE's 401 message", async () => {
    const res = await lineFetch(t.fake, "GET", "/v2/bot/info", { token: null });
    expect(res.status).toBe(401);
    expect(res.json).toEqual({ message: INVALID_TOKEN });
    expect(res.headers.get("www-authenticate")).toBe('Bearer error="invalid_token"');
  });

  it("rejects another channel's token through the SDK as HTTPFetchError 401", async () => {
    const other = new messagingApi.MessagingApiClient({ channelAccessToken: "not-the-token", baseURL: t.fake.url });
    const err = await httpError(other.getBotInfo());
    expect(err.status).toBe(401);
    expect(err.json.message).toBe(INVALID_TOKEN);
    expect(err.headers.get("x-line-request-id")).toMatch(UUID_RE);
  });

  it("accepts the token case-insensitively on the scheme only", async () => {
    const ok = await lineFetch(t.fake, "GET", "/v2/bot/info", { token: null, headers: { authorization: `bearer ${t.fake.channelAccessToken}` } });
    expect(ok.status).toBe(200);
    const wrongCase = await lineFetch(t.fake, "GET", "/v2/bot/info", { token: t.fake.channelAccessToken.toLowerCase() });
    expect(wrongCase.status).toBe(401);
  });

  it("puts a fresh UUID x-line-request-id on every response, errors included", async () => {
    const answers = await Promise.all([
      lineFetch(t.fake, "GET", "/v2/bot/info"),
      lineFetch(t.fake, "GET", "/v2/bot/info"),
      lineFetch(t.fake, "GET", "/v2/bot/info", { token: null }),
      lineFetch(t.fake, "GET", "/v2/bot/no-such-endpoint"),
      lineFetch(t.fake, "POST", "/v2/bot/message/push", { body: "{" }),
      lineFetch(t.fake, "GET", "/v2/bot/profile/Uffffffffffffffffffffffffffffffff"),
    ]);
    expect(answers.map((a) => a.status)).toEqual([200, 200, 401, 404, 400, 404]);
    const ids = answers.map((a) => a.headers.get("x-line-request-id"));
    for (const id of ids) expect(id).toMatch(UUID_RE);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("returns the request id to SDK callers through the WithHttpInfo methods", async () => {
    const { httpResponse, body } = await t.api.getBotInfoWithHttpInfo();
    expect(httpResponse.headers.get("x-line-request-id")).toMatch(UUID_RE);
    expect(body.userId).toBe(t.fake.botUserId);
  });

  it("answers unknown paths with 404 Not found and wrong methods with 405", async () => {
    expect((await lineFetch(t.fake, "GET", "/v2/bot/nothing")).json).toEqual({ message: "Not found" });
    expect((await lineFetch(t.fake, "GET", "/v2/bot/message/push")).status).toBe(405);
  });
});
