"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useRef, useState } from "react";
import type { SendKind } from "@/lib/sends/send-schemas";
import { sendKeys, type Draft } from "@/lib/client/messages";
import { sendJson } from "@/lib/client/api-client";

export type SaveStatus = "idle" | "saving" | "saved" | "error";

const DELAY_MS = 1500;

/**
 * Saves the composition shortly after the operator stops typing (once they have changed something).
 * Until it has a name or "Save draft" is pressed it is the member's one working draft: a new
 * composition replaces it rather than piling up another draft (the server keeps one per member). A
 * name or "Save draft" keeps it as a draft of its own.
 */
export function useAutosave(p: {
  kind: SendKind;
  title: string;
  body: Record<string, unknown>;
  touched: boolean;
  initial: { id: string; working: boolean } | null;
  enabled: boolean;
}) {
  const qc = useQueryClient();
  const [draft, setDraft] = useState<{ id: string; working: boolean } | null>(p.initial);
  const [status, setStatus] = useState<SaveStatus>("idle");
  const [savedAt, setSavedAt] = useState<Date | null>(null);
  const ref = useRef(draft);
  const inFlight = useRef<Promise<unknown> | null>(null);

  const save = useCallback(
    async (payload: { kind: SendKind; title: string; body: Record<string, unknown> }, keep: boolean) => {
      await inFlight.current?.catch(() => undefined);
      setStatus("saving");
      const current = ref.current;
      const kept = keep || payload.title.trim() !== "";
      const request = current
        ? sendJson<Draft>("PUT", `/api/drafts/${current.id}`, { ...payload, ...(kept && current.working ? { working: false } : {}) })
        : sendJson<Draft>("POST", "/api/drafts", { ...payload, working: !kept });
      inFlight.current = request;
      try {
        const saved = await request;
        ref.current = { id: saved.id, working: saved.working };
        setDraft(ref.current);
        setStatus("saved");
        setSavedAt(new Date());
        void qc.invalidateQueries({ queryKey: sendKeys.drafts });
        return saved;
      } catch (err) {
        setStatus("error");
        throw err;
      }
    },
    [qc],
  );

  const serialized = JSON.stringify([p.kind, p.title, p.body]);
  useEffect(() => {
    if (!p.enabled || !p.touched) return;
    const timer = setTimeout(() => void save({ kind: p.kind, title: p.title, body: p.body }, false).catch(() => undefined), DELAY_MS);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- serialized stands for kind, title and body
  }, [serialized, p.enabled, p.touched, save]);

  return {
    draftId: draft?.id ?? null,
    working: draft?.working ?? false,
    status,
    savedAt,
    saveNow: () => save({ kind: p.kind, title: p.title, body: p.body }, true),
  };
}
