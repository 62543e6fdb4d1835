"use client";

import { Plus, Zap } from "lucide-react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import type { DraftMessage } from "@/lib/sends/composer/compose-state";
import { PathErrors } from "../field";
import { ActionEditor, blankAction, type ActionObject } from "./action-editor";

type Item = { type: "action"; action: ActionObject; imageUrl?: string };

/** Quick reply buttons (up to 13). LINE shows them for the last message of a send only. */
export function QuickReplyEditor({
  message,
  onChange,
  path,
  isLast,
}: {
  message: DraftMessage;
  onChange: (m: DraftMessage) => void;
  path: string;
  isLast: boolean;
}) {
  const t = useTranslations("composer.quickReply");
  const items = ((message.quickReply as { items?: Item[] })?.items ?? []) as Item[];
  const setItems = (next: Item[]) => {
    const { quickReply: _old, ...rest } = message;
    onChange(next.length ? { ...rest, quickReply: { items: next } } : rest);
  };
  if (!items.length) {
    return (
      <Button size="xs" variant="subtle" onClick={() => setItems([{ type: "action", action: blankAction("message") }])}>
        <Zap aria-hidden />
        {t("add")}
      </Button>
    );
  }
  return (
    <div className="space-y-2 rounded-lg border border-dashed border-border-strong p-3">
      <div className="flex items-center justify-between gap-2">
        <span className="flex items-center gap-1.5 text-xs font-semibold">
          <Zap aria-hidden className="size-3.5 text-warning" />
          {t("title", { count: items.length })}
        </span>
        {items.length < 13 && (
          <Button size="xs" onClick={() => setItems([...items, { type: "action", action: blankAction("message") }])}>
            <Plus aria-hidden />
            {t("addItem")}
          </Button>
        )}
      </div>
      {!isLast && <p className="text-2xs text-warning-soft-foreground">{t("notLast")}</p>}
      {items.map((item, i) => (
        <ActionEditor
          key={i}
          quickReply
          action={item.action}
          path={`${path}.quickReply.items.${i}.action`}
          onChange={(a) => setItems(items.map((x, j) => (j === i ? { ...x, action: a } : x)))}
          onRemove={() => setItems(items.filter((_, j) => j !== i))}
        />
      ))}
      <PathErrors path={`${path}.quickReply.items`} />
    </div>
  );
}
