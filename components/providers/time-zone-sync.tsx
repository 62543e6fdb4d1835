"use client";

import { useTimeZone } from "next-intl";
import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { TIME_ZONE_COOKIE } from "@/i18n/locales";

/**
 * The server cannot know the operator's time zone, so it renders in the zone from the oa_tz cookie. On
 * the first visit (or after travelling) the browser's zone differs: store it and render again.
 */
export function TimeZoneSync() {
  const router = useRouter();
  const serverZone = useTimeZone();
  useEffect(() => {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (!zone || zone === serverZone) return;
    document.cookie = `${TIME_ZONE_COOKIE}=${encodeURIComponent(zone)}; path=/; max-age=31536000; samesite=lax`;
    router.refresh();
  }, [serverZone, router]);
  return null;
}
