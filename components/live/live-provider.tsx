"use client";

import { createContext, use, useCallback, useEffect, useMemo, useRef, useState } from "react";
import { currentChannelKey } from "@/lib/client/channel-path";

export type LiveStatus = "connecting" | "open" | "offline";

export interface StoredNotice {
  channelId: number;
  deliveries: number;
  events: number;
  minId: number | null;
  maxId: number | null;
}

interface LiveListener {
  onStored?: (notice: StoredNotice) => void;
  /** Notices may have been lost (server said so, or this tab was disconnected): reload what is shown. */
  onResync?: () => void;
}

interface LiveContextValue {
  status: LiveStatus;
  subscribe: (listener: LiveListener) => () => void;
}

const LiveContext = createContext<LiveContextValue | null>(null);

// If the server refuses the stream outright, EventSource stops retrying; we try again ourselves.
const REOPEN_AFTER_MS = 5000;

/** One /api/live stream per tab, shared by every view that wants to hear about new data. */
export function LiveProvider({ children }: { children: React.ReactNode }) {
  const listeners = useRef(new Set<LiveListener>());
  const [status, setStatus] = useState<LiveStatus>("connecting");

  useEffect(() => {
    let source: EventSource | undefined;
    let reopen: ReturnType<typeof setTimeout> | undefined;
    let lostConnection = false;
    const emit = (fn: (l: LiveListener) => void) => listeners.current.forEach(fn);

    const open = () => {
      // The tab's channel by name (an EventSource cannot set headers): its events, nobody else's.
      const key = currentChannelKey();
      source = new EventSource(key ? `/api/live?channel=${encodeURIComponent(key)}` : "/api/live");
      source.onopen = () => {
        setStatus("open");
        if (lostConnection) emit((l) => l.onResync?.());
        lostConnection = false;
      };
      source.onerror = () => {
        lostConnection = true;
        if (source?.readyState === EventSource.CLOSED) {
          setStatus("offline");
          reopen = setTimeout(open, REOPEN_AFTER_MS);
        } else {
          setStatus("connecting");
        }
      };
      source.addEventListener("stored", (e) => {
        let notice: StoredNotice;
        try {
          notice = JSON.parse((e as MessageEvent<string>).data);
        } catch {
          return;
        }
        emit((l) => l.onStored?.(notice));
      });
      source.addEventListener("resync", () => emit((l) => l.onResync?.()));
    };
    open();
    return () => {
      clearTimeout(reopen);
      source?.close();
    };
  }, []);

  const subscribe = useCallback((listener: LiveListener) => {
    listeners.current.add(listener);
    return () => void listeners.current.delete(listener);
  }, []);
  const value = useMemo(() => ({ status, subscribe }), [status, subscribe]);
  return <LiveContext value={value}>{children}</LiveContext>;
}

export function useLiveStatus(): LiveStatus {
  return use(LiveContext)?.status ?? "connecting";
}

/** Hear about new data while mounted. The latest callbacks are used; no need to memoise them. */
export function useLive(listener: LiveListener) {
  const subscribe = use(LiveContext)?.subscribe;
  const latest = useRef(listener);
  useEffect(() => {
    latest.current = listener;
  });
  useEffect(() => {
    if (!subscribe) return;
    return subscribe({
      onStored: (n) => latest.current.onStored?.(n),
      onResync: () => latest.current.onResync?.(),
    });
  }, [subscribe]);
}
