"use client";

import { ArrowLeftRight } from "lucide-react";
import { useTranslations } from "next-intl";
import { useChannels, useCurrentChannel } from "./channel-context";
import { useSwitchChannel } from "./channel-switch";
import type { PaletteCommand } from "./palette-commands";

/** "Switch to <channel>" for each other channel the member may see (the header's switcher, by keyboard). */
export function useChannelCommands(): PaletteCommand[] {
  const t = useTranslations("palette");
  const current = useCurrentChannel();
  const channels = useChannels();
  const switchTo = useSwitchChannel();
  return channels
    .filter((c) => c.key !== current?.key)
    .map((c): PaletteCommand => ({
      id: `channel:${c.key}`,
      group: "channels",
      label: t("switchChannel", { name: c.name }),
      // Found by its key and LINE basic id too.
      keywords: `channel account switch ${c.key} ${c.basicId ?? ""}`,
      hint: c.basicId ?? c.key,
      icon: ArrowLeftRight,
      perform: () => switchTo(c),
    }));
}
