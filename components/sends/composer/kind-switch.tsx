"use client";

import { Megaphone, Send, Target, Users } from "lucide-react";
import { useTranslations } from "next-intl";
import type { SendKind } from "@/lib/sends/send-schemas";
import { cn } from "@/lib/utils/cn";

const ICONS = { push: Send, multicast: Users, broadcast: Megaphone, narrowcast: Target } as const;
const KINDS: SendKind[] = ["push", "multicast", "broadcast", "narrowcast"];

/** Push, multicast, broadcast or narrowcast: a radio group of four tiles, arrow keys move. */
export function KindSwitch({ value, onChange }: { value: SendKind; onChange: (k: SendKind) => void }) {
  const t = useTranslations("composer.kinds");
  return (
    <div
      role="radiogroup"
      aria-label={t("label")}
      className="grid grid-cols-2 gap-2 lg:grid-cols-4"
      onKeyDown={(e) => {
        const step = e.key === "ArrowRight" || e.key === "ArrowDown" ? 1 : e.key === "ArrowLeft" || e.key === "ArrowUp" ? -1 : 0;
        if (!step) return;
        e.preventDefault();
        const next = KINDS[(KINDS.indexOf(value) + step + KINDS.length) % KINDS.length]!;
        onChange(next);
        e.currentTarget.querySelector<HTMLElement>(`[data-kind="${next}"]`)?.focus();
      }}
    >
      {KINDS.map((k) => {
        const Icon = ICONS[k];
        const on = k === value;
        return (
          <button
            key={k}
            type="button"
            role="radio"
            aria-checked={on}
            data-kind={k}
            tabIndex={on ? 0 : -1}
            onClick={() => onChange(k)}
            className={cn(
              "flex items-start gap-3 rounded-lg border p-3 text-left transition-colors focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none",
              on ? "border-primary bg-primary-soft/50 shadow-xs" : "border-border bg-surface hover:bg-hover",
            )}
          >
            <span
              className={cn(
                "flex size-8 shrink-0 items-center justify-center rounded-md",
                on ? "bg-primary text-primary-foreground" : "bg-muted text-muted-foreground",
              )}
            >
              <Icon aria-hidden className="size-4" />
            </span>
            <span className="min-w-0">
              <span className="block text-sm font-semibold">{t(`${k}.name`)}</span>
              <span className="block text-xs text-muted-foreground">{t(`${k}.description`)}</span>
            </span>
          </button>
        );
      })}
    </div>
  );
}
