"use client";

import { useCallback, useEffect, useRef } from "react";

/**
 * How often the server is told an operator is still typing (it shows LINE's loading animation for
 * 10 s a time when the channel's setting is on): a little under that, so it runs while they type and
 * ends soon after they stop.
 */
const TYPING_REPEAT_MS = 8_000;

/**
 * The friend's side of an operator at work, for one-on-one chats: `typing()` on every keystroke asks
 * the server (at most every 8 s) to show LINE's loading animation; the friend's messages are marked as
 * read when the conversation is opened and when a newer message of theirs arrives while it is in view.
 * The server decides by the channel's settings; every call is fire-and-forget.
 */
export function useChatSignals(userId: string | null, newestMessageId: string | null) {
  const lastTyping = useRef(0);
  const typing = useCallback(() => {
    if (!userId || Date.now() - lastTyping.current < TYPING_REPEAT_MS) return;
    const at = Date.now();
    lastTyping.current = at;
    // Not shown because LINE (or our share of its rate) was busy or failed: a keystroke a second later
    // may try again. Switched off: the usual 8 s.
    void post(`/api/contacts/${userId}/typing`).then((res) => {
      if (res?.done || res?.skipped === "off" || lastTyping.current !== at) return;
      lastTyping.current = at - TYPING_REPEAT_MS + 1_000;
    });
  }, [userId]);
  // A message sent ends the animation at LINE: the next keystroke may start it again at once.
  const sent = useCallback(() => {
    lastTyping.current = 0;
  }, []);

  useEffect(() => {
    if (!userId || !newestMessageId) return;
    const markRead = () => document.visibilityState === "visible" && void post(`/api/contacts/${userId}/read`);
    markRead();
    // Opened in a background tab: read once the operator looks at it.
    document.addEventListener("visibilitychange", markRead);
    return () => document.removeEventListener("visibilitychange", markRead);
  }, [userId, newestMessageId]);

  return { typing, sent };
}

/** Fire and forget; answers the server's `{done}` when there was one. */
function post(path: string): Promise<{ done?: boolean; skipped?: string } | undefined> {
  return fetch(path, { method: "POST", headers: { accept: "application/json" } })
    .then((res) => (res.ok ? res.json() : undefined))
    .catch(() => undefined);
}
