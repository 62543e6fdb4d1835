"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useRef, useState } from "react";
import type { SendKind } from "@/lib/messages/send-schemas";
import { sendKeys, type Draft } from "@/lib/queries/messages";
import { sendJson } from "@/lib/queries/api-client";

export type SaveStatus = "idle" | "saving" | "saved" | "error";

const DELAY_MS = 1500;

/**
 * Saves the composition as a draft shortly after the operator stops typing (once they have changed
 * something): the first save creates the draft, later ones update it.
 */
export function useAutosave(p: { kind: SendKind; title: string; body: Record<string, unknown>; touched: boolean; initialId: string | null; enabled: boolean }) {
  const qc = useQueryClient();
  const [draftId, setDraftId] = useState<string | null>(p.initialId);
  const [status, setStatus] = useState<SaveStatus>("idle");
  const [savedAt, setSavedAt] = useState<Date | null>(null);
  const idRef = useRef(draftId);
  const inFlight = useRef<Promise<unknown> | null>(null);

  const save = useCallback(
    async (payload: { kind: SendKind; title: string; body: Record<string, unknown> }) => {
      await inFlight.current?.catch(() => undefined);
      setStatus("saving");
      const id = idRef.current;
      const request = id ? sendJson<Draft>("PUT", `/api/drafts/${id}`, payload) : sendJson<Draft>("POST", "/api/drafts", payload);
      inFlight.current = request;
      try {
        const draft = await request;
        setDraftId(draft.id);
        idRef.current = draft.id;
        setStatus("saved");
        setSavedAt(new Date());
        void qc.invalidateQueries({ queryKey: sendKeys.drafts });
        return draft;
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
    const timer = setTimeout(() => void save({ kind: p.kind, title: p.title, body: p.body }).catch(() => undefined), DELAY_MS);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- serialized stands for kind, title and body
  }, [serialized, p.enabled, p.touched, save]);

  return { draftId, status, savedAt, saveNow: () => save({ kind: p.kind, title: p.title, body: p.body }) };
}
