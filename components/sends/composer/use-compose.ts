"use client";

import { useCallback, useMemo, useState } from "react";
import { initialState, toSendBody, uid, type ComposeState, type DraftMessage } from "@/lib/sends/composer/compose-state";
import { issuesFromDetails, issuesFromZod, mergeIssues, type IssueMap } from "@/lib/sends/composer/issues";
import { newMessage, type AddableType } from "@/lib/sends/composer/new-message";
import { incompleteConditions } from "@/lib/sends/composer/targeting-tree";
import { sendBodySchemas } from "@/lib/sends/send-schemas";

export type ComposeApi = ReturnType<typeof useCompose>;

/**
 * The composer's state and what can be done to it. The body is rebuilt and checked against the same
 * zod schema the send route uses on every change, so limits show while the operator types.
 */
export function useCompose(initial?: ComposeState, opts: { reveal?: boolean } = {}) {
  const [state, setState] = useState<ComposeState>(() => initial ?? initialState());
  // LINE's (or our server's) 400 details, until the operator edits again.
  const [serverIssues, setServerIssues] = useState<IssueMap>(new Map());
  const [touched, setTouched] = useState(false);
  // Problems show for what the operator has worked on (or everything, once they try to send): a new,
  // empty message should not greet them in red.
  const [worked, setWorked] = useState<ReadonlySet<string>>(() => new Set(opts.reveal ? ["*"] : []));
  const markWorked = useCallback((key: string) => setWorked((w) => (w.has(key) ? w : new Set(w).add(key))), []);

  const update = useCallback((patch: Partial<ComposeState> | ((s: ComposeState) => Partial<ComposeState>)) => {
    setState((s) => ({ ...s, ...(typeof patch === "function" ? patch(s) : patch) }));
    setServerIssues(new Map());
    setTouched(true);
  }, []);

  const body = useMemo(() => toSendBody(state), [state]);
  const localIssues = useMemo(() => {
    const result = sendBodySchemas[state.kind].safeParse(body);
    const map: IssueMap = result.success ? new Map() : issuesFromZod(result.error);
    // A condition left empty is not in the body at all: it is a problem of its own, shown on it.
    if (state.kind === "narrowcast") {
      for (const c of [...incompleteConditions(state.filter), ...incompleteConditions(state.recipient)]) {
        map.set(`targeting.${c.id}`, [{ key: "conditionIncomplete", values: { kind: c.kind }, message: "This condition has no value yet" }]);
      }
    }
    return map;
  }, [body, state.kind, state.filter, state.recipient]);
  const issues = useMemo(() => mergeIssues(localIssues, serverIssues), [localIssues, serverIssues]);
  const visibleIssues = useMemo(() => {
    if (worked.has("*")) return issues;
    const out: IssueMap = new Map();
    for (const [key, list] of issues) {
      const m = /^messages\.(\d+)\./.exec(key);
      const hidden = m ? !worked.has(state.messages[Number(m[1])]?.id ?? "") : key === "to" || key.startsWith("to.") ? !worked.has("to") : false;
      if (!hidden) out.set(key, list);
    }
    return out;
  }, [issues, worked, state.messages]);

  const actions = useMemo(
    () => ({
      setMessage: (id: string, message: DraftMessage) => {
        markWorked(id);
        update((s) => ({ messages: s.messages.map((m) => (m.id === id ? { ...m, message } : m)) }));
      },
      markWorked,
      revealAll: () => markWorked("*"),
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
      showServerDetails: (details: Array<{ property: string; message: string }>) => {
        markWorked("*");
        setServerIssues(issuesFromDetails(details));
      },
      replace: (next: ComposeState) => {
        setState(next);
        setServerIssues(new Map());
        setTouched(false);
      },
    }),
    [update, markWorked],
  );

  return { state, update, body, issues: visibleIssues, allIssues: issues, localIssues, valid: localIssues.size === 0, touched, ...actions };
}
