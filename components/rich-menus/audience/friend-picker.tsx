"use client";

import { useQuery } from "@tanstack/react-query";
import { Search, UserRound, X } from "lucide-react";
import { useTranslations } from "next-intl";
import { useDeferredValue, useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { InputWithIcon } from "@/components/ui/input";
import { contactSearchQuery } from "@/lib/client/contacts";
import { USER_ID } from "@/lib/sends/composer/recipient-list";
import { cn } from "@/lib/utils/cn";
import { isComposing } from "@/lib/utils/is-composing";

export interface PickedFriend {
  userId: string;
  name: string | null;
}

/**
 * One friend, found by name or id with the contacts search the push composer uses (or an id pasted).
 * A WAI-ARIA combobox: arrows move the active option while focus stays in the input, Enter picks it.
 */
export function FriendPicker({ value, onChange }: { value: PickedFriend | null; onChange: (f: PickedFriend | null) => void }) {
  const t = useTranslations("richMenus.audience.friend");
  const listId = useId();
  const [q, setQ] = useState("");
  const [active, setActive] = useState(0);
  const [moved, setMoved] = useState(false);
  const query = useDeferredValue(q.trim());
  const pasted = USER_ID.test(query);
  const search = useQuery({ ...contactSearchQuery(query), enabled: query.length >= 1 && !pasted });
  const choose = (f: PickedFriend | null) => {
    setMoved(true);
    onChange(f);
  };

  if (value)
    return (
      <div className="flex items-center gap-3 rounded-lg border border-border bg-muted/40 p-2.5" data-testid="picked-friend">
        <FriendIcon />
        <div className="min-w-0 flex-1">
          <p className={cn("truncate text-sm font-medium", !value.name && "text-muted-foreground italic")}>{value.name ?? t("noName")}</p>
          <p className="truncate font-mono text-2xs text-muted-foreground">{value.userId}</p>
        </div>
        <Button size="icon-sm" variant="subtle" aria-label={t("change")} onClick={() => choose(null)} autoFocus={moved}>
          <X aria-hidden />
        </Button>
      </div>
    );

  const options: PickedFriend[] = pasted ? [{ userId: query, name: null }] : (search.data?.items ?? []).map((c) => ({ userId: c.userId, name: c.displayName }));
  const expanded = options.length > 0;
  const current = Math.min(active, options.length - 1);
  const onKeyDown = (e: React.KeyboardEvent<HTMLInputElement>) => {
    if (!expanded) return;
    const n = options.length;
    const to = e.key === "ArrowDown" ? current + 1 : e.key === "ArrowUp" ? current - 1 : e.key === "Home" ? 0 : e.key === "End" ? n - 1 : null;
    if (to !== null) {
      e.preventDefault();
      setActive((to + n) % n);
    } else if (e.key === "Enter" && !isComposing(e)) {
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
          className="max-h-56 divide-y divide-border overflow-y-auto rounded-lg border border-border scrollbar-thin"
        >
          {options.map((o, i) => (
            <li
              key={o.userId}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === current}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => choose(o)}
              onMouseEnter={() => setActive(i)}
              className={cn("flex cursor-pointer items-center gap-3 px-3 py-2", i === current && "bg-selected shadow-[inset_3px_0_0_var(--primary)]")}
            >
              <FriendIcon />
              <span className="min-w-0 flex-1">
                <span className="block truncate text-sm">{o.name ?? t("useId")}</span>
                <span className="block truncate font-mono text-2xs text-muted-foreground">{o.userId}</span>
              </span>
            </li>
          ))}
        </ul>
      )}
      {query.length >= 1 && !pasted && search.isSuccess && options.length === 0 && <p className="text-xs text-muted-foreground">{t("noMatch")}</p>}
    </div>
  );
}

function FriendIcon() {
  return (
    <span className="flex size-8 shrink-0 items-center justify-center rounded-full bg-primary-soft text-primary-soft-foreground">
      <UserRound aria-hidden className="size-4" />
    </span>
  );
}
