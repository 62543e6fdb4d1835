import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import en from "@/i18n/catalogues/en.json";
import ja from "@/i18n/catalogues/ja.json";
import th from "@/i18n/catalogues/th.json";
import zhTW from "@/i18n/catalogues/zh-TW.json";
import { toCurl, toSdkCode } from "@/lib/sends/composer/code-snippets";
import { fromSendBody, initialState, toSendBody } from "@/lib/sends/composer/compose-state";
import { followEdit, insertEmoji, textSegments } from "@/lib/sends/composer/emoji-text";
import { issuesFromDetails, issuesFromZod } from "@/lib/sends/composer/issues";
import { parseRecipientList, requestCount } from "@/lib/sends/composer/recipient-list";
import { describeTargeting } from "@/lib/sends/composer/targeting-sentence";
import { blankCondition, fromLine, incompleteConditions, toDemographic, toRecipient, type Group } from "@/lib/sends/composer/targeting-tree";
import type { DemographicFilter } from "@/lib/sends/narrowcast-schema";
import { broadcastBodySchema, multicastBodySchema, narrowcastBodySchema } from "@/lib/sends/send-schemas";

const uid = (n: number) => `U${n.toString(16).padStart(32, "0")}`;

const catalogues = { en, "zh-TW": zhTW, ja, th } as const;
function sentence(locale: keyof typeof catalogues, targeting: Parameters<typeof describeTargeting>[0]) {
  const t = createTranslator({ locale, messages: catalogues[locale], namespace: "targeting" });
  return describeTargeting(targeting, t as never, locale);
}

const womenInTaipei: DemographicFilter = {
  type: "operator",
  and: [
    { type: "gender", oneOf: ["female"] },
    { type: "age", gte: "age_20", lt: "age_35" },
    { type: "area", oneOf: ["tw_01", "tw_02"] },
    { type: "subscriptionPeriod", gte: "day_30" },
  ],
};

describe("targeting sentence", () => {
  it("reads as one sentence in English", () => {
    expect(sentence("en", { filter: { demographic: womenInTaipei }, limit: { max: 1000 } })).toBe(
      "women aged 20–34 in Taipei City or New Taipei City, friends for 30+ days, at most 1,000",
    );
  });

  it("uses local area names and each language's word order", () => {
    expect(sentence("zh-TW", { filter: { demographic: womenInTaipei }, limit: { max: 1000 } })).toBe(
      "位於臺北市或新北市、20–34 歲的女性，加入好友 30 天以上，最多 1,000 人",
    );
    expect(sentence("ja", { filter: { demographic: womenInTaipei }, limit: { max: 1000 } })).toBe(
      "臺北市または新北市在住・20〜34歳の女性、友だち期間30日以上、最大1,000人",
    );
    expect(sentence("th", { filter: { demographic: womenInTaipei }, limit: { max: 1000 } })).toBe(
      "ผู้หญิงอายุ 20–34 ปี ใน 臺北市 หรือ 新北市 เป็นเพื่อนมาแล้ว 30 วันขึ้นไป สูงสุด 1,000 คน",
    );
  });

  it("says everyone when nothing narrows the send", () => {
    for (const [locale, text] of [
      ["en", "all friends"],
      ["zh-TW", "所有好友"],
      ["ja", "友だち全員"],
      ["th", "เพื่อนทุกคน"],
    ] as const) {
      expect(sentence(locale, {})).toBe(text);
    }
  });

  it("brackets nested any-of groups and words none-of groups", () => {
    const filter: DemographicFilter = {
      type: "operator",
      and: [
        {
          type: "operator",
          or: [
            { type: "appType", oneOf: ["ios"] },
            { type: "age", lt: "age_25" },
          ],
        },
        { type: "operator", not: { type: "area", oneOf: ["jp_13"] } },
      ],
    };
    expect(sentence("en", { filter: { demographic: filter } })).toBe("friends, on iOS or under 25, except in Tokyo");
    expect(sentence("ja", { filter: { demographic: filter } })).toBe("友だち、iOS利用または25歳未満、東京都在住を除く");
  });

  it("names audiences and re-deliveries, and quota limits", () => {
    const text = sentence("en", {
      recipient: {
        type: "operator",
        or: [
          { type: "audience", audienceGroupId: 42 },
          { type: "redelivery", requestId: "3f2a9c1e-0000-4000-8000-000000000000" },
        ],
      },
      limit: { upToRemainingQuota: true, forbidPartialDelivery: true },
    });
    expect(text).toBe("in audience 42 or who received narrowcast 3f2a9c1e…, only if the quota covers everyone");
  });
});

describe("targeting tree", () => {
  const tree: Group = {
    id: "r",
    kind: "group",
    op: "and",
    children: [
      { id: "a", kind: "gender", oneOf: ["female"] },
      {
        id: "b",
        kind: "group",
        op: "or",
        children: [
          { id: "c", kind: "area", oneOf: ["jp_13"] },
          { id: "d", kind: "age", gte: "age_20" },
        ],
      },
      {
        id: "e",
        kind: "group",
        op: "not",
        children: [
          { id: "f", kind: "appType", oneOf: ["android"] },
          { id: "g", kind: "subscriptionPeriod", lt: "day_7" },
        ],
      },
      { id: "h", kind: "group", op: "or", children: [] },
    ],
  };

  it("becomes LINE's operator JSON, dropping empty groups and writing none-of as not(and)", () => {
    expect(toDemographic(tree)).toEqual({
      type: "operator",
      and: [
        { type: "gender", oneOf: ["female"] },
        {
          type: "operator",
          or: [
            { type: "area", oneOf: ["jp_13"] },
            { type: "age", gte: "age_20" },
          ],
        },
        {
          type: "operator",
          not: {
            type: "operator",
            and: [
              { type: "appType", oneOf: ["android"] },
              { type: "subscriptionPeriod", lt: "day_7" },
            ],
          },
        },
      ],
    });
  });

  it("starts every new condition empty, and leaves an empty one out of LINE's JSON while reporting it", () => {
    for (const kind of ["gender", "age", "area", "appType", "subscriptionPeriod", "audience", "redelivery"] as const) {
      const blank = blankCondition(kind);
      const g: Group = { id: "r", kind: "group", op: "and", children: [{ id: "a", kind: "gender", oneOf: ["male"] }, blank] };
      expect(incompleteConditions(g), kind).toEqual([{ id: blank.id, kind }]);
      if (kind !== "audience" && kind !== "redelivery") expect(toDemographic(g), kind).toEqual({ type: "gender", oneOf: ["male"] });
    }
    // A gender with both chips released is as empty as a new one.
    const released: Group = {
      id: "r",
      kind: "group",
      op: "and",
      children: [{ id: "x", kind: "group", op: "not", children: [{ id: "y", kind: "gender", oneOf: [] }] }],
    };
    expect(incompleteConditions(released)).toEqual([{ id: "y", kind: "gender" }]);
    expect(toDemographic(released)).toBeUndefined();
  });

  it("reads LINE's JSON back into the same tree", () => {
    const json = toDemographic(tree)!;
    expect(toDemographic(fromLine(json))).toEqual(json);
  });

  it("gives nothing for an empty builder and a single condition without an operator", () => {
    expect(toDemographic({ id: "r", kind: "group", op: "and", children: [] })).toBeUndefined();
    expect(toRecipient({ id: "r", kind: "group", op: "or", children: [{ id: "x", kind: "audience", audienceGroupId: 7 }] })).toEqual({
      type: "audience",
      audienceGroupId: 7,
    });
  });

  it("builds a narrowcast body the shared schema accepts, and back", () => {
    const s = { ...initialState("narrowcast"), filter: tree, limit: { max: 500, upToRemainingQuota: true, forbidPartialDelivery: true } };
    s.messages = [{ id: "m", message: { type: "text", text: "hi" } }];
    const body = toSendBody(s);
    expect(narrowcastBodySchema.safeParse(body).success).toBe(true);
    expect(toSendBody(fromSendBody("narrowcast", body))).toEqual(body);
  });
});

describe("multicast recipients", () => {
  const segmentId = "0f5b8c1e-2d3a-4b5c-8d6e-7f8091a2b3c4";
  const base = () => ({ ...initialState("multicast"), messages: [{ id: "m", message: { type: "text", text: "hi" } }] });

  it("goes to a saved segment by its id, and a draft reopens on it", () => {
    const body = toSendBody({ ...base(), multicastMode: "segment", segmentId });
    expect(body).toEqual({ segmentId, messages: [{ type: "text", text: "hi" }] });
    expect(multicastBodySchema.safeParse(body).success).toBe(true);
    expect(fromSendBody("multicast", body)).toMatchObject({ multicastMode: "segment", segmentId });
  });

  it("a copy of a send to a segment goes to the same segment again", () => {
    const sent = { messages: [{ type: "text", text: "hi" }], toCount: 12, segment: { id: segmentId, name: "VIP", size: 12 } };
    expect(toSendBody(fromSendBody("multicast", sent))).toEqual({ segmentId, messages: [{ type: "text", text: "hi" }] });
  });

  it("with neither user ids nor a segment chosen, the schema asks for one of the two", () => {
    for (const state of [base(), { ...base(), multicastMode: "segment" as const }]) {
      const result = multicastBodySchema.safeParse(toSendBody(state));
      expect(issuesFromZod(result.error!).get("to")).toEqual([expect.objectContaining({ key: "toOrSegment" })]);
    }
  });

  it("user ids stay user ids when a segment was picked and the operator switched back", () => {
    const body = toSendBody({ ...base(), multicastMode: "ids", multicastText: uid(1), segmentId });
    expect(body).toEqual({ to: [uid(1)], messages: [{ type: "text", text: "hi" }] });
  });
});

describe("recipient list", () => {
  it("takes ids one per line or comma separated, once each", () => {
    const r = parseRecipientList(`${uid(1)}\n${uid(2)}, ${uid(3)}\n\n${uid(1)}`);
    expect(r.ids).toEqual([uid(1), uid(2), uid(3)]);
    expect(r.duplicates).toBe(1);
    expect(r.errors).toEqual([]);
  });

  it("reports malformed ids by line number", () => {
    const r = parseRecipientList([uid(1), "U123", `C${"a".repeat(32)}`, "hello", `U${"A".repeat(32)}`].join("\n"));
    expect(r.ids).toEqual([uid(1)]);
    expect(r.errors).toEqual([
      { line: 2, value: "U123", problem: "wrongLength" },
      { line: 3, value: `C${"a".repeat(32)}`, problem: "groupOrRoom" },
      { line: 4, value: "hello", problem: "notAnId" },
      { line: 5, value: `U${"A".repeat(32)}`, problem: "notHex" },
    ]);
  });

  it("reads a CSV export with a header row and a name column", () => {
    const r = parseRecipientList(`\uFEFFuserId,displayName\r\n"${uid(5)}","王小明"\r\n${uid(6)},たけし\r\n`);
    expect(r.ids).toEqual([uid(5), uid(6)]);
    expect(r.errors).toEqual([]);
  });

  it("counts LINE requests of 500", () => {
    expect([1, 500, 501, 1200].map(requestCount)).toEqual([1, 1, 2, 3]);
  });
});

describe("LINE emoji in text", () => {
  it("moves emoji with the text typed before them and drops those deleted", () => {
    const emojis = [
      { index: 2, productId: "p", emojiId: "001" },
      { index: 5, productId: "p", emojiId: "002" },
    ];
    expect(followEdit("Hi$ x$", "Hello$ x$", emojis).map((e) => e.index)).toEqual([5, 8]);
    expect(followEdit("Hi$ x$", "Hi x$", emojis).map((e) => e.emojiId)).toEqual(["002"]);
  });

  it("inserts at the caret and splits for the preview", () => {
    const r = insertEmoji("ab", 1, [], { productId: "p", emojiId: "001" });
    expect(r).toEqual({ text: "a$b", emojis: [{ index: 1, productId: "p", emojiId: "001" }] });
    expect(textSegments(r.text, r.emojis)).toEqual([{ text: "a" }, { emoji: r.emojis[0] }, { text: "b" }]);
  });
});

describe("code snippets", () => {
  const body = { messages: [{ type: "text", text: "It's on" }], retryKey: "0b8f4c1e-2f7a-4d7e-9c1a-1a2b3c4d5e6f" };

  it("curl sends the LINE body with the retry key as a header and quotes safely", () => {
    const curl = toCurl("broadcast", body, body.retryKey);
    expect(curl).toContain("https://api.line.me/v2/bot/message/broadcast");
    expect(curl).toContain("X-Line-Retry-Key: 0b8f4c1e-2f7a-4d7e-9c1a-1a2b3c4d5e6f");
    expect(curl).not.toContain('"retryKey"');
    expect(curl).toContain(`It'\\''s on`);
  });

  it("SDK code calls the client method of the kind and splits multicasts into 500s", () => {
    expect(toSdkCode("narrowcast", body)).toContain("await client.narrowcast(request, randomUUID());");
    expect(toSdkCode("push", { to: uid(1), ...body })).toContain("messagingApi.PushMessageRequest");
    const multicast = toSdkCode("multicast", { to: Array.from({ length: 501 }, (_, i) => uid(i)), messages: body.messages });
    expect(multicast).toContain("to.slice(i, i + 500)");
  });
});

describe("field issues", () => {
  it("keys zod's problems by the field's path, with a translation key and its values", () => {
    const result = broadcastBodySchema.safeParse({
      messages: [
        { type: "text", text: "x".repeat(5001) },
        { type: "image", originalContentUrl: "http://a.example/x.png", previewImageUrl: "https://a.example/p.png" },
      ],
    });
    const issues = issuesFromZod(result.error!);
    expect(issues.get("messages.0.text")).toEqual([expect.objectContaining({ key: "maxChars", values: { maximum: 5000 } })]);
    expect(issues.get("messages.1.originalContentUrl")).toEqual([expect.objectContaining({ key: "httpsUrl" })]);
  });

  it("reads LINE-style details (messages[0].text) onto the same paths, as LINE's own words", () => {
    const issues = issuesFromDetails([{ property: "messages[0].template.actions[1].label", message: "Length must be between 0 and 20" }]);
    expect(issues.get("messages.0.template.actions.1.label")).toEqual([{ message: "Length must be between 0 and 20", fromLine: true }]);
  });

  it("reads our server's details with their catalogue key", () => {
    const issues = issuesFromDetails([{ property: "segmentId", message: "no such segment", key: "validation.segmentNotFound" }]);
    expect(issues.get("segmentId")).toEqual([{ key: "segmentNotFound", message: "no such segment" }]);
  });
});
