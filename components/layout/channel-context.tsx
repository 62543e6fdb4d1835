"use client";

import { useQueryClient } from "@tanstack/react-query";
import { createContext, use, useEffect, useRef } from "react";
import type { Role } from "@/lib/auth/roles";
import { LAST_CHANNEL_COOKIE } from "@/lib/client/channel-path";

/** A channel as the browser sees it: never its secret or token. */
export interface ChannelView {
  /** The database id: what an API key's channelIds name. */
  id: number;
  key: string;
  name: string;
  basicId: string | null;
  pictureUrl: string | null;
  archived: boolean;
  /** The member's role on it. */
  role: Role;
}

interface ChannelContextValue {
  current: ChannelView;
  /** Every channel the member may see, the first configured first. */
  channels: ChannelView[];
}

const ChannelContext = createContext<ChannelContextValue | null>(null);

export function ChannelProvider({ current, channels, children }: ChannelContextValue & { children: React.ReactNode }) {
  // Nothing one channel's pages read may show on another's: the switcher loads the new channel's pages
  // afresh, and should the tab reach another channel otherwise, what was read is dropped.
  const queryClient = useQueryClient();
  const shown = useRef(current.key);
  useEffect(() => {
    if (shown.current === current.key) return;
    shown.current = current.key;
    queryClient.clear();
  }, [current.key, queryClient]);
  useEffect(() => {
    document.cookie = `${LAST_CHANNEL_COOKIE}=${encodeURIComponent(current.key)}; path=/; max-age=31536000; samesite=lax`;
  }, [current.key]);
  return <ChannelContext value={{ current, channels }}>{children}</ChannelContext>;
}

/** The channel the page is on (null outside a channel's pages). */
export function useCurrentChannel(): ChannelView | null {
  return use(ChannelContext)?.current ?? null;
}

/** The channels the member may see (empty outside the console). */
export function useChannels(): ChannelView[] {
  return use(ChannelContext)?.channels ?? [];
}
