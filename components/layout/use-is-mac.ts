"use client";

import { useSyncExternalStore } from "react";

/** Apple keyboards say ⌘ where others say Ctrl; false until hydrated (the server cannot know). */
export function useIsMac(): boolean {
  return useSyncExternalStore(
    () => () => {},
    () => /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent),
    () => false,
  );
}
