import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EventsJson, FriendsJson } from "./helpers/control-types";
import { httpError, lineFetch, startTestFake, type TestFake } from "./helpers/start-fake";

type ChatScreenJson = { userId: string; loading: { startedAt: string; until: string } | null; readUpTo: { messageId: string; sentAt: string } | null };

describe("loading animation and mark as read", () => {
  let t: TestFake;
  let friends: string[];
  let blocked: string;
  let groupId: string;

  beforeAll(async () => {
    t = await startTestFake();
    friends = (await t.control.get<FriendsJson>("/__fake/friends?status=following&limit=6")).users.map((u) => u.userId);
    blocked = (await t.control.get<FriendsJson>("/__fake/friends?status=blocked&limit=1")).users[0]!.userId;
    const joined = await t.control.post<EventsJson>("/__fake/chats", { kind: "group", name: "Tea club", memberIds: friends.slice(0, 2) });
    groupId = (joined.events[0]!.source as { groupId: string }).groupId;
  });
  afterAll(() => t.close());

  const screen = (userId: string) => t.control.get<ChatScreenJson>(`/__fake/friends/${userId}/chat`);

  async function message(userId: string, chatId?: string) {
    const { events } = await t.control.post<EventsJson>(`/__fake/friends/${userId}/messages`, { type: "text", ...(chatId ? { chatId } : {}) });
    return events[0]!.message as { id: string; markAsReadToken?: string };
  }

  it("shows the animation in a friend's chat for loadingSeconds, answering 202 {}", async () => {
    const [friend] = friends;
    const { httpResponse, body } = await t.api.showLoadingAnimationWithHttpInfo({ chatId: friend!, loadingSeconds: 10 });
    expect(httpResponse.status).toBe(202);
    expect(body).toEqual({});
    const shown = await screen(friend!);
    expect(Date.parse(shown.loading!.until) - Date.parse(shown.loading!.startedAt)).toBe(10_000);
    await t.control.post("/__fake/clock/advance", { ms: 10_001 });
    expect((await screen(friend!)).loading).toBeNull();
  });

  it("lasts 20 seconds when the body gives no loadingSeconds", async () => {
    await t.api.showLoadingAnimation({ chatId: friends[1]! });
    const shown = await screen(friends[1]!);
    expect(Date.parse(shown.loading!.until) - Date.parse(shown.loading!.startedAt)).toBe(20_000);
  });

  it("ends the animation when a message from the account arrives", async () => {
    const friend = friends[2]!;
    await t.api.showLoadingAnimation({ chatId: friend, loadingSeconds: 60 });
    expect((await screen(friend)).loading).not.toBeNull();
    await t.api.pushMessage({ to: friend, messages: [{ type: "text", text: "Here you go" }] });
    expect((await screen(friend)).loading).toBeNull();
  });

  it("refuses loadingSeconds outside 5–60 or not a multiple of 5, and a missing chatId, with LINE's envelope", async () => {
    for (const [loadingSeconds, message] of [
      [3, "Must be between 5 and 60"],
      [65, "Must be between 5 and 60"],
      [12, "Must be a multiple of 5"],
    ] as const) {
      const err = await httpError(t.api.showLoadingAnimation({ chatId: friends[0]!, loadingSeconds }));
      expect(err.status).toBe(400);
      expect(err.json).toEqual({ message: "The request body has 1 error(s)", details: [{ message, property: "loadingSeconds" }] });
    }
    const missing = await lineFetch(t.fake, "POST", "/v2/bot/chat/loading/start", { body: JSON.stringify({ loadingSeconds: 5 }) });
    expect(missing.json).toEqual({ message: "The request body has 1 error(s)", details: [{ message: "must be specified", property: "chatId" }] });
    const notNumber = await lineFetch(t.fake, "POST", "/v2/bot/chat/loading/start", { body: JSON.stringify({ chatId: friends[0], loadingSeconds: "5" }) });
    expect(notNumber.json).toEqual({ message: "The property, loadingSeconds, in the request body is invalid (line: -, column: -)" });
  });

  it("works in one-on-one chats only: a group id is an invalid chat id", async () => {
    const err = await httpError(t.api.showLoadingAnimation({ chatId: groupId, loadingSeconds: 5 }));
    expect(err.status).toBe(400);
    expect(err.json.details).toEqual([{ message: "Invalid chat ID", property: "chatId" }]);
  });

  it("accepts a user who blocked the account but shows them nothing", async () => {
    await expect(t.api.showLoadingAnimation({ chatId: blocked, loadingSeconds: 5 })).resolves.toEqual({});
    expect((await screen(blocked)).loading).toBeNull();
  });

  it("is limited to 100 requests a second", async () => {
    await t.control.patch("/__fake/config", { rateLimits: { loading: { limit: 2, windowMs: 60_000 } } });
    try {
      await t.api.showLoadingAnimation({ chatId: friends[3]!, loadingSeconds: 5 });
      await t.api.showLoadingAnimation({ chatId: friends[3]!, loadingSeconds: 5 });
      const err = await httpError(t.api.showLoadingAnimation({ chatId: friends[3]!, loadingSeconds: 5 }));
      expect(err.status).toBe(429);
    } finally {
      await t.control.patch("/__fake/config", { rateLimits: { loading: { limit: 100, windowMs: 1000 } } });
    }
  });

  it("gives 1:1 messages a markAsReadToken that marks that message and those before it as read", async () => {
    const friend = friends[4]!;
    const first = await message(friend);
    const second = await message(friend);
    expect(typeof second.markAsReadToken).toBe("string");
    expect((await screen(friend)).readUpTo).toBeNull();
    const { httpResponse, body } = await t.api.markMessagesAsReadByTokenWithHttpInfo({ markAsReadToken: second.markAsReadToken! });
    expect(httpResponse.status).toBe(200);
    expect(body).toEqual({});
    expect((await screen(friend)).readUpTo?.messageId).toBe(second.id);
    // An older token does not move the mark back; using a token again is fine.
    await t.api.markMessagesAsReadByToken({ markAsReadToken: first.markAsReadToken! });
    await t.api.markMessagesAsReadByToken({ markAsReadToken: second.markAsReadToken! });
    expect((await screen(friend)).readUpTo?.messageId).toBe(second.id);
  });

  it("gives group messages no token, and refuses a token it never issued", async () => {
    expect((await message(friends[0]!, groupId)).markAsReadToken).toBeUndefined();
    const err = await httpError(t.api.markMessagesAsReadByToken({ markAsReadToken: "nz0x74mZT2mRn" }));
    expect(err.status).toBe(400);
    expect(err.json).toEqual({ message: "Invalid markAsReadToken" });
    const missing = await lineFetch(t.fake, "POST", "/v2/bot/chat/markAsRead", { body: "{}" });
    expect(missing.json).toEqual({ message: "The request body has 1 error(s)", details: [{ message: "must be specified", property: "markAsReadToken" }] });
  });

  it("needs the channel access token for both", async () => {
    expect((await lineFetch(t.fake, "POST", "/v2/bot/chat/loading/start", { body: JSON.stringify({ chatId: friends[0] }), token: "wrong" })).status).toBe(401);
    expect((await lineFetch(t.fake, "POST", "/v2/bot/chat/markAsRead", { body: "{}", token: null })).status).toBe(401);
  });
});
