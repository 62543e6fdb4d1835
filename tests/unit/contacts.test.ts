import { describe, expect, it } from "vitest";
import { userIdPrefix } from "@/db/queries/friend-filter";
import { decodeFriendCursor, encodeFriendCursor } from "@/lib/contacts/friend-cursor";
import { csvField, csvRow } from "@/lib/contacts/csv";
import { projectEvents, type ProjectedEvent } from "@/lib/events/types/contacts";
import { tagNameSchema } from "@/lib/contacts/tag-schema";

const U1 = `U${"1".repeat(32)}`;
const U2 = `U${"2".repeat(32)}`;
const C1 = `C${"3".repeat(32)}`;
let nextId = 1;
const ev = (type: string, at: number, fields: Partial<ProjectedEvent> = {}): ProjectedEvent => ({
  id: nextId++,
  channelId: 1,
  type,
  messageType: null,
  messageId: null,
  sourceType: "user",
  userId: U1,
  groupId: null,
  roomId: null,
  timestamp: new Date(at),
  joinedMembers: null,
  leftMembers: null,
  contentProvider: null,
  fileName: null,
  ...fields,
});

describe("CSV", () => {
  it.each([
    ["plain", "plain"],
    ["陳雅婷", "陳雅婷"],
    ["สมชาย ใจดี", "สมชาย ใจดี"],
    ["a,b", '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ["two\nlines", '"two\nlines"'],
    ["=SUM(A1)", "'=SUM(A1)"],
    ["+1 555", "'+1 555"],
    ["-x,y", `"'-x,y"`],
    ["@home", "'@home"],
  ])("%j → %j", (value, expected) => {
    expect(csvField(value)).toBe(expected);
  });

  it.each([
    // Excel with ";" as its list separator splits at the semicolon, whatever the quoting.
    ['Alice;=HYPERLINK("http://evil.example","x")', `"Alice;'=HYPERLINK(""http://evil.example"",""x"")"`],
    ["a; +1", `"a;' +1"`],
    ['a;"=1+1"', `"a;'""=1+1"""`],
    ["a,@SUM(1)", `"a,'@SUM(1)"`],
    ["line\n=1+1", `"line\n'=1+1"`],
    ["\t=1+1", "'\t=1+1"],
    ["\r=1+1", `"'\r'=1+1"`],
    [" =1+1", "' =1+1"],
    ["a;b", '"a;b"'],
    ["5-3", "5-3"],
  ])("no cell of %j can start a formula, in comma or semicolon spreadsheets: %j", (value, expected) => {
    const field = csvField(value);
    expect(field).toBe(expected);
    // Read the way a semicolon-locale Excel reads a row: split at ; and line breaks, quotes ignored.
    for (const cell of field.split(/[;,\r\n]/)) expect(cell.replace(/^[\s"]*/, "")).not.toMatch(/^[=+\-@]/);
  });

  it("ends rows with CRLF and leaves nulls empty", () => {
    expect(csvRow(["a", null, 3, undefined])).toBe("a,,3,\r\n");
  });
});

describe("friends projection rules", () => {
  it("follow → unfollow → follow: the newest wins, blocking is not activity", () => {
    const p = projectEvents([ev("follow", 1000), ev("unfollow", 2000), ev("follow", 3000), ev("message", 2500, { messageType: "text" })]);
    expect(p.friends).toEqual([
      { channelId: 1, userId: U1, firstSeen: new Date(1000), lastActive: new Date(3000), status: "friend", statusAt: new Date(3000), followed: true },
    ]);
  });

  it("members joining a group are seen, not active; a media message queues its content", () => {
    const p = projectEvents([
      ev("memberJoined", 1000, { sourceType: "group", groupId: C1, userId: null, joinedMembers: [{ type: "user", userId: U2 }] }),
      ev("message", 2000, { sourceType: "group", groupId: C1, messageType: "image", messageId: "555", contentProvider: "line" }),
      ev("message", 2100, { sourceType: "group", groupId: C1, messageType: "video", messageId: "556", contentProvider: "external" }),
      ev("memberLeft", 3000, { sourceType: "group", groupId: C1, userId: null, leftMembers: [{ type: "user", userId: U2 }] }),
    ]);
    expect(p.friends.find((f) => f.userId === U2)).toMatchObject({ lastActive: null, status: null });
    expect(p.members.find((m) => m.userId === U2)).toMatchObject({ lastSeen: new Date(1000), leftAt: new Date(3000) });
    expect(p.chats).toEqual([expect.objectContaining({ chatId: C1, type: "group", refresh: true, firstSeen: new Date(1000), lastActive: new Date(3000) })]);
    expect(p.media.map((m) => [m.messageId, m.external])).toEqual([
      ["555", false],
      ["556", true],
    ]);
  });
});

describe("friend list helpers", () => {
  it("round-trips cursors only for the sort they were made for", () => {
    const c = { v: "2026-01-01T00:00:00.000Z", u: U1 };
    expect(decodeFriendCursor("lastActive", encodeFriendCursor("lastActive", c))).toEqual(c);
    expect(decodeFriendCursor("name", encodeFriendCursor("lastActive", c))).toBeNull();
    expect(decodeFriendCursor("lastActive", "garbage")).toBeNull();
  });

  it("treats the start of a user id as an id search", () => {
    expect(userIdPrefix("u1234abcd")).toBe("U1234abcd");
    expect(userIdPrefix("uber")).toBeNull();
  });

  it("tidies tag names: NFKC, spaces, no commas", () => {
    expect(tagNameSchema.parse("  ＶＩＰ   會員 ")).toBe("VIP 會員");
    expect(tagNameSchema.safeParse("a,b").success).toBe(false);
    expect(tagNameSchema.safeParse("   ").success).toBe(false);
  });
});
