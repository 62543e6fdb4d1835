"use client";

import { useCallback } from "react";
import { useConsoleAdmin } from "@/components/auth/member-context";
import { useConsolePathname } from "@/components/common/console-link";
import { channelPath } from "@/lib/client/channel-path";
import type { ChannelView } from "./channel-context";
import { useConsoleFlags } from "./console-flags";
import { activeNavItem, activeSettingsItem, visibleTo } from "./nav-config";

/**
 * Where switching to another channel lands, from the page's path inside its channel: the same page, but
 * a list rather than one record of it (an event, a friend, a relay destination: ids belong to one channel),
 * and the overview when the member's role on the other channel does not open that page. The query string
 * is dropped too: a filter may name a friend of this channel.
 */
export function switchTarget(path: string, target: Pick<ChannelView, "role">, options: { consoleAdmin: boolean; demo: boolean }): string {
  const item = activeNavItem(path);
  if (!item) return "/";
  const page = item.href === "/settings" ? activeSettingsItem(path) : item;
  if (!page) return "/";
  return visibleTo([page], target.role, options.demo, options.consoleAdmin).length > 0 ? page.href : "/";
}

/**
 * Opens another channel at the page matching this one. A full page load, never a client navigation:
 * nothing read for one channel (the query cache, a form's state, the live stream) may reach another.
 */
export function useSwitchChannel(): (channel: ChannelView) => void {
  const path = useConsolePathname();
  const consoleAdmin = useConsoleAdmin();
  const { demo } = useConsoleFlags();
  return useCallback(
    (channel: ChannelView) => window.location.assign(channelPath(channel.key, switchTarget(path, channel, { consoleAdmin, demo }))),
    [path, consoleAdmin, demo],
  );
}
