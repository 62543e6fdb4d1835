"use client";

import { useCallback, useMemo, useState } from "react";
import { initialState, toSendBody, uid, type ComposeState, type DraftMessage } from "@/lib/composer/compose-state";
import { issuesFromDetails, issuesFromZod, mergeIssues, type IssueMap } from "@/lib/composer/issues";
import { newMessage, type AddableType } from "@/lib/composer/new-message";
import { sendBodySchemas } from "@/lib/messages/send-schemas";

export type ComposeApi = ReturnType<typeof useCompose>;

/**
 * The composer's state and what can be done to it. The body is rebuilt and checked against the same
 * zod schema the send route uses on every change, so limits show while the operator types.
 */
export function useCompose(initial?: ComposeState) {
  const [state, setState] = useState<ComposeState>(() => initial ?? initialState());
  // LINE's (or our server's) 400 details, until the operator edits again.
  const [serverIssues, setServerIssues] = useState<IssueMap>(new Map());
  const [touched, setTouched] = useState(false);

  const update = useCallback((patch: Partial<ComposeState> | ((s: ComposeState) => Partial<ComposeState>)) => {
    setState((s) => ({ ...s, ...(typeof patch === "function" ? patch(s) : patch) }));
    setServerIssues(new Map());
    setTouched(true);
  }, []);

  const body = useMemo(() => toSendBody(state), [state]);
  const localIssues = useMemo(() => {
    const result = sendBodySchemas[state.kind].safeParse(body);
    return result.success ? new Map() : issuesFromZod(result.error);
  }, [body, state.kind]);
  const issues = useMemo(() => mergeIssues(localIssues, serverIssues), [localIssues, serverIssues]);

  const actions = useMemo(
    () => ({
      setMessage: (id: string, message: DraftMessage) => update((s) => ({ messages: s.messages.map((m) => (m.id === id ? { ...m, message } : m)) })),
      addMessage: (type: AddableType) => update((s) => ({ messages: [...s.messages, { id: uid(), message: newMessage(type) }].slice(0, 5) })),
      duplicateMessage: (id: string) =>
        update((s) => {
          const i = s.messages.findIndex((m) => m.id === id);
          if (i === -1 || s.messages.length >= 5) return {};
          const copy = { id: uid(), message: structuredClone(s.messages[i]!.message) };
          return { messages: [...s.messages.slice(0, i + 1), copy, ...s.messages.slice(i + 1)] };
        }),
      removeMessage: (id: string) => update((s) => ({ messages: s.messages.filter((m) => m.id !== id) })),
      moveMessage: (from: number, to: number) =>
        update((s) => {
          if (to < 0 || to >= s.messages.length || from === to) return {};
          const next = [...s.messages];
          const [moved] = next.splice(from, 1);
          next.splice(to, 0, moved!);
          return { messages: next };
        }),
      showServerDetails: (details: Array<{ property: string; message: string }>) => setServerIssues(issuesFromDetails(details)),
      replace: (next: ComposeState) => {
        setState(next);
        setServerIssues(new Map());
        setTouched(false);
      },
    }),
    [update],
  );

  return { state, update, body, issues, localIssues, valid: localIssues.size === 0, touched, ...actions };
}
