import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import { describe, expect, it } from "vitest";
import en from "@/messages/en.json";
import ja from "@/messages/ja.json";
import th from "@/messages/th.json";
import zhTW from "@/messages/zh-TW.json";

const catalogues = { en, "zh-TW": zhTW, ja, th } as const;

describe("message catalogues", () => {
  const reference = flatten(en);

  it.each(Object.entries(catalogues))("%s has exactly the keys of en.json", (_, messages) => {
    expect(Object.keys(flatten(messages)).sort()).toEqual(Object.keys(reference).sort());
  });

  it.each(Object.entries(catalogues))("%s messages are valid ICU and use the same arguments as en.json", (locale, messages) => {
    for (const [key, text] of Object.entries(flatten(messages))) {
      expect(() => parse(text), `${locale} ${key}`).not.toThrow();
      expect(argumentsOf(text), `${locale} ${key}`).toEqual(argumentsOf(reference[key]!));
    }
  });

  it.each(Object.entries(catalogues).filter(([l]) => l !== "en"))("%s is translated, not copied from English", (_, messages) => {
    const flat = flatten(messages);
    const copied = Object.keys(flat).filter((k) => flat[k] === reference[k] && !sameInEveryLanguage.has(k));
    expect(copied).toEqual([]);
  });
});

// Names of products, protocols and languages, which read the same in every language.
const sameInEveryLanguage = new Set([
  "common.appName",
  "nav.brand",
  "languages.native.en",
  "languages.native.zh-TW",
  "languages.native.ja",
  "languages.native.th",
  "languages.short.en",
  "languages.short.zh-TW",
  "languages.short.ja",
  "languages.short.th",
  "eventTypes.postback",
  "demo.os.ios",
  "demo.os.android",
  "demo.attr.os",
  // Word order and punctuation of the targeting sentence: Thai shares English's.
  "targeting.modifierOrder",
  "targeting.modifierSeparator",
  "targeting.group",
  "eventDetail.fields.webhookEventId",
  "eventDetail.fields.messageId",
  "eventDetail.fields.userId",
  "eventDetail.fields.groupId",
  "eventDetail.fields.roomId",
  "eventDetail.fields.replyToken",
  "eventDetail.delivery.userAgent",
  "deliveries.detail.userAgent",
]);

function flatten(obj: object, prefix = ""): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(obj)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === "string") out[key] = v;
    else Object.assign(out, flatten(v as object, key));
  }
  return out;
}

/** The argument names a message uses, wherever they are nested (plural and select branches too). */
function argumentsOf(message: string): string[] {
  const names = new Set<string>();
  const walk = (elements: MessageFormatElement[]) => {
    for (const el of elements) {
      if (el.type === TYPE.literal || el.type === TYPE.pound) continue;
      if ("value" in el && el.type !== TYPE.tag) names.add(el.value);
      if (el.type === TYPE.select || el.type === TYPE.plural) for (const option of Object.values(el.options)) walk(option.value);
      if (el.type === TYPE.tag) walk(el.children);
    }
  };
  walk(parse(message));
  return [...names].sort();
}
