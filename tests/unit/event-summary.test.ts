import { describe, expect, it } from "vitest";
import { summarizeEvent } from "@/lib/events/types/summary/summarize-event";
import { eventFamily, knownEventTypes } from "@/lib/events/types/summary/event-family";
import { eventBuilders } from "../fixtures/webhook-events";
import { englishSummary } from "./summary-helpers";

const expected: Record<string, string> = {
  "message/text": "Hello (love) do you open on Sunday?",
  "message/text-group-mention": "@All @Bot 今天幾點開門？",
  "message/image": "Image 2 of 2",
  "message/video": "Video · 1:00",
  "message/audio": "Voice message · 0:32",
  "message/file": "File · 見積書_2026.pdf · 2.1 kB",
  "message/location": "Location · 台北101 · 臺北市信義區信義路五段7號",
  "message/sticker": "Sticker · 446/1988 · ANIMATION · happy, ดีใจ",
  unsend: "Message unsent · 325708",
  follow: "Added the account as a friend",
  "follow/unblocked": "Unblocked the account",
  unfollow: "Blocked the account",
  join: "Bot added to a group",
  leave: "Bot removed from a group",
  memberJoined: "2 members joined · U066548bbcded8077efcfe3fb2c3ea935 · U2b9e64c7f0a44d7e9d3a1c5e8f6b4a21",
  memberLeft: "1 member left · U066548bbcded8077efcfe3fb2c3ea935",
  postback: "action=reserve&table=4 · Date and time picked: 2026-12-24T19:00",
  "postback/richmenu": "switch-menu · Rich menu switched to menu-b · succeeded",
  videoPlayComplete: "Watched a video to the end · track-spring-sale",
  beacon: "Entered beacon range · d41d8cd98f · device message 1234567890abcdef",
  accountLink: "Account linked",
  "accountLink/failed": "Account linking failed",
  membership: "Joined a membership · #3189",
  messageEdited: "Edited · 修正：明日は休みです",
  "module/attached": "Module attached · message:send",
  "module/detached": "Module detached · bot_deleted",
  activated: "Chat control passed to this module · until Nov 21, 18:00",
  deactivated: "Chat control taken back",
  botSuspended: "Bot suspended",
  botResumed: "Bot resumed",
  delivery: "LINE notification message delivered · hashed-phone-123",
  "standby/message": "standby hello",
  "unknown/future": 'Unrecognised event “holographicCall” · {"holographicCall":{"durationMs":1200,"hologram":{"quality":"8k"}}}',
};

describe("summarizeEvent", () => {
  it.each(Object.keys(eventBuilders))("summarises the %s fixture", (name) => {
    expect(englishSummary(eventBuilders[name]!())).toBe(expected[name]);
  });

  it("covers every fixture with an expectation", () => {
    expect(Object.keys(expected).sort()).toEqual(Object.keys(eventBuilders).sort());
  });

  it("marks LINE emoji and mentions at their UTF-16 positions", () => {
    const text = summarizeEvent(eventBuilders["message/text-group-mention"]!()).parts[0];
    expect(text).toEqual({
      kind: "content",
      segments: [
        { kind: "mention", text: "@All", target: "all", userId: undefined, isSelf: false },
        { kind: "text", text: " " },
        { kind: "mention", text: "@Bot", target: "user", userId: "U58b2a2055bb55bcbb37d2f2a4276b0bd", isSelf: true },
        { kind: "text", text: " 今天幾點開門？" },
      ],
    });
    const emoji = summarizeEvent(eventBuilders["message/text"]!()).parts[0];
    expect(emoji).toMatchObject({
      segments: [
        { text: "Hello " },
        { kind: "emoji", text: "(love)", productId: "5ac1bfd5040ab15980c9b435", emojiId: "001" },
        { text: " do you open on Sunday?" },
      ],
    });
  });

  it("ignores emoji markers that overlap or fall outside the text", () => {
    const summary = summarizeEvent({
      type: "message",
      message: {
        type: "text",
        text: "hi 😀",
        emojis: [
          { index: 0, length: 2 },
          { index: 1, length: 2 },
          { index: 40, length: 3 },
        ],
      },
    });
    expect(summary.parts[0]).toMatchObject({
      segments: [
        { kind: "emoji", text: "hi" },
        { kind: "text", text: " 😀" },
      ],
    });
  });

  it("says which image of a set it is, and copes without index or total", () => {
    const image = (imageSet?: object) => englishSummary({ type: "message", message: { type: "image", contentProvider: { type: "external" }, imageSet } });
    expect(image({ id: "S", index: 2, total: 3 })).toBe("Image 2 of 3 · hosted externally");
    expect(image({ id: "S" })).toBe("Image (part of a set) · hosted externally");
    expect(image()).toBe("Image · hosted externally");
  });

  it("shows a sticker's own text and the date or time a picker sent", () => {
    expect(
      englishSummary({
        type: "message",
        message: { type: "sticker", packageId: "12287", stickerId: "738839", stickerResourceType: "MESSAGE", text: "See you at 7!" },
      }),
    ).toBe("Sticker · 12287/738839 · MESSAGE · See you at 7!");
    expect(englishSummary({ type: "postback", postback: { data: "d", params: { date: "2026-01-02" } } })).toBe("d · Date picked: 2026-01-02");
    expect(englishSummary({ type: "postback", postback: { data: "d", params: { time: "19:30" } } })).toBe("d · Time picked: 19:30");
  });

  it("counts members beyond the ones it lists", () => {
    const members = Array.from({ length: 5 }, (_, i) => ({ type: "user", userId: `U${String(i).repeat(32)}` }));
    expect(englishSummary({ type: "memberJoined", source: { type: "room", roomId: "R1" }, joined: { members } })).toMatch(
      /^5 members joined · U0{32} · U1{32} · U2{32} · \+2 more$/,
    );
  });

  it("notes a quoted reply and externally hosted media", () => {
    expect(englishSummary({ type: "message", message: { type: "text", text: "Yes, that one please", quotedMessageId: "103774334432326822" } })).toBe(
      "Yes, that one please · replying to 103774334432326822",
    );
    expect(englishSummary({ type: "message", message: { type: "video", duration: 3_723_000, contentProvider: { type: "external" } } })).toBe(
      "Video · 1:02:03 · hosted externally",
    );
  });

  it("falls back to a generic line for unknown message types and malformed payloads", () => {
    expect(englishSummary({ type: "message", message: { type: "hologram" } })).toBe("hologram message");
    expect(englishSummary({ type: "message" })).toBe("? message");
    expect(englishSummary({ type: "postback" })).toBe("Postback without data");
    expect(englishSummary({})).toBe("Unrecognised event “?”");
  });

  it("gives every documented type a family colour and unknown types none", () => {
    for (const type of knownEventTypes) expect(eventFamily(type)).not.toBe("unknown");
    expect(eventFamily("holographicCall")).toBe("unknown");
  });
});
