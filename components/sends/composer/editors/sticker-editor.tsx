"use client";

import { useTranslations } from "next-intl";
import { Input } from "@/components/ui/input";
import type { DraftMessage } from "@/lib/sends/composer/compose-state";
import { STICKER_PACKAGES, stickerIds } from "@/lib/sends/composer/stickers";
import { cn } from "@/lib/utils/cn";
import { Field } from "../field";

/** LINE's standard sticker packages by id, or any package/sticker id typed in. */
export function StickerEditor({ message, onChange, path }: { message: DraftMessage; onChange: (m: DraftMessage) => void; path: string }) {
  const t = useTranslations("composer.sticker");
  const packageId = String(message.packageId ?? "");
  const stickerId = String(message.stickerId ?? "");
  const ids = stickerIds(packageId);
  return (
    <div className="space-y-3">
      <div role="radiogroup" aria-label={t("packages")} className="flex flex-wrap gap-1">
        {STICKER_PACKAGES.map((p) => (
          <button
            key={p.packageId}
            type="button"
            role="radio"
            aria-checked={p.packageId === packageId}
            onClick={() => onChange({ ...message, packageId: p.packageId, stickerId: String(p.first) })}
            className={cn(
              "h-7 rounded-md border px-2 font-mono text-xs transition-colors focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none",
              p.packageId === packageId
                ? "border-primary bg-primary-soft text-primary-soft-foreground"
                : "border-border bg-surface text-muted-foreground hover:bg-hover",
            )}
          >
            {p.packageId}
          </button>
        ))}
      </div>
      {ids.length > 0 && (
        <div
          role="radiogroup"
          aria-label={t("stickers")}
          className="grid max-h-40 grid-cols-[repeat(auto-fill,minmax(5.5rem,1fr))] gap-1 overflow-y-auto scrollbar-thin rounded-md border border-border p-1.5"
        >
          {ids.map((id) => (
            <button
              key={id}
              type="button"
              role="radio"
              aria-checked={id === stickerId}
              onClick={() => onChange({ ...message, stickerId: id })}
              className={cn(
                "rounded px-1 py-1.5 font-mono text-2xs transition-colors focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none",
                id === stickerId ? "bg-primary text-primary-foreground" : "bg-muted text-muted-foreground hover:bg-hover",
              )}
            >
              {id}
            </button>
          ))}
        </div>
      )}
      <div className="grid grid-cols-2 gap-3">
        <Field label={t("packageId")} path={`${path}.packageId`}>
          {(p) => (
            <Input
              {...p}
              inputMode="numeric"
              className="font-mono"
              value={packageId}
              onChange={(e) => onChange({ ...message, packageId: e.target.value.trim() })}
            />
          )}
        </Field>
        <Field label={t("stickerId")} path={`${path}.stickerId`}>
          {(p) => (
            <Input
              {...p}
              inputMode="numeric"
              className="font-mono"
              value={stickerId}
              onChange={(e) => onChange({ ...message, stickerId: e.target.value.trim() })}
            />
          )}
        </Field>
      </div>
    </div>
  );
}
