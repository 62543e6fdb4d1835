"use client";

import { Smile } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Popover, PopoverContent, PopoverTrigger } from "@/components/ui/popover";
import { Select } from "@/components/ui/select";
import { EMOJI_PRODUCTS } from "@/lib/sends/composer/stickers";
import { cn } from "@/lib/utils/cn";

/**
 * Pick a LINE emoji by product and emoji id (shown as ids: no images are loaded from LINE). `side`
 * "top" opens it upwards, for a field at the bottom of the screen (a conversation's composer).
 */
export function EmojiPicker({
  onPick,
  side = "bottom",
  size = "sm",
}: {
  onPick: (productId: string, emojiId: string) => void;
  side?: "bottom" | "top";
  size?: "sm" | "icon-sm";
}) {
  const t = useTranslations("composer.text");
  const [open, setOpen] = useState(false);
  const [product, setProduct] = useState<string>(EMOJI_PRODUCTS[0]);
  const [custom, setCustom] = useState("");
  return (
    <Popover open={open} onOpenChange={setOpen}>
      <PopoverTrigger asChild>
        <Button
          size={size}
          variant={size === "icon-sm" ? "subtle" : undefined}
          aria-label={size === "icon-sm" ? t("insertEmoji") : undefined}
          title={size === "icon-sm" ? t("insertEmoji") : undefined}
        >
          <Smile aria-hidden />
          {size === "sm" && t("insertEmoji")}
        </Button>
      </PopoverTrigger>
      <PopoverContent side={side} align="start" aria-label={t("insertEmoji")} className="w-80 max-w-[calc(100vw-2rem)] space-y-2">
        <Select value={product} onChange={(e) => setProduct(e.target.value)} aria-label={t("emojiProduct")} className="w-full">
          {EMOJI_PRODUCTS.map((p) => (
            <option key={p} value={p}>
              {p}
            </option>
          ))}
        </Select>
        <div className="grid grid-cols-8 gap-1">
          {Array.from({ length: 40 }, (_, i) => String(i + 1).padStart(3, "0")).map((id) => (
            <button
              key={id}
              type="button"
              onClick={() => {
                onPick(product, id);
                setOpen(false);
              }}
              className={cn(
                "rounded border border-border bg-warning-soft/60 py-1 font-mono text-2xs text-warning-soft-foreground hover:border-primary focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none",
              )}
            >
              {id}
            </button>
          ))}
        </div>
        <form
          className="flex gap-1.5"
          onSubmit={(e) => {
            e.preventDefault();
            if (!/^\d{3}$/.test(custom)) return;
            onPick(product, custom);
            setOpen(false);
          }}
        >
          <Input
            value={custom}
            onChange={(e) => setCustom(e.target.value)}
            placeholder={t("emojiIdPlaceholder")}
            aria-label={t("emojiId")}
            className="font-mono"
          />
          <Button type="submit" size="md">
            {t("insert")}
          </Button>
        </form>
      </PopoverContent>
    </Popover>
  );
}
