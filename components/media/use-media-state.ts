"use client";

import { useCallback, useEffect, useRef, useState } from "react";

export type MediaState = "loading" | "ready" | "pending" | "gone" | "missing" | "too_large" | "external" | "expired" | "failed" | "no_preview";

const CODES: Record<string, MediaState> = {
  media_gone: "gone",
  media_missing: "missing",
  media_too_large: "too_large",
  media_external: "external",
  media_expired: "expired",
  media_no_preview: "no_preview",
  not_found: "missing",
};

/**
 * Media URLs answer the bytes (cached by the browser for good) or, before the console has fetched them
 * from LINE, a small JSON status. An <img>/<video> only says "error", so on error ask once what the
 * status is; while it is still pending, try again with backoff.
 */
export function useMediaState(url: string) {
  const [state, setState] = useState<MediaState>("loading");
  const [attempt, setAttempt] = useState(0);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const reloaded = useRef(false);
  useEffect(() => () => clearTimeout(timer.current), []);

  // One byte is enough to learn the status: ready media answers 206, the rest a small JSON body.
  const check = useCallback(
    async (afterError: boolean) => {
      let next: MediaState = "failed";
      try {
        const res = await fetch(url, { cache: "no-store", headers: { accept: "application/json", range: "bytes=0-0" } });
        if (res.status === 202) next = "pending";
        else if (res.ok && afterError && !reloaded.current) {
          // It became ready between the element's failed load and this check: load it again, once.
          reloaded.current = true;
          setState("loading");
          setAttempt((a) => a + 1);
          return;
        } else if (res.ok)
          next = afterError ? "failed" : "ready"; // after a reload too: there, but the browser cannot show it
        else next = CODES[((await res.json().catch(() => ({}))) as { code?: string }).code ?? ""] ?? "failed";
      } catch {
        next = "failed";
      }
      setState(next);
      if (next === "pending") {
        const delay = Math.min(30_000, 1500 * 1.6 ** attempt);
        timer.current = setTimeout(() => {
          setState("loading");
          setAttempt((a) => a + 1);
        }, delay);
      }
    },
    [url, attempt],
  );

  // A server-rendered <img> may finish (or fail) before React attaches onLoad/onError: look at it once
  // it is in the DOM.
  const imgRef = useCallback(
    (img: HTMLImageElement | null) => {
      if (!img?.complete || state !== "loading") return;
      if (img.naturalWidth > 0) setState("ready");
      else void check(true);
    },
    [state, check],
  );

  return {
    state,
    imgRef,
    src: attempt ? `${url}${url.includes("?") ? "&" : "?"}r=${attempt}` : url,
    attempt,
    onLoad: () => setState("ready"),
    onError: () => check(true),
    /** For what is not loaded by an element (files): ask for the status directly. */
    probe: () => check(false),
  };
}
