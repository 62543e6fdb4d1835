"use client";

import { useQuery } from "@tanstack/react-query";
import { Hash, Search, UserRound, Users, X } from "lucide-react";
import { useTranslations } from "next-intl";
import { useDeferredValue, useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { InputWithIcon } from "@/components/ui/input";
import { CHAT_ID, chatIdProblem } from "@/lib/sends/composer/chat-id";
import type { PushTarget } from "@/lib/sends/composer/compose-state";
import { chatSearchQuery, contactSearchQuery } from "@/lib/client/contacts";
import { cn } from "@/lib/utils/cn";
import { PathErrors } from "../field";
import { PushStandingNote } from "./push-standing-note";
import { usePushStanding } from "./use-push-standing";

/** One user, group or room: found by name (contacts and chats search) or pasted as an id. */
export function PushPicker({ value, onChange }: { value: PushTarget | null; onChange: (t: PushTarget | null) => void }) {
  const t = useTranslations("composer.push");
  const [q, setQ] = useState("");
  const query = useDeferredValue(q.trim());
  const searching = query.length >= 1 && !CHAT_ID.test(query);
  const contacts = useQuery({ ...contactSearchQuery(query), enabled: searching });
  const chats = useQuery({ ...chatSearchQuery(query), enabled: searching });
  // A search that failed (the server is unreachable): the operator can still paste an id.
  const unavailable = contacts.isError && chats.isError;

  if (value) return <ChosenTarget value={value} onClear={() => onChange(null)} />;
  const problem = chatIdProblem(q);

  const options: PushTarget[] = [
    ...(CHAT_ID.test(query) ? [{ id: query }] : []),
    ...(contacts.data?.items ?? []).map((c) => ({ id: c.userId, name: c.displayName ?? undefined, pictureUrl: c.pictureUrl })),
    ...(chats.data?.items ?? []).map((c) => ({ id: c.chatId, name: c.name ?? undefined, pictureUrl: c.pictureUrl })),
  ];

  return (
    <div className="space-y-2">
      <InputWithIcon
        icon={<Search />}
        value={q}
        onChange={(e) => setQ(e.target.value)}
        placeholder={t("placeholder")}
        aria-label={t("label")}
        onKeyDown={(e) => {
          if (e.key === "Enter" && options[0]) {
            e.preventDefault();
            onChange(options[0]);
          }
        }}
      />
      {options.length > 0 && (
        <ul role="listbox" aria-label={t("results")} className="max-h-64 divide-y divide-border overflow-y-auto rounded-lg border border-border scrollbar-thin">
          {options.map((o) => (
            <li key={o.id}>
              <button
                type="button"
                role="option"
                aria-selected={false}
                onClick={() => onChange(o)}
                className="flex w-full items-center gap-3 px-3 py-2 text-left hover:bg-hover focus-visible:bg-hover focus-visible:outline-none"
              >
                <TargetIcon id={o.id} />
                <span className="min-w-0 flex-1">
                  <span className="block truncate text-sm">{o.name ?? t("useId")}</span>
                  <span className="block truncate font-mono text-2xs text-muted-foreground">{o.id}</span>
                </span>
                <Badge tone="outline">{t(kindOf(o.id))}</Badge>
              </button>
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
      {/* "Enter picks the first match" only while there is one. */}
      {(unavailable || options.length > 0) && (
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
function ChosenTarget({ value, onClear }: { value: PushTarget; onClear: () => void }) {
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
        <Button size="icon-sm" variant="subtle" aria-label={t("change")} onClick={onClear}>
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
