import { channelAccessToken, HTTPFetchError, messagingApi } from "@line/bot-sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { lineFetch, startTestFake, type TestFake } from "./helpers/start-fake";

type ChannelJson = { channelId: string; channelSecret: string; channelAccessToken: string; botUserId: string };

const INVALID_TOKEN = "Authentication failed due to the following reason: invalid token. Confirm that the access token in the authorization header is valid.";

describe("the channel access token API", () => {
  let t: TestFake;
  let a: ChannelJson;
  let b: ChannelJson;

  beforeAll(async () => {
    t = await startTestFake({ friends: 60, channels: [{}, { provider: "other" }] });
    [a, b] = (await t.control.get<{ channels: ChannelJson[] }>("/__fake/channels")).channels as [ChannelJson, ChannelJson];
  });
  afterAll(() => t.close());

  const form = async (path: string, fields: Record<string, string>, contentType = "application/x-www-form-urlencoded") => {
    const res = await fetch(`${t.fake.url}${path}`, { method: "POST", headers: { "content-type": contentType }, body: new URLSearchParams(fields).toString() });
    const text = await res.text();
    return { status: res.status, json: (text ? JSON.parse(text) : {}) as Record<string, unknown> };
  };
  const credentials = (ch: ChannelJson) => ({ grant_type: "client_credentials", client_id: ch.channelId, client_secret: ch.channelSecret });
  const botOf = async (token: string) => lineFetch(t.fake, "GET", "/v2/bot/info", { token });

  it("issues a short-lived token (v2, 30 days) that opens its own channel only, verifies and revokes it", async () => {
    const issued = await form("/v2/oauth/accessToken", credentials(b));
    expect(issued.status).toBe(200);
    expect(issued.json).toMatchObject({ expires_in: 2_592_000, token_type: "Bearer" });
    const token = issued.json.access_token as string;
    expect(token).not.toBe(b.channelAccessToken);
    expect((await botOf(token)).json.userId).toBe(b.botUserId);
    const sdk = new messagingApi.MessagingApiClient({ channelAccessToken: token, baseURL: t.fake.url });
    expect((await sdk.getBotInfo()).userId).toBe(b.botUserId);

    const verified = await fetch(`${t.fake.url}/oauth2/v2.1/verify?access_token=${encodeURIComponent(token)}`);
    expect(verified.status).toBe(200);
    const body = (await verified.json()) as { client_id: string; expires_in: number; scope: string };
    expect(body).toEqual({ client_id: b.channelId, expires_in: expect.any(Number), scope: "" });
    // Counts down on the fake clock (real time passes between issue and verify).
    expect(body.expires_in).toBeGreaterThan(2_592_000 - 10);
    expect((await form("/oauth2/v2.1/verify", { access_token: token })).json.client_id).toBe(b.channelId);

    expect((await form("/v2/oauth/revoke", { access_token: token })).status).toBe(200);
    const refused = await botOf(token);
    expect(refused.status).toBe(401);
    expect(refused.json).toEqual({ message: INVALID_TOKEN });
    expect(await form("/oauth2/v2.1/verify", { access_token: token })).toEqual({
      status: 400,
      json: { error: "invalid_request", error_description: "invalid access token" },
    });
    // The long-lived token is untouched.
    expect((await botOf(b.channelAccessToken)).status).toBe(200);
  });

  it("serves the SDK's ChannelAccessTokenClient: issue, verify (v2 and v2.1), revoke", async () => {
    const sdk = new channelAccessToken.ChannelAccessTokenClient({ baseURL: t.fake.url });
    const shortLived = await sdk.issueChannelToken("client_credentials", a.channelId, a.channelSecret);
    expect(shortLived.token_type).toBe("Bearer");
    expect((await sdk.verifyChannelToken(shortLived.access_token)).client_id).toBe(a.channelId);
    expect((await sdk.verifyChannelTokenByJWT(shortLived.access_token)).client_id).toBe(a.channelId);
    const stateless = await sdk.issueStatelessChannelTokenByClientSecret(b.channelId, b.channelSecret);
    expect(stateless.expires_in).toBe(900);
    expect((await sdk.verifyChannelToken(stateless.access_token)).client_id).toBe(b.channelId);
    await sdk.revokeChannelToken(shortLived.access_token);
    expect((await botOf(shortLived.access_token)).status).toBe(401);
    const err = await sdk.verifyChannelToken(shortLived.access_token).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HTTPFetchError);
    expect((err as HTTPFetchError).status).toBe(400);
  });

  it("issues a stateless token (v3, 15 minutes) that expires on the fake clock", async () => {
    const issued = await form("/oauth2/v3/token", credentials(a));
    expect(issued.status).toBe(200);
    expect(issued.json).toMatchObject({ token_type: "Bearer", expires_in: 900 });
    const token = issued.json.access_token as string;
    expect((await botOf(token)).json.userId).toBe(a.botUserId);
    await t.control.post("/__fake/clock/advance", { ms: 14 * 60_000 });
    const left = (await form("/oauth2/v2.1/verify", { access_token: token })).json.expires_in as number;
    expect(left).toBeGreaterThan(50);
    expect(left).toBeLessThanOrEqual(60);
    await t.control.post("/__fake/clock/advance", { ms: 60_000 });
    expect((await botOf(token)).status).toBe(401);
    expect(await form("/oauth2/v2.1/verify", { access_token: token })).toEqual({
      status: 400,
      json: { error: "invalid_request", error_description: "access token expired" },
    });
    expect((await form("/v2/oauth/revoke", { access_token: token })).status).toBe(200);
  });

  it("cannot revoke a live stateless token", async () => {
    const token = (await form("/oauth2/v3/token", credentials(a))).json.access_token as string;
    expect((await form("/v2/oauth/revoke", { access_token: token })).status).toBe(400);
    expect((await botOf(token)).status).toBe(200);
  });

  it("revokes with v2.1 only for the channel that owns the token", async () => {
    const token = (await form("/v2/oauth/accessToken", credentials(a))).json.access_token as string;
    expect((await form("/oauth2/v2.1/revoke", { client_id: b.channelId, client_secret: b.channelSecret, access_token: token })).status).toBe(200);
    expect((await botOf(token)).status).toBe(200);
    expect((await form("/oauth2/v2.1/revoke", { client_id: a.channelId, client_secret: a.channelSecret, access_token: token })).status).toBe(200);
    expect((await botOf(token)).status).toBe(401);
  });

  it("answers bad requests with LINE's OAuth error shape", async () => {
    expect(await form("/v2/oauth/accessToken", { ...credentials(a), client_secret: b.channelSecret })).toEqual({
      status: 400,
      json: { error: "invalid_client", error_description: "invalid client_secret" },
    });
    expect((await form("/oauth2/v3/token", { ...credentials(a), client_id: "1234567890" })).json.error).toBe("invalid_client");
    expect((await form("/v2/oauth/accessToken", { ...credentials(a), grant_type: "password" })).json.error).toBe("unsupported_grant_type");
    expect((await form("/v2/oauth/accessToken", { client_id: a.channelId, client_secret: a.channelSecret })).json.error).toBe("invalid_request");
    expect((await form("/v2/oauth/accessToken", credentials(a), "application/json")).status).toBe(400);
    const jwt = await form("/oauth2/v2.1/token", {
      grant_type: "client_credentials",
      client_assertion_type: "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
      client_assertion: "a.b.c",
    });
    expect(jwt.status).toBe(400);
    expect(jwt.json.error_description).toMatch(/not modelled/);
    expect((await fetch(`${t.fake.url}/oauth2/v2.1/verify`)).status).toBe(400);
    expect((await fetch(`${t.fake.url}/oauth2/v2.1/tokens/kid?client_assertion=a.b.c`)).status).toBe(400);
    expect((await fetch(`${t.fake.url}/v2/oauth/accessToken`)).status).toBe(405);
  });

  it("keeps at most 30 short-lived tokens per channel, revoking the oldest", async () => {
    const tokens: string[] = [];
    for (let i = 0; i < 31; i++) tokens.push((await form("/v2/oauth/accessToken", credentials(b))).json.access_token as string);
    expect((await botOf(tokens[0] ?? "")).status).toBe(401);
    expect((await botOf(tokens[1] ?? "")).status).toBe(200);
    expect((await botOf(tokens[30] ?? "")).status).toBe(200);
  });

  it("forgets issued tokens on reset", async () => {
    const token = (await form("/v2/oauth/accessToken", credentials(a))).json.access_token as string;
    await t.control.post("/__fake/reset", {});
    expect((await botOf(token)).status).toBe(401);
    expect((await botOf(a.channelAccessToken)).status).toBe(200);
  });
});

describe("the token API in the request log", () => {
  let t: TestFake;
  beforeAll(async () => {
    t = await startTestFake({ friends: 30, channels: 2 });
  });
  afterAll(() => t.close());

  it("logs a call in its channel's request log with the secret and the token masked", async () => {
    const [, b] = (await t.control.get<{ channels: ChannelJson[] }>("/__fake/channels")).channels as [ChannelJson, ChannelJson];
    const res = await fetch(`${t.fake.url}/v2/oauth/accessToken`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ grant_type: "client_credentials", client_id: b.channelId, client_secret: b.channelSecret }).toString(),
    });
    const token = ((await res.json()) as { access_token: string }).access_token;
    const { requests } = await t.control.get<{ requests: { path: string; body: Record<string, string>; response: Record<string, string> }[] }>(
      `/__fake/channels/${b.channelId}/requests?path=/v2/oauth/accessToken`,
    );
    expect(requests).toHaveLength(1);
    expect(requests[0]?.body).toEqual({ grant_type: "client_credentials", client_id: b.channelId, client_secret: `********${b.channelSecret.slice(-4)}` });
    expect(requests[0]?.response.access_token).toBe(`********${token.slice(-4)}`);
    expect((await t.control.get<{ requests: unknown[] }>("/__fake/requests?path=/v2/oauth/accessToken")).requests).toHaveLength(0);
  });
});
