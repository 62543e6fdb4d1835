import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { isLocale, LOCALE_COOKIE, localeFromAcceptLanguage, TIME_ZONE_COOKIE, type Locale } from "./locales";

// No locale in the URL: the operator's choice (cookie) wins, then the browser's Accept-Language.
export default getRequestConfig(async () => {
  const store = await cookies();
  const chosen = store.get(LOCALE_COOKIE)?.value;
  const locale: Locale = isLocale(chosen) ? chosen : localeFromAcceptLanguage((await headers()).get("accept-language"));
  const tz = store.get(TIME_ZONE_COOKIE)?.value;
  return {
    locale,
    timeZone: tz && isTimeZone(tz) ? tz : "UTC",
    messages: (await import(`../messages/${locale}.json`)).default,
    onError: (err) => {
      if (process.env.NODE_ENV !== "production") console.warn("[i18n]", err.message);
    },
    getMessageFallback: ({ namespace, key }) => `${namespace ? `${namespace}.` : ""}${key}`,
  };
});

function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}
