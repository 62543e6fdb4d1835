import type { webhook } from "@line/bot-sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ChatJson, EventsJson, FriendJson, FriendsJson } from "./helpers/control-types";
import { httpError, lineFetch, startTestFake, type TestFake } from "./helpers/start-fake";

describe("profiles, followers, bot info, groups and rooms", () => {
  let t: TestFake;
  let friends: FriendJson[];
  let chats: ChatJson[];

  beforeAll(async () => {
    t = await startTestFake({ friends: 1300 });
    friends = (await t.control.get<FriendsJson>("/__fake/friends")).users;
    chats = (await t.control.get<{ chats: ChatJson[] }>("/__fake/chats")).chats;
  });
  afterAll(() => t.close());

  it("returns a friend's profile with only the fields LINE has", async () => {
    const friend = friends.find((f) => f.status === "following" && f.language && f.statusMessage && f.pictureUrl) as FriendJson;
    expect(await t.api.getProfile(friend.userId)).toEqual({
      displayName: friend.displayName,
      userId: friend.userId,
      language: friend.language,
      pictureUrl: friend.pictureUrl,
      statusMessage: friend.statusMessage,
    });
    const bare = friends.find((f) => f.status === "following" && !f.language && !f.pictureUrl) as FriendJson;
    expect(Object.keys(await t.api.getProfile(bare.userId)).sort()).toEqual(
      bare.statusMessage ? ["displayName", "statusMessage", "userId"] : ["displayName", "userId"],
    );
  });

  it("serves generated profile pictures at the profile's pictureUrl", async () => {
    const friend = friends.find((f) => f.pictureUrl) as FriendJson;
    const res = await fetch(friend.pictureUrl ?? "");
    expect(res.headers.get("content-type")).toBe("image/png");
    const bytes = Buffer.from(await res.arrayBuffer());
    expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  });

  it("answers 404 for blocked users, non-friends and unknown ids", async () => {
    for (const id of [friends.find((f) => f.status === "blocked")?.userId, friends.find((f) => f.status === "none")?.userId, `U${"e".repeat(32)}`]) {
      const err = await httpError(t.api.getProfile(id ?? ""));
      expect(err.status).toBe(404);
      expect(err.json).toEqual({ message: "Not found" });
    }
  });

  it("pages follower ids (300 by default, up to 1000) in the order friends were added", async () => {
    const expected = friends
      .filter((f) => f.status === "following")
      .sort((a, b) => Date.parse(a.friendSince ?? "") - Date.parse(b.friendSince ?? "") || (a.userId < b.userId ? -1 : 1))
      .map((f) => f.userId);
    const first = await t.api.getFollowers();
    expect(first.userIds).toHaveLength(300);
    expect(typeof first.next).toBe("string");
    const all: string[] = [];
    let start: string | undefined;
    let pages = 0;
    do {
      const page = await t.api.getFollowers(start, 1000);
      all.push(...page.userIds);
      start = page.next;
      pages++;
    } while (start);
    expect(pages).toBe(Math.ceil(expected.length / 1000));
    expect(all).toEqual(expected);
  });

  it("rejects a bad limit and a bad start token", async () => {
    expect((await httpError(t.api.getFollowers(undefined, 1001))).json).toEqual({ message: "The value for the 'limit' parameter is invalid" });
    expect((await httpError(t.api.getFollowers("garbage"))).json).toEqual({ message: "Invalid start param" });
  });

  it("gives bot info whose userId is the webhook destination", async () => {
    const info = await t.api.getBotInfo();
    expect(info).toMatchObject({ userId: t.fake.botUserId, displayName: "OA Console Demo Shop", chatMode: "bot", markAsReadMode: "auto" });
    expect(info.basicId).toMatch(/^@\d{3}[a-z]{5}$/);
  });

  it("describes a group the bot is in: summary, count, member ids and member profiles", async () => {
    const group = chats.find((c) => c.kind === "group" && c.botIsMember) as ChatJson;
    const summary = await t.api.getGroupSummary(group.chatId);
    expect(summary).toMatchObject({ groupId: group.chatId, groupName: group.name });
    expect(await t.api.getGroupMemberCount(group.chatId)).toEqual({ count: group.memberCount });
    expect((await t.api.getGroupMembersIds(group.chatId)).memberIds).toEqual(group.memberIds);
    const stranger = friends.find((f) => f.status === "none" && group.memberIds.includes(f.userId));
    const member = stranger ?? friends.find((f) => f.userId === group.memberIds[0]);
    const profile = await t.api.getGroupMemberProfile(group.chatId, member?.userId ?? "");
    expect(profile.userId).toBe(member?.userId);
    expect(profile).not.toHaveProperty("statusMessage");
    expect((await httpError(t.api.getGroupMemberProfile(group.chatId, `U${"1".repeat(32)}`))).status).toBe(404);
  });

  it("pages group member ids by 100", async () => {
    const group = chats.find((c) => c.kind === "group" && c.botIsMember) as ChatJson;
    await t.control.post(`/__fake/chats/${group.chatId}/members`, { newUsers: 150 });
    const first = await t.api.getGroupMembersIds(group.chatId);
    expect(first.memberIds).toHaveLength(100);
    const second = await t.api.getGroupMembersIds(group.chatId, first.next);
    expect(second.next).toBeUndefined();
    expect(first.memberIds.length + second.memberIds.length).toBe(group.memberCount + 150);
  });

  it("lets a member edit a text message in a group (messageEdited)", async () => {
    const group = chats.find((c) => c.kind === "group" && c.botIsMember) as ChatJson;
    const member = group.memberIds[0] ?? "";
    const sent = await t.control.post<EventsJson>(`/__fake/friends/${member}/messages`, { type: "text", text: "See you at 7", chatId: group.chatId });
    const messageId = String(sent.events[0]?.message?.id);
    const { events } = await t.control.post<EventsJson>(`/__fake/friends/${member}/edit`, { messageId, text: "See you at 8 (edited)" });
    expect(events[0]).toMatchObject({
      type: "messageEdited",
      source: { type: "group", groupId: group.chatId, userId: member },
      message: { type: "text", id: messageId, text: "See you at 8 (edited)" },
    });
    const oneToOne = await t.control.post<EventsJson>(`/__fake/friends/${member}/messages`, { type: "text" });
    expect((await t.control.raw("POST", `/__fake/friends/${member}/edit`, { messageId: oneToOne.events[0]?.message?.id, text: "x" })).status).toBe(400);
  });

  it("answers 404 for a group the bot is not in", async () => {
    const left = chats.find((c) => c.kind === "group" && !c.botIsMember) as ChatJson;
    expect((await httpError(t.api.getGroupSummary(left.chatId))).json).toEqual({ message: "Not found" });
    expect((await httpError(t.api.getGroupMemberCount(left.chatId))).status).toBe(404);
    const { events } = await t.control.post<EventsJson>(`/__fake/chats/${left.chatId}/bot-join`);
    expect(events[0]).toMatchObject({ type: "join", source: { type: "group", groupId: left.chatId } });
    expect(events[0]?.replyToken).toMatch(/^[0-9a-f]{32}$/);
    expect(await t.api.getGroupMemberCount(left.chatId)).toEqual({ count: left.memberCount });
  });

  it("serves rooms and lets the bot leave a room (a leave event follows)", async () => {
    const room = chats.find((c) => c.kind === "room") as ChatJson;
    expect(await t.api.getRoomMemberCount(room.chatId)).toEqual({ count: room.memberCount });
    expect((await t.api.getRoomMembersIds(room.chatId)).memberIds).toEqual(room.memberIds);
    expect((await lineFetch(t.fake, "GET", `/v2/bot/room/${room.chatId}/summary`)).status).toBe(404);
    await t.api.leaveRoom(room.chatId);
    expect((await httpError(t.api.getRoomMemberCount(room.chatId))).status).toBe(404);
    const events = await t.control.get<EventsJson>("/__fake/webhook/events?limit=1");
    expect(events.events[0]).toMatchObject({ type: "leave", source: { type: "room", roomId: room.chatId } as webhook.RoomSource });
  });

  it("lets the bot leave a group", async () => {
    const group = chats.find((c) => c.kind === "group" && c.botIsMember) as ChatJson;
    await expect(t.api.leaveGroup(group.chatId)).resolves.toEqual({});
    expect((await t.control.get<ChatJson>(`/__fake/chats/${group.chatId}`)).botIsMember).toBe(false);
  });
});
