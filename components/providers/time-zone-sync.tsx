"use client";

import { useTimeZone } from "next-intl";
import { useConsoleRouter } from "@/components/common/console-link";
import { useEffect, useRef } from "react";
import { TIME_ZONE_COOKIE } from "@/i18n/locales";

/**
 * The server cannot know the operator's time zone, so it renders in the zone from the oa_tz cookie. On
 * the first visit (or after travelling) the browser's zone differs: store it and render again. A member
 * who chose a time zone in their account gets that one whatever the cookie says: once the cookie holds
 * this browser's zone there is nothing more to sync.
 */
export function TimeZoneSync() {
  const router = useConsoleRouter();
  const serverZone = useTimeZone();
  // Once per page load: if the server cannot use the zone (an old ICU), asking again would loop.
  const tried = useRef(false);
  useEffect(() => {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (!zone || zone === serverZone || tried.current || readCookie(TIME_ZONE_COOKIE) === zone) return;
    tried.current = true;
    // IANA names ("Asia/Taipei") are cookie-safe as they are, and the server reads the value verbatim.
    document.cookie = `${TIME_ZONE_COOKIE}=${zone}; path=/; max-age=31536000; samesite=lax`;
    router.refresh();
  }, [serverZone, router]);
  return null;
}

function readCookie(name: string): string | undefined {
  return document.cookie
    .split("; ")
    .find((c) => c.startsWith(`${name}=`))
    ?.slice(name.length + 1);
}
