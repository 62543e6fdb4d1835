"use client";

import { Smile } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { EMOJI_PRODUCTS } from "@/lib/composer/stickers";
import { cn } from "@/lib/utils/cn";

/** Pick a LINE emoji by product and emoji id (shown as ids: no images are loaded from LINE). */
export function EmojiPicker({ onPick }: { onPick: (productId: string, emojiId: string) => void }) {
  const t = useTranslations("composer.text");
  const [open, setOpen] = useState(false);
  const [product, setProduct] = useState<string>(EMOJI_PRODUCTS[0]);
  const [custom, setCustom] = useState("");
  return (
    <div className="relative">
      <Button size="sm" aria-expanded={open} onClick={() => setOpen((o) => !o)}>
        <Smile aria-hidden />
        {t("insertEmoji")}
      </Button>
      {open && (
        <div className="absolute top-full left-0 z-30 mt-1 w-80 space-y-2 rounded-lg border border-border bg-surface-raised p-3 shadow-lg">
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
                className={cn("rounded border border-border bg-warning-soft/60 py-1 font-mono text-2xs text-warning-soft-foreground hover:border-primary focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none")}
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
            <Input value={custom} onChange={(e) => setCustom(e.target.value)} placeholder={t("emojiIdPlaceholder")} aria-label={t("emojiId")} className="font-mono" />
            <Button type="submit" size="md">
              {t("insert")}
            </Button>
          </form>
        </div>
      )}
    </div>
  );
}
