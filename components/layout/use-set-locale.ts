"use client";

import { useRouter } from "next/navigation";
import { useCallback, useTransition } from "react";
import { LOCALE_COOKIE, type Locale } from "@/i18n/locales";

/** The locale lives in a cookie (no locale in URLs): set it and render the page again on the server. */
export function useSetLocale() {
  const router = useRouter();
  const [, startTransition] = useTransition();
  return useCallback(
    (locale: Locale) => {
      document.cookie = `${LOCALE_COOKIE}=${locale}; path=/; max-age=31536000; samesite=lax`;
      startTransition(() => router.refresh());
    },
    [router],
  );
}
