"use client";

import { useQuery } from "@tanstack/react-query";
import { UserRoundSearch } from "lucide-react";
import { useTranslations } from "next-intl";
import { useDeferredValue, useId, useState } from "react";
import { InputWithIcon } from "@/components/ui/input";
import { idFilterKey } from "@/lib/events/event-filters";
import { chatSearchQuery, contactSearchQuery } from "@/lib/client/contacts";
import { cn } from "@/lib/utils/cn";
import { shortId } from "@/lib/utils/format";
import { isComposing } from "@/lib/utils/is-composing";
import type { FilterPatch } from "./use-event-filters";

const MAX_OPTIONS = 8;

interface SourceOption {
  key: "userId" | "groupId" | "roomId";
  id: string;
  name: string | null;
}

/**
 * The sender filter: a friend's or a group's name (operators know names, not ids), or a user, group or
 * room id pasted whole, where LINE's prefix (U, C, R) says which filter it is.
 */
export function SourceFilterInput({ onApply }: { onApply: (patch: FilterPatch) => void }) {
  const t = useTranslations("events.filters");
  const id = useId();
  const [value, setValue] = useState("");
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const query = useDeferredValue(value.trim());
  const searching = open && query.length > 0 && idFilterKey(query) === null;
  const friends = useQuery({ ...contactSearchQuery(query), enabled: searching });
  const chats = useQuery({ ...chatSearchQuery(query), enabled: searching });
  const options = searching ? toOptions(friends.data?.items ?? [], chats.data?.items ?? []) : [];
  const settled = searching && !friends.isFetching && !chats.isFetching;

  const pick = (patch: FilterPatch) => {
    onApply(patch);
    setValue("");
    setOpen(false);
    setActive(-1);
  };

  // Enter: a whole id as typed, else the highlighted match, else the first (no match: the list says so).
  const apply = () => {
    const v = value.trim();
    const key = idFilterKey(v);
    if (key) return pick({ [key]: v });
    const option = options[active] ?? options[0];
    if (option) pick({ [option.key]: option.id });
  };

  const listId = `${id}-options`;
  const showList = searching && (options.length > 0 || settled);
  return (
    <div className="relative w-full sm:w-56">
      <InputWithIcon
        icon={<UserRoundSearch />}
        role="combobox"
        aria-label={t("idLabel")}
        aria-expanded={showList}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={showList && active >= 0 ? `${listId}-${active}` : undefined}
        placeholder={t("idPlaceholder")}
        value={value}
        spellCheck={false}
        autoComplete="off"
        onChange={(e) => {
          setValue(e.target.value);
          setOpen(true);
          setActive(-1);
        }}
        onKeyDown={(e) => {
          // The Enter that commits an input method's word is the input method's, not a choice.
          if (e.key === "Enter" && !isComposing(e)) {
            e.preventDefault();
            apply();
          } else if (e.key === "ArrowDown" || e.key === "ArrowUp") {
            if (options.length === 0) return;
            e.preventDefault();
            setOpen(true);
            // Round the options and back to the text itself (-1).
            const n = options.length;
            const step = e.key === "ArrowDown" ? 1 : -1;
            setActive((i) => {
              const next = ((i === -1 ? n : i) + step + n + 1) % (n + 1);
              return next === n ? -1 : next;
            });
          } else if (e.key === "Escape" && showList) {
            e.preventDefault();
            e.stopPropagation();
            setOpen(false);
            setActive(-1);
          }
        }}
        // A whole id needs no choosing; a half-typed name is left for the operator to come back to.
        onBlur={() => {
          setOpen(false);
          const key = idFilterKey(value.trim());
          if (key) pick({ [key]: value.trim() });
        }}
        className="[&_input::placeholder]:text-sm"
      />
      {showList && (
        <ul
          id={listId}
          role="listbox"
          aria-label={t("sourceResults")}
          className="absolute top-full left-0 z-50 mt-1 max-h-72 w-full min-w-64 animate-pop-in overflow-y-auto rounded-lg border border-border bg-surface-raised p-1 shadow-md scrollbar-thin"
        >
          {options.map((o, i) => (
            <li
              key={o.id}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === active}
              // Chosen before the input's blur closes the list.
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => pick({ [o.key]: o.id })}
              onMouseEnter={() => setActive(i)}
              className={cn("flex cursor-pointer items-center gap-2 rounded-md px-2 py-1.5 text-sm", i === active && "bg-hover")}
            >
              <span className="min-w-0 flex-1 truncate">{o.name ?? shortId(o.id)}</span>
              {/* Two friends may share a name: the id tells them apart. */}
              {o.name && <span className="shrink-0 font-mono text-2xs text-subtle-foreground">{shortId(o.id)}</span>}
              <span className="min-w-10 shrink-0 text-right text-2xs whitespace-nowrap text-subtle-foreground">{t(`chip.${o.key}`)}</span>
            </li>
          ))}
          {options.length === 0 && (
            <li role="presentation" className="px-2 py-1.5 text-xs text-muted-foreground">
              {t("sourceNoMatch")}
            </li>
          )}
        </ul>
      )}
    </div>
  );
}

type FriendMatch = { userId: string; displayName: string | null };
type ChatMatch = { chatId: string; type: string; name: string | null };

function toOptions(friends: FriendMatch[], chats: ChatMatch[]): SourceOption[] {
  return [
    ...friends.map((f) => ({ key: "userId" as const, id: f.userId, name: f.displayName })),
    ...chats.map((c) => ({ key: c.type === "room" ? ("roomId" as const) : ("groupId" as const), id: c.chatId, name: c.name })),
  ].slice(0, MAX_OPTIONS);
}
