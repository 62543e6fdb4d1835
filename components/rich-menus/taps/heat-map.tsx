"use client";

import { useFormatter, useTranslations } from "next-intl";
import type { RichMenu } from "@/lib/client/rich-menus";
import { onThisChannel, type RichMenuTaps } from "@/lib/client/rich-menu-taps";
import { cn } from "@/lib/utils/cn";
import { countable } from "./area-label";

/**
 * The menu's image with each area tinted by its share of the taps (the busiest area darkest), its count
 * and unique friends written on it. Decorative for screen readers: the table below says the same.
 */
export function HeatMap({ menu, taps, describedBy }: { menu: RichMenu; taps: RichMenuTaps | undefined; describedBy: string }) {
  const t = useTranslations("richMenus.taps");
  const format = useFormatter();
  const byIndex = new Map(taps?.areas.map((a) => [a.index, a]) ?? []);
  const max = Math.max(1, ...(taps?.areas.map((a) => a.taps) ?? [0]));
  const total = taps?.total ?? 0;
  return (
    <figure className="space-y-2" aria-describedby={describedBy}>
      <div
        className="relative w-full overflow-hidden rounded-lg border border-border bg-neutral-700"
        style={{ aspectRatio: `${menu.size.width} / ${menu.size.height}` }}
        data-testid="heat-map"
      >
        {menu.imageUrl && (
          // In grey, so the tints read as the heat whatever the image's own colours.
          // eslint-disable-next-line @next/next/no-img-element -- the console's own API serves it, sized by the menu
          <img src={onThisChannel(menu.imageUrl)} alt="" className="absolute inset-0 size-full object-fill opacity-70 grayscale" />
        )}
        {menu.areas.map((area, i) => {
          const a = byIndex.get(i);
          const counted = countable(area.action);
          const share = total > 0 && a ? a.taps / total : 0;
          const strength = a ? a.taps / max : 0;
          return (
            <div
              key={i}
              aria-hidden
              data-testid="heat-area"
              data-taps={a?.taps ?? 0}
              className={cn(
                "absolute flex flex-col items-center justify-center border border-white/80 text-center leading-tight text-white [text-shadow:0_1px_2px_rgb(0_0_0/0.8)]",
                !counted && "bg-[repeating-linear-gradient(45deg,rgb(0_0_0/0.35)_0_6px,rgb(0_0_0/0.15)_6px_12px)]",
              )}
              style={{
                left: `${(area.bounds.x / menu.size.width) * 100}%`,
                top: `${(area.bounds.y / menu.size.height) * 100}%`,
                width: `${(area.bounds.width / menu.size.width) * 100}%`,
                height: `${(area.bounds.height / menu.size.height) * 100}%`,
                // From a light wash to deep orange-red: readable in light and dark, on any image.
                ...(counted ? { backgroundColor: `rgb(234 88 12 / ${0.12 + 0.68 * strength})` } : {}),
              }}
            >
              <span className="text-[10px] font-medium opacity-90 sm:text-xs">{t("areaN", { n: i + 1 })}</span>
              {counted ? (
                <>
                  <span className="text-sm font-semibold tabular sm:text-lg">{format.number(a?.taps ?? 0)}</span>
                  <span className="text-[10px] tabular sm:text-xs">
                    {t("friendsShort", { count: a?.friends ?? 0 })} · {format.number(share, { style: "percent", maximumFractionDigits: 0 })}
                  </span>
                </>
              ) : (
                <span className="text-[10px] sm:text-xs">{t("notCounted")}</span>
              )}
            </div>
          );
        })}
      </div>
      <figcaption className="text-xs text-muted-foreground">{t("heatCaption")}</figcaption>
    </figure>
  );
}
