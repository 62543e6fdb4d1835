"use client";

import Link from "next/link";
import { useParams, usePathname, useRouter } from "next/navigation";
import { useMemo, type ComponentProps } from "react";
import { channelPath, splitChannelPath } from "@/lib/client/channel-path";

// The console's pages live under their channel (/channels/<key>/…). Components write the path inside a
// channel ("/events"); these put it under the channel the page is on, so no link leaves it by mistake.

/** The key of the channel the page is on (null outside the console's pages). */
export function useChannelKey(): string | null {
  const params = useParams<{ channel?: string }>();
  return params?.channel ? decodeURIComponent(params.channel) : null;
}

/** next/link, inside the page's channel. */
export function ConsoleLink({ href, ...props }: ComponentProps<typeof Link>) {
  const key = useChannelKey();
  return <Link href={typeof href === "string" ? channelPath(key, href) : href} {...props} />;
}

/** useRouter, whose push/replace/prefetch stay inside the page's channel. */
export function useConsoleRouter() {
  const router = useRouter();
  const key = useChannelKey();
  return useMemo(
    () => ({
      ...router,
      push: (href: string, options?: Parameters<typeof router.push>[1]) => router.push(channelPath(key, href), options),
      replace: (href: string, options?: Parameters<typeof router.replace>[1]) => router.replace(channelPath(key, href), options),
      prefetch: (href: string) => router.prefetch(channelPath(key, href)),
    }),
    [router, key],
  );
}

/** The page's path inside its channel ("/events"), for telling which navigation item is current. */
export function useConsolePathname(): string {
  return splitChannelPath(usePathname()).path;
}
