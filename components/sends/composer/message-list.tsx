"use client";

import { Plus } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { DropdownMenu, DropdownMenuItem } from "@/components/ui/dropdown-menu";
import { ADDABLE_TYPES } from "@/lib/sends/composer/new-message";
import { PathErrors } from "./field";
import { MessageCard } from "./message-card";
import type { ComposeApi } from "./use-compose";

/** The send's 1–5 messages, in order; reordered by dragging the grip or with Alt+↑/↓. */
export function MessageList({ compose, mentionsAllowed }: { compose: ComposeApi; mentionsAllowed: boolean }) {
  const t = useTranslations("composer.messages");
  const tType = useTranslations("composer.types");
  const { messages } = compose.state;
  const [dragIndex, setDragIndex] = useState<number | null>(null);
  const [announce, setAnnounce] = useState("");

  const move = (from: number, to: number) => {
    if (to < 0 || to >= messages.length) return;
    compose.moveMessage(from, to);
    setAnnounce(t("moved", { n: to + 1 }));
    // Keep focus on the moved card's same button so repeated Alt+↑ keeps moving it.
    requestAnimationFrame(() =>
      document.querySelectorAll<HTMLElement>("[data-testid=message-card]")[to]?.querySelector<HTMLElement>("button:not(:disabled)")?.focus(),
    );
  };

  return (
    <div className="space-y-3">
      <ol className="space-y-3">
        {messages.map((item, i) => (
          <MessageCard
            key={item.id}
            item={item}
            index={i}
            count={messages.length}
            mentionsAllowed={mentionsAllowed}
            onChange={(m) => compose.setMessage(item.id, m)}
            onMove={(to) => move(i, to)}
            onDuplicate={() => compose.duplicateMessage(item.id)}
            onRemove={() => compose.removeMessage(item.id)}
            dragging={dragIndex === i}
            dragHandlers={{
              onDragStart: (e) => {
                if (!(e.target as HTMLElement).closest("[data-drag-handle]")) return;
                setDragIndex(i);
                e.dataTransfer.effectAllowed = "move";
                e.dataTransfer.setData("text/plain", String(i));
              },
              onDragOver: (e) => {
                if (dragIndex === null) return;
                e.preventDefault();
                if (dragIndex !== i) {
                  compose.moveMessage(dragIndex, i);
                  setDragIndex(i);
                }
              },
              onDrop: (e) => {
                e.preventDefault();
                setDragIndex(null);
              },
              onDragEnd: () => setDragIndex(null),
            }}
          />
        ))}
      </ol>
      <PathErrors path="messages" />
      <div className="flex items-center gap-3">
        <DropdownMenu
          label={t("add")}
          trigger={
            <Button disabled={messages.length >= 5}>
              <Plus aria-hidden />
              {t("add")}
            </Button>
          }
        >
          {ADDABLE_TYPES.map((type) => (
            <DropdownMenuItem key={type} onSelect={() => compose.addMessage(type)}>
              {tType(type)}
            </DropdownMenuItem>
          ))}
        </DropdownMenu>
        <span className="text-xs text-muted-foreground">{t("count", { count: messages.length })}</span>
        <span className="ml-auto hidden text-2xs text-muted-foreground sm:inline">{t("reorderHint")}</span>
      </div>
      <span aria-live="polite" className="sr-only">
        {announce}
      </span>
    </div>
  );
}
