import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { getPageActor, hasSessionCookie } from "@/lib/runtime/page-context";
import { isLocale, LOCALE_COOKIE, localeFromAcceptLanguage, TIME_ZONE_COOKIE, type Locale } from "./locales";

// No locale in the URL. A signed-in member's saved language and time zone win (they follow the member
// from device to device), then this browser's choice (cookies), then its Accept-Language.
export default getRequestConfig(async () => {
  const store = await cookies();
  const member = await savedPreferences(store.getAll().map((c) => c.name));
  const chosen = store.get(LOCALE_COOKIE)?.value;
  const locale: Locale = isLocale(member.locale)
    ? member.locale
    : isLocale(chosen)
      ? chosen
      : localeFromAcceptLanguage((await headers()).get("accept-language"));
  const tz = member.timeZone ?? store.get(TIME_ZONE_COOKIE)?.value;
  return {
    locale,
    timeZone: tz && isTimeZone(tz) ? tz : "UTC",
    messages: (await import(`./catalogues/${locale}.json`)).default,
    onError: (err) => {
      if (process.env.NODE_ENV !== "production") console.warn("[i18n]", err.message);
    },
    getMessageFallback: ({ namespace, key }) => `${namespace ? `${namespace}.` : ""}${key}`,
  };
});

// Only asks the database when there is a session cookie (sign-in pages and the first visit have none).
async function savedPreferences(cookieNames: string[]): Promise<{ locale: string | null; timeZone: string | null }> {
  if (!hasSessionCookie(cookieNames)) return { locale: null, timeZone: null };
  const actor = await getPageActor();
  return actor?.kind === "user" ? { locale: actor.locale, timeZone: actor.timeZone } : { locale: null, timeZone: null };
}

function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}
