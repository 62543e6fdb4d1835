"use client";

import { useTranslations } from "next-intl";
import type { Ref } from "react";
import { ChannelAvatar } from "@/components/layout/channel-avatar";
import type { ChannelView } from "@/components/layout/channel-context";
import { Badge } from "@/components/ui/badge";
import { Checkbox } from "@/components/ui/checkbox";
import { cn } from "@/lib/utils/cn";

/** Channels to tick (an API key's): each with its picture, name and basic id; the value keeps the list's order. */
export function ChannelChecklist({
  id,
  label,
  hint,
  channels,
  value,
  onChange,
  error,
  inputRef,
}: {
  id: string;
  label: string;
  hint?: string;
  channels: ChannelView[];
  value: string[];
  onChange: (keys: string[]) => void;
  /** Already in the operator's language. */
  error?: string;
  /** The first box, for the form to focus when nothing is ticked. */
  inputRef?: Ref<HTMLInputElement>;
}) {
  const t = useTranslations("channelSwitcher");
  const toggle = (key: string, on: boolean) => {
    const next = new Set(value);
    if (on) next.add(key);
    else next.delete(key);
    onChange(channels.filter((c) => next.has(c.key)).map((c) => c.key));
  };
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <fieldset aria-describedby={describedBy} aria-invalid={error ? true : undefined} className="space-y-1.5">
      <legend className="mb-1.5 block text-sm font-medium text-foreground">{label}</legend>
      {/* Scrolls past a handful of channels, so the dialog's buttons stay in view. */}
      <div className="grid max-h-52 gap-1.5 overflow-y-auto scrollbar-thin">
        {channels.map((c, i) => {
          const checked = value.includes(c.key);
          return (
            <label
              key={c.key}
              data-channel={c.key}
              className={cn(
                "flex cursor-pointer items-center gap-3 rounded-lg border px-3 py-2 transition-colors has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-ring",
                checked ? "border-primary/60 bg-primary-soft/40" : "border-border hover:bg-hover",
              )}
            >
              <Checkbox ref={i === 0 ? inputRef : undefined} name={id} value={c.key} checked={checked} onChange={(e) => toggle(c.key, e.target.checked)} />
              <ChannelAvatar channel={c} />
              <span className="min-w-0 flex-1">
                <span className="flex min-w-0 items-center gap-1.5 text-sm">
                  <span className="truncate font-medium">{c.name}</span>
                  {c.archived && <Badge tone="neutral">{t("archived")}</Badge>}
                </span>
                {c.basicId && <span className="block truncate text-xs text-muted-foreground">{c.basicId}</span>}
              </span>
            </label>
          );
        })}
      </div>
      {hint && (
        <p id={`${id}-hint`} className="text-xs text-muted-foreground">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} role="alert" className="text-xs text-danger">
          {error}
        </p>
      )}
    </fieldset>
  );
}
