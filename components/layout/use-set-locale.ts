"use client";

import { useConsoleRouter } from "@/components/common/console-link";
import { useCallback, useTransition } from "react";
import { useMember } from "@/components/auth/member-context";
import { LOCALE_COOKIE, type Locale } from "@/i18n/locales";
import { sendJson } from "@/lib/client/api-client";

/**
 * The locale lives in a cookie (no locale in URLs) and, for a signed-in member, on their account (so it
 * follows them to another device, and wins over the cookie there). Set both, then render again.
 */
export function useSetLocale() {
  const router = useConsoleRouter();
  const member = useMember();
  const signedIn = member?.kind === "user";
  const [, startTransition] = useTransition();
  return useCallback(
    async (locale: Locale) => {
      document.cookie = `${LOCALE_COOKIE}=${locale}; path=/; max-age=31536000; samesite=lax`;
      // If saving fails the cookie still applies on this device; the saved choice stays as it was.
      if (signedIn) await sendJson("PATCH", "/api/me", { locale }).catch(() => {});
      startTransition(() => router.refresh());
    },
    [router, signedIn],
  );
}
