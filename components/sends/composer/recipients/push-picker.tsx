"use client";

import { useQuery } from "@tanstack/react-query";
import { Hash, Search, UserRound, Users, X } from "lucide-react";
import { useTranslations } from "next-intl";
import { useDeferredValue, useId, useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { InputWithIcon } from "@/components/ui/input";
import { CHAT_ID, chatIdProblem } from "@/lib/sends/composer/chat-id";
import type { PushTarget } from "@/lib/sends/composer/compose-state";
import { chatSearchQuery, contactSearchQuery } from "@/lib/client/contacts";
import { cn } from "@/lib/utils/cn";
import { isComposing } from "@/lib/utils/is-composing";
import { PathErrors } from "../field";
import { PushStandingNote } from "./push-standing-note";
import { usePushStanding } from "./use-push-standing";

/**
 * One user, group or room: found by name (contacts and chats search) or pasted as an id. A WAI-ARIA
 * combobox: the input owns the listbox, arrows and Home/End move the active option (focus stays in the
 * input), Enter picks it, Escape closes the list.
 */
export function PushPicker({ value, onChange }: { value: PushTarget | null; onChange: (t: PushTarget | null) => void }) {
  const t = useTranslations("composer.push");
  const listId = useId();
  const [q, setQ] = useState("");
  const [open, setOpen] = useState(true);
  const [active, setActive] = useState(0);
  const query = useDeferredValue(q.trim());
  const searching = query.length >= 1 && !CHAT_ID.test(query);
  const contacts = useQuery({ ...contactSearchQuery(query), enabled: searching });
  const chats = useQuery({ ...chatSearchQuery(query), enabled: searching });
  // A search that failed (the server is unreachable): the operator can still paste an id.
  const unavailable = contacts.isError && chats.isError;

  // Picking or clearing swaps the field for the chosen target (or back): focus follows, instead of
  // being lost with the element that had it. Not on first render (a draft's target is no one's action).
  const [moved, setMoved] = useState(false);
  const choose = (target: PushTarget | null) => {
    setMoved(true);
    onChange(target);
  };

  if (value) return <ChosenTarget value={value} onClear={() => choose(null)} autoFocus={moved} />;
  const problem = chatIdProblem(q);

  const options: PushTarget[] = [
    ...(CHAT_ID.test(query) ? [{ id: query }] : []),
    ...(contacts.data?.items ?? []).map((c) => ({ id: c.userId, name: c.displayName ?? undefined, pictureUrl: c.pictureUrl })),
    ...(chats.data?.items ?? []).map((c) => ({ id: c.chatId, name: c.name ?? undefined, pictureUrl: c.pictureUrl })),
  ];
  const expanded = open && options.length > 0;
  // The list changes under the active index as results arrive: stay within it.
  const current = Math.min(active, options.length - 1);

  const onKeyDown = (e: React.KeyboardEvent<HTMLInputElement>) => {
    if (e.key === "Escape" && expanded) {
      e.preventDefault();
      setOpen(false);
      return;
    }
    const n = options.length;
    if (n === 0) return;
    const to =
      e.key === "ArrowDown"
        ? expanded
          ? current + 1
          : current
        : e.key === "ArrowUp"
          ? expanded
            ? current - 1
            : current
          : e.key === "Home" && expanded
            ? 0
            : e.key === "End" && expanded
              ? n - 1
              : null;
    if (to !== null) {
      e.preventDefault();
      setOpen(true);
      const next = (to + n) % n;
      setActive(next);
      // After React has drawn the new active option: keep it in view in the scrolling list.
      requestAnimationFrame(() => document.getElementById(`${listId}-${next}`)?.scrollIntoView({ block: "nearest" }));
    } else if (e.key === "Enter" && expanded && !isComposing(e)) {
      e.preventDefault();
      choose(options[current]!);
    }
  };

  return (
    <div className="space-y-2">
      <InputWithIcon
        icon={<Search />}
        role="combobox"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={expanded ? `${listId}-${current}` : undefined}
        autoComplete="off"
        spellCheck={false}
        value={q}
        onChange={(e) => {
          setQ(e.target.value);
          setOpen(true);
          setActive(0);
        }}
        placeholder={t("placeholder")}
        aria-label={t("label")}
        autoFocus={moved}
        onKeyDown={onKeyDown}
      />
      {expanded && (
        <ul
          id={listId}
          role="listbox"
          aria-label={t("results")}
          className="max-h-64 divide-y divide-border overflow-y-auto rounded-lg border border-border scrollbar-thin"
        >
          {options.map((o, i) => (
            <li
              key={o.id}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === current}
              // Keeps focus in the input: the combobox, not the option, holds it.
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => choose(o)}
              onMouseEnter={() => setActive(i)}
              // The active option is tinted and marked at its edge: bg-hover alone barely shows on the dark card.
              className={cn(
                "flex w-full cursor-pointer items-center gap-3 px-3 py-2 text-left",
                i === current && "bg-selected shadow-[inset_3px_0_0_var(--primary)]",
              )}
            >
              <TargetIcon id={o.id} />
              <span className="min-w-0 flex-1">
                <span className="block truncate text-sm">{o.name ?? t("useId")}</span>
                <span className="block truncate font-mono text-2xs text-muted-foreground">{o.id}</span>
              </span>
              <Badge tone="outline">{t(kindOf(o.id))}</Badge>
            </li>
          ))}
        </ul>
      )}
      {problem ? (
        <p className="text-xs text-danger" role="alert" data-testid="push-id-problem">
          {problem.problem === "length" ? t("idProblem.length", { digits: problem.digits }) : t(`idProblem.${problem.problem}`)}
        </p>
      ) : (
        searching && !unavailable && !contacts.isPending && options.length === 0 && <p className="text-xs text-muted-foreground">{t("noMatch")}</p>
      )}
      {/* "Arrows choose, Enter picks" only while there is a list. */}
      {(unavailable || expanded) && (
        <p className={cn("text-2xs", unavailable ? "text-warning-soft-foreground" : "text-muted-foreground")}>
          {unavailable ? t("searchUnavailable") : t("hint")}
        </p>
      )}
      <PathErrors path="to" />
    </div>
  );
}

// The chosen recipient with what the console knows of them: their name (also for an id that came
// pre-filled from a link or a duplicated send) and a warning when LINE would not deliver to them.
function ChosenTarget({ value, onClear, autoFocus }: { value: PushTarget; onClear: () => void; autoFocus: boolean }) {
  const t = useTranslations("composer.push");
  const standing = usePushStanding(value.id);
  const known = standing.kind === "friend" || standing.kind === "blocked" || standing.kind === "notFriend" || standing.kind === "chat" ? standing.name : null;
  const name = value.name ?? known;
  return (
    <div className="space-y-2">
      <div className="flex items-center gap-3 rounded-lg border border-border bg-muted/40 p-2.5" data-testid="push-target">
        <TargetIcon id={value.id} />
        <div className="min-w-0 flex-1">
          <p className={cn("truncate text-sm font-medium", !name && "text-muted-foreground italic")}>{name ?? t("noName")}</p>
          <p className="truncate font-mono text-2xs text-muted-foreground">{value.id}</p>
        </div>
        <Badge tone="outline">{t(kindOf(value.id))}</Badge>
        <Button size="icon-sm" variant="subtle" aria-label={t("change")} onClick={onClear} autoFocus={autoFocus}>
          <X aria-hidden />
        </Button>
      </div>
      <PushStandingNote standing={standing} />
      <PathErrors path="to" />
    </div>
  );
}

function kindOf(id: string): "user" | "group" | "room" {
  return id.startsWith("C") ? "group" : id.startsWith("R") ? "room" : "user";
}

function TargetIcon({ id }: { id: string }) {
  const Icon = id.startsWith("U") ? UserRound : id.startsWith("C") ? Users : Hash;
  return (
    <span className="flex size-8 shrink-0 items-center justify-center rounded-full bg-primary-soft text-primary-soft-foreground">
      <Icon aria-hidden className="size-4" />
    </span>
  );
}
