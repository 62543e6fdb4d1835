import type { messagingApi } from "@line/bot-sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FriendsJson } from "./helpers/control-types";
import { httpError, lineFetch, startTestFake, type TestFake } from "./helpers/start-fake";

type Msg = messagingApi.Message;

describe("request validation", () => {
  let t: TestFake;
  let to: string;

  beforeAll(async () => {
    t = await startTestFake();
    to = (await t.control.get<FriendsJson>("/__fake/friends?status=following&limit=1")).users[0]?.userId ?? "";
  });
  afterAll(() => t.close());

  const push = (messages: unknown[]) => httpError(t.api.pushMessage({ to, messages: messages as Msg[] }));

  it("requires 1 to 5 messages", async () => {
    for (const messages of [[], Array.from({ length: 6 }, () => ({ type: "text", text: "x" }))]) {
      const err = await push(messages);
      expect(err.status).toBe(400);
      expect(err.json).toEqual({ message: "The request body has 1 error(s)", details: [{ message: "Size must be between 1 and 5", property: "messages" }] });
    }
  });

  it("counts text length in UTF-16 code units, up to 5000", async () => {
    await expect(t.api.pushMessage({ to, messages: [{ type: "text", text: "😀".repeat(2500) }] })).resolves.toBeDefined();
    const err = await push([{ type: "text", text: "😀".repeat(2501) }]);
    expect(err.json.details).toEqual([{ message: "Length must be between 0 and 5000", property: "messages[0].text" }]);
  });

  it("reports every broken message object with its property path", async () => {
    const err = await push([
      { type: "text", text: "" },
      { type: "image", originalContentUrl: "http://example.com/a.jpg" },
      { type: "sticker", packageId: "1" },
      { type: "carrier-pigeon" },
      { type: "location", title: "x".repeat(101), address: "a", latitude: 1, longitude: 2 },
    ]);
    expect(err.json.message).toBe("The request body has 6 error(s)");
    expect(err.json.details).toEqual([
      { message: "May not be empty", property: "messages[0].text" },
      { message: "Must be a valid HTTPS URL", property: "messages[1].originalContentUrl" },
      { message: "must be specified", property: "messages[1].previewImageUrl" },
      { message: "must be specified", property: "messages[2].stickerId" },
      {
        message: "Must be one of the following values: [text, textV2, sticker, image, video, audio, location, imagemap, template, flex, coupon]",
        property: "messages[3].type",
      },
      { message: "Length must be between 0 and 100", property: "messages[4].title" },
    ]);
  });

  it("rejects a value of the wrong JSON type as an invalid property", async () => {
    const err = await push([{ type: "text", text: 42 }]);
    expect(err.json).toEqual({ message: "The property, messages[0].text, in the request body is invalid (line: -, column: -)" });
  });

  it("limits quick replies to 13 items and checks their actions", async () => {
    const item = { type: "action", action: { type: "message", label: "Yes", text: "yes" } };
    const err = await push([{ type: "text", text: "?", quickReply: { items: Array.from({ length: 14 }, () => item) } }]);
    expect(err.json.details).toEqual([{ message: "Size must be between 0 and 13", property: "messages[0].quickReply.items" }]);
    const err2 = await push([{ type: "text", text: "?", quickReply: { items: [{ type: "action", action: { type: "message", text: "no label" } }] } }]);
    expect(err2.json.details).toEqual([{ message: "must be specified", property: "messages[0].quickReply.items[0].action.label" }]);
  });

  it("checks template, imagemap and flex messages", async () => {
    const err = await push([
      { type: "template", altText: "a", template: { type: "confirm", text: "Sure?", actions: [{ type: "message", label: "Y", text: "y" }] } },
      {
        type: "imagemap",
        baseUrl: "https://example.com/map",
        altText: "m",
        baseSize: { width: 1040, height: 1040 },
        actions: [{ type: "uri", area: { x: 0, y: 0, width: 10, height: 10 } }],
      },
      { type: "flex", altText: "f", contents: { type: "bubble", body: { type: "box", layout: "diagonal", contents: [] } } },
      { type: "flex", altText: "f" },
    ]);
    expect(err.json.details).toEqual([
      { message: "Size must be between 2 and 2", property: "messages[0].template.actions" },
      { message: "must be specified", property: "messages[1].actions[0].linkUri" },
      { message: "Must be one of the following values: [horizontal, vertical, baseline]", property: "messages[2].contents.body.layout" },
      { message: "must be specified", property: "messages[3].contents" },
    ]);
  });

  it("accepts well-formed messages of every main type", async () => {
    const messages: Msg[] = [
      {
        type: "template",
        altText: "Menu",
        template: {
          type: "buttons",
          text: "Pick one",
          actions: [
            { type: "postback", label: "A", data: "a" },
            { type: "uri", label: "Site", uri: "https://example.com" },
          ],
        },
      },
      {
        type: "flex",
        altText: "Card",
        contents: {
          type: "bubble",
          body: {
            type: "box",
            layout: "vertical",
            contents: [
              { type: "text", text: "Hi" },
              { type: "button", action: { type: "uri", label: "Go", uri: "https://example.com" } },
            ],
          },
        },
      },
      {
        type: "imagemap",
        baseUrl: "https://example.com/map",
        altText: "Map",
        baseSize: { width: 1040, height: 700 },
        actions: [{ type: "message", text: "left", area: { x: 0, y: 0, width: 520, height: 700 } }],
      },
      { type: "video", originalContentUrl: "https://example.com/v.mp4", previewImageUrl: "https://example.com/v.jpg" },
      { type: "audio", originalContentUrl: "https://example.com/a.m4a", duration: 6000 },
    ];
    await expect(t.api.validatePush({ messages })).resolves.toEqual({});
    await expect(t.api.pushMessage({ to, messages })).resolves.toBeDefined();
  });

  it("validates messages on all five validate endpoints", async () => {
    const bad = { messages: [{ type: "text" }] as unknown as Msg[] };
    for (const call of [
      t.api.validateReply(bad),
      t.api.validatePush(bad),
      t.api.validateMulticast(bad),
      t.api.validateNarrowcast(bad),
      t.api.validateBroadcast(bad),
    ]) {
      const err = await httpError(call);
      expect(err.json.details).toEqual([{ message: "must be specified", property: "messages[0].text" }]);
    }
  });

  it("limits multicast to 1–500 user ids and rejects group ids", async () => {
    const tooMany = await httpError(t.api.multicast({ to: Array.from({ length: 501 }, () => to), messages: [{ type: "text", text: "x" }] }));
    expect(tooMany.json.details).toEqual([{ message: "Size must be between 1 and 500", property: "to" }]);
    const group = await httpError(t.api.multicast({ to: [to, `C${"a".repeat(32)}`], messages: [{ type: "text", text: "x" }] }));
    expect(group.json).toEqual({ message: "The property, to[1], in the request body is invalid (line: -, column: -)" });
  });

  it("checks customAggregationUnits", async () => {
    const two = await httpError(t.api.pushMessage({ to, messages: [{ type: "text", text: "x" }], customAggregationUnits: ["a", "b"] }));
    expect(two.json.details).toEqual([{ message: "Size must be between 0 and 1", property: "customAggregationUnits" }]);
    const bad = await httpError(t.api.multicast({ to: [to], messages: [{ type: "text", text: "x" }], customAggregationUnits: ["no spaces"] }));
    expect(bad.json.details?.[0]?.property).toBe("customAggregationUnits[0]");
    await expect(t.api.pushMessage({ to, messages: [{ type: "text", text: "x" }], customAggregationUnits: ["promo_2025"] })).resolves.toBeDefined();
  });

  it("answers unparsable JSON with LINE's parse error and its position", async () => {
    const res = await lineFetch(t.fake, "POST", "/v2/bot/message/push", { body: '{"to": "x",\n  "messages": [}' });
    expect(res.status).toBe(400);
    expect(res.json.message).toBe("The request body could not be parsed as JSON (line: 2, column: 16)");
  });

  it("rejects bodies over 2 MB with 413 and other content types with 415", async () => {
    const big = JSON.stringify({ to, messages: [{ type: "text", text: "x".repeat(2 * 1024 * 1024) }] });
    expect((await lineFetch(t.fake, "POST", "/v2/bot/message/push", { body: big })).status).toBe(413);
    const form = await lineFetch(t.fake, "POST", "/v2/bot/message/push", { body: "to=x", headers: { "content-type": "application/x-www-form-urlencoded" } });
    expect(form.status).toBe(415);
    expect(form.json.message).toBe("The content type, application/x-www-form-urlencoded, is not supported");
  });
});
