export const locales = ["en", "zh-TW", "ja", "th"] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = "en";
export const LOCALE_COOKIE = "oa_locale";
export const TIME_ZONE_COOKIE = "oa_tz";

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (locales as readonly string[]).includes(value);
}

/** The best supported locale for an Accept-Language header (zh-Hant/zh-HK/zh-TW → zh-TW). */
export function localeFromAcceptLanguage(header: string | null): Locale {
  if (!header) return defaultLocale;
  const ranked = header
    .split(",")
    .map((part) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.find((p) => p.trim().startsWith("q="));
      return { tag: tag.toLowerCase(), q: q ? Number(q.trim().slice(2)) : 1 };
    })
    .filter((x) => x.tag && !Number.isNaN(x.q))
    .sort((a, b) => b.q - a.q);
  for (const { tag } of ranked) {
    if (tag.startsWith("zh")) return "zh-TW";
    if (tag.startsWith("ja")) return "ja";
    if (tag.startsWith("th")) return "th";
    if (tag.startsWith("en")) return "en";
  }
  return defaultLocale;
}
