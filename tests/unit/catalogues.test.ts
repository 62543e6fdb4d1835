import { parse } from "@formatjs/icu-messageformat-parser";
import { describe, expect, it } from "vitest";
import { argumentsOf, at, catalogues, flatCatalogues, flatten } from "../helpers/catalogues";
import { sourceFiles, translationUses, type TranslationUse } from "../helpers/source-scan";

describe("message catalogues", () => {
  const reference = flatten(catalogues.en);

  it.each(Object.entries(catalogues))("%s has exactly the keys of en.json", (_, messages) => {
    expect(Object.keys(flatten(messages)).sort()).toEqual(Object.keys(reference).sort());
  });

  it.each(Object.entries(catalogues))("%s messages are valid ICU and use the same arguments and tags as en.json", (locale, messages) => {
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

describe("translations the components ask for", () => {
  const uses = sourceFiles(["app", "components"]).flatMap((file) => translationUses(file));
  const where = (u: TranslationUse) => `${u.file}:${u.line} ${u.key}`;

  it("finds the translations of this repository (the scan itself works)", () => {
    expect(uses.length).toBeGreaterThan(1000);
    expect(uses).toContainEqual(
      expect.objectContaining({ file: "components/sends/composer/review/review-panel.tsx", key: "composer.review.testFailed", dynamic: false }),
    );
    // (await getTranslations("ns"))("key") in a page's metadata
    expect(uses).toContainEqual(expect.objectContaining({ file: "app/(console)/channels/[channel]/chats/page.tsx", key: "chats.title" }));
    // a translator a helper receives as a parameter is not taken for the component's
    expect(uses.filter((u) => u.file === "components/sends/composer/message-card.tsx" && u.key === "composer.messages.text")).toEqual([]);
  });

  it("every literal key exists in en.json as a message", () => {
    const missing = uses.filter(
      (u) => !u.dynamic && u.method !== "has" && (u.method === "raw" ? at(catalogues.en, u.key) === undefined : typeof reference(u.key) !== "string"),
    );
    expect(missing.map(where)).toEqual([]);
  });

  it("every key built from a template starts inside an existing namespace", () => {
    const missing = uses.filter((u) => u.dynamic && u.key.endsWith(".") && typeof at(catalogues.en, u.key.slice(0, -1)) !== "object");
    expect(missing.map(where)).toEqual([]);
  });

  it("a message with arguments is always given values", () => {
    const bare = uses.filter(
      (u) => !u.dynamic && u.method === "call" && !u.withValues && typeof reference(u.key) === "string" && argumentsOf(reference(u.key)!).length > 0,
    );
    expect(bare.map((u) => `${where(u)} needs ${argumentsOf(reference(u.key)!).join(", ")}`)).toEqual([]);
  });
});

function reference(key: string): string | undefined {
  return flatCatalogues.en[key];
}

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
  // LINE's own word for the action (as eventTypes.postback), and an example user ID.
  "richMenus.taps.action.postback",
  "richMenus.audience.target.listPlaceholder",
]);
