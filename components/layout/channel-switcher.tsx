"use client";

import { Archive, ChevronsUpDown, Layers } from "lucide-react";
import { useTranslations } from "next-intl";
import { useConsoleAdmin } from "@/components/auth/member-context";
import { useConsoleRouter } from "@/components/common/console-link";
import { Badge } from "@/components/ui/badge";
import { DropdownMenu, DropdownMenuItem, DropdownMenuLabel, DropdownMenuRadioItem, DropdownMenuSeparator } from "@/components/ui/dropdown-menu";
import { ChannelAvatar } from "./channel-avatar";
import { useChannels, useCurrentChannel, type ChannelView } from "./channel-context";
import { useSwitchChannel } from "./channel-switch";

/**
 * The top bar's first crumb: the channel (Official Account) the page is on. A member who may see several
 * opens a menu of them here; one who sees a single channel just reads its name. Below 1024px only the
 * picture shows (the name stays, for screen readers only).
 */
export function ChannelSwitcher() {
  const t = useTranslations("channelSwitcher");
  const current = useCurrentChannel();
  const channels = useChannels();
  const consoleAdmin = useConsoleAdmin();
  const switchTo = useSwitchChannel();
  const router = useConsoleRouter();
  if (!current) return null;

  if (channels.length < 2) {
    return (
      <div data-testid="channel-current" className="flex min-w-0 shrink-0 items-center gap-2 text-sm">
        <ChannelAvatar channel={current} className="size-6 text-2xs" />
        <span className="max-w-48 truncate font-medium max-lg:sr-only">{current.name}</span>
        {current.archived && <ArchivedMark />}
      </div>
    );
  }

  return (
    <DropdownMenu
      label={t("label")}
      className="w-80"
      trigger={
        // Named by its content, not an aria-label: the name read out is the one on screen (WCAG 2.5.3).
        <button
          type="button"
          data-testid="channel-switcher"
          className="flex h-8 min-w-0 shrink-0 items-center gap-2 rounded-md px-1.5 text-sm transition-colors hover:bg-hover focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none data-[state=open]:bg-hover"
        >
          <ChannelAvatar channel={current} className="size-6 text-2xs" />
          <span className="max-w-48 truncate font-medium max-lg:sr-only">{current.name}</span>
          {current.archived && <ArchivedMark />}
          <span className="sr-only">{t("switch")}</span>
          <ChevronsUpDown aria-hidden className="size-3.5 shrink-0 text-subtle-foreground" />
        </button>
      }
    >
      <DropdownMenuLabel>{t("label")}</DropdownMenuLabel>
      {channels.map((c) => (
        <DropdownMenuRadioItem
          key={c.key}
          checked={c.key === current.key}
          // The open channel is ticked; choosing it again just closes the menu.
          onSelect={() => c.key !== current.key && switchTo(c)}
          textValue={c.name}
          data-channel={c.key}
        >
          <ChannelAvatar channel={c} />
          <ChannelLines channel={c} />
        </DropdownMenuRadioItem>
      ))}
      {consoleAdmin && (
        <>
          <DropdownMenuSeparator />
          <DropdownMenuItem onSelect={() => router.push("/settings/channels")}>
            <Layers aria-hidden />
            {t("manage")}
          </DropdownMenuItem>
        </>
      )}
    </DropdownMenu>
  );
}

/** Name (and whether archived), then the basic id and the member's role there. */
function ChannelLines({ channel }: { channel: ChannelView }) {
  const t = useTranslations("channelSwitcher");
  const tr = useTranslations("roles");
  return (
    <span className="min-w-0 flex-1">
      <span className="flex min-w-0 items-center gap-1.5">
        <span className="truncate font-medium">{channel.name}</span>
        {channel.archived && <Badge tone="neutral">{t("archived")}</Badge>}
      </span>
      {/* Wraps rather than cut off the role (Thai runs long). */}
      <span className="block text-xs break-words text-muted-foreground">
        {channel.basicId ? `${channel.basicId} · ` : ""}
        {t("role", { role: tr(channel.role) })}
      </span>
    </span>
  );
}

function ArchivedMark() {
  const t = useTranslations("channelSwitcher");
  return (
    <Badge tone="neutral" title={t("archivedHint")} className="max-sm:px-1">
      <Archive aria-hidden />
      <span className="max-sm:sr-only">{t("archived")}</span>
    </Badge>
  );
}
